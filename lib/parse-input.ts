import { z } from "zod";

// Values are validated through these, never with a schema's own parse (the linter holds to it):
// JSON bodies, server actions' arguments, remote answers, URL parameters. zod 4 still runs a
// schema's length checks after its type check failed, on anything with a `length`, and compares
// that length as a number: valid JSON such as {"title": {"length": {"valueOf": 1, "toString": 1}}}
// makes them throw a TypeError (the length cannot be made a number) instead of failing. Such a
// value is refused like any other. Only that error is caught: any other exception from a schema (a
// faulty refine of ours, say) is a bug, and surfaces as one.

const NOT_VALID = "A value has the wrong type: an object where text or a list was expected.";
/** What V8 throws when a comparison meets an object with neither a usable valueOf nor toString. */
const NO_PRIMITIVE = /^Cannot convert object to primitive value$/;

/** `schema.safeParse(value)`, with a value that makes zod throw refused as not valid. */
export function safeParseInput<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  try {
    return schema.safeParse(value);
  } catch (e) {
    if (!(e instanceof TypeError && NO_PRIMITIVE.test(e.message))) throw e;
    const error = new z.ZodError([{ code: "custom", path: [], message: NOT_VALID, input: value }]);
    return { success: false, error: error as z.ZodError<z.output<S>> };
  }
}

/** `schema.parse(value)`: the parsed value, or a ZodError (the routes answer it with 400). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = safeParseInput(schema, value);
  if (!r.success) throw r.error;
  return r.data;
}
