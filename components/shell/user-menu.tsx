"use client";
import { Button } from "react-aria-components";
import { ChevronDown, CircleUserRound } from "lucide-react";
import { Menu, MenuItem, MenuSeparator } from "@/components/ui/menu";
import { signOutAction } from "@/lib/auth/actions";

export function UserMenu({ name, login, roleLabel }: { name: string; login: string; roleLabel: string }) {
  return (
    <Menu
      label="User menu"
      trigger={
        <Button
          aria-label={`User menu for ${name}`}
          className="focus-ring flex items-center gap-2 rounded px-2 py-1 text-sm data-[hovered]:bg-white/10"
        >
          <CircleUserRound size={20} aria-hidden />
          <span className="hidden sm:inline">{name}</span>
          <ChevronDown size={14} aria-hidden />
        </Button>
      }
    >
      <MenuItem isDisabled textValue={login} className="flex-col items-start !opacity-100">
        <span className="font-semibold">{name}</span>
        <span className="text-xs text-ink-muted">
          {login} · {roleLabel}
        </span>
      </MenuItem>
      <MenuSeparator />
      <MenuItem href="/account">Change password</MenuItem>
      <MenuItem onAction={() => void signOutAction()}>Sign out</MenuItem>
    </Menu>
  );
}
