"use client";
import type { RoleOption, UserAdminActions, UserAdminWords } from "@/components/users/user-admin";
import {
  consoleChangePortalRoleAction,
  consoleCreatePortalUserAction,
  consoleResetPortalPasswordAction,
  consoleSetPortalDisabledAction,
  portalChangeRoleAction,
  portalCreateUserAction,
  portalResetPasswordAction,
  portalSetDisabledAction,
} from "@/lib/portal/user-actions";
import { PORTAL_ROLES, PORTAL_ROLE_DESCRIPTIONS, PORTAL_ROLE_LABELS, type PortalRole } from "@/lib/portal/roles";

/**
 * Where a tenant's users are managed from: inside the portal by its administrators (the tenant is
 * their session's), or from the console's tenant page by Outpost administrators. Same screens,
 * different server actions, each checking its own kind of session.
 */
type PortalNewUser = { login: string; displayName: string; role: PortalRole; password: string };

export type UsersScope = { kind: "portal"; tenant: string } | { kind: "console"; tenantId: string };

export const portalRoleOptions: RoleOption[] = PORTAL_ROLES.map((r) => ({
  id: r,
  label: PORTAL_ROLE_LABELS[r],
  description: PORTAL_ROLE_DESCRIPTIONS[r],
}));

export const portalUserWords: UserAdminWords = {
  table: "Portal users",
  createTitle: "Create portal user",
  name: "Display name",
  loginDescription: "What they sign in with: lowercase letters, digits, '.', '_' and '-'",
  initialPasswordDescription: "At least 10 characters. Pass it on to the user yourself: it is not sent anywhere.",
};

/** The screens' actions for a scope (a portal user's "name" is their displayName on the server). */
export function usersApi(scope: UsersScope): UserAdminActions {
  const api =
    scope.kind === "portal"
      ? {
          create: (v: PortalNewUser) => portalCreateUserAction({ tenant: scope.tenant, ...v }),
          changeRole: (userId: string, role: PortalRole) =>
            portalChangeRoleAction({ tenant: scope.tenant, userId, role }),
          resetPassword: (userId: string, password: string) =>
            portalResetPasswordAction({ tenant: scope.tenant, userId, password }),
          setDisabled: (userId: string, disabled: boolean) =>
            portalSetDisabledAction({ tenant: scope.tenant, userId, disabled }),
        }
      : {
          create: (v: PortalNewUser) => consoleCreatePortalUserAction({ tenantId: scope.tenantId, ...v }),
          changeRole: (userId: string, role: PortalRole) =>
            consoleChangePortalRoleAction({ tenantId: scope.tenantId, userId, role }),
          resetPassword: (userId: string, password: string) =>
            consoleResetPortalPasswordAction({ tenantId: scope.tenantId, userId, password }),
          setDisabled: (userId: string, disabled: boolean) =>
            consoleSetPortalDisabledAction({ tenantId: scope.tenantId, userId, disabled }),
        };
  return {
    create: async ({ name, role, ...v }) => {
      const res = await api.create({ ...v, role: role as PortalRole, displayName: name });
      if (res.ok || !res.fieldErrors?.displayName) return res;
      return { ...res, fieldErrors: { ...res.fieldErrors, name: res.fieldErrors.displayName } };
    },
    changeRole: (userId, role) => api.changeRole(userId, role as PortalRole),
    resetPassword: api.resetPassword,
    setDisabled: api.setDisabled,
  };
}
