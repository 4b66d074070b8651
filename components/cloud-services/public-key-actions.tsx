"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Download, FileBadge, KeyRound, RefreshCw } from "lucide-react";
import { Button, LinkButton } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import { rotateKeyPairAction } from "@/lib/cloud-services/actions";
import { CopyButton } from "@/components/ui/copy-button";
import { useNow } from "@/components/ui/use-now";

export type PublicKeyProps = {
  configId: string;
  name: string;
  pem: string;
  jwk: Record<string, unknown>;
  fingerprint: string;
  certNotAfter: string | null;
  kid: string;
  downloads: {
    publicKey: string;
    publicKeyFile: string;
    jwk: string;
    jwkFile: string;
    certificate: string;
    certificateFile: string;
  };
};

/** Display Public Key, Download Public Key for OAuth Gateway, the certificate, and Rotate key pair. */
export function PublicKeyActions(p: PublicKeyProps) {
  const router = useRouter();
  const now = useNow();
  const [showing, setShowing] = useState(false);
  const [rotating, setRotating] = useState(false);
  const certExpired = p.certNotAfter ? new Date(p.certNotAfter).getTime() < now : false;
  const jwkText = JSON.stringify(p.jwk, null, 2);

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onPress={() => setShowing(true)}>
          <KeyRound size={16} aria-hidden /> Display Public Key
        </Button>
        <LinkButton variant="secondary" href={p.downloads.publicKey} download={p.downloads.publicKeyFile}>
          <Download size={16} aria-hidden /> Download Public Key for OAuth Gateway
        </LinkButton>
        <LinkButton variant="quiet" href={p.downloads.jwk} download={p.downloads.jwkFile} className="px-2">
          <Download size={16} aria-hidden /> Download JWK ({p.downloads.jwkFile})
        </LinkButton>
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <LinkButton
          variant="quiet"
          href={p.downloads.certificate}
          download={p.downloads.certificateFile}
          className="px-2"
        >
          <FileBadge size={16} aria-hidden /> Download Certificate ({p.downloads.certificateFile})
        </LinkButton>
        {p.certNotAfter && (
          <span className={certExpired ? "text-negative" : "text-ink-muted"}>
            Self-signed X.509, {certExpired ? "expired" : "valid until"} {formatDateTime(p.certNotAfter)}
          </span>
        )}
      </div>
      <div className="border-t border-line pt-4">
        <Button variant="secondary" onPress={() => setRotating(true)}>
          <RefreshCw size={16} aria-hidden /> Rotate key pair
        </Button>
      </div>

      <Dialog title="Public Key" isOpen={showing} onOpenChange={setShowing} size="lg">
        {(close) => (
          <div className="grid gap-4">
            <p className="text-sm">
              Paste this key into the <strong>Public Key</strong> field of the JWT application at the OAuth gateway,
              then Save there.
            </p>
            <section aria-label="JWK" className="grid gap-2">
              <div className="flex items-center justify-between">
                <h3 className="text-sm font-semibold">
                  JWK (RFC 7517) <span className="font-normal text-positive">recommended</span>
                </h3>
                <CopyButton labelled text={jwkText} label="Copy JWK" />
              </div>
              <p className="text-xs text-ink-muted">
                Carries the key ID <code className="font-mono">{p.kid}</code> that every assertion of this configuration
                names. Servers that pick the client&apos;s key by its ID (node-oidc-provider, Keycloak, …) need it.
              </p>
              <textarea
                readOnly
                aria-label="Public key (JWK)"
                value={jwkText}
                rows={8}
                className="w-full resize-none rounded border border-line-strong bg-canvas p-2 font-mono text-xs"
                onFocus={(e) => e.currentTarget.select()}
              />
            </section>
            <section aria-label="PEM" className="grid gap-2">
              <div className="flex items-center justify-between">
                <h3 className="text-sm font-semibold">PEM (SubjectPublicKeyInfo)</h3>
                <CopyButton labelled text={p.pem} label="Copy PEM" />
              </div>
              <p className="text-xs text-ink-muted">
                For gateways that take only PEM. A key registered this way has no key ID: when such a gateway refuses an
                assertion that names one, Outpost sends it again without and keeps doing so for that gateway.
              </p>
              <textarea
                readOnly
                aria-label="Public key (PEM)"
                value={p.pem}
                rows={9}
                className="w-full resize-none rounded border border-line-strong bg-canvas p-2 font-mono text-xs"
                onFocus={(e) => e.currentTarget.select()}
              />
            </section>
            <p className="font-mono text-xs text-ink-muted">SHA-256 fingerprint {p.fingerprint}</p>
            <DialogFooter>
              <Button variant="primary" onPress={close}>
                Close
              </Button>
            </DialogFooter>
          </div>
        )}
      </Dialog>

      <ConfirmDialog
        isOpen={rotating}
        onOpenChange={setRotating}
        title="Rotate key pair"
        confirmLabel="Rotate key pair"
        destructive
        onConfirm={async () => {
          const res = await rotateKeyPairAction({ configId: p.configId });
          if (!res.ok) return res.error;
          toast.positive("New key pair generated", {
            description: "Give the new public key to the gateway application now.",
          });
          router.refresh();
        }}
      >
        <Alert tone="notice" title="The gateway application must get the new public key">
          Outpost generates a new key pair and destroys the current private key. Until the new public key is saved in
          the JWT application at the OAuth gateway, token requests fail and nothing is published to Brand Portal.
        </Alert>
      </ConfirmDialog>
    </div>
  );
}
