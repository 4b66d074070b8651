import { discoveryResponse } from "@/lib/gateway/discovery";

// RFC 8414 §3.1: for an issuer with a path, the metadata also lives at the path-inserted location.
export const dynamic = "force-dynamic";
export const GET = (req: Request) => discoveryResponse(req);
