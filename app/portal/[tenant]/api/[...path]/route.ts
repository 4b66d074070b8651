import type { NextRequest } from "next/server";
import { portalJson } from "@/lib/portal/portal-error";

// Any path of the receiving API that no route serves: the protocol's JSON error, never an HTML page.
function unknown(req: NextRequest): Response {
  return portalJson(404, {
    error: "not_found",
    message: `There is no receiving API at ${req.nextUrl.pathname}. See docs/replication-protocol.md.`,
  });
}

export const GET = unknown;
export const HEAD = unknown;
export const POST = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
export const OPTIONS = unknown;
