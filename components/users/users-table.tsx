"use client";
import { UserAdminTable, type UserRow } from "@/components/users/user-admin";
import { consoleUserActions, consoleUserRoles, consoleUserWords } from "@/components/users/create-user-dialog";

export type { UserRow };

/** The console's users (Tools › Security › Users); `me` is the signed-in administrator. */
export function UsersTable({ users, me }: { users: UserRow[]; me: string }) {
  return (
    <UserAdminTable
      users={users}
      me={me}
      roles={consoleUserRoles}
      actions={consoleUserActions}
      words={consoleUserWords}
    />
  );
}
