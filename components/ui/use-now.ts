"use client";
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";

/** When the server rendered the page (root layout): what relative times are computed from while hydrating. */
export const RenderedAt = createContext(0);

const noSubscription = () => () => {};

/**
 * The current time, read once per render cycle and refreshed every `everyMs` (render stays pure).
 * While hydrating it is the server's render time, so "3 s ago" reads the same on both sides (a
 * second between the two would otherwise be a hydration error); the browser's clock right after.
 */
export function useNow(everyMs = 15_000): number {
  const renderedAt = useContext(RenderedAt);
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return hydrated || !renderedAt ? now : renderedAt;
}
