"use client";
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
import type { PortalRole } from "@/lib/portal/roles";

/**
 * Where a tenant's users are managed from: inside the portal by its administrators (the tenant is
 * their session's), or from the console's tenant page by Outpost administrators. Same screens,
 * different server actions, each checking its own kind of session.
 */
export type UsersScope = { kind: "portal"; tenant: string } | { kind: "console"; tenantId: string };

type NewUser = { login: string; displayName: string; role: PortalRole; password: string };

export function usersApi(scope: UsersScope) {
  if (scope.kind === "portal") {
    const tenant = scope.tenant;
    return {
      create: (v: NewUser) => portalCreateUserAction({ tenant, ...v }),
      changeRole: (userId: string, role: PortalRole) => portalChangeRoleAction({ tenant, userId, role }),
      resetPassword: (userId: string, password: string) => portalResetPasswordAction({ tenant, userId, password }),
      setDisabled: (userId: string, disabled: boolean) => portalSetDisabledAction({ tenant, userId, disabled }),
    };
  }
  const tenantId = scope.tenantId;
  return {
    create: (v: NewUser) => consoleCreatePortalUserAction({ tenantId, ...v }),
    changeRole: (userId: string, role: PortalRole) => consoleChangePortalRoleAction({ tenantId, userId, role }),
    resetPassword: (userId: string, password: string) =>
      consoleResetPortalPasswordAction({ tenantId, userId, password }),
    setDisabled: (userId: string, disabled: boolean) => consoleSetPortalDisabledAction({ tenantId, userId, disabled }),
  };
}
