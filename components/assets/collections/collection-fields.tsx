"use client";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { deriveFolderName } from "@/lib/assets/names";

export type CollectionDraft = { title: string; name: string; description: string };

/** Title, Name (derived from the title until edited) and Description of a new collection. */
export function useCollectionDraft() {
  const [draft, setDraft] = useState<CollectionDraft>({ title: "", name: "", description: "" });
  const [nameEdited, setNameEdited] = useState(false);
  return {
    draft,
    setTitle: (title: string) =>
      setDraft((d) => ({ ...d, title, name: nameEdited ? d.name : deriveFolderName(title) })),
    setName: (name: string) => {
      setNameEdited(true);
      setDraft((d) => ({ ...d, name }));
    },
    setDescription: (description: string) => setDraft((d) => ({ ...d, description })),
  };
}

export function CollectionFields({
  state,
  errors,
}: {
  state: ReturnType<typeof useCollectionDraft>;
  errors: Record<string, string>;
}) {
  return (
    <>
      <TextField label="Title" value={state.draft.title} onChange={state.setTitle} error={errors.title} autoFocus />
      <TextField
        label="Name"
        description="Lowercase letters, digits, '-' and '_'."
        value={state.draft.name}
        onChange={state.setName}
        error={errors.name}
      />
      <TextField
        label="Description"
        multiline
        rows={3}
        value={state.draft.description}
        onChange={state.setDescription}
        error={errors.description}
      />
    </>
  );
}
