"use client";
import { useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { cx } from "@/components/ui/cx";
import { formatTime } from "@/components/replication/format";
import { testConnectionAction } from "@/lib/replication/actions";
import type { TestResult } from "@/lib/replication/test-connection";

/** Runs Test Connection and shows its log: one timestamped line per step, the verdict last. */
export function TestConnectionDialog({
  agentId,
  agentName,
  onClose,
}: {
  agentId: string;
  agentName: string;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [result, setResult] = useState<TestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const started = useRef(false);

  async function run() {
    setRunning(true);
    setError(null);
    setResult(null);
    const res = await testConnectionAction({ agentId });
    setRunning(false);
    if (!res.ok) return setError(res.error);
    setResult(res.data);
    await qc.invalidateQueries({ queryKey: ["replication"] });
  }
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void run();
  });

  return (
    <Dialog title={`Test Connection: ${agentName}`} isOpen onOpenChange={(o) => !o && onClose()} size="lg">
      <div
        role="log"
        aria-label="Test Connection log"
        aria-busy={running}
        className="max-h-[55vh] overflow-auto rounded border border-line bg-canvas p-3 font-mono text-xs leading-relaxed"
      >
        {running && (
          <p className="text-ink-muted">Testing… (creating the assertion, requesting a token, pinging the tenant)</p>
        )}
        {error && <p className="text-negative">{error}</p>}
        {result?.lines.map((l, i) => {
          const last = i === result.lines.length - 1;
          return (
            <p
              key={i}
              className={cx(
                "whitespace-pre-wrap break-words",
                last && "mt-1 text-sm font-bold",
                last && (result.ok ? "text-positive" : "text-negative"),
              )}
            >
              {!last && <span className="text-ink-muted">{formatTime(l.at)} </span>}
              {l.text}
            </p>
          );
        })}
      </div>
      <DialogFooter>
        <Button onPress={run} isPending={running}>
          Run again
        </Button>
        <Button variant="primary" onPress={onClose}>
          Close
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
