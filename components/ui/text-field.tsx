"use client";
import {
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps,
} from "react-aria-components";
import { cx } from "@/components/ui/cx";

export const inputClass =
  "w-full rounded border border-line-strong bg-surface px-2.5 h-8 text-sm text-ink placeholder:text-ink-muted/70 outline-none data-[focused]:border-accent data-[focused]:ring-1 data-[focused]:ring-accent data-[invalid]:border-negative data-[disabled]:bg-canvas data-[disabled]:text-ink-muted";

export const labelClass = "block text-xs font-medium text-ink-muted mb-1";

type Props = Omit<TextFieldProps, "children"> & {
  label: string;
  description?: string;
  /** A message from the server (shown as the field's error). */
  error?: string;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
  mono?: boolean;
  className?: string;
};

/** A labelled text field whose error comes from zod on the server (or the browser's own checks). */
export function TextField({
  label,
  description,
  error,
  placeholder,
  multiline,
  rows = 4,
  mono,
  className,
  ...props
}: Props) {
  return (
    <AriaTextField
      {...props}
      isInvalid={!!error || props.isInvalid}
      validationBehavior="aria"
      className={cx("flex flex-col", className)}
    >
      <Label className={labelClass}>{label}</Label>
      {multiline ? (
        <TextArea
          rows={rows}
          placeholder={placeholder}
          className={cx(inputClass, "h-auto py-1.5", mono && "font-mono text-xs")}
        />
      ) : (
        <Input placeholder={placeholder} className={cx(inputClass, mono && "font-mono text-xs")} />
      )}
      {description && !error && (
        <Text slot="description" className="mt-1 text-xs text-ink-muted">
          {description}
        </Text>
      )}
      <FieldError className="mt-1 text-xs text-negative">{error}</FieldError>
    </AriaTextField>
  );
}
