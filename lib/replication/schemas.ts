import { z } from "zod";
import { LOG_LEVELS } from "@/lib/replication/log/append-log";
import { freeText, nameText } from "@/lib/text-rules";

// Input of the replication console's actions and route handlers.

const id = z.string().min(1).max(40);
// The range is checked first: 99999999999999999999 is too large, whatever else it is.
const ms = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label} must be a number of milliseconds` })
    .min(min, { message: `${label} must be at least ${min} ms`, abort: true })
    .max(max, { message: `${label} must be at most ${max} ms`, abort: true })
    .int(`${label} must be a whole number of milliseconds`);

export const agentSettingsInput = z.object({
  agentId: id,
  name: nameText("The name", 100, { empty: "Enter a name" }),
  description: freeText("The description", 500).default(""),
  enabled: z.boolean(),
  retryDelayMs: ms("Retry Delay", 1_000, 3_600_000),
  maxAttempts: z.coerce
    .number({ message: "Max attempts must be a number" })
    .min(1, { message: "Max attempts must be at least 1", abort: true })
    .max(100, { message: "Max attempts must be at most 100", abort: true })
    .int("Max attempts must be a whole number"),
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
