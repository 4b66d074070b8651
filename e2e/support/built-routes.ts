import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// Every page, route handler and server action of the production build, read from Next's own
// manifests, so that a suite driven by this list covers a new route or action without an edit.

const dist = path.resolve(process.env.OUTPOST_DIST_DIR || ".next");

export type BuiltRoute = {
  /** The manifest's entry: "/(console)/assets/[[...path]]/page". */
  entry: string;
  /** The URL pattern: "/assets/[[...path]]". */
  pattern: string;
  kind: "page" | "route";
  /** The source file under app/. */
  file: string;
};

export function builtRoutes(): BuiltRoute[] {
  const manifest = JSON.parse(readFileSync(path.join(dist, "server", "app-paths-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  return Object.keys(manifest)
    .map((entry) => {
      const kind = entry.endsWith("/page") ? ("page" as const) : ("route" as const);
      const dir = entry.replace(/\/(page|route)$/, "");
      const pattern =
        dir
          .split("/")
          .filter((s) => s && !/^\(.*\)$/.test(s))
          .map((s) => "/" + s)
          .join("") || "/";
      const base = path.join("app", dir, kind);
      const file = [".tsx", ".ts"].map((x) => base + x).find((f) => existsSync(f)) ?? base;
      return { entry, pattern, kind, file };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** A URL for a pattern, with sample values for its parameters ("/assets/[[...path]]" → "/assets"). */
export function sampleUrl(pattern: string, values: Record<string, string> = {}): string {
  return (
    pattern
      .replace(/\/\[\[\.\.\.(\w+)\]\]/g, (_, k) => (values[k] ? `/${values[k]}` : ""))
      .replace(/\[\.\.\.(\w+)\]/g, (_, k) => values[k] ?? "nothing-here")
      .replace(/\[(\w+)\]/g, (_, k) => values[k] ?? "nothing-here") || "/"
  );
}

export type BuiltAction = { id: string; name: string; file: string };

/** Server actions: their ids from the build, their names and files from the sources that define them. */
export function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => ({
    id,
    name: a.exportedName ?? "?",
    file: a.filename ?? "?",
  }));
}
