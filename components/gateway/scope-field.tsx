"use client";
import { CheckboxGroup, FieldError, Label, Text } from "react-aria-components";
import { Checkbox } from "@/components/ui/checkbox";
import { labelClass } from "@/components/ui/text-field";
import { SCOPE_DESCRIPTIONS, SCOPES, type Scope } from "@/lib/gateway/scopes";

/** The Scope checkboxes: dam-read, dam-sync, dam-write, cc-share. */
export function ScopeField({
  value,
  onChange,
  error,
}: {
  value: Scope[];
  onChange: (v: Scope[]) => void;
  error?: string;
}) {
  return (
    <CheckboxGroup
      value={value}
      onChange={(v) => onChange(v as Scope[])}
      isInvalid={!!error}
      validationBehavior="aria"
      className="flex flex-col"
    >
      <Label className={labelClass}>Scope</Label>
      <div className="grid gap-2 sm:grid-cols-2">
        {SCOPES.map((s) => (
          <Checkbox key={s} value={s} className="items-start">
            <span>
              <span className="block font-mono text-[13px] font-medium">{s}</span>
              <span className="block text-xs text-ink-muted">{SCOPE_DESCRIPTIONS[s]}</span>
            </span>
          </Checkbox>
        ))}
      </div>
      {!error && (
        <Text slot="description" className="mt-1 text-xs text-ink-muted">
          A Brand Portal integration needs all four.
        </Text>
      )}
      <FieldError className="mt-1 text-xs text-negative">{error}</FieldError>
    </CheckboxGroup>
  );
}

export function ScopeBadges({ scopes }: { scopes: string[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {scopes.map((s) => (
        <span key={s} className="rounded-sm border border-line-strong bg-canvas px-1.5 py-px font-mono text-[11px]">
          {s}
        </span>
      ))}
    </span>
  );
}
