import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { UserError } from "@/lib/errors";
import { PortalError, portalErrorResponse, portalJson } from "@/lib/portal/portal-error";
import { findTenant, type PortalTenantRow } from "@/lib/portal/tenants";
import { verifyBearer, type PortalCaller } from "@/lib/portal/verify-token";
import { notePublicHost } from "@/lib/runtime/public-url-check";
import { parseInput } from "@/lib/parse-input";

type Ctx<P> = { req: NextRequest; tenant: PortalTenantRow; caller: PortalCaller; params: P };

/**
 * A route of the portal's receiving API: finds the tenant (404), checks the bearer token for the
 * scope (401/403), then runs. Every failure is a JSON answer in the protocol's format, never a
 * stack trace; unexpected ones are logged and answered 500.
 */
export function portalRoute<P extends { tenant: string }>(
  scope: "dam-read" | "dam-write",
  run: (ctx: Ctx<P>) => Promise<Response>,
) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      notePublicHost(req.headers);
      const params = await context.params;
      const tenant = await findTenant(params.tenant);
      if (!tenant)
        throw new PortalError(
          404,
          "tenant_not_found",
          `There is no tenant "${params.tenant}" on this portal: check the Tenant URL.`,
        );
      const caller = await verifyBearer(req.headers.get("authorization"), tenant, scope);
      return await run({ req, tenant, caller, params });
    } catch (e) {
      return portalFailure(e);
    }
  };
}

export function portalFailure(e: unknown): Response {
  if (e instanceof PortalError) return portalErrorResponse(e);
  if (e instanceof z.ZodError) {
    const i = e.issues[0];
    return portalJson(400, {
      error: "invalid_request",
      message: `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`,
    });
  }
  if (e instanceof UserError) return portalJson(e.status, { error: e.code ?? "invalid_request", message: e.message });
  console.error("[portal] unexpected error", e);
  return portalJson(500, {
    error: "server_error",
    message: "The portal failed to process the request; try again later.",
  });
}

/** Reads a JSON request body of at most `limit` bytes. */
export async function readJson(req: NextRequest, limit = 4 * 1024 * 1024): Promise<unknown> {
  if (!req.body) throw new PortalError(400, "invalid_request", "Send a JSON body.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const c of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += c.byteLength;
    if (size > limit) throw new PortalError(413, "too_large", `The JSON body is larger than ${limit} bytes.`);
    chunks.push(c);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new PortalError(400, "invalid_request", "The body is not valid JSON.");
  }
}

/** The ?path= query parameter. */
export function pathParam(req: NextRequest, schema: z.ZodType<string>): string {
  const raw = req.nextUrl.searchParams.get("path");
  if (raw === null)
    throw new PortalError(
      400,
      "invalid_request",
      "The path query parameter is required, such as ?path=/content/dam/folder/file.jpg.",
    );
  return parseInput(pathSchema(schema), { path: raw }).path;
}

// Building a zod object schema costs more than parsing with it: one per path schema.
const pathSchemas = new WeakMap<z.ZodType<string>, z.ZodType<{ path: string }>>();
function pathSchema(schema: z.ZodType<string>) {
  let s = pathSchemas.get(schema);
  if (!s) pathSchemas.set(schema, (s = z.object({ path: schema })));
  return s;
}
