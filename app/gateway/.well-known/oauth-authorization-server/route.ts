import { discoveryResponse } from "@/lib/gateway/discovery";

export const dynamic = "force-dynamic";
export const GET = (req: Request) => discoveryResponse(req);
