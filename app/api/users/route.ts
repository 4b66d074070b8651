import { z } from "zod";
import { consoleRoute, parseQuery } from "@/lib/api/route";
import { listUsers } from "@/lib/auth/users";

const query = z.object({
  q: z.string().max(100).optional(),
  skip: z.coerce.number().int().min(0).max(1_000_000).default(0),
  take: z.coerce.number().int().min(1).max(200).default(50),
});

/** Console users, paged (administrators only). */
export const GET = consoleRoute("administrator", async ({ req }) => listUsers(parseQuery(req, query)));
