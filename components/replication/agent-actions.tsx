"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { Form } from "react-aria-components";
import { FileText, Pause, Pencil, Play, PlugZap } from "lucide-react";
import { Button, LinkButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { TestConnectionDialog } from "@/components/replication/test-connection-dialog";
import { setPausedAction, updateAgentAction } from "@/lib/replication/actions";

export type AgentEditable = {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  paused: boolean;
  settings: {
    retryDelayMs: number;
    maxAttempts: number;
    logLevel: string;
    connectTimeoutMs: number;
    socketTimeoutMs: number;
  };
};

/** The agent page's title-bar actions: Edit, Test Connection, View Log, Pause/Resume. */
export function AgentActions({ agent }: { agent: AgentEditable }) {
  const router = useRouter();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [testing, setTesting] = useState(false);
  const [busy, setBusy] = useState(false);

  async function togglePause() {
    setBusy(true);
    const res = await setPausedAction({ agentId: agent.id, paused: !agent.paused });
    setBusy(false);
    if (!res.ok) return toast.negative(res.error);
    toast.positive(
      res.data.paused
        ? `${agent.name} paused: its waiting jobs went to the other agents`
        : `${agent.name} resumed: it takes its share of the queue again`,
    );
    router.refresh();
    await qc.invalidateQueries({ queryKey: ["replication"] });
  }

  return (
    <>
      <Button onPress={() => setEditing(true)}>
        <Pencil size={15} aria-hidden /> Edit
      </Button>
      <Button onPress={() => setTesting(true)}>
        <PlugZap size={15} aria-hidden /> Test Connection
      </Button>
      <LinkButton href={`/tools/replication/agents/${agent.id}/log`}>
        <FileText size={15} aria-hidden /> View Log
      </LinkButton>
      <Button variant="primary" onPress={togglePause} isPending={busy}>
        {agent.paused ? (
          <>
            <Play size={15} aria-hidden /> Resume
          </>
        ) : (
          <>
            <Pause size={15} aria-hidden /> Pause
          </>
        )}
      </Button>
      <Dialog title="Agent Settings" isOpen={editing} onOpenChange={setEditing}>
        {(close) => <EditForm agent={agent} onDone={close} />}
      </Dialog>
      {testing && <TestConnectionDialog agentId={agent.id} agentName={agent.name} onClose={() => setTesting(false)} />}
    </>
  );
}

const levels = [
  { id: "debug", label: "Debug" },
  { id: "info", label: "Info" },
  { id: "error", label: "Error" },
];

function EditForm({ agent, onDone }: { agent: AgentEditable; onDone: () => void }) {
  const router = useRouter();
  const qc = useQueryClient();
  const s = agent.settings;
  const [v, setV] = useState({
    name: agent.name,
    description: agent.description,
    enabled: agent.enabled,
    retryDelayMs: String(s.retryDelayMs),
    maxAttempts: String(s.maxAttempts),
    logLevel: s.logLevel,
    connectTimeoutMs: String(s.connectTimeoutMs),
    socketTimeoutMs: String(s.socketTimeoutMs),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = (k: keyof typeof v) => (value: string | boolean) => setV({ ...v, [k]: value });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const res = await updateAgentAction({
      agentId: agent.id,
      name: v.name,
      description: v.description,
      enabled: v.enabled,
      retryDelayMs: Number(v.retryDelayMs),
      maxAttempts: Number(v.maxAttempts),
      logLevel: v.logLevel as "debug" | "info" | "error",
      connectTimeoutMs: Number(v.connectTimeoutMs),
      socketTimeoutMs: Number(v.socketTimeoutMs),
    });
    setPending(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setError(res.fieldErrors ? null : res.error);
      return;
    }
    toast.positive(`Settings of ${res.data.name} saved`);
    router.refresh();
    await qc.invalidateQueries({ queryKey: ["replication"] });
    onDone();
  }

  return (
    <Form onSubmit={submit} className="grid gap-4">
      {error && <Alert tone="negative">{error}</Alert>}
      <TextField label="Name" value={v.name} onChange={set("name")} error={errors.name} autoFocus />
      <TextField
        label="Description"
        value={v.description}
        onChange={set("description")}
        error={errors.description}
        multiline
        rows={2}
      />
      <Checkbox isSelected={v.enabled} onChange={set("enabled")}>
        Enabled <span className="text-ink-muted">— a disabled agent hands its waiting jobs to the other agents</span>
      </Checkbox>
      <div className="grid grid-cols-2 gap-4">
        <TextField
          label="Retry Delay (ms)"
          inputMode="numeric"
          value={v.retryDelayMs}
          onChange={set("retryDelayMs")}
          error={errors.retryDelayMs}
          description="Wait before the first retry; doubles each time"
        />
        <TextField
          label="Max attempts"
          inputMode="numeric"
          value={v.maxAttempts}
          onChange={set("maxAttempts")}
          error={errors.maxAttempts}
          description="Then the item is parked as failed"
        />
        <TextField
          label="Connect timeout (ms)"
          inputMode="numeric"
          value={v.connectTimeoutMs}
          onChange={set("connectTimeoutMs")}
          error={errors.connectTimeoutMs}
        />
        <TextField
          label="Socket timeout (ms)"
          inputMode="numeric"
          value={v.socketTimeoutMs}
          onChange={set("socketTimeoutMs")}
          error={errors.socketTimeoutMs}
        />
      </div>
      <Select
        label="Log Level"
        options={levels}
        value={v.logLevel}
        onChange={set("logLevel")}
        error={errors.logLevel}
        description="Info logs every attempt and test; Error only failures; Debug adds detail"
      />
      <DialogFooter>
        <Button slot="close" variant="secondary">
          Cancel
        </Button>
        <Button type="submit" variant="primary" isPending={pending}>
          OK
        </Button>
      </DialogFooter>
    </Form>
  );
}
