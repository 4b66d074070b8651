"use client";
import { useState, useSyncExternalStore } from "react";
import { Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { portalSignInAction } from "@/lib/portal/auth-actions";

const noSubscription = () => () => {};

export function PortalLoginForm({ tenant, next }: { tenant: string; next?: string }) {
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  // Until React has hydrated, typing would be lost and a press would submit natively: wait for it.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const res = await portalSignInAction({ tenant, login, password, next });
    if (res.ok) {
      window.location.assign(res.data.next); // full load: the header starts signed in
      return;
    }
    setPending(false);
    setFieldErrors(res.fieldErrors ?? {});
    setError(res.fieldErrors ? null : res.error);
  }

  return (
    <Form onSubmit={submit} method="post" className="flex flex-col gap-4">
      {error && <Alert tone="negative">{error}</Alert>}
      <TextField
        label="User name"
        name="login"
        autoComplete="username"
        autoFocus
        isDisabled={!ready}
        value={login}
        onChange={setLogin}
        error={fieldErrors.login}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        isDisabled={!ready}
        value={password}
        onChange={setPassword}
        error={fieldErrors.password}
      />
      <Button type="submit" variant="primary" isPending={pending} isDisabled={!ready} className="mt-2 h-10 w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </Form>
  );
}
