import { consoleRoute } from "@/lib/api/route";
import { checkNamesInput } from "@/lib/assets/schemas";
import { existingNames } from "@/lib/assets/upload";
import { parseInput } from "@/lib/parse-input";

/** Which of the names about to be uploaded exist already (the console asks Replace / Keep both first). */
export const POST = consoleRoute("author", async ({ req }) => {
  const input = parseInput(checkNamesInput, await req.json().catch(() => ({})));
  return { existing: await existingNames(input.folder, input.names) };
});
