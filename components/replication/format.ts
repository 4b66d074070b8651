// Durations and ages as people read them ("4 min", "2 h 5 min"), shared by the replication views.

export function formatAge(fromIso: string | null, now = Date.now()): string {
  if (!fromIso) return "—";
  return formatDuration(Math.max(0, now - new Date(fromIso).getTime()));
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0
    ? `${ms.toLocaleString("en-GB")} ms (${ms / 1000} s)`
    : `${ms.toLocaleString("en-GB")} ms`;
}

export function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}
