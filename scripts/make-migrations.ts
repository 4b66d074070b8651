// Writes the next migration for both providers from the change in prisma/models/models.prisma.
// Usage: npm run db:migration -- <name>
// Offline and without a shadow database: diffs the schema against the snapshot taken at the last
// migration (prisma/snapshots/<provider>.prisma).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}
mkdirSync("data", { recursive: true }); // prisma.config.ts opens a scratch database there
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const models = readFileSync("prisma/models/models.prisma", "utf8");

for (const provider of ["sqlite", "postgres"] as const) {
  const current = `${readFileSync(`prisma/${provider}/datasource.prisma`, "utf8")}\n${models}`;
  const snapshot = `prisma/snapshots/${provider}.prisma`;
  const next = `prisma/snapshots/${provider}.next.prisma`;
  writeFileSync(next, current);
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", next, "--script"], {
    encoding: "utf8",
    env: { ...process.env, DB_PROVIDER: provider === "postgres" ? "postgresql" : "sqlite" },
  });
  const body = sql.replace(/^Loaded Prisma config.*\n/m, "").trim();
  if (!body || body === "-- This is an empty migration.") {
    console.log(`${provider}: no changes`);
    execFileSync("rm", ["-f", next]);
    continue;
  }
  const dir = path.join("prisma", provider, "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${body}\n`);
  execFileSync("mv", [next, snapshot]);
  console.log(`${provider}: wrote ${dir}/migration.sql`);
}
