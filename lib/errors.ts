/**
 * An error whose message is meant for the person using the console: actions and route handlers
 * show it as it is. Any other error is logged and shown as a generic message.
 */
export class UserError extends Error {
  readonly status: number;
  readonly field?: string;
  readonly code?: string;
  constructor(message: string, opts: { status?: number; field?: string; code?: string } = {}) {
    super(message);
    this.name = "UserError";
    this.status = opts.status ?? 400;
    this.field = opts.field;
    this.code = opts.code;
  }
}

export const notFound = (what: string) =>
  new UserError(`${what} was not found. It may have been deleted: reload the page.`, {
    status: 404,
    code: "not_found",
  });
export const conflict = (message: string, field?: string) =>
  new UserError(message, { status: 409, field, code: "conflict" });
