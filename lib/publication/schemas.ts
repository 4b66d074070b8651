import { z } from "zod";

// Input rules of publishing (Quick Publish, Manage Publication, the instances' actions). Items are
// named by kind and id only: paths, titles and sizes are read from the database, never taken from
// the request.

export const MAX_SCOPE_ITEMS = 1000;
export const TITLE_MAX = 200;
/** How far ahead a publication may be scheduled. */
export const MAX_AHEAD_MS = 366 * 24 * 3600_000;

export const scopeItem = z.object({
  kind: z.enum(["asset", "folder", "collection"]),
  id: z.string().min(1).max(40),
});
export type ScopeItem = z.infer<typeof scopeItem>;

export const scopeInput = z
  .array(scopeItem)
  .min(1, "Choose at least one asset, folder or collection to publish.")
  .max(MAX_SCOPE_ITEMS, `Choose at most ${MAX_SCOPE_ITEMS} items at once: publish their folder instead.`);

export const publicationAction = z.enum(["publish", "unpublish"]);
export type PublicationAction = z.infer<typeof publicationAction>;

export const workflowTitle = z
  .string()
  .trim()
  .min(1, "Enter a workflow title.")
  .max(TITLE_MAX, `The workflow title must be at most ${TITLE_MAX} characters.`);

/** An instant with its offset (the browser sends UTC: 2026-11-27T17:30:00.000Z). */
export const activationDate = z
  .string()
  .max(40)
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !isNaN(Date.parse(v)),
    "The activation date is not a valid date and time.",
  );

/** Why an activation instant cannot be scheduled, or null (the wizard's Next and the server both ask). */
export function activationProblem(at: Date, nowMs: number): string | null {
  if (isNaN(at.getTime())) return "The activation date is not a valid date and time.";
  if (at.getTime() <= nowMs) return "The activation date is in the past: choose a time after now.";
  if (at.getTime() > nowMs + MAX_AHEAD_MS)
    return "The activation date is more than a year ahead: choose a date within the next year.";
  return null;
}

export const quickPublishInput = z.object({
  action: publicationAction,
  items: scopeInput,
  /** The Brand Portal configuration (default: the one publications go to). */
  configId: z.string().max(40).optional(),
});

export const managePublicationInput = z.object({
  action: publicationAction,
  items: scopeInput,
  configId: z.string().max(40).optional(),
  scheduling: z.enum(["now", "later"]),
  activationDate: activationDate.optional(),
  title: workflowTitle.optional(),
});
export type ManagePublicationInput = z.infer<typeof managePublicationInput>;

export const instanceInput = z.object({ id: z.string().min(1).max(40) });

export const previewInput = z.object({ items: z.array(scopeItem).max(MAX_SCOPE_ITEMS) });
