import { Alert } from "@/components/ui/alert";
import { sessionEnded } from "@/lib/http/browser-api";

/** Above live data (useLive): the polling failed, so what is shown has stopped moving. */
export function LiveError({ error, className }: { error: Error | null | undefined; className?: string }) {
  if (!error) return null;
  if (sessionEnded(error)) {
    const here = `${window.location.pathname}${window.location.search}`;
    return (
      <Alert tone="negative" className={className}>
        Live updates stopped: your session has ended.{" "}
        <a href={`/login?next=${encodeURIComponent(here)}`} className="font-semibold underline">
          Sign in again
        </a>
      </Alert>
    );
  }
  return (
    <Alert tone="negative" className={className}>
      Live updates stopped: {error.message}
    </Alert>
  );
}
