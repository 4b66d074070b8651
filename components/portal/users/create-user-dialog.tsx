"use client";
import { CreateUserAdminButton } from "@/components/users/user-admin";
import { portalRoleOptions, portalUserWords, usersApi, type UsersScope } from "@/components/portal/users/scope";

export function CreatePortalUserButton({ scope, label = "Create" }: { scope: UsersScope; label?: string }) {
  return (
    <CreateUserAdminButton
      roles={portalRoleOptions}
      defaultRole="user"
      actions={usersApi(scope)}
      words={portalUserWords}
      label={label}
    />
  );
}
