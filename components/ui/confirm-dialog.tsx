"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";

type Props = {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  /** Returns an error message to show, or nothing when done (the dialog then closes). */
  onConfirm: () => Promise<string | void>;
  destructive?: boolean;
};

/** Asks before an action, runs it, and shows its error in place instead of closing. */
export function ConfirmDialog({ isOpen, onOpenChange, title, children, confirmLabel, onConfirm, destructive }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(o) => {
        if (!o) setError(null);
        onOpenChange(o);
      }}
      title={title}
      size="sm"
      role="alertdialog"
    >
      {(close) => (
        <>
          <div className="text-sm">{children}</div>
          {error && (
            <Alert tone="negative" className="mt-4">
              {error}
            </Alert>
          )}
          <DialogFooter>
            <Button variant="secondary" onPress={close} isDisabled={pending}>
              Cancel
            </Button>
            <Button
              variant={destructive ? "negative" : "primary"}
              isPending={pending}
              onPress={async () => {
                setPending(true);
                setError(null);
                try {
                  const err = await onConfirm();
                  if (err) setError(err);
                  else close();
                } finally {
                  setPending(false);
                }
              }}
            >
              {confirmLabel}
            </Button>
          </DialogFooter>
        </>
      )}
    </Dialog>
  );
}
