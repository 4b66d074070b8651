import { Alert } from "@/components/ui/alert";

/** Above live data (useLive): the polling failed, so what is shown has stopped moving. */
export function LiveError({ error, className }: { error: Error | null | undefined; className?: string }) {
  if (!error) return null;
  return (
    <Alert tone="negative" className={className}>
      Live updates stopped: {error.message}
    </Alert>
  );
}
