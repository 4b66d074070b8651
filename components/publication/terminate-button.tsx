"use client";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { CircleStop } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { terminateAction } from "@/lib/publication/actions";
import type { InstanceRow } from "@/lib/publication/types";

/** Terminate: a scheduled publication never starts; a running one stops (finished items stay). */
export function TerminateButton({ row, quiet }: { row: InstanceRow; quiet?: boolean }) {
  const [open, setOpen] = useState(false);
  const qc = useQueryClient();
  return (
    <>
      <Button
        variant={quiet ? "quiet" : "secondary"}
        onPress={() => setOpen(true)}
        aria-label={`Terminate ${row.title}`}
      >
        <CircleStop size={15} aria-hidden /> Terminate
      </Button>
      <ConfirmDialog
        isOpen={open}
        onOpenChange={setOpen}
        title="Terminate"
        confirmLabel="Terminate"
        destructive
        onConfirm={async () => {
          const res = await terminateAction({ id: row.id });
          if (!res.ok) return res.error;
          toast.positive(
            res.data.removed
              ? `Terminated: ${res.data.removed.toLocaleString("en")} waiting item${res.data.removed === 1 ? "" : "s"} removed`
              : "Terminated",
          );
          await qc.invalidateQueries({ queryKey: ["publication", "instances"] });
        }}
      >
        {row.state === "Scheduled" ? (
          <p>
            <strong>{row.title}</strong> will not start.
          </p>
        ) : (
          <p>
            Stop <strong>{row.title}</strong>? Items not sent yet are removed from the queue; items already published
            stay published.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
