import "server-only";
import { issuer } from "@/lib/gateway/issuer";
import { publicUrl } from "@/lib/env";

/** This install's embedded OAuth gateway (its issuer): the default OAuth gateway URL. */
/** This install's gateway issuer (built once, in lib/gateway/issuer.ts). */
export const defaultGatewayUrl = issuer;

/** This install's embedded Brand Portal: tenants live at <origin>/portal/<tenant>. */
export const embeddedPortalBase = () => `${publicUrl}/portal`;

/** http:// is fine for this install itself, whatever its host is called. */
export const ownOrigin = () => new URL(publicUrl).origin;
