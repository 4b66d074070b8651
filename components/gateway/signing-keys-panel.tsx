"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { rotateSigningKeyAction } from "@/lib/gateway/actions";

export function RotateSigningKeyButton({ graceMinutes }: { graceMinutes: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onPress={() => setOpen(true)}>
        <RefreshCw size={15} aria-hidden /> Rotate Signing Key
      </Button>
      <ConfirmDialog
        isOpen={open}
        onOpenChange={setOpen}
        title="Rotate signing key"
        confirmLabel="Rotate"
        onConfirm={async () => {
          const res = await rotateSigningKeyAction({});
          if (!res.ok) return res.error;
          toast.positive("Signing key rotated", {
            description: `New key ${res.data.kid.slice(0, 12)}… signs from now on.`,
          });
          router.refresh();
        }}
      >
        A new key signs every access token from now on. The current key stops signing but stays in the JWKS for{" "}
        {graceMinutes} minutes, so tokens it signed keep working until they expire.
      </ConfirmDialog>
    </>
  );
}
