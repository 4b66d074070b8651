import { consoleRoute, parseQuery } from "@/lib/api/route";
import { browseQuery } from "@/lib/assets/schemas";
import { listFolder } from "@/lib/assets/browse";
import { searchAssets } from "@/lib/assets/search";

/**
 * One page of a folder, or of the search results below it (?q= words, ?bp= a Brand Portal state).
 * The Assets console's live data.
 */
export const GET = consoleRoute("author", async ({ req }) => {
  const { q, bp, ...p } = parseQuery(req, browseQuery);
  return q || bp ? searchAssets({ ...p, q: q ?? "", bp: bp ?? null }) : listFolder(p);
});
