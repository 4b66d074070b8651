"use server";
import { action } from "@/lib/actions/action";
import { createTenant, updateTenantTrust } from "@/lib/portal/tenants";
import { createTenantInput, updateTenantTrustInput } from "@/lib/portal/schemas";

// Portal administration (console administrators for now; the portal issue brings its own roles).
export const createTenantAction = action({ role: "administrator", input: createTenantInput }, async (input) => {
  const t = await createTenant(input);
  return { slug: t.slug, name: t.name };
});

/** Which tokens a tenant accepts (the Trust dialog of Brand Portal Tenants). */
export const updateTenantTrustAction = action(
  { role: "administrator", input: updateTenantTrustInput },
  async (input) => {
    await updateTenantTrust(input);
    return { slug: input.slug };
  },
);
