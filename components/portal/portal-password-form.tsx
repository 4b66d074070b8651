"use client";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { portalChangeOwnPasswordAction } from "@/lib/portal/user-actions";

export function PortalChangePasswordForm({ tenant }: { tenant: string }) {
  return <ChangePasswordForm action={(v) => portalChangeOwnPasswordAction({ tenant, ...v })} />;
}
