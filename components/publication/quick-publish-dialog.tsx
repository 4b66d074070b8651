"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { quickPublishAction } from "@/lib/publication/actions";
import { formatBytes } from "@/lib/format";
import type { CommandContext } from "@/components/assets/commands/types";
import { ConfigSelect } from "@/components/publication/config-select";
import { NotConfigured } from "@/components/publication/not-configured";
import { instanceUrl, keptText, queuedMessage, scopeText } from "@/components/publication/scope-text";
import { useReadiness, useScopePreview } from "@/components/publication/use-publishing";

/**
 * Quick Publish › Publish to Brand Portal / Unpublish from Brand Portal (and the card's Publish):
 * says in numbers what will happen, then queues it. The result links to the publication's progress.
 */
export function QuickPublishDialog({
  action,
  items,
  close,
  done,
}: CommandContext & { action: "publish" | "unpublish" }) {
  const refs = items.map((i) => ({ kind: i.kind, id: i.id }));
  const readiness = useReadiness();
  const preview = useScopePreview(refs);
  const [configId, setConfigId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const verb = action === "publish" ? "Publish" : "Unpublish";
  const what = preview.data ? scopeText(preview.data, action) : null;
  const kept = preview.data ? keptText(preview.data, action) : null;

  async function run() {
    setPending(true);
    const res = await quickPublishAction({ action, items: refs, configId: configId ?? undefined });
    setPending(false);
    if (!res.ok) return setError(res.error);
    toast.positive(queuedMessage(action, preview.data!), {
      href: instanceUrl(res.data.id),
      linkLabel: "View progress",
    });
    done();
  }

  const ready = readiness.data?.ready;
  return (
    <Dialog
      title={action === "publish" ? "Publish to Brand Portal" : "Unpublish from Brand Portal"}
      isOpen
      onOpenChange={(o) => !o && close()}
      size="sm"
    >
      <div className="grid gap-3 text-sm">
        {error && <Alert tone="negative">{error}</Alert>}
        {preview.error && <Alert tone="negative">{preview.error.message}</Alert>}
        {readiness.data && !ready && <NotConfigured readiness={readiness.data} />}
        {what && (
          <p data-testid="publish-summary">
            {action === "publish" ? "Publish" : "Remove"} <strong>{what}</strong> {action === "publish" ? "to" : "from"}{" "}
            Brand Portal
            {preview.data!.totals.bytes > 0 && action === "publish" ? (
              <span className="text-ink-muted"> ({formatBytes(preview.data!.totals.bytes)})</span>
            ) : null}
            .{kept && ` ${kept}`}
          </p>
        )}
        {preview.data && preview.data.missing.length > 0 && (
          <Alert tone="notice">
            {preview.data.missing.length} of the selected items no longer exist. Close this dialog and select again.
          </Alert>
        )}
        {readiness.data && ready && <ConfigSelect readiness={readiness.data} value={configId} onChange={setConfigId} />}
      </div>
      <DialogFooter>
        <Button variant="secondary" onPress={close} isDisabled={pending}>
          Cancel
        </Button>
        <Button
          variant={action === "publish" ? "primary" : "negative"}
          isPending={pending}
          isDisabled={!ready || !preview.data || preview.data.missing.length > 0}
          onPress={run}
        >
          {verb}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}

export const PublishDialog = (ctx: CommandContext) => <QuickPublishDialog {...ctx} action="publish" />;
export const UnpublishDialog = (ctx: CommandContext) => <QuickPublishDialog {...ctx} action="unpublish" />;
