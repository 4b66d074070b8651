// Checks a state-changing request to a page (a server action, or a form posted without JavaScript)
// before Next.js reads it: Next answers 500 to a foreign Origin, a body over its limit, truncated
// JSON or deeply nested arguments ("Invalid Server Actions request", "Body exceeded 1mb limit",
// SyntaxError, RangeError). Here they get a 4xx with a message. Runs in proxy.ts: Web APIs only, no
// server-only imports, and it never decides who may do what (the action does).
import { sameOrigin } from "@/lib/http/same-origin";

/** The same as `serverActions.bodySizeLimit` in next.config.js. */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/** Far deeper than any form's arguments; far shallower than what makes a recursive decoder overflow. */
export const ACTION_MAX_DEPTH = 64;

const refuse = (status: number, error: string, message: string) =>
  Response.json({ error, message }, { status, headers: { "Cache-Control": "no-store" } });

/** A response refusing the request, or null to let it through. */
export async function checkPagePost(req: Request): Promise<Response | null> {
  if (!sameOrigin(req.headers))
    return refuse(
      403,
      "forbidden",
      "This request did not come from an Outpost page (its Origin is missing or foreign). Reload the page and try again.",
    );
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > ACTION_BODY_LIMIT) return tooLarge();
  const body = await readCapped(req);
  if (body === null) return tooLarge();
  if (!req.headers.has("next-action")) return null;
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await new Response(body, { headers: { "content-type": type } }).formData();
      // React encodes the arguments as numbered JSON parts; other fields are a FormData argument's own.
      for (const [key, value] of form) if (/^\d+$/.test(key) && typeof value === "string") checkJson(value);
    } else if (body.byteLength > 0) {
      checkJson(new TextDecoder("utf-8", { fatal: true }).decode(body));
    }
  } catch (e) {
    return refuse(
      400,
      "invalid_request",
      e instanceof BadArguments ? e.message : "The request's arguments are not valid JSON.",
    );
  }
  return null;
}

class BadArguments extends Error {}

function tooLarge() {
  const mb = ACTION_BODY_LIMIT / 1024 / 1024;
  return refuse(
    413,
    "too_large",
    `The request is larger than ${mb} MB. Large files go through the upload, not a form.`,
  );
}

async function readCapped(req: Request): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!req.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > ACTION_BODY_LIMIT) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Parses JSON after checking its nesting without recursion (a recursive check would overflow itself). */
function checkJson(text: string) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > ACTION_MAX_DEPTH)
        throw new BadArguments(`The request's arguments are nested more than ${ACTION_MAX_DEPTH} levels deep.`);
    } else if (c === 93 || c === 125) depth--;
  }
  JSON.parse(text);
}
