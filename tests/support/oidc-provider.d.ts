// The little of node-oidc-provider's API the interop test uses (the package ships no types;
// @types/oidc-provider lags behind its major versions).
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  export default class Provider {
    constructor(issuer: string, configuration?: Record<string, unknown>);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
