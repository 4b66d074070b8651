import { consoleRoute } from "@/lib/api/route";

/** The signed-in user (for client components that need it). */
export const GET = consoleRoute("author", async ({ user }) => ({
  id: user.id,
  login: user.login,
  name: user.name,
  role: user.role,
}));
