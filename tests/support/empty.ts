// Stands in for "server-only" under vitest: tests call server code directly.
export {};
