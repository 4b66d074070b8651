import { jwks } from "@/lib/gateway/signing-keys";

// Short cache: resource servers refetch on an unknown kid anyway, and a rotation publishes at once.
export const dynamic = "force-dynamic";
export const GET = async () => Response.json(await jwks(), { headers: { "Cache-Control": "public, max-age=60" } });
