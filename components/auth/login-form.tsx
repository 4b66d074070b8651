"use client";
import { useState } from "react";
import { Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { signInAction } from "@/lib/auth/actions";

export function LoginForm({ next }: { next?: string }) {
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const res = await signInAction({ login, password, next });
    setPending(false);
    if (res.ok) {
      window.location.assign(res.data.next); // full load: the header and every query start signed in
      return;
    }
    setFieldErrors(res.fieldErrors ?? {});
    setError(res.fieldErrors ? null : res.error);
  }

  return (
    <Form onSubmit={submit} className="flex flex-col gap-4">
      <h2 className="text-base font-semibold">Sign in</h2>
      {error && <Alert tone="negative">{error}</Alert>}
      <TextField
        label="User name"
        name="login"
        autoComplete="username"
        autoFocus
        value={login}
        onChange={setLogin}
        error={fieldErrors.login}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={fieldErrors.password}
      />
      <Button type="submit" variant="primary" isPending={pending} className="mt-2 w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </Form>
  );
}
