"use client";
import { Select } from "@/components/ui/select";
import type { Readiness } from "@/components/publication/use-publishing";

/** The Brand Portal configuration to publish to: shown only when there is more than one. */
export function ConfigSelect({
  readiness,
  value,
  onChange,
}: {
  readiness: Readiness;
  value: string | null;
  onChange: (id: string) => void;
}) {
  if (readiness.configs.length < 2) return null;
  return (
    <Select
      label="Brand Portal configuration"
      options={readiness.configs.map((c) => ({ id: c.id, label: c.title, description: c.tenantUrl }))}
      value={value ?? readiness.configs[0].id}
      onChange={onChange}
    />
  );
}
