"use client";
import { createContext, useCallback, useContext, useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { ConflictDialog, UploadPanel } from "@/components/assets/upload/upload-panel";
import { isActive, useUploads } from "@/components/assets/upload/use-uploads";

type AddFiles = (files: File[], folderPath: string) => void;
const UploadsContext = createContext<AddFiles | null>(null);

/** Starts uploads of files into a folder; the panel that shows them belongs to UploadsProvider. */
export function useAddUploads(): AddFiles {
  const add = useContext(UploadsContext);
  if (!add) throw new Error("useAddUploads outside <UploadsProvider>");
  return add;
}

/**
 * The console's uploads, above its pages: the Assets console remounts for every folder, and an
 * upload (with its panel, Cancel and outcome) must outlive the folder it was started from.
 */
export function UploadsProvider({ limit, children }: { limit: number; children: React.ReactNode }) {
  const queryClient = useQueryClient();
  // Whichever folder is on screen, its listing shows the finished upload.
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: ["assets"] }), [queryClient]);
  const uploads = useUploads({ limit, onUploaded: refresh });
  const { add } = uploads;
  const addFiles = useCallback<AddFiles>((files, folderPath) => void add(files, folderPath), [add]);
  useWarnBeforeUnload(uploads.entries.some(isActive));
  return (
    <UploadsContext value={addFiles}>
      {children}
      <ConflictDialog question={uploads.question} />
      <UploadPanel
        entries={uploads.entries}
        onCancel={uploads.cancel}
        onCancelAll={uploads.cancelAll}
        onClose={uploads.clear}
      />
    </UploadsContext>
  );
}

/** Reloading or leaving the site aborts every request in flight: the browser asks first. */
function useWarnBeforeUnload(busy: boolean) {
  useEffect(() => {
    if (!busy) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [busy]);
}
