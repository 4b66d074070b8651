// Prisma CLI configuration (Prisma 6.19: WebAssembly schema engine through a driver adapter,
// because the native engine cannot be downloaded on our machines). The app itself never uses
// this file: lib/db/client.ts builds its own client and scripts/migrate applies migrations.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const pg = process.env.DB_PROVIDER === "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: pg ? "prisma/postgres" : "prisma/sqlite",
  migrations: { path: pg ? "prisma/postgres/migrations" : "prisma/sqlite/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: "file:./data/prisma-cli.db" }),
});
