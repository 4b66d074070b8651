import "server-only";
import { createDb, type Db } from "@/lib/db/client";
import { createDirect, type DirectSql } from "@/lib/db/direct";
import { databaseUrl } from "@/lib/env";

// One client per process (Next dev reloads modules: keep it on globalThis).
const g = globalThis as unknown as { outpostDb?: Db; outpostDirect?: DirectSql };
export const db: Db = g.outpostDb ?? createDb(databaseUrl);
g.outpostDb = db;
/** The hot path's statements, on the driver itself: see lib/db/direct.ts. */
export const direct: DirectSql = g.outpostDirect ?? createDirect(databaseUrl);
g.outpostDirect = direct;
