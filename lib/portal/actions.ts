"use server";
import { action } from "@/lib/actions/action";
import { createTenant, tenantUrl, updateTenantTrust } from "@/lib/portal/tenants";
import { createTenantInput, updateTenantTrustInput } from "@/lib/portal/schemas";
import { firstAdminFields } from "@/lib/portal/user-schemas";
import { generatePassword } from "@/lib/portal/users";

// Tenant administration from the console (Outpost administrators). A new tenant gets its first
// Portal administrator; a generated password is returned here once and stored only as a hash.
export const createTenantAction = action(
  { role: "administrator", input: createTenantInput.extend(firstAdminFields.shape) },
  async ({ adminLogin, adminPassword, ...input }) => {
    const generated = adminPassword ? null : generatePassword();
    const t = await createTenant({ ...input, admin: { login: adminLogin, password: adminPassword || generated! } });
    return { slug: t.slug, name: t.name, url: tenantUrl(t.slug), adminLogin, generatedPassword: generated };
  },
);

/** Which tokens a tenant accepts (the Trust dialog of Brand Portal Tenants). */
export const updateTenantTrustAction = action(
  { role: "administrator", input: updateTenantTrustInput },
  async (input) => {
    await updateTenantTrust(input);
    return { slug: input.slug };
  },
);
