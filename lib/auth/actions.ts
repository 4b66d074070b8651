"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { action, failure, fieldErrors } from "@/lib/actions/action";
import type { ActionResult } from "@/lib/actions/result";
import { currentUser } from "@/lib/auth/dal";
import { DEVICE_TTL_SECONDS, SESSION_COOKIE } from "@/lib/auth/session-token";
import { endSession } from "@/lib/auth/sessions";
import { DEVICE_COOKIE, signIn } from "@/lib/auth/sign-in";
import * as users from "@/lib/auth/users";
import * as s from "@/lib/auth/schemas";
import { publicUrl } from "@/lib/env";
import { safeParseInput } from "@/lib/parse-input";
import { safeNextPath } from "@/lib/http/safe-next";

export async function signInAction(raw: {
  login: string;
  password: string;
  next?: string;
}): Promise<ActionResult<{ next: string }>> {
  const parsed = safeParseInput(s.signInInput, raw);
  if (!parsed.success)
    return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
  try {
    const jar = await cookies();
    const { token, expiresAt, device } = await signIn(
      parsed.data.login,
      parsed.data.password,
      jar.get(DEVICE_COOKIE)?.value,
    );
    const h = await headers();
    const secure = h.get("x-forwarded-proto") === "https" || publicUrl.startsWith("https:");
    jar.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", expires: expiresAt });
    jar.set(DEVICE_COOKIE, device, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: DEVICE_TTL_SECONDS });
    return { ok: true, data: { next: safeNextPath(parsed.data.next, "/") } };
  } catch (e) {
    return failure(e);
  }
}

export async function signOutAction(): Promise<void> {
  const user = await currentUser();
  if (user) await endSession(user.sessionId);
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/login");
}

export const createUserAction = action({ role: "administrator", input: s.createUserInput }, (input) =>
  users.createUser(input),
);

export const changeRoleAction = action({ role: "administrator", input: s.changeRoleInput }, (input, me) =>
  users.changeRole(me.id, input.userId, input.role),
);

export const resetPasswordAction = action({ role: "administrator", input: s.resetPasswordInput }, (input) =>
  users.resetPassword(input.userId, input.password),
);

export const setDisabledAction = action({ role: "administrator", input: s.setDisabledInput }, (input, me) =>
  users.setDisabled(me.id, input.userId, input.disabled),
);

export const changeOwnPasswordAction = action({ role: "author", input: s.changeOwnPasswordInput }, (input, me) =>
  users.changeOwnPassword(me.id, me.sessionId, input.current, input.password),
);
