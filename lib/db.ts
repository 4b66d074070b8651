import "server-only";
import { createDb, type Db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";

// One client per process (Next dev reloads modules: keep it on globalThis).
const g = globalThis as unknown as { outpostDb?: Db };
export const db: Db = g.outpostDb ?? createDb(databaseUrl);
g.outpostDb = db;
