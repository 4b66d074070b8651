"use client";
import { useState } from "react";
import { Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { changeOwnPasswordAction } from "@/lib/auth/actions";
import type { ActionResult } from "@/lib/actions/result";

type Input = { current: string; password: string; confirm: string };

/** The signed-in user's own password; `action` is the portal's when used there (default: the console's). */
export function ChangePasswordForm({
  action = changeOwnPasswordAction,
}: {
  action?: (v: Input) => Promise<ActionResult<unknown>>;
}) {
  const [v, setV] = useState({ current: "", password: "", confirm: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "positive" | "negative"; text: string } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await action(v);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setMessage(res.fieldErrors ? null : { tone: "negative", text: res.error });
      return;
    }
    setErrors({});
    setV({ current: "", password: "", confirm: "" });
    setMessage({ tone: "positive", text: "Password changed. Your other sessions have been signed out." });
  }

  return (
    <Form onSubmit={submit} className="grid gap-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={v.current}
        onChange={(current) => setV({ ...v, current })}
        error={errors.current}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        description="At least 10 characters"
        value={v.password}
        onChange={(password) => setV({ ...v, password })}
        error={errors.password}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        value={v.confirm}
        onChange={(confirm) => setV({ ...v, confirm })}
        error={errors.confirm}
      />
      <div>
        <Button type="submit" variant="primary">
          Change password
        </Button>
      </div>
    </Form>
  );
}
