import { z } from "zod";
import { NAME_MAX, NAME_PATTERN } from "@/lib/cloud-services/config-name";
import {
  checkServiceUrl,
  GATEWAY_URL_FIELD,
  normaliseUrl,
  TENANT_URL_FIELD,
  type ServiceUrlField,
} from "@/lib/cloud-services/url-rules";
import { nameText } from "@/lib/text-rules";

// Input schemas of the Cloud Services actions. The server's parse is the check; the dialogs use
// the same names for their fields.

export const DEFAULT_SCOPE = "dam-read dam-sync dam-write cc-share";
export const GRANT_TYPES = ["jwt-bearer", "client-credentials"] as const;
export type GrantType = (typeof GRANT_TYPES)[number];
export const GRANT_LABELS: Record<GrantType, { label: string; description: string }> = {
  "jwt-bearer": {
    label: "JWT bearer grant",
    description: "RFC 7523: the signed assertion is the grant (Adobe's legacy gateway, Outpost)",
  },
  "client-credentials": {
    label: "Client credentials with private_key_jwt",
    description: "RFC 6749 client_credentials, authenticated by the signed assertion (RFC 7521)",
  },
};

const id = z.string().min(1).max(40);

export const configTitle = nameText("Title", 100);
export const configName = z
  .string()
  .trim()
  .min(1, "Enter a name")
  .max(NAME_MAX, `Name must be at most ${NAME_MAX} characters`)
  .regex(NAME_PATTERN, "Use lowercase letters, digits, '-' and '_', starting with a letter or digit");

export const createConfigInput = z.object({ title: configTitle, name: configName });

const serviceUrl = (field: ServiceUrlField, ownOrigin?: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `Enter the ${field.label}`, abort: true })
    .max(2000, { message: `${field.label} must be at most 2,000 characters`, abort: true })
    .superRefine((v, ctx) => {
      const problem = checkServiceUrl(v, field, ownOrigin);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform(normaliseUrl);

export const clientIdField = z
  .string()
  .trim()
  .min(1, { message: "Enter the Client ID: the Application ID shown on the gateway's application page", abort: true })
  .max(255, "Client ID must be at most 255 characters")
  .regex(
    /^[\x21-\x7e]+$/,
    "Client ID must be one word of printable ASCII characters, without spaces (copy the Application ID again)",
  );

/** The Brand Portal Replication dialog. `ownOrigin` lets this install's own portal be reached over http. */
export function configSettingsInput(ownOrigin?: string) {
  return z.object({
    configId: id,
    tenantUrl: serviceUrl(TENANT_URL_FIELD, ownOrigin),
    clientId: clientIdField,
    publicFolderPublish: z.boolean(),
    gatewayUrl: serviceUrl(GATEWAY_URL_FIELD, ownOrigin),
    orgId: z
      .string()
      .trim()
      .max(200, "Organization ID must be at most 200 characters")
      .regex(/^[\x21-\x7e]*$/, "Organization ID must not contain spaces (for example A1B2C3D4E5@OutpostOrg)"),
    grantType: z.enum(GRANT_TYPES, "Choose how the token is requested"),
    scope: z
      .string()
      .trim()
      .min(1, { message: "Enter the access-token scope, for example " + DEFAULT_SCOPE, abort: true })
      .max(500, "Scope must be at most 500 characters")
      .regex(
        /^[\x21\x23-\x5b\x5d-\x7e]+( +[\x21\x23-\x5b\x5d-\x7e]+)*$/,
        "Scope is a space-separated list of scope names (RFC 6749 §3.3)",
      )
      .transform((s) => s.split(/ +/).join(" ")),
    throughputPerMinute: throughputCap,
  });
}

const CAP_MESSAGE = "Throughput cap must be a whole number of assets per minute, or empty for no cap";
/** Staggered publishing: empty for no cap, else the assets per minute all agents deliver together. */
const throughputCap = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || String(v).trim() === "" ? null : Number(String(v).trim())))
  .pipe(
    z
      .number({ message: CAP_MESSAGE })
      .int(CAP_MESSAGE)
      .min(1, "Throughput cap must be at least 1 asset per minute (empty: no cap)")
      .max(100_000, "Throughput cap must be at most 100000 assets per minute")
      .nullable(),
  );
export type ConfigSettingsInput = z.input<ReturnType<typeof configSettingsInput>>;
/** The dialog's settings as saved (without the configuration's id). */
export type ConfigSettings = Omit<z.output<ReturnType<typeof configSettingsInput>>, "configId">;

export const configIdInput = z.object({ configId: id });
