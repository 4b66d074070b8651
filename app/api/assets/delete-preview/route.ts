import { z } from "zod";
import { consoleRoute } from "@/lib/api/route";
import { itemRefs } from "@/lib/assets/schemas";
import { previewDelete } from "@/lib/assets/delete";
import { parseInput } from "@/lib/parse-input";

/** What a delete would remove (the Delete dialog shows it and asks again for non-empty folders). */
export const POST = consoleRoute("author", async ({ req }) => {
  const { items } = parseInput(z.object({ items: itemRefs }), await req.json().catch(() => ({})));
  return previewDelete(items);
});
