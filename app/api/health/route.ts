import { checkHealth } from "@/lib/runtime/health";

export const dynamic = "force-dynamic";

/** Liveness and readiness for load balancers: no session needed, no details beyond these. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.database === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
