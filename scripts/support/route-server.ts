import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

// Serves the app's own route handlers on a real HTTP server on 127.0.0.1 for integration tests and
// bench:publish (no Next build needed). Patterns use :name segments: "/portal/:tenant/api/assets".

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
export type Routes = Record<string, Partial<Record<"GET" | "POST" | "PUT" | "DELETE" | "PATCH", Handler>>>;

/**
 * `port`: a port reserved earlier (e.g. this install's OUTPOST_PUBLIC_URL); default any free one.
 * `keepAliveTimeout`: how long idle client connections stay open (ms). Also used by bench:publish.
 */
export async function serveRoutes(
  routes: Routes,
  opts: { port?: number; keepAliveTimeout?: number } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const table = Object.entries(routes).map(([pattern, methods]) => ({ match: compile(pattern), methods }));
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
      for (const { match, methods } of table) {
        const params = match(url.pathname);
        if (!params) continue;
        const handler = methods[req.method as keyof typeof methods];
        if (!handler) return void res.writeHead(405).end();
        const hasBody = req.method !== "GET" && req.method !== "HEAD";
        const request = new NextRequest(url, {
          method: req.method,
          headers: req.headers as Record<string, string>,
          body: hasBody ? bodyOf(req) : undefined,
          duplex: "half", // Node's fetch needs it for streamed bodies
        });
        const response = await handler(request, { params: Promise.resolve(params) });
        res.writeHead(response.status, Object.fromEntries(response.headers));
        if (response.body)
          for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
        return void res.end();
      }
      res.writeHead(404).end();
    } catch (e) {
      console.error(e);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  if (opts.keepAliveTimeout) server.keepAliveTimeout = opts.keepAliveTimeout;
  await new Promise<void>((r) => server.listen(opts.port ?? 0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * The request's bytes as a web stream, read ahead up to 256 KB, the Buffers handed over as they
 * are (Readable.toWeb copies every chunk).
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true; // until the end, an error, or the handler stops reading
  const settle = (f: () => void) => {
    if (!open) return;
    open = false;
    f();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on("data", (chunk: Buffer) => {
          if (!open) return;
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 1) <= 0) req.pause();
        });
        req.once("end", () => settle(() => controller.close()));
        req.once("error", (e) => settle(() => controller.error(e)));
        req.once("aborted", () =>
          settle(() => controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }))),
        ); // as Node reports it
      },
      pull: () => void req.resume(),
      // The handler stopped reading (a refusal): discard the rest, so that its answer still arrives.
      cancel: () => {
        open = false;
        req.resume();
      },
    },
    { highWaterMark: 256 * 1024, size: (c) => c.byteLength },
  );
}

function compile(pattern: string): (path: string) => Record<string, string> | null {
  const names: string[] = [];
  const re = new RegExp(
    `^${pattern.replace(/\./g, "\\.").replace(/:([a-zA-Z]+)/g, (_, n) => (names.push(n), "([^/]+)"))}$`,
  );
  return (path) => {
    const m = re.exec(path);
    return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) : null;
  };
}
