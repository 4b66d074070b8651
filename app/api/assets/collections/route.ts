import { z } from "zod";
import { consoleRoute, parseQuery } from "@/lib/api/route";
import { listCollections } from "@/lib/assets/collections";

/** Collections by title or name (the Add to Collection dialog). */
export const GET = consoleRoute("author", async ({ req }) => {
  const { q } = parseQuery(req, z.object({ q: z.string().trim().max(100).optional() }));
  const { rows, total } = await listCollections({ q, take: 50 });
  return { total, collections: rows.map((c) => ({ id: c.id, name: c.name, title: c.title, members: c.members })) };
});
