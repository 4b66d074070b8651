// What every server action returns: forms show `error` and `fieldErrors` as they are.
export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };
