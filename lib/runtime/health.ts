import "server-only";
import { db } from "@/lib/db";
import { dbProvider } from "@/lib/env";
import pkg from "@/package.json";

export async function checkHealth() {
  let database: "ok" | "unreachable" = "ok";
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    database = "unreachable";
  }
  return { status: database === "ok" ? "ok" : "degraded", version: pkg.version, database, provider: dbProvider };
}
