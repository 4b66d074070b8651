import { z } from "zod";
import { portalJson } from "@/lib/portal/portal-error";
import { publisherOf } from "@/lib/portal/receipts";
import { pathParam, portalRoute } from "@/lib/portal/portal-route";
import { receiveAsset } from "@/lib/portal/receive-asset";
import { readOrder } from "@/lib/portal/publish-order";
import { removeAsset } from "@/lib/portal/remove-asset";
import { version } from "@/lib/portal/schemas";
import { repoPath } from "@/lib/repo-path";
import { parseInput } from "@/lib/parse-input";

// Publish (PUT, streamed binary) and unpublish (DELETE) one asset. docs/replication-protocol.md.
export const PUT = portalRoute<{ tenant: string }>("dam-write", async ({ req, tenant, caller }) => {
  const { status, ...body } = await receiveAsset(
    tenant.id,
    pathParam(req, repoPath),
    req,
    publisherOf(req.headers, caller),
  );
  return portalJson(status, body);
});

export const DELETE = portalRoute<{ tenant: string }>("dam-write", async ({ req, tenant, caller }) => {
  const path = pathParam(req, repoPath);
  const v = req.nextUrl.searchParams.get("version");
  return portalJson(
    200,
    await removeAsset(
      tenant.id,
      path,
      v === null ? null : parseInput(z.object({ version }), { version: v }).version,
      publisherOf(req.headers, caller),
      readOrder(req.headers),
    ),
  );
});
