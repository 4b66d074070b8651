import { createServer } from "node:net";

// Integration tests that run the embedded gateway need OUTPOST_PUBLIC_URL to be the address the
// test server listens on (the gateway names it as its issuer, the portal trusts it by default).
// Call from vi.hoisted, before lib/env is imported:
//   await vi.hoisted(async () => (await import("./support/public-url")).usePublicUrlOnFreePort());
export async function usePublicUrlOnFreePort(): Promise<number> {
  const port = await new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  process.env.OUTPOST_PUBLIC_URL = `http://127.0.0.1:${port}`;
  return port;
}
