"use client";
import {
  DateField,
  DateInput,
  DateSegment,
  FieldError,
  Label,
  Text,
  TimeField,
  type DateValue,
  type TimeValue,
} from "react-aria-components";
import { getLocalTimeZone, toCalendarDateTime, toZoned, type CalendarDate, type Time } from "@internationalized/date";
import { cx } from "@/components/ui/cx";
import { inputClass, labelClass } from "@/components/ui/text-field";

// Activation date: react-aria's date and time fields, in the browser's time zone (named on screen).
// What goes to the server is the instant in UTC.

const segmentClass =
  "rounded px-0.5 tabular-nums outline-none data-[placeholder]:text-ink-muted data-[focused]:bg-accent data-[focused]:text-white data-[type=literal]:px-0";

export const timeZone = () => getLocalTimeZone();

/** The instant the date and time stand for in `tz`, as an ISO string in UTC. */
export function toUtcIso(date: CalendarDate, time: Time, tz: string): string {
  return toZoned(toCalendarDateTime(date, time), tz).toDate().toISOString();
}

export function ActivationFields({
  date,
  time,
  onDate,
  onTime,
  error,
  tz,
}: {
  date: CalendarDate | null;
  time: Time | null;
  onDate: (d: CalendarDate | null) => void;
  onTime: (t: Time | null) => void;
  error?: string;
  tz: string;
}) {
  const offset = offsetOf(tz);
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-semibold">Activation date</legend>
      <div className="flex flex-wrap items-start gap-3">
        <DateField
          value={date}
          onChange={(v: DateValue | null) => onDate(v as CalendarDate | null)}
          isRequired
          isInvalid={!!error}
          className="flex flex-col"
          aria-label="Activation date"
        >
          <Label className={labelClass}>Date</Label>
          <DateInput className={cx(inputClass, "flex w-44 items-center")}>
            {(segment) => <DateSegment segment={segment} className={segmentClass} />}
          </DateInput>
        </DateField>
        <TimeField
          value={time}
          onChange={(v: TimeValue | null) => onTime(v as Time | null)}
          granularity="second"
          isRequired
          isInvalid={!!error}
          className="flex flex-col"
          aria-label="Activation time"
        >
          <Label className={labelClass}>Time</Label>
          <DateInput className={cx(inputClass, "flex w-40 items-center")}>
            {(segment) => <DateSegment segment={segment} className={segmentClass} />}
          </DateInput>
          <FieldError />
        </TimeField>
      </div>
      <Text className="text-xs text-ink-muted" data-testid="time-zone">
        Time zone: {tz}
        {offset ? ` (${offset})` : ""}. Stored in UTC.
      </Text>
      {error && (
        <p role="alert" className="text-xs text-negative">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function offsetOf(tz: string): string | null {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" })
      .formatToParts(new Date())
      .find((p) => p.type === "timeZoneName");
    return part?.value ?? null;
  } catch {
    return null;
  }
}
