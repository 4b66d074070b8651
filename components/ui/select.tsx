"use client";
import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
  Text,
  type Key,
} from "react-aria-components";
import { Check, ChevronDown } from "lucide-react";
import { cx } from "@/components/ui/cx";
import { labelClass } from "@/components/ui/text-field";

export type Option = { id: string; label: string; description?: string };

type Props = {
  label: string;
  options: Option[];
  value: string | null;
  onChange: (value: string) => void;
  description?: string;
  error?: string;
  placeholder?: string;
  name?: string;
  isDisabled?: boolean;
  className?: string;
};

export function Select({
  label,
  options,
  value,
  onChange,
  description,
  error,
  placeholder = "Select…",
  name,
  isDisabled,
  className,
}: Props) {
  return (
    <AriaSelect
      selectedKey={value}
      onSelectionChange={(k: Key | null) => k !== null && onChange(String(k))}
      isInvalid={!!error}
      isDisabled={isDisabled}
      name={name}
      placeholder={placeholder}
      className={cx("flex flex-col", className)}
    >
      <Label className={labelClass}>{label}</Label>
      <Button className="focus-ring flex h-8 w-full items-center justify-between rounded border border-line-strong bg-surface px-2.5 text-left text-sm data-[pressed]:bg-canvas data-[disabled]:opacity-50">
        {/* only the label: an option's description does not fit the one-line trigger */}
        <SelectValue className="truncate data-[placeholder]:text-ink-muted">
          {({ selectedText, isPlaceholder, defaultChildren }) => (isPlaceholder ? defaultChildren : selectedText)}
        </SelectValue>
        <ChevronDown size={16} className="text-ink-muted" aria-hidden />
      </Button>
      {description && !error && (
        <Text slot="description" className="mt-1 text-xs text-ink-muted">
          {description}
        </Text>
      )}
      <FieldError className="mt-1 text-xs text-negative">{error}</FieldError>
      <Popover className="min-w-(--trigger-width) rounded border border-line bg-surface py-1 shadow-lg outline-none">
        <ListBox className="max-h-72 overflow-auto outline-none" items={options}>
          {(o) => (
            <ListBoxItem
              id={o.id}
              textValue={o.label}
              className="group flex cursor-default items-center gap-2 px-3 py-1.5 text-sm outline-none data-[focused]:bg-accent-soft"
            >
              <span className="flex-1">
                <span className="block">{o.label}</span>
                {o.description && <span className="block text-xs text-ink-muted">{o.description}</span>}
              </span>
              <Check size={14} className="invisible text-accent group-data-[selected]:visible" aria-hidden />
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
