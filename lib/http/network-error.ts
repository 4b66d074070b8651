// A failure below HTTP (no status code), classified so that people get a cause they can act on:
// refused, timed out (connecting or idle), TLS, DNS, reset, or aborted by us.
export type NetworkErrorKind =
  "refused" | "connect-timeout" | "socket-timeout" | "tls" | "dns" | "reset" | "aborted" | "other";

export class NetworkError extends Error {
  constructor(
    readonly kind: NetworkErrorKind,
    readonly host: string,
    readonly port: number,
    readonly detail: string,
  ) {
    super(describe(kind, host, port, detail));
    this.name = "NetworkError";
  }
}

function describe(kind: NetworkErrorKind, host: string, port: number, detail: string): string {
  const at = `${host}:${port}`;
  switch (kind) {
    case "refused":
      return `Connection refused by ${at}: nothing is listening there.`;
    case "connect-timeout":
      return `Connecting to ${at} timed out (${detail}).`;
    case "socket-timeout":
      return `${at} did not answer in time (${detail}).`;
    case "tls":
      return `TLS error with ${at}: ${detail}.`;
    case "dns":
      return `The host name ${host} could not be resolved.`;
    case "reset":
      return `The connection to ${at} was closed before the answer arrived (${detail}).`;
    case "aborted":
      return `The request to ${at} was cancelled (${detail}).`;
    default:
      return `Network error with ${at}: ${detail}.`;
  }
}

const TLS_CODES =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT|ERR_OSSL_)/;

/** Maps a Node socket/HTTP error to a NetworkError (an existing NetworkError passes through). */
export function toNetworkError(e: unknown, host: string, port: number): NetworkError {
  if (e instanceof NetworkError) return e;
  const err = e as NodeJS.ErrnoException & { reason?: string };
  const code = err?.code ?? "";
  const msg = err?.message ?? String(e);
  if (code === "ECONNREFUSED") return new NetworkError("refused", host, port, code);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new NetworkError("dns", host, port, code);
  if (code === "ETIMEDOUT") return new NetworkError("connect-timeout", host, port, code);
  if (TLS_CODES.test(code) || code === "EPROTO" || /ssl|tls|certificate/i.test(msg))
    return new NetworkError("tls", host, port, tlsReason(code, msg));
  if (code === "ECONNRESET" || code === "EPIPE" || code === "UND_ERR_SOCKET" || /socket hang up/i.test(msg))
    return new NetworkError("reset", host, port, code || msg);
  if (err?.name === "AbortError" || code === "ABORT_ERR")
    return new NetworkError("aborted", host, port, err?.reason ?? msg);
  return new NetworkError("other", host, port, code ? `${code}: ${msg}` : msg);
}

/** OpenSSL's messages carry internals ("…:SSL routines:ssl3_get_record:wrong version number:../deps/…"): keep the reason. */
function tlsReason(code: string, msg: string): string {
  const reason = /SSL routines:[^:]*:([^:]+)/.exec(msg)?.[1]?.trim() ?? msg.split("\n")[0].trim();
  if (/wrong version number|packet length too long|http request/i.test(reason))
    return `${reason}: the server does not speak TLS there (use http:// for it, or the server's https port)`;
  return code && code !== "EPROTO" && !reason.includes(code) ? `${code}: ${reason}` : reason;
}
