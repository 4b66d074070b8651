"use client";
import { useState } from "react";
import { Download, FolderDown } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { downloadZip } from "@/components/portal/content/zip-download";

/** Download a whole folder (with its subfolders) or a collection as one ZIP. */
export function ZipButton({
  slug,
  target,
  label,
}: {
  slug: string;
  target: { folder: string } | { collection: string };
  label: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const Icon = "folder" in target ? FolderDown : Download;
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="secondary"
        isPending={busy}
        onPress={async () => {
          setBusy(true);
          setError(null);
          setError(await downloadZip(slug, target));
          setBusy(false);
        }}
      >
        <Icon size={16} aria-hidden /> {label}
      </Button>
      {error && (
        <Alert tone="negative" className="max-w-md">
          {error}
        </Alert>
      )}
    </div>
  );
}
