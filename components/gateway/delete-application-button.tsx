"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { deleteApplicationAction } from "@/lib/gateway/actions";

export function DeleteApplicationButton({ clientId, name }: { clientId: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onPress={() => setOpen(true)}>
        <Trash2 size={15} aria-hidden /> Delete
      </Button>
      <ConfirmDialog
        isOpen={open}
        onOpenChange={setOpen}
        title="Delete application"
        confirmLabel="Delete"
        destructive
        onConfirm={async () => {
          const res = await deleteApplicationAction({ clientId });
          if (!res.ok) return res.error;
          toast.positive(`Application ${name} deleted`);
          router.push("/gateway");
        }}
      >
        Delete <strong>{name}</strong> ({clientId})? Consoles that use this Application ID can no longer get access
        tokens. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
