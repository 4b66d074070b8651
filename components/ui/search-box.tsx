"use client";
import { useRouter, usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { SearchField, Input, Label, Button } from "react-aria-components";
import { Search, X } from "lucide-react";
import { inputClass } from "@/components/ui/text-field";
import { cx } from "@/components/ui/cx";

/** A search field that keeps its text in the URL (?q=), debounced, and resets paging. */
export function SearchBox({
  label,
  placeholder,
  defaultValue,
  param = "q",
  className,
}: {
  label: string;
  placeholder?: string;
  defaultValue?: string;
  param?: string;
  className?: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [value, setValue] = useState(defaultValue ?? "");

  useEffect(() => {
    if ((params.get(param) ?? "") === value) return;
    const t = setTimeout(() => {
      const next = new URLSearchParams(params);
      if (value) next.set(param, value);
      else next.delete(param);
      next.delete("page");
      router.replace(`${pathname}?${next.toString()}`);
    }, 250);
    return () => clearTimeout(t);
  }, [value, param, params, pathname, router]);

  return (
    <SearchField
      value={value}
      onChange={setValue}
      aria-label={label}
      className={cx("group relative w-full max-w-sm", className)}
    >
      <Label className="sr-only">{label}</Label>
      <Search size={16} className="pointer-events-none absolute left-2.5 top-2 text-ink-muted" aria-hidden />
      <Input
        placeholder={placeholder}
        className={cx(inputClass, "pl-8 pr-8 [&::-webkit-search-cancel-button]:hidden")}
      />
      <Button
        aria-label="Clear search"
        className="absolute right-1.5 top-1.5 rounded p-0.5 text-ink-muted group-data-[empty]:hidden data-[hovered]:bg-black/5"
      >
        <X size={14} aria-hidden />
      </Button>
    </SearchField>
  );
}
