"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { ScopeField } from "@/components/gateway/scope-field";
import { updateApplicationAction } from "@/lib/gateway/actions";
import { looksLikePrivateKey, PRIVATE_KEY_MESSAGE } from "@/lib/gateway/private-key-check";
import type { Scope } from "@/lib/gateway/scopes";

type Props = { clientId: string; name: string; description: string; scopes: Scope[]; publicKeyPem: string | null };

/** Edit an application: name, description, scopes and the Public Key pasted from the console. */
export function ApplicationForm(props: Props) {
  const router = useRouter();
  const [v, setV] = useState({
    name: props.name,
    description: props.description,
    scopes: props.scopes,
    publicKey: props.publicKeyPem ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(null);
    // A private key pasted by mistake never leaves the browser; the server checks again anyway.
    if (looksLikePrivateKey(v.publicKey)) {
      setV({ ...v, publicKey: "" });
      setError(null);
      setErrors({ publicKey: PRIVATE_KEY_MESSAGE });
      return;
    }
    setPending(true);
    const res = await updateApplicationAction({ clientId: props.clientId, ...v });
    setPending(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setError(res.fieldErrors ? null : res.error);
      return;
    }
    setErrors({});
    setError(null);
    const note = res.data.keyChanged
      ? res.data.publicKeyAlg
        ? `Public key registered (${res.data.publicKeyAlg}).`
        : "Public key removed."
      : undefined;
    setSaved(note ?? "");
    toast.positive("Application updated", note ? { description: note } : {});
    router.refresh();
  }

  return (
    <Form onSubmit={submit} className="grid gap-4" aria-label="Edit application">
      {error && <Alert tone="negative">{error}</Alert>}
      {saved !== null && (
        <Alert tone="positive" title="Application updated">
          {saved || undefined}
        </Alert>
      )}
      <TextField
        label="Application Name"
        value={v.name}
        onChange={(name) => setV({ ...v, name })}
        error={errors.name}
      />
      <TextField
        label="Description"
        value={v.description}
        onChange={(description) => setV({ ...v, description })}
        error={errors.description}
        multiline
        rows={2}
      />
      <ScopeField value={v.scopes} onChange={(scopes) => setV({ ...v, scopes })} error={errors.scopes} />
      <TextField
        label="Public Key"
        description="Paste the console's public key (Display Public Key or Download Public Key for OAuth Gateway): PEM BEGIN PUBLIC KEY, a PEM certificate or a JWK. RSA of 2048 bits or more, or EC P-256. Leave empty to remove the key."
        placeholder={"-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----"}
        value={v.publicKey}
        onChange={(publicKey) => setV({ ...v, publicKey })}
        error={errors.publicKey}
        multiline
        rows={9}
        mono
        spellCheck="false"
      />
      <div className="flex justify-end">
        <Button type="submit" variant="primary" isPending={pending}>
          Save
        </Button>
      </div>
    </Form>
  );
}
