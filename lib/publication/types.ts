// What the workflow instance pages receive (no server code: client components import it).

export type InstanceState = "Scheduled" | "Running" | "Completed" | "Completed with errors" | "Terminated";

export type InstanceProgress = {
  total: number;
  done: number;
  failed: number;
  skipped: number;
  pending: number;
  /** Items per second over the last half minute (or since the start), while running. */
  rate: number | null;
  /** Seconds left at that rate, while running. */
  secondsLeft: number | null;
};

export type InstanceRow = {
  id: string;
  title: string;
  action: "publish" | "unpublish";
  model: string;
  state: InstanceState;
  scheduledAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  startedBy: string;
  payload: string;
  progress: InstanceProgress;
  error: string | null;
  canRetry: boolean;
  canTerminate: boolean;
  /** The configuration's throughput cap (assets per minute, shared by its agents) while it runs; null: none. */
  throughputCap: number | null;
};

export type InstanceItem = {
  id: number;
  kind: string;
  path: string;
  state: string;
  agent: string | null;
  attempts: number;
  error: string | null;
  result: string | null;
  completedAt: string | null;
};

export type InstanceDetail = InstanceRow & {
  configTitle: string | null;
  scope: { kind: string; id: string; path: string; title: string }[];
  bytes: number | null;
  addedSince: number;
  items: { rows: InstanceItem[]; total: number; page: number; pageSize: number };
};

export type InstanceList = { rows: InstanceRow[]; total: number; page: number; pageSize: number };
