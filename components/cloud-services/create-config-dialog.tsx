"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button as AriaButton, Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { createConfigAction } from "@/lib/cloud-services/actions";
import { configNameFromTitle } from "@/lib/cloud-services/config-name";
import { TitleNameFields, useTitleName } from "@/components/ui/title-name-fields";

/** The service card's "Configure now" link and the Create Configuration dialog it opens. */
export function ConfigureNow({ serviceTitle }: { serviceTitle: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <AriaButton
        className="focus-ring mt-2 rounded-sm text-sm font-semibold text-accent data-[hovered]:underline"
        onPress={() => setOpen(true)}
      >
        Configure now
      </AriaButton>
      <Dialog title="Create Configuration" isOpen={open} onOpenChange={setOpen} size="sm">
        {() => <CreateConfigForm serviceTitle={serviceTitle} />}
      </Dialog>
    </>
  );
}

function CreateConfigForm({ serviceTitle }: { serviceTitle: string }) {
  const router = useRouter();
  const fields = useTitleName(configNameFromTitle);
  const { errors, error, pending: running, submit: run } = useActionForm();
  const [leaving, setLeaving] = useState(false); // stays disabled while the configuration page opens
  const pending = running || leaving;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const res = await run(() => createConfigAction({ title: fields.title, name: fields.name }));
    if (!res.ok) return;
    toast.positive(`Configuration ${res.data.name} created with a new key pair and four replication agents`);
    // The configuration page opens its Brand Portal Replication dialog, as AEM does after Create.
    setLeaving(true);
    router.push(`${res.data.href}?edit=1`);
  }

  return (
    <Form onSubmit={submit} className="grid gap-4">
      <p className="text-sm text-ink-muted">
        A new {serviceTitle} configuration. Outpost generates its RSA-2048 key pair and four replication agents.
      </p>
      {error && <Alert tone="negative">{error}</Alert>}
      <TitleNameFields
        state={fields}
        errors={errors}
        nameDescription="Lowercase letters, digits, '-' and '_'. Used in URLs and file names; it cannot be changed later."
      />
      <DialogFooter>
        <Button slot="close" variant="secondary" isDisabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isPending={pending}>
          {pending ? "Creating…" : "Create"}
        </Button>
      </DialogFooter>
    </Form>
  );
}
