import { portalJson } from "@/lib/portal/portal-error";
import { pathParam, portalRoute, readJson } from "@/lib/portal/portal-route";
import { readOrder } from "@/lib/portal/publish-order";
import { receiveFolder, removeFolder } from "@/lib/portal/receive-folder";
import { folderBody, repoPath } from "@/lib/portal/schemas";

export const PUT = portalRoute<{ tenant: string }>("dam-write", async ({ req, tenant }) => {
  const path = pathParam(req, repoPath);
  const order = readOrder(req.headers);
  const { status, ...body } = await receiveFolder(
    tenant.id,
    path,
    folderBody.parse(await readJson(req, 64 * 1024)),
    order,
  );
  return portalJson(status, body);
});

export const DELETE = portalRoute<{ tenant: string }>("dam-write", async ({ req, tenant }) =>
  portalJson(200, await removeFolder(tenant.id, pathParam(req, repoPath), readOrder(req.headers))),
);
