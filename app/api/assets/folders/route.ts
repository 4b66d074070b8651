import { z } from "zod";
import { consoleRoute, parseQuery } from "@/lib/api/route";
import { DAM_ROOT } from "@/lib/assets/names";
import { damPath } from "@/lib/assets/schemas";
import { childFolders } from "@/lib/assets/folders";

/** The subfolders of a folder (the Move dialog's folder browser). */
export const GET = consoleRoute("author", async ({ req }) => {
  const { path } = parseQuery(req, z.object({ path: damPath.default(DAM_ROOT) }));
  return childFolders(path);
});
