// The part of autocannon's API that bench:load uses (the package ships no types).
declare module "autocannon" {
  type Histogram = { average: number; max: number; p50: number; p90: number; p99: number };
  export type Options = {
    url: string;
    connections?: number;
    overallRate?: number;
    duration?: number;
    headers?: Record<string, string>;
    timeout?: number;
  };
  export type Result = {
    latency: Histogram;
    requests: Histogram & { total: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  export default function autocannon(opts: Options): Promise<Result>;
}
