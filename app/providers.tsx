"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "react-aria-components";
import { Toasts } from "@/components/ui/toast";
import { RenderedAt } from "@/components/ui/use-now";

declare module "react-aria-components" {
  interface RouterConfig {
    routerOptions: NonNullable<Parameters<ReturnType<typeof useRouter>["push"]>[1]>;
  }
}

/** Client-side context: TanStack Query for live data, Next's router for react-aria links, toasts. */
export function Providers({ children, renderedAt }: { children: React.ReactNode; renderedAt: number }) {
  const router = useRouter();
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 2_000, refetchOnWindowFocus: true, retry: 1 } } }),
  );
  // Marks the page as interactive: before hydration a press on a server-rendered button does nothing,
  // so automation (the browser tests, a user's scripts) waits for <html data-hydrated>.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return (
    <QueryClientProvider client={client}>
      <RouterProvider navigate={router.push}>
        <RenderedAt value={renderedAt}>{children}</RenderedAt>
        <Toasts />
      </RouterProvider>
    </QueryClientProvider>
  );
}
