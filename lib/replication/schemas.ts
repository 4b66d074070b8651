import { z } from "zod";
import { LOG_LEVELS } from "@/lib/replication/log/append-log";
import { freeText, nameText } from "@/lib/text-rules";

// Input of the replication console's actions and route handlers.

const id = z.string().min(1).max(40);
const ms = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label} must be a number of milliseconds` })
    .int(`${label} must be a whole number of milliseconds`)
    .min(min, `${label} must be at least ${min} ms`)
    .max(max, `${label} must be at most ${max} ms`);

export const agentSettingsInput = z.object({
  agentId: id,
  name: nameText("The name", 100, { empty: "Enter a name" }),
  description: freeText("The description", 500).default(""),
  enabled: z.boolean(),
  retryDelayMs: ms("Retry Delay", 1_000, 3_600_000),
  maxAttempts: z.coerce
    .number({ message: "Max attempts must be a number" })
    .int("Max attempts must be a whole number")
    .min(1, "Max attempts must be at least 1")
    .max(100, "Max attempts must be at most 100"),
  logLevel: z.enum(LOG_LEVELS, { message: "Choose a log level" }),
  connectTimeoutMs: ms("Connect timeout", 500, 300_000),
  socketTimeoutMs: ms("Socket timeout", 1_000, 3_600_000),
});
export type AgentSettingsInput = z.infer<typeof agentSettingsInput>;

export const agentIdInput = z.object({ agentId: id });
export const pauseInput = z.object({ agentId: id, paused: z.boolean() });
export const jobInput = z.object({ agentId: id, jobId: z.number().int().positive() });

export const queueQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(5).max(200).catch(20),
});

export const logQuery = z.object({
  level: z.enum(LOG_LEVELS).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
