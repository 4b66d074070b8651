"use client";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";

/** Title and Name state: the name follows the title (through `derive`) until the user edits it. */
export function useTitleName(derive: (title: string) => string) {
  const [title, setTitleValue] = useState("");
  const [name, setNameValue] = useState("");
  const [edited, setEdited] = useState(false);
  return {
    title,
    name,
    setTitle: (t: string) => {
      setTitleValue(t);
      if (!edited) setNameValue(derive(t));
    },
    setName: (n: string) => {
      setEdited(true);
      setNameValue(n);
    },
  };
}

/** The Title and Name fields of a Create dialog (AEM's pattern). */
export function TitleNameFields({
  state,
  errors,
  nameDescription,
}: {
  state: ReturnType<typeof useTitleName>;
  errors: Record<string, string>;
  nameDescription: string;
}) {
  return (
    <>
      <TextField label="Title" value={state.title} onChange={state.setTitle} error={errors.title} autoFocus />
      <TextField
        label="Name"
        description={nameDescription}
        value={state.name}
        onChange={state.setName}
        error={errors.name}
      />
    </>
  );
}
