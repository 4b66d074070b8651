"use client";
import { useState } from "react";
import { FolderDown } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { downloadZip } from "@/components/portal/content/zip-download";

/** Download a whole folder (with its subfolders) as one ZIP. */
export function FolderZipButton({
  slug,
  folder,
  label = "Download folder",
}: {
  slug: string;
  folder: string;
  label?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="secondary"
        isPending={busy}
        onPress={async () => {
          setBusy(true);
          setError(null);
          setError(await downloadZip(slug, { folder }));
          setBusy(false);
        }}
      >
        <FolderDown size={16} aria-hidden /> {label}
      </Button>
      {error && (
        <Alert tone="negative" className="max-w-md">
          {error}
        </Alert>
      )}
    </div>
  );
}
