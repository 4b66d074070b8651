"use client";
import { UserAdminTable } from "@/components/users/user-admin";
import { portalRoleOptions, portalUserWords, usersApi, type UsersScope } from "@/components/portal/users/scope";
import type { PortalRole } from "@/lib/portal/roles";

export type PortalUserRow = {
  id: string;
  login: string;
  displayName: string;
  role: PortalRole;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};

/**
 * A tenant's portal users with their actions; `me` is the signed-in portal user (none from the
 * console), who can change neither their own role nor disable themselves.
 */
export function PortalUsersTable({ users, me, scope }: { users: PortalUserRow[]; me?: string; scope: UsersScope }) {
  return (
    <UserAdminTable
      users={users.map(({ displayName, ...u }) => ({ ...u, name: displayName }))}
      me={me}
      roles={portalRoleOptions}
      actions={usersApi(scope)}
      words={portalUserWords}
      lockOwnRole
    />
  );
}
