import { z } from "zod";
import { portalJson } from "@/lib/portal/portal-error";
import { publisherOf } from "@/lib/portal/receipts";
import { portalRoute, readJson } from "@/lib/portal/portal-route";
import { readOrder } from "@/lib/portal/publish-order";
import { receiveCollection, removeCollection } from "@/lib/portal/receive-collection";
import { collectionBody, collectionName } from "@/lib/portal/schemas";
import { parseInput } from "@/lib/parse-input";

type P = { tenant: string; name: string };
const nameOf = (p: P) => parseInput(z.object({ name: collectionName }), p).name;

export const PUT = portalRoute<P>("dam-write", async ({ req, tenant, caller, params }) => {
  const order = readOrder(req.headers);
  const { status, ...body } = await receiveCollection(
    tenant.id,
    nameOf(params),
    parseInput(collectionBody, await readJson(req)),
    publisherOf(req.headers, caller),
    order,
  );
  return portalJson(status, body);
});

export const DELETE = portalRoute<P>("dam-write", async ({ req, tenant, caller, params }) =>
  portalJson(
    200,
    await removeCollection(tenant.id, nameOf(params), publisherOf(req.headers, caller), readOrder(req.headers)),
  ),
);
