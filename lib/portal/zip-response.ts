import "server-only";
import { UserError } from "@/lib/errors";
import { disposition } from "@/lib/assets/download";
import { planZip, zipInput, zipStream, type ZipInput } from "@/lib/portal/zip";
import type { PortalScope } from "@/lib/portal/visibility";
import { parseInput } from "@/lib/parse-input";

// The ZIP route's request and answer: which assets (a folder, a collection, or ids from a form or
// JSON), the plan checked before the first byte, then the archive streamed.

const MAX_BODY = 1024 * 1024; // 1 MB of ids is far more than the file limit allows

async function inputOf(req: Request): Promise<ZipInput> {
  const url = new URL(req.url);
  if (req.method === "GET") {
    const collection = url.searchParams.get("collection");
    return parseInput(zipInput, collection ? { collection } : { folder: url.searchParams.get("folder") ?? "" });
  }
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY)
    throw new UserError("The selection is too large to send: select fewer assets.", { status: 413, code: "too_large" });
  const type = req.headers.get("content-type") ?? "";
  const text = await req.text();
  if (text.length > MAX_BODY)
    throw new UserError("The selection is too large to send: select fewer assets.", { status: 413, code: "too_large" });
  if (type.includes("application/json")) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new UserError("The body is not valid JSON.");
    }
    return parseInput(zipInput, body);
  }
  const form = new URLSearchParams(text);
  const folder = form.get("folder");
  return parseInput(zipInput, folder ? { folder } : { ids: form.getAll("id") });
}

export async function zipResponse(req: Request, v: PortalScope): Promise<Response> {
  const input = await inputOf(req);
  const plan = await planZip(v, input);
  if (new URL(req.url).searchParams.get("check") === "1")
    return Response.json({ ok: true, files: plan.entries.length, bytes: plan.bytes, fileName: plan.fileName });
  return new Response(zipStream(plan.entries), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": disposition("attachment", plan.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
