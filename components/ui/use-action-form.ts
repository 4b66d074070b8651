"use client";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";

/**
 * The state every form around a server action keeps: field errors, a form-level error, pending.
 * `submit(call)` runs the action and fills them in; it returns the result for the caller's next step.
 */
export function useActionForm() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
    setPending(true);
    try {
      const res = await call();
      setErrors(res.ok ? {} : (res.fieldErrors ?? {}));
      setError(res.ok || res.fieldErrors ? null : res.error);
      return res;
    } finally {
      setPending(false);
    }
  }

  return { errors, error, pending, submit, setErrors, setError };
}
