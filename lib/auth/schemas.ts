import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { nameText, textProblem } from "@/lib/text-rules";

// Input schemas shared by forms (client-side hints) and server actions (the real check).
export const loginName = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "User name must be at least 2 characters")
  .max(64, "User name must be at most 64 characters")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit");

// Passwords may hold tabs and line breaks (a pasted passphrase), never other control characters.
const passwordText = (v: string) => textProblem(v, "Password", true) === null;
const passwordMessage = "Password cannot contain control characters or broken characters";

export const password = z
  .string()
  .min(10, "Password must be at least 10 characters")
  .max(200, "Password must be at most 200 characters")
  .refine(passwordText, passwordMessage);

/** The password typed at sign-in (the console's and the portal's). */
export const signInPassword = z
  .string()
  .min(1, "Enter your password")
  .max(200, "Password must be at most 200 characters")
  .refine(passwordText, passwordMessage);

export const displayName = nameText("Name", 100);

export const signInInput = z.object({
  login: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your user name")
    .max(64, "User name must be at most 64 characters"),
  password: signInPassword,
  next: z.string().max(2000).optional(),
});

export const createUserInput = z.object({ login: loginName, name: displayName, role: z.enum(ROLES), password });
export const changeRoleInput = z.object({ userId: z.string().min(1).max(40), role: z.enum(ROLES) });
export const resetPasswordInput = z.object({ userId: z.string().min(1).max(40), password });
export const setDisabledInput = z.object({ userId: z.string().min(1).max(40), disabled: z.boolean() });
export const changeOwnPasswordInput = z
  .object({
    current: z.string().min(1, "Enter your current password").max(200).refine(passwordText, passwordMessage),
    password,
    confirm: z.string().max(200),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });
