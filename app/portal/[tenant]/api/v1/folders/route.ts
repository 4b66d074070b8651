import { portalJson } from "@/lib/portal/portal-error";
import { publisherOf } from "@/lib/portal/receipts";
import { pathParam, portalRoute, readJson } from "@/lib/portal/portal-route";
import { receiveFolder, removeFolder } from "@/lib/portal/receive-folder";
import { folderBody, repoPath } from "@/lib/portal/schemas";

export const PUT = portalRoute<{ tenant: string }>("dam-write", async ({ req, tenant, caller }) => {
  const path = pathParam(req, repoPath);
  const { status, ...body } = await receiveFolder(
    tenant.id,
    path,
    folderBody.parse(await readJson(req, 64 * 1024)),
    publisherOf(req.headers, caller),
  );
  return portalJson(status, body);
});

export const DELETE = portalRoute<{ tenant: string }>("dam-write", async ({ req, tenant, caller }) =>
  portalJson(200, await removeFolder(tenant.id, pathParam(req, repoPath), publisherOf(req.headers, caller))),
);
