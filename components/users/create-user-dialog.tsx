"use client";
import {
  CreateUserAdminButton,
  type RoleOption,
  type UserAdminActions,
  type UserAdminWords,
} from "@/components/users/user-admin";
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from "@/lib/auth/actions";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";

export const consoleUserRoles: RoleOption[] = ROLES.map((r) => ({
  id: r,
  label: ROLE_LABELS[r],
  description:
    r === "administrator" ? "Everything, including Tools and Security" : "Assets, publication and workflow instances",
}));

export const consoleUserWords: UserAdminWords = {
  table: "Users",
  createTitle: "Create user",
  name: "Name",
  loginDescription: "Lowercase letters, digits, '.', '_' and '-'",
  initialPasswordDescription: "At least 10 characters. Tell the user to change it after signing in.",
};

export const consoleUserActions: UserAdminActions = {
  create: (v) => createUserAction({ ...v, role: v.role as Role }),
  changeRole: (userId, role) => changeRoleAction({ userId, role: role as Role }),
  resetPassword: (userId, password) => resetPasswordAction({ userId, password }),
  setDisabled: (userId, disabled) => setDisabledAction({ userId, disabled }),
};

export function CreateUserButton() {
  return (
    <CreateUserAdminButton
      roles={consoleUserRoles}
      defaultRole="author"
      actions={consoleUserActions}
      words={consoleUserWords}
    />
  );
}
