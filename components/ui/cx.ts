import { clsx, type ClassValue } from "clsx";

/** Joins class names (clsx); the one helper every component uses. */
export const cx = (...values: ClassValue[]) => clsx(values);
