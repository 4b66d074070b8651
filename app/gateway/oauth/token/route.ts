import { handleTokenRequest } from "@/lib/gateway/token-endpoint";

// RFC 7523 token endpoint. No session: clients authenticate with a signed JWT (proxy.ts skips it).
export const dynamic = "force-dynamic";
export const POST = (req: Request) => handleTokenRequest(req);
