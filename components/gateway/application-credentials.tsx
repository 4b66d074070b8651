"use client";
import { useState } from "react";
import { Eye, EyeOff, KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Alert } from "@/components/ui/alert";
import { revealSecretAction } from "@/lib/gateway/actions";

// The Application ID (what the console needs) and the Application Secret (what it must not get
// by mistake), visibly apart. The secret is fetched only when Reveal is pressed.

export function ApplicationCredentials({ clientId }: { clientId: string }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function reveal() {
    setPending(true);
    setError(null);
    const res = await revealSecretAction({ clientId });
    setPending(false);
    if (!res.ok) return setError(res.error);
    setSecret(res.data);
  }

  return (
    <div className="grid gap-5">
      <div>
        <p id="app-id-label" className="text-xs font-medium text-ink-muted">
          Application ID
        </p>
        <div className="mt-1 flex items-center gap-1 rounded border border-accent/40 bg-accent-soft px-3 py-1.5">
          <code
            aria-labelledby="app-id-label"
            data-testid="application-id"
            className="flex-1 break-all font-mono text-sm font-semibold"
          >
            {clientId}
          </code>
          <CopyButton text={clientId} label="Copy application ID" copiedMessage="Application ID copied" />
        </div>
        <p className="mt-1 text-xs text-ink-muted">
          Paste this into the Client ID field of the console&apos;s Brand Portal configuration.
        </p>
      </div>

      <div>
        <p id="app-secret-label" className="flex items-center gap-1.5 text-xs font-medium text-ink-muted">
          <KeyRound size={13} aria-hidden /> Application Secret
        </p>
        <div className="mt-1 flex items-center gap-1 rounded border border-notice/50 bg-notice-soft px-3 py-1.5">
          <code
            aria-labelledby="app-secret-label"
            data-testid="application-secret"
            className="flex-1 break-all font-mono text-sm"
          >
            {secret ?? "••••••••••••••••••••••••"}
          </code>
          {secret && (
            <CopyButton text={secret} label="Copy application secret" copiedMessage="Application secret copied" />
          )}
          <Button
            variant="quiet"
            onPress={secret ? () => setSecret(null) : reveal}
            isPending={pending}
            aria-label={secret ? "Hide application secret" : "Reveal application secret"}
          >
            {secret ? (
              <>
                <EyeOff size={15} aria-hidden /> Hide
              </>
            ) : (
              <>
                <Eye size={15} aria-hidden /> Reveal
              </>
            )}
          </Button>
        </div>
        {error && (
          <Alert tone="negative" className="mt-2">
            {error}
          </Alert>
        )}
        <Alert tone="notice" className="mt-2">
          Ensure that you do not inadvertently copy the application secret instead of application ID. The console needs
          only the Application ID and its public key; keep the secret to yourself.
        </Alert>
      </div>
    </div>
  );
}
