// Runs once when a Next.js server starts: prepares the database and starts the background runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startNode } = await import("@/lib/runtime/bootstrap");
  await startNode();
}
