import "server-only";
import { OAuthError } from "@/lib/gateway/oauth-error";

// Reads an application/x-www-form-urlencoded body without trusting Content-Length: the stream is
// cut off as soon as it passes the limit, so a large or endless body costs nothing.

export const TOKEN_BODY_LIMIT = 16 * 1024;

export async function readForm(req: Request, limit = TOKEN_BODY_LIMIT): Promise<URLSearchParams> {
  // The rest of the body is never read, so the connection cannot be reused: say so.
  const tooLarge = () =>
    new OAuthError("invalid_request", `request body is larger than ${limit} bytes`, 413, { Connection: "close" });
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw new OAuthError(
      "invalid_request",
      "the token request must be sent as application/x-www-form-urlencoded (RFC 6749 §3.2)",
      415,
    );
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new OAuthError("invalid_request", "the request body is not valid UTF-8");
  }
  const form = new URLSearchParams(text);
  const seen = new Set<string>();
  for (const key of form.keys()) {
    if (seen.has(key))
      throw new OAuthError(
        "invalid_request",
        `parameter ${key.slice(0, 40)} is repeated; send each parameter once (RFC 6749 §3.2)`,
      );
    seen.add(key);
  }
  return form;
}
