// The route server lives with the scripts (bench:publish serves the portal with it too).
export * from "../../scripts/support/route-server";
