import { z } from "zod";
import { SCOPES } from "@/lib/gateway/scopes";
import { freeText, nameText } from "@/lib/text-rules";

// Input schemas shared by the gateway's forms (hints) and server actions (the real check).

const id = z.string().min(1).max(40);
export const clientIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "Not an application ID");

const appName = nameText("Application Name", 100, { empty: "Enter an application name" });
const description = freeText("Description", 500);
const scopes = z.array(z.enum(SCOPES)).min(1, "Select at least one scope").max(SCOPES.length);

export const createOrganizationInput = z.object({
  name: nameText("Name", 100),
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
