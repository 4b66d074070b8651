import "server-only";
import { currentKey, getConfigByName } from "@/lib/cloud-services/get-config";
import { certificateFileName, jwkFileName, publicKeyFileName, publicKeyView } from "@/lib/cloud-services/public-key";
import { UserError } from "@/lib/errors";

// The files an administrator takes to the gateway. All hold only public material.

function attachment(body: string, fileName: string, type: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** The public key as PEM (AEM's form), or with `format=jwk` as a JWK carrying its key ID. */
export async function publicKeyDownload(name: string, format: "pem" | "jwk" = "pem"): Promise<Response> {
  const config = await getConfigByName(name);
  if (format === "jwk") {
    const { jwk } = await publicKeyView(currentKey(config));
    return attachment(JSON.stringify(jwk, null, 2) + "\n", jwkFileName(config.name), "application/jwk+json");
  }
  return attachment(
    currentKey(config).publicKeyPem.trim() + "\n",
    publicKeyFileName(config.name),
    "application/x-pem-file",
  );
}

export async function certificateDownload(name: string): Promise<Response> {
  const config = await getConfigByName(name);
  const key = currentKey(config);
  if (!key.certPem)
    throw new UserError("This key pair has no certificate. Rotate the key pair to get one.", {
      status: 404,
      code: "not_found",
    });
  return attachment(key.certPem.trim() + "\n", certificateFileName(config.name), "application/x-x509-ca-cert");
}
