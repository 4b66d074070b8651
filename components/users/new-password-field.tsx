"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** 16 characters from 96 random bits, as the server generates them. */
function randomPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}

/** A new password: typed, or generated and then shown so that it can be passed on. */
export function NewPasswordField({
  label,
  value,
  onChange,
  error,
  description,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  description: string;
  autoFocus?: boolean;
}) {
  const [shown, setShown] = useState(false);
  return (
    <div className="flex items-start gap-2">
      <TextField
        label={label}
        type={shown ? "text" : "password"}
        autoComplete="new-password"
        value={value}
        onChange={(v) => {
          onChange(v);
          if (!v) setShown(false);
        }}
        error={error}
        description={description}
        autoFocus={autoFocus}
        mono={shown}
        className="flex-1"
      />
      <Button
        variant="quiet"
        className="mt-5"
        onPress={() => {
          onChange(randomPassword());
          setShown(true);
        }}
      >
        Generate
      </Button>
    </div>
  );
}
