"use client";
import {
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
  Button,
  Text,
} from "react-aria-components";
import { X } from "lucide-react";
import { cx } from "@/components/ui/cx";

type ToastBody = {
  title: string;
  description?: string;
  tone: "positive" | "negative" | "info";
  href?: string;
  linkLabel?: string;
};

const queue = new ToastQueue<ToastBody>({ maxVisibleToasts: 4 });

// A toast with a link stays until closed, like an error: someone on the keyboard reaches it with
// F6 and Tab, and six seconds are not always enough for that (WCAG 2.2.1, timing adjustable).
const timeout = (opts: { href?: string }) => (opts.href ? {} : { timeout: 6000 });

/** Shows a toast: toast.positive("Application updated"). Errors and toasts with a link stay until closed. */
export const toast = {
  positive: (title: string, opts: Omit<ToastBody, "title" | "tone"> = {}) =>
    queue.add({ title, tone: "positive", ...opts }, timeout(opts)),
  info: (title: string, opts: Omit<ToastBody, "title" | "tone"> = {}) =>
    queue.add({ title, tone: "info", ...opts }, timeout(opts)),
  negative: (title: string, opts: Omit<ToastBody, "title" | "tone"> = {}) =>
    queue.add({ title, tone: "negative", ...opts }),
};

const toneClass = { positive: "bg-positive", negative: "bg-negative-hover", info: "bg-accent" }; // 4.5:1 with white

export function Toasts() {
  return (
    <ToastRegion
      queue={queue}
      className="fixed bottom-4 left-1/2 z-[60] flex -translate-x-1/2 flex-col gap-2 outline-none"
    >
      {({ toast: t }) => (
        <Toast
          toast={t}
          className={cx(
            "flex min-w-80 max-w-xl items-start gap-3 rounded px-4 py-3 text-white shadow-xl",
            toneClass[t.content.tone],
          )}
        >
          <ToastContent className="flex flex-1 flex-col">
            <Text slot="title" className="font-semibold">
              {t.content.title}
            </Text>
            {t.content.description && (
              <Text slot="description" className="text-sm opacity-90">
                {t.content.description}
              </Text>
            )}
            {t.content.href && (
              <a href={t.content.href} className="mt-1 text-sm font-semibold underline">
                {t.content.linkLabel ?? "Open"}
              </a>
            )}
          </ToastContent>
          <Button slot="close" aria-label="Close" className="focus-ring rounded p-0.5 data-[hovered]:bg-white/20">
            <X size={16} aria-hidden />
          </Button>
        </Toast>
      )}
    </ToastRegion>
  );
}
