import "server-only";
import path from "node:path";
import { z } from "zod";

// Every environment variable Outpost reads, validated once. Anything else reads `env`, never process.env.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  OUTPOST_DATA_DIR: z.string().min(1).default("./data"),
  // Unset: SQLite file under the data dir. postgresql://… : PostgreSQL (several nodes, one queue).
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // The URL this install is reached at; used for the embedded gateway's issuer and the default tenant URL.
  OUTPOST_PUBLIC_URL: z.url().optional(),
  OUTPOST_SESSION_SECRET: z.string().min(32, "OUTPOST_SESSION_SECRET must be at least 32 characters").optional(),
  // 32 bytes, base64: the key that encrypts private keys and secrets at rest.
  OUTPOST_SECRET_KEY: z.string().optional(),
  OUTPOST_ADMIN_PASSWORD: z.string().min(8, "OUTPOST_ADMIN_PASSWORD must be at least 8 characters").optional(),
  OUTPOST_DEMO_CONTENT: z.enum(["on", "off"]).default("on"),
  // Background workers (replication agents, scheduler) on this node.
  OUTPOST_WORKERS: z.enum(["on", "off"]).default("on"),
  OUTPOST_UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 ** 3),
  // Binary storage: unset keeps blobs in the data dir; s3://bucket/prefix puts them in an
  // S3-compatible bucket that every node shares (endpoint, region and credentials: the AWS variables).
  OUTPOST_BLOB_STORE: z
    .string()
    .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, "OUTPOST_BLOB_STORE must look like s3://bucket/prefix")
    .optional(),
  AWS_ENDPOINT_URL_S3: z.url().optional(),
  AWS_ENDPOINT_URL: z.url().optional(),
  AWS_REGION: z.string().min(1).optional(),
  AWS_DEFAULT_REGION: z.string().min(1).optional(),
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
  // Checked at start against the database's fingerprint: every node must have the same one.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z.string().min(1).optional(),
  // Bearer token for GET /api/metrics (Prometheus); unset, the endpoint answers 404.
  OUTPOST_METRICS_TOKEN: z.string().min(16, "OUTPOST_METRICS_TOKEN must be at least 16 characters").optional(),
  // Worker nodes (npm run worker): the port of their health endpoint (0: any free port).
  OUTPOST_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Outpost cannot start: invalid environment\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = load();

export const dataDir = path.resolve(env.OUTPOST_DATA_DIR);

export const databaseUrl = env.DATABASE_URL ?? `file:${path.join(dataDir, "outpost.db")}`;
export const dbProvider: "sqlite" | "postgresql" = /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgresql" : "sqlite";

export const publicUrl = (env.OUTPOST_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");

/** The S3 settings from the standard AWS variables; credentials fall back to none (public or IAM-less servers). */
export const s3Env = {
  endpoint: env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL,
  region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
  credentials:
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? {
          accessKeyId: env.AWS_ACCESS_KEY_ID,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          sessionToken: env.AWS_SESSION_TOKEN,
        }
      : undefined,
};
