"use server";
import { action } from "@/lib/actions/action";
import { createTenant } from "@/lib/portal/tenants";
import { createTenantInput } from "@/lib/portal/schemas";

// Portal administration (console administrators for now; the portal issue brings its own roles).
export const createTenantAction = action({ role: "administrator", input: createTenantInput }, async (input) => {
  const t = await createTenant(input);
  return { slug: t.slug, name: t.name };
});
