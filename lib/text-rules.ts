import { z } from "zod";

// The one rule for text a person gives a named thing (organizations, applications, configurations,
// folders, collections, assets, users, tenants, agents): no control characters, no NUL (PostgreSQL
// cannot store it in text) and no lone UTF-16 surrogates (they have no UTF-8 form). Shared by forms
// (hints) and the server (the real check); no server-only imports here.

/**
 * Control characters, NUL included: never in a single-line name or title. C1 controls (NEL, CSI)
 * too, and the bidirectional overrides and isolates, which reorder the text shown after them
 * ("agent (3 of 4)" read as "(4 fo 3)") and can make a name look like another.
 */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** What a multi-line description refuses: the same, except tab and line breaks. */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROLS = new RegExp(CONTROL.source, "g");

/** `v` with each control character replaced by `by`: for text kept as it came, in a log say. */
export const replaceControls = (v: string, by: string) => v.replace(CONTROLS, by);

/** Why a text breaks the rule, or null. */
export function textProblem(v: string, label: string, multiline = false): string | null {
  if ((multiline ? CONTROL_MULTILINE : CONTROL).test(v)) return `${label} cannot contain control characters`;
  if (LONE_SURROGATE.test(v)) return `${label} contains an invalid character (a broken emoji or copy-paste)`;
  return null;
}

/**
 * A single-line name or title: trimmed, `min`–`max` characters, no control characters.
 * `label` starts the messages ("Name must be at most 100 characters").
 */
export function nameText(label: string, max: number, opts: { min?: number; empty?: string } = {}) {
  const min = opts.min ?? 1;
  return z
    .string()
    .trim()
    .min(min, opts.empty ?? `Enter ${article(label)} ${label.toLowerCase()}`)
    .max(max, `${label} must be at most ${max} characters`)
    .superRefine((v, ctx) => {
      const problem = textProblem(v, label);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/**
 * A free text such as a description: line breaks and tabs allowed, other control characters not.
 * `singleLine`: an optional title (empty allowed, no line breaks either).
 */
export function freeText(label: string, max: number, opts: { trim?: boolean; singleLine?: boolean } = {}) {
  const base = opts.trim === false ? z.string() : z.string().trim();
  return base.max(max, `${label} must be at most ${max} characters`).superRefine((v, ctx) => {
    const problem = textProblem(v, label, !opts.singleLine);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

const article = (label: string) => (/^[aeiou]/i.test(label) ? "an" : "a");
