"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { deleteConfigAction } from "@/lib/cloud-services/actions";
import { LEGACY_CLOUD_SERVICES_HREF } from "@/lib/cloud-services/catalog";
import { ReplicationDialog, type ReplicationSettings } from "@/components/cloud-services/replication-dialog";

type Props = {
  name: string;
  title: string;
  settings: ReplicationSettings;
  defaults: { gatewayUrl: string; portalBase: string };
  /** Set right after Create: open the Brand Portal Replication dialog at once. */
  openEditor: boolean;
  selfHref: string;
};

/** The configuration page's title-bar actions: Edit (the Brand Portal Replication dialog) and Delete. */
export function ConfigActions({ name, title, settings, defaults, openEditor, selfHref }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(openEditor);
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    // Drop ?edit=1 so a reload does not reopen the dialog.
    if (openEditor) router.replace(selfHref, { scroll: false });
  }, [openEditor, router, selfHref]);

  return (
    <>
      <Button variant="secondary" onPress={() => setDeleting(true)}>
        <Trash2 size={16} aria-hidden /> Delete
      </Button>
      <Button variant="primary" onPress={() => setEditing(true)}>
        <Pencil size={16} aria-hidden /> Edit
      </Button>
      <ReplicationDialog isOpen={editing} onOpenChange={setEditing} settings={settings} defaults={defaults} />
      <ConfirmDialog
        isOpen={deleting}
        onOpenChange={setDeleting}
        title="Delete configuration"
        confirmLabel="Delete"
        destructive
        onConfirm={async () => {
          const res = await deleteConfigAction({ configId: settings.configId });
          if (!res.ok) return res.error;
          toast.positive(`Configuration ${name} deleted`);
          router.push(LEGACY_CLOUD_SERVICES_HREF);
        }}
      >
        Delete <strong>{title}</strong> ({name})? Its four replication agents and its key pairs are deleted with it; the
        gateway application keeps the public key until you remove it there. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
