import { z } from "zod";
import { portalJson } from "@/lib/portal/portal-error";
import { publisherOf } from "@/lib/portal/receipts";
import { portalRoute, readJson } from "@/lib/portal/portal-route";
import { receiveCollection, removeCollection } from "@/lib/portal/receive-collection";
import { collectionBody, collectionName } from "@/lib/portal/schemas";

type P = { tenant: string; name: string };
const nameOf = (p: P) => z.object({ name: collectionName }).parse(p).name;

export const PUT = portalRoute<P>("dam-write", async ({ req, tenant, caller, params }) => {
  const { status, ...body } = await receiveCollection(
    tenant.id,
    nameOf(params),
    collectionBody.parse(await readJson(req)),
    publisherOf(req.headers, caller),
  );
  return portalJson(status, body);
});

export const DELETE = portalRoute<P>("dam-write", async ({ req, tenant, caller, params }) =>
  portalJson(200, await removeCollection(tenant.id, nameOf(params), publisherOf(req.headers, caller))),
);
