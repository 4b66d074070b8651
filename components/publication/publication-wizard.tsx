"use client";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { Plus, Trash2 } from "lucide-react";
import { parseDate, parseTime, type CalendarDate, type Time } from "@internationalized/date";
import { Button, IconButton } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextField } from "@/components/ui/text-field";
import { Table, TableHeader, TableBody, Column, Row, Cell } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { cx } from "@/components/ui/cx";
import { TypeIcon } from "@/components/assets/type-icon";
import { formatBytes, formatDateTime } from "@/lib/format";
import { managePublicationAction } from "@/lib/publication/actions";
import { activationProblem, type ScopeItem } from "@/lib/publication/schemas";
import { ActivationFields, timeZone, toUtcIso } from "@/components/publication/activation-fields";
import { AddContentDialog } from "@/components/publication/add-content-dialog";
import { ConfigSelect } from "@/components/publication/config-select";
import { NotConfigured } from "@/components/publication/not-configured";
import { includesText, instanceUrl, queuedMessage, totalsText } from "@/components/publication/scope-text";
import { useReadiness, useScopePreview } from "@/components/publication/use-publishing";
import {
  cancelHrefFor,
  itemsOfStash,
  readStash,
  stashSelection,
  wizardSearch,
  wizardStateFromParams,
  type WizardState,
  type WizardStep,
} from "@/lib/publication/wizard-url";

type Action = "publish" | "unpublish";
const noSubscription = () => () => {};
type Step = WizardStep;
const ACTIONS = [
  { id: "publish", label: "Publish to Brand Portal" },
  { id: "unpublish", label: "Unpublish from Brand Portal" },
];
const SCHEDULING = [
  { id: "now", label: "Now" },
  { id: "later", label: "Later" },
];

/**
 * Manage Publication: Options (Action, Scheduling, Activation date) → Scope (the items, what each
 * includes, Add Content) → Workflows (Later only: Workflow title). The last button names what
 * happens: Publish to Brand Portal, Unpublish from Brand Portal, Publish Later or Unpublish Later.
 */
export function PublicationWizard({ initial, cancelHref }: { initial: WizardState; cancelHref: string }) {
  const router = useRouter();
  const [action, setAction] = useState<Action>(initial.action);
  const [scheduling, setScheduling] = useState<"now" | "later">(initial.scheduling);
  const [date, setDate] = useState<CalendarDate | null>(() => parseOr(parseDate, initial.date));
  const [time, setTime] = useState<Time | null>(() => parseOr(parseTime, initial.time));
  const [dateError, setDateError] = useState<string | undefined>();
  // A long selection is named by a key, its items kept in the tab's sessionStorage (read once
  // hydrated: the server has none); the author's changes replace it.
  const stashKey = initial.selection && !initial.items.length ? initial.selection : null;
  const stash = useSyncExternalStore(
    noSubscription,
    () => (stashKey ? readStash(stashKey) : null),
    () => undefined,
  );
  const [edited, setItems] = useState<ScopeItem[] | null>(stashKey ? null : initial.items);
  const stashed = useMemo(() => (stash ? itemsOfStash(stash) : []), [stash]);
  const items = edited ?? stashed;
  const selectionLost = !!stashKey && stash === null && edited === null;
  const [title, setTitle] = useState<string | null>(initial.title);
  const [configId, setConfigId] = useState<string | null>(initial.configId);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const tz = useMemo(() => timeZone(), []);
  const readiness = useReadiness();
  const preview = useScopePreview(items);
  const later = scheduling === "later";
  const steps: Step[] = later ? ["options", "scope", "workflows"] : ["options", "scope"];
  const [step, showStep] = useState<Step>(initial.step);
  const state: WizardState = {
    items,
    step,
    action,
    scheduling,
    date: date?.toString() ?? null,
    time: time?.toString().slice(0, 5) ?? null,
    title,
    configId,
    selection: edited === null ? stashKey : null,
  };
  const search = wizardSearch(state);
  useEffect(() => {
    // Every choice is written into the address as it is made, so Reload keeps it.
    stashSelection(items);
    if (window.location.search !== `?${search}`)
      window.history.replaceState({ from: window.history.state?.from }, "", `?${search}`);
  }, [search, items]);
  useEffect(() => {
    // The browser's Back and Forward move between the steps each Next added to the history.
    const onPop = () => {
      const at = new URLSearchParams(window.location.search).get("step") ?? undefined;
      showStep(wizardStateFromParams({ step: at, when: scheduling }).step);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [scheduling]);

  function setStep(to: Step) {
    const i = steps.indexOf(to);
    if (i > steps.indexOf(step)) {
      window.history.pushState({ from: step }, "", `?${wizardSearch({ ...state, step: to })}`);
    } else if (window.history.state?.from === to) {
      window.history.back(); // the step came from there: Back and the browser's Back agree
      return; // shown by onPop
    } else {
      window.history.replaceState({ from: steps[i - 1] }, "", `?${wizardSearch({ ...state, step: to })}`);
    }
    showStep(to);
  }
  const rows = preview.data?.rows ?? [];
  const defaultTitle = `${ACTIONS.find((a) => a.id === action)!.label}: ${rows[0]?.title ?? ""}${rows.length > 1 ? ` and ${rows.length - 1} more` : ""}`;
  const finalLabel = later
    ? action === "publish"
      ? "Publish Later"
      : "Unpublish Later"
    : ACTIONS.find((a) => a.id === action)!.label;

  function activationIso(): string | null {
    if (!date || !time) {
      setDateError("Choose an activation date and time.");
      return null;
    }
    const iso = toUtcIso(date, time, tz);
    const problem = activationProblem(new Date(iso), Date.now());
    if (problem) {
      setDateError(problem);
      return null;
    }
    setDateError(undefined);
    return iso;
  }

  function next() {
    if (step === "options" && later && !activationIso()) return;
    setStep(steps[steps.indexOf(step) + 1]);
  }

  async function submit() {
    setError(null);
    setFieldErrors({});
    const at = later ? activationIso() : null;
    if (later && !at) return setStep("options");
    setPending(true);
    const res = await managePublicationAction({
      action,
      items,
      scheduling,
      configId: configId ?? undefined,
      activationDate: at ?? undefined,
      title: later ? (title ?? defaultTitle).trim() : undefined,
    });
    setPending(false);
    if (!res.ok) {
      setError(res.error);
      setFieldErrors(res.fieldErrors ?? {});
      if (res.fieldErrors?.activationDate) {
        setDateError(res.fieldErrors.activationDate);
        setStep("options");
      }
      return;
    }
    if (res.data.scheduledAt)
      toast.positive(`“${res.data.title}” is scheduled for ${formatDateTime(res.data.scheduledAt)}`, {
        href: instanceUrl(res.data.id),
        linkLabel: "View the workflow instance",
      });
    else
      toast.positive(queuedMessage(action, { rows }), {
        href: instanceUrl(res.data.id),
        linkLabel: "View progress",
      });
    router.push(instanceUrl(res.data.id));
  }

  const ready = readiness.data?.ready;
  const last = steps.indexOf(step) === steps.length - 1;
  return (
    <div className="grid gap-5">
      <ol aria-label="Steps" className="flex flex-wrap items-center gap-2 text-sm">
        {steps.map((s, i) => (
          <li key={s} aria-current={s === step ? "step" : undefined} className="flex items-center gap-2">
            <span
              className={cx(
                "flex h-6 w-6 items-center justify-center rounded-full border-2 text-xs font-bold",
                s === step ? "border-accent bg-accent text-white" : "border-line-strong text-ink-muted",
              )}
            >
              {i + 1}
            </span>
            <span className={s === step ? "font-semibold" : "text-ink-muted"}>
              {s === "options" ? "Options" : s === "scope" ? "Scope" : "Workflows"}
            </span>
            {i < steps.length - 1 && <span className="mx-2 h-px w-10 bg-line-strong" aria-hidden />}
          </li>
        ))}
      </ol>

      {readiness.data && !ready && <NotConfigured readiness={readiness.data} />}
      {selectionLost && (
        <Alert tone="negative">
          The items chosen for this publication were kept in the browser tab they were chosen in, and this tab does not
          have them. Go back to the Assets console, select them again and choose Manage Publication.
        </Alert>
      )}
      {error && <Alert tone="negative">{error}</Alert>}

      <section aria-label={step === "options" ? "Options" : step === "scope" ? "Scope" : "Workflows"}>
        {step === "options" && (
          <div className="grid max-w-xl gap-5 rounded border border-line bg-surface p-5">
            <RadioGroup label="Action" options={ACTIONS} value={action} onChange={(v) => setAction(v as Action)} />
            <RadioGroup
              label="Scheduling"
              options={SCHEDULING}
              value={scheduling}
              onChange={(v) => setScheduling(v as "now" | "later")}
            />
            {later && (
              <ActivationFields date={date} time={time} onDate={setDate} onTime={setTime} error={dateError} tz={tz} />
            )}
            {readiness.data && ready && (
              <ConfigSelect readiness={readiness.data} value={configId} onChange={setConfigId} />
            )}
          </div>
        )}

        {step === "scope" && (
          <div className="grid gap-3">
            <div className="flex flex-wrap items-center gap-3">
              <p className="mr-auto text-sm" data-testid="scope-totals">
                {/* An empty scope asks for nothing (the table says so): no preview runs for it. */}
                {preview.data ? totalsText(preview.data, action) : preview.isFetching ? "Loading…" : null}
              </p>
              <Button variant="secondary" onPress={() => setAdding(true)}>
                <Plus size={15} aria-hidden /> Add Content
              </Button>
            </div>
            {preview.error && <Alert tone="negative">{preview.error.message}</Alert>}
            {preview.data && preview.data.missing.length > 0 && (
              <Alert tone="notice">
                {preview.data.missing.length} item
                {preview.data.missing.length === 1 ? " no longer exists" : "s no longer exist"} and{" "}
                {preview.data.missing.length === 1 ? "was" : "were"} left out.{" "}
                <button
                  type="button"
                  className="font-semibold underline"
                  onClick={() => setItems(items.filter((i) => !preview.data!.missing.some((m) => m.id === i.id)))}
                >
                  Remove from the scope
                </button>
              </Alert>
            )}
            <div className="overflow-x-auto rounded border border-line bg-surface">
              <Table aria-label="Scope">
                <TableHeader>
                  <Column className="w-16">
                    <span className="sr-only">Thumbnail</span>
                  </Column>
                  <Column isRowHeader>Title</Column>
                  <Column>Path</Column>
                  <Column>Includes</Column>
                  <Column>Size</Column>
                  <Column className="w-12">
                    <span className="sr-only">Remove</span>
                  </Column>
                </TableHeader>
                <TableBody
                  items={rows}
                  renderEmptyState={() => (
                    <p className="p-6 text-center text-ink-muted">
                      Nothing to publish. Use Add Content to choose folders or assets.
                    </p>
                  )}
                >
                  {(r) => (
                    <Row id={`${r.kind}:${r.id}`} textValue={r.title}>
                      <Cell>
                        {r.thumbnailUrl ? (
                          // eslint-disable-next-line @next/next/no-img-element -- a streamed rendition
                          <img src={r.thumbnailUrl} alt="" className="h-10 w-10 rounded object-cover" />
                        ) : (
                          <TypeIcon kind={r.kind} size={28} />
                        )}
                      </Cell>
                      <Cell className="font-medium">{r.title}</Cell>
                      <Cell className="max-w-80 break-all font-mono text-xs">{r.path}</Cell>
                      <Cell className="text-sm">{includesText(r, action)}</Cell>
                      <Cell className="whitespace-nowrap tabular-nums">
                        {action === "unpublish" && r.kind === "collection" ? "—" : formatBytes(r.bytes)}
                      </Cell>
                      <Cell>
                        <IconButton
                          label={`Remove ${r.title}`}
                          onPress={() => setItems(items.filter((i) => !(i.kind === r.kind && i.id === r.id)))}
                        >
                          <Trash2 size={16} aria-hidden />
                        </IconButton>
                      </Cell>
                    </Row>
                  )}
                </TableBody>
              </Table>
            </div>
            {fieldErrors.items && <p className="text-sm text-negative">{fieldErrors.items}</p>}
          </div>
        )}

        {step === "workflows" && (
          <div className="grid max-w-xl gap-3 rounded border border-line bg-surface p-5">
            <TextField
              label="Workflow title"
              value={title ?? defaultTitle}
              onChange={setTitle}
              isRequired
              error={
                fieldErrors.title ??
                ((title ?? defaultTitle).trim().length > 200
                  ? "The workflow title must be at most 200 characters."
                  : (title ?? defaultTitle).trim()
                    ? undefined
                    : "Enter a workflow title.")
              }
              description="Shown in Tools › Workflow › Instances."
            />
          </div>
        )}
      </section>

      <div className="flex items-center gap-3 border-t border-line pt-4">
        <Button
          variant="secondary"
          // A selection kept in the tab is known here only: its first row says where it came from.
          onPress={() => router.push(stashKey && rows[0] ? cancelHrefFor(rows[0]) : cancelHref)}
        >
          Cancel
        </Button>
        <span className="flex-1" />
        {step !== "options" && (
          <Button variant="secondary" onPress={() => setStep(steps[steps.indexOf(step) - 1])}>
            Back
          </Button>
        )}
        {last ? (
          <Button
            variant="primary"
            onPress={submit}
            isPending={pending}
            isDisabled={!ready || !rows.length || (preview.data?.missing.length ?? 0) > 0}
          >
            {finalLabel}
          </Button>
        ) : (
          <Button variant="primary" onPress={next}>
            Next
          </Button>
        )}
      </div>
      <AddContentDialog
        isOpen={adding}
        onOpenChange={setAdding}
        onAdd={(added) =>
          setItems([...items, ...added.filter((a) => !items.some((i) => i.kind === a.kind && i.id === a.id))])
        }
      />
    </div>
  );
}

/** A date or time from the address, or none when it is not one. */
function parseOr<T>(parse: (v: string) => T, value: string | null): T | null {
  if (!value) return null;
  try {
    return parse(value);
  } catch {
    return null;
  }
}
