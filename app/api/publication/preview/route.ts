import { consoleRoute } from "@/lib/api/route";
import { describeScope } from "@/lib/publication/expand-scope";
import { previewInput } from "@/lib/publication/schemas";
import { parseInput } from "@/lib/parse-input";

// What a selection would publish (each item with what it expands to, and the totals): the Quick
// Publish confirmation and the Manage Publication Scope step read it. A POST because it reads a list.
export const POST = consoleRoute("author", async ({ req }) =>
  describeScope(parseInput(previewInput, await req.json().catch(() => ({}))).items),
);
