import type { Db } from "@/lib/db/client";

/** The client inside `db.$transaction(async (tx) => …)`; `db` itself fits too. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
