"use client";
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button, IconButton } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

/** Writes text to the clipboard (with a fallback where the Clipboard API is unavailable, e.g. plain http). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  return ok;
}

/**
 * A button that copies `text`; `label` names what is copied ("Copy application ID"). The icon form
 * confirms with a toast; the labelled form ("Copy" → "Copied") confirms in place.
 */
export function CopyButton({
  text,
  label,
  copiedMessage,
  labelled,
}: {
  text: string;
  label: string;
  copiedMessage?: string;
  labelled?: boolean;
}) {
  const [copied, setCopied] = useState(false);
  const onPress = async () => {
    if (await copyText(text)) {
      setCopied(true);
      if (!labelled) toast.positive(copiedMessage ?? "Copied to the clipboard");
      setTimeout(() => setCopied(false), 2000);
    } else {
      toast.negative("Could not copy: select the text and copy it yourself");
    }
  };
  const icon = copied ? <Check size={16} className="text-positive" aria-hidden /> : <Copy size={16} aria-hidden />;
  if (labelled) {
    return (
      <Button variant="secondary" aria-label={label} onPress={onPress}>
        {icon}
        {copied ? "Copied" : "Copy"}
      </Button>
    );
  }
  return (
    <IconButton label={label} onPress={onPress}>
      {icon}
    </IconButton>
  );
}
