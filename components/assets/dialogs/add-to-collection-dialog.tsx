"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Form, ListBox, ListBoxItem } from "react-aria-components";
import { Check, Library } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { cx } from "@/components/ui/cx";
import { getJson } from "@/lib/http/browser-api";
import { CollectionFields, useCollectionDraft } from "@/components/assets/collections/collection-fields";
import { addToCollectionAction, createCollectionAction } from "@/lib/assets/actions";
import type { CollectionSummary } from "@/lib/assets/types";
import type { CommandContext } from "@/components/assets/commands/types";

/** Add to Collection: pick an existing collection, or create one with the selected assets. */
export function AddToCollectionDialog({ items, close, done }: CommandContext) {
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const draft = useCollectionDraft();
  const list = useQuery({
    queryKey: ["assets", "collections", q],
    queryFn: ({ signal }) =>
      getJson<{ collections: CollectionSummary[]; total: number }>(
        `/api/assets/collections?q=${encodeURIComponent(q)}`,
        signal,
      ),
  });
  const assetIds = items.map((i) => i.id);
  const what = items.length === 1 ? items[0].title : `${items.length} assets`;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    if (mode === "existing") {
      if (!chosen) {
        setPending(false);
        return setError("Choose a collection, or create a new one.");
      }
      const res = await addToCollectionAction({ collectionId: chosen, assetIds });
      setPending(false);
      if (!res.ok) return setError(res.error);
      const c = list.data?.collections.find((x) => x.id === chosen);
      toast.positive(
        `Added ${res.data.added} asset${res.data.added === 1 ? "" : "s"} to ${c?.title ?? "the collection"}`,
        { href: c ? `/collections/${c.name}` : undefined, linkLabel: "Open collection" },
      );
    } else {
      const res = await createCollectionAction({ ...draft.draft, assetIds });
      setPending(false);
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        return setError(res.fieldErrors ? null : res.error);
      }
      toast.positive(`Collection ${draft.draft.title} created with ${what}`, {
        href: `/collections/${res.data.name}`,
        linkLabel: "Open collection",
      });
    }
    done();
  }

  return (
    <Dialog title="Add to Collection" isOpen onOpenChange={(o) => !o && close()}>
      <Form onSubmit={submit} className="grid gap-4">
        <div
          role="radiogroup"
          aria-label="Collection"
          className="flex gap-1 rounded-full bg-canvas p-1 text-sm font-semibold"
        >
          {(["existing", "new"] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              onClick={() => setMode(m)}
              className={cx(
                "flex-1 rounded-full px-3 py-1",
                mode === m ? "bg-surface shadow-sm" : "text-ink-muted hover:text-ink",
              )}
            >
              {m === "existing" ? "Existing collection" : "New collection"}
            </button>
          ))}
        </div>
        {error && <Alert tone="negative">{error}</Alert>}
        {mode === "existing" ? (
          <>
            <TextField label="Search collections" value={q} onChange={setQ} placeholder="Title or name" />
            <ListBox
              aria-label="Collections"
              selectionMode="single"
              selectedKeys={chosen ? [chosen] : []}
              onSelectionChange={(keys) => setChosen(keys === "all" ? null : ((Array.from(keys)[0] as string) ?? null))}
              items={list.data?.collections ?? []}
              renderEmptyState={() => (
                <p className="p-3 text-sm text-ink-muted">
                  {list.isPending ? "Loading…" : "No collections yet. Create a new one."}
                </p>
              )}
              className="h-56 overflow-y-auto rounded border border-line outline-none"
            >
              {(c) => (
                <ListBoxItem
                  id={c.id}
                  textValue={c.title}
                  className="group flex cursor-default items-center gap-2 border-b border-line px-3 py-2 text-sm outline-none data-[focused]:bg-canvas data-[selected]:bg-accent-soft"
                >
                  <Library size={16} className="text-accent" aria-hidden />
                  <span className="flex-1 truncate">
                    {c.title}{" "}
                    <span className="text-ink-muted">
                      ({c.name}) · {c.members} asset{c.members === 1 ? "" : "s"}
                    </span>
                  </span>
                  <Check size={14} className="invisible text-accent group-data-[selected]:visible" aria-hidden />
                </ListBoxItem>
              )}
            </ListBox>
          </>
        ) : (
          <CollectionFields state={draft} errors={errors} />
        )}
        <p className="text-xs text-ink-muted">Adds {what}.</p>
        <DialogFooter>
          <Button variant="secondary" onPress={close}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" isPending={pending}>
            {mode === "existing" ? "Add" : "Create"}
          </Button>
        </DialogFooter>
      </Form>
    </Dialog>
  );
}
