import { metricsAccess, scrape } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

// Prometheus scrapes, with OUTPOST_METRICS_TOKEN as a bearer token. Without a token configured
// the endpoint does not exist (404), so nothing is exposed by default.
export async function GET(req: Request): Promise<Response> {
  const access = metricsAccess(req.headers.get("authorization"));
  if (access === "off") return new Response("Not found\n", { status: 404 });
  if (access === "denied") {
    return new Response("A valid bearer token is required (OUTPOST_METRICS_TOKEN).\n", {
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer realm="outpost-metrics"' },
    });
  }
  const { body, contentType } = await scrape();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
