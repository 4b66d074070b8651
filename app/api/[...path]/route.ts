import { unknownApiPath } from "@/lib/api/route";

// Any /api/* path no other route serves answers JSON 404 (more specific routes win).
export const GET = unknownApiPath;
export const HEAD = unknownApiPath;
export const POST = unknownApiPath;
export const PUT = unknownApiPath;
export const PATCH = unknownApiPath;
export const DELETE = unknownApiPath;
export const OPTIONS = unknownApiPath;
