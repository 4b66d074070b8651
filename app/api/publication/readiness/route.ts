import { consoleRoute } from "@/lib/api/route";
import { hasRole } from "@/lib/auth/roles";
import { publishingConfigs, SETUP_HINT } from "@/lib/publication/config-for-publishing";

// Whether publishing can work here: the complete Brand Portal configurations (the default first),
// or what an administrator must set up (with the link for administrators).
export const GET = consoleRoute("author", async ({ user }) => {
  const configs = await publishingConfigs();
  return {
    ready: configs.length > 0,
    configs: configs.map(({ id, title, tenantUrl }) => ({ id, title, tenantUrl })),
    message: configs.length ? null : SETUP_HINT,
    setupUrl: hasRole(user.role, "administrator") ? "/tools/cloud-services/legacy" : null,
  };
});
