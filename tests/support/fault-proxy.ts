// The fault proxy lives with the scripts (npm run soak:faults and the benchmarks use it too).
export * from "../../scripts/support/fault-proxy";
