import { z } from "zod";
import { repoPath } from "@/lib/repo-path";
import { freeText, nameText, textProblem } from "@/lib/text-rules";
import { checkServiceUrl, type ServiceUrlField } from "@/lib/cloud-services/url-rules";

// Input rules of the portal: tenant settings (console form) and the receiving API's fields.

export const tenantSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "The slug must be at least 2 characters")
  .max(63, "The slug must be at most 63 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Use lowercase letters, digits and '-', starting with a letter or digit");

export const orgTechId = z
  .string()
  .trim()
  .min(3, "Enter the organization's technical ID, such as A1B2C3D4E5@OutpostOrg")
  .max(100, "The organization ID must be at most 100 characters")
  .regex(/^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+$/, "An organization technical ID looks like A1B2C3D4E5@OutpostOrg");

const ISSUER_FIELD: ServiceUrlField = { label: "Trusted issuer", example: "https://outpost.example.com/gateway" };

/**
 * An issuer URL, or empty for this install's own gateway (a union would lose the message). The
 * portal fetches the issuer's signing keys from it, so it follows the Tenant URL's rules: https
 * unless the host is local or private.
 */
const issuerOrDefault = z
  .string()
  .trim()
  .max(500, "The issuer must be at most 500 characters")
  .superRefine((v, ctx) => {
    const problem = v === "" ? null : checkServiceUrl(v, ISSUER_FIELD);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((v) => v.replace(/\/+$/, ""));

export const audience = z
  .string()
  .trim()
  .min(1, "Enter the audience (aud) the tenant's access tokens carry, such as brand-portal")
  .max(500, "The audience must be at most 500 characters")
  .regex(/^[^\s]+$/, "An audience has no spaces")
  .refine((v) => textProblem(v, "Audience") === null, "The audience cannot contain control characters");

/** The claim naming the publishing organization; empty = the tenant does not check it. */
export const orgClaim = z
  .string()
  .trim()
  .max(100, "The claim name must be at most 100 characters")
  .regex(/^[A-Za-z0-9_:.\-/]*$/, "A claim name uses letters, digits and _ : . - /");

export const updateTenantTrustInput = z.object({
  slug: tenantSlug,
  // Any value another issuer may put in its organization claim, not only Outpost's technical IDs.
  orgTechId: z
    .string()
    .trim()
    .min(1, "Enter the organization the tokens must name")
    .max(200, "The organization must be at most 200 characters"),
  issuer: issuerOrDefault,
  audience,
  orgClaim,
});

export const createTenantInput = z.object({
  name: nameText("The name", 100, { empty: "Enter a name" }),
  slug: tenantSlug,
  orgTechId,
  issuer: issuerOrDefault.optional(),
});

export const assetMetadata = z.object({
  title: freeText("title", 500, { trim: false, singleLine: true }).default(""),
  description: freeText("description", 6000, { trim: false }).default(""),
  tags: z
    .array(freeText("a tag", 200, { trim: false, singleLine: true }))
    .max(200)
    .default([]),
  creator: freeText("creator", 200, { trim: false, singleLine: true }).default(""),
  width: z.number().int().positive().nullable().optional(),
  height: z.number().int().positive().nullable().optional(),
  public: z.boolean().default(false),
});
export type AssetMetadata = z.infer<typeof assetMetadata>;

export const folderBody = z.object({
  title: freeText("title", 500, { trim: false, singleLine: true }).default(""),
  description: freeText("description", 6000, { trim: false }).default(""),
  public: z.boolean().default(false),
});

export const collectionName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "collection names use letters, digits, '.', '_' and '-'");

export const collectionBody = z.object({
  title: freeText("title", 500, { trim: false, singleLine: true }).default(""),
  description: freeText("description", 6000, { trim: false }).default(""),
  memberPaths: z.array(repoPath).max(100_000).default([]),
  public: z.boolean().default(false),
});

export const sha256Hex = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, "X-Content-SHA256 must be 64 hex digits")
  .transform((s) => s.toLowerCase());
export const version = z.coerce.number().int().min(1, "version must be a positive integer").max(2_147_483_647);
