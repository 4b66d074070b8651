import { z } from "zod";
import { SCOPES } from "@/lib/gateway/scopes";

// Input schemas shared by the gateway's forms (hints) and server actions (the real check).

const id = z.string().min(1).max(40);
export const clientIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "Not an application ID");

const appName = z
  .string()
  .trim()
  .min(1, "Enter an application name")
  .max(100, "Application Name must be at most 100 characters");
const description = z.string().trim().max(500, "Description must be at most 500 characters");
const scopes = z.array(z.enum(SCOPES)).min(1, "Select at least one scope").max(SCOPES.length);

export const createOrganizationInput = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100, "Name must be at most 100 characters"),
});
export const orgMemberInput = z.object({ orgId: id, userId: id });
export const orgInput = z.object({ orgId: id });

export const createApplicationInput = z.object({
  name: appName,
  description,
  orgId: z.string({ error: "Select an organization" }).min(1, "Select an organization").max(40),
  scopes,
});

export const updateApplicationInput = z.object({
  clientId: clientIdSchema,
  name: appName,
  description,
  scopes,
  // Empty removes the registered key. Generous limit: an RSA-8192 certificate is about 3 KB.
  publicKey: z.string().max(20_000, "This is too long to be a public key"),
});

export const applicationInput = z.object({ clientId: clientIdSchema });
export const noInput = z.object({}).optional();
