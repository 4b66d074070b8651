"use server";
import { action } from "@/lib/actions/action";
import { portalAction } from "@/lib/portal/portal-action";
import * as users from "@/lib/portal/users";
import { consoleSide, portal, portalChangeOwnPasswordInput } from "@/lib/portal/user-schemas";

// Managing a tenant's portal users: by its Portal administrators on the portal's Users page (the
// tenant is their session's), and by Outpost administrators from the console's tenant page.

export const portalCreateUserAction = portalAction({ role: "admin", input: portal.create }, (input, me) =>
  users.createPortalUser({ ...input, tenantId: me.tenantId }),
);
export const portalChangeRoleAction = portalAction({ role: "admin", input: portal.changeRole }, (input, me) =>
  users.changePortalUserRole(me.tenantId, me.userId, input.userId, input.role),
);
export const portalResetPasswordAction = portalAction({ role: "admin", input: portal.resetPassword }, (input, me) =>
  users.resetPortalUserPassword(me.tenantId, input.userId, input.password),
);
export const portalSetDisabledAction = portalAction({ role: "admin", input: portal.setDisabled }, (input, me) =>
  users.setPortalUserDisabled(me.tenantId, me.userId, input.userId, input.disabled),
);

export const portalChangeOwnPasswordAction = portalAction(
  { role: "user", input: portalChangeOwnPasswordInput },
  (input, me) => users.changeOwnPortalPassword(me.userId, me.sessionId, input.current, input.password),
);

export const consoleCreatePortalUserAction = action({ role: "administrator", input: consoleSide.create }, (input) =>
  users.createPortalUser(input),
);
export const consoleChangePortalRoleAction = action({ role: "administrator", input: consoleSide.changeRole }, (input) =>
  users.changePortalUserRole(input.tenantId, null, input.userId, input.role),
);
export const consoleResetPortalPasswordAction = action(
  { role: "administrator", input: consoleSide.resetPassword },
  (input) => users.resetPortalUserPassword(input.tenantId, input.userId, input.password),
);
export const consoleSetPortalDisabledAction = action(
  { role: "administrator", input: consoleSide.setDisabled },
  (input) => users.setPortalUserDisabled(input.tenantId, null, input.userId, input.disabled),
);
