"use server";
import { action } from "@/lib/actions/action";
import { publishNow, schedulePublication } from "@/lib/publication/create-publication";
import { terminatePublication } from "@/lib/publication/terminate";
import { retryFailedItems } from "@/lib/publication/retry-failed";
import { instanceInput, managePublicationInput, quickPublishInput } from "@/lib/publication/schemas";
import { UserError } from "@/lib/errors";

// Publishing's mutations: authors and administrators publish; identity comes from the session.
// Reads (scope preview, readiness, instances) go through the route handlers in app/api/publication.

export const quickPublishAction = action({ role: "author", input: quickPublishInput }, (input, me) =>
  publishNow({ action: input.action, items: input.items, configId: input.configId, userId: me.id }),
);

export const managePublicationAction = action({ role: "author", input: managePublicationInput }, async (input, me) => {
  const common = { action: input.action, items: input.items, configId: input.configId, userId: me.id };
  if (input.scheduling === "now") {
    const r = await publishNow({ ...common, title: input.title });
    return { id: r.id, title: r.title, scheduledAt: null, jobs: r.jobs, assets: r.assets };
  }
  if (!input.title) throw new UserError("Enter a workflow title.", { field: "title" });
  const r = await schedulePublication({ ...common, title: input.title, activationDate: input.activationDate });
  return { id: r.id, title: r.title, scheduledAt: r.scheduledAt, jobs: 0, assets: 0 };
});

export const terminateAction = action({ role: "author", input: instanceInput }, ({ id }, me) =>
  terminatePublication(id, me),
);

export const retryFailedAction = action({ role: "author", input: instanceInput }, ({ id }, me) =>
  retryFailedItems(id, me),
);
