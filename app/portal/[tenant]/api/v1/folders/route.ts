import { portalJson } from "@/lib/portal/portal-error";
import { publisherOf } from "@/lib/portal/receipts";
import { pathParam, portalRoute, readJson } from "@/lib/portal/portal-route";
import { readOrder } from "@/lib/portal/publish-order";
import { receiveFolder, removeFolder } from "@/lib/portal/receive-folder";
import { folderBody } from "@/lib/portal/schemas";
import { repoPath } from "@/lib/repo-path";
import { parseInput } from "@/lib/parse-input";

export const PUT = portalRoute<{ tenant: string }>("dam-write", async ({ req, tenant, caller }) => {
  const path = pathParam(req, repoPath);
  const order = readOrder(req.headers);
  const { status, ...body } = await receiveFolder(
    tenant.id,
    path,
    parseInput(folderBody, await readJson(req, 64 * 1024)),
    publisherOf(req.headers, caller),
    order,
  );
  return portalJson(status, body);
});

export const DELETE = portalRoute<{ tenant: string }>("dam-write", async ({ req, tenant, caller }) =>
  portalJson(
    200,
    await removeFolder(tenant.id, pathParam(req, repoPath), publisherOf(req.headers, caller), readOrder(req.headers)),
  ),
);
