import { z } from "zod";
import { changeOwnPasswordInput, loginName, password, signInInput } from "@/lib/auth/schemas";
import { nameText } from "@/lib/text-rules";
import { PORTAL_ROLES } from "@/lib/portal/roles";
import { tenantSlug } from "@/lib/portal/schemas";

// Input schemas of portal sign-in and user management: forms (hints) and server actions (the check).
// Login names and passwords follow the console's rules.

const id = z.string().min(1).max(40);
const role = z.enum(PORTAL_ROLES);

export const portalSignInInput = signInInput.extend({ tenant: tenantSlug });

/** The portal calls a user's name their Display name, and so do its messages. */
const displayName = nameText("Display name", 100);
export const portalUserFields = z.object({ login: loginName, displayName, role, password });
export const portalChangeRoleFields = z.object({ userId: id, role });
export const portalResetPasswordFields = z.object({ userId: id, password });
export const portalSetDisabledFields = z.object({ userId: id, disabled: z.boolean() });

/** Inside the portal: the tenant is the page's, by slug; the session must belong to it. */
const inPortal = z.object({ tenant: tenantSlug });
/** From the console: an Outpost administrator names the tenant by id. */
const inConsole = z.object({ tenantId: id });

export const portalChangeOwnPasswordInput = z.intersection(inPortal, changeOwnPasswordInput);

export const portal = {
  create: inPortal.extend(portalUserFields.shape),
  changeRole: inPortal.extend(portalChangeRoleFields.shape),
  resetPassword: inPortal.extend(portalResetPasswordFields.shape),
  setDisabled: inPortal.extend(portalSetDisabledFields.shape),
};
export const consoleSide = {
  create: inConsole.extend(portalUserFields.shape),
  changeRole: inConsole.extend(portalChangeRoleFields.shape),
  resetPassword: inConsole.extend(portalResetPasswordFields.shape),
  setDisabled: inConsole.extend(portalSetDisabledFields.shape),
};

/** The tenant's first administrator, asked for when the tenant is created; no password: generate one. */
export const firstAdminFields = z.object({
  adminLogin: loginName,
  adminPassword: z.union([z.literal(""), password]).optional(),
});
