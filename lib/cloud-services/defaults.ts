import "server-only";
import { publicUrl } from "@/lib/env";

/** This install's embedded Brand Portal: tenants live at <origin>/portal/<tenant>. */
export const embeddedPortalBase = () => `${publicUrl}/portal`;

/** http:// is fine for this install itself, whatever its host is called. */
export const ownOrigin = () => new URL(publicUrl).origin;
