"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Form } from "react-aria-components";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { updateMetadataAction } from "@/lib/assets/actions";
import { parseTags } from "@/lib/assets/names";

type Meta = { id: string; updatedAt: string; title: string; description: string; tags: string[]; creator: string };

/**
 * The editable metadata (Title, Description, Tags, Creator). It sends the updatedAt it was loaded
 * with: a save over someone else's change is refused and the form offers to reload.
 */
export function MetadataForm({ asset }: { asset: Meta }) {
  const router = useRouter();
  const [v, setV] = useState({
    title: asset.title,
    description: asset.description,
    tags: asset.tags.join(", "),
    creator: asset.creator,
  });
  const [loadedAt, setLoadedAt] = useState(asset.updatedAt);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const dirty =
    v.title !== asset.title ||
    v.description !== asset.description ||
    v.tags !== asset.tags.join(", ") ||
    v.creator !== asset.creator;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const res = await updateMetadataAction({
      id: asset.id,
      updatedAt: loadedAt,
      title: v.title,
      description: v.description,
      tags: parseTags(v.tags),
      creator: v.creator,
    });
    setPending(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setError(
        res.fieldErrors && !res.fieldErrors._
          ? null
          : { message: res.error, stale: /changed by someone else/.test(res.error) },
      );
      return;
    }
    setErrors({});
    setError(null);
    setLoadedAt(res.data.updatedAt);
    toast.positive("Properties saved");
    router.refresh();
  }

  return (
    <Form onSubmit={save} className="grid gap-4" aria-label="Properties">
      {error && (
        <Alert tone="negative" title={error.stale ? "Not saved" : undefined}>
          {error.message}
          {error.stale && (
            <div className="mt-2">
              <Button variant="secondary" onPress={() => window.location.reload()}>
                Reload
              </Button>
            </div>
          )}
        </Alert>
      )}
      <TextField label="Title" value={v.title} onChange={(title) => setV({ ...v, title })} error={errors.title} />
      <TextField
        label="Description"
        multiline
        rows={4}
        value={v.description}
        onChange={(description) => setV({ ...v, description })}
        error={errors.description}
      />
      <TextField
        label="Tags"
        description="Separate tags with commas."
        value={v.tags}
        onChange={(tags) => setV({ ...v, tags })}
        error={errors.tags ?? Object.entries(errors).find(([k]) => k.startsWith("tags."))?.[1]}
      />
      <TextField
        label="Creator"
        value={v.creator}
        onChange={(creator) => setV({ ...v, creator })}
        error={errors.creator}
      />
      <div className="flex justify-end gap-3">
        <Button
          variant="secondary"
          isDisabled={!dirty || pending}
          onPress={() =>
            setV({
              title: asset.title,
              description: asset.description,
              tags: asset.tags.join(", "),
              creator: asset.creator,
            })
          }
        >
          Cancel
        </Button>
        <Button type="submit" variant="primary" isPending={pending} isDisabled={!dirty}>
          Save
        </Button>
      </div>
    </Form>
  );
}
