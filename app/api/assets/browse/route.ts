import { consoleRoute, parseQuery } from "@/lib/api/route";
import { browseQuery } from "@/lib/assets/schemas";
import { listFolder } from "@/lib/assets/browse";
import { searchAssets } from "@/lib/assets/search";

/** One page of a folder, or of the search results below it (?q=). The Assets console's live data. */
export const GET = consoleRoute("author", async ({ req }) => {
  const { q, ...p } = parseQuery(req, browseQuery);
  return q ? searchAssets({ ...p, q }) : listFolder(p);
});
