import { consoleRoute } from "@/lib/api/route";
import { publicKeyDownload } from "@/lib/cloud-services/downloads";

// GET: the configuration's current public key as <name>-public-key.pem, or with ?format=jwk as
// <name>-public-key.jwk.json (administrators only).
export const GET = consoleRoute<{ name: string }>("administrator", ({ req, params }) =>
  publicKeyDownload(params.name, new URL(req.url).searchParams.get("format") === "jwk" ? "jwk" : "pem"),
);
