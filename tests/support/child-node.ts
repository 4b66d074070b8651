import { fork, type ChildProcess } from "node:child_process";

// Nodes as real processes on the test file's database (its environment is inherited): a script
// that sends one IPC message when it is ready. The test kills them at the end with killChildNodes().

const children: ChildProcess[] = [];

export function startChildNode<M = unknown>(
  script: string,
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<{ child: ChildProcess; msg: M }> {
  const child = fork(script, args, {
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    env: { ...process.env, OUTPOST_DEMO_CONTENT: "off", OUTPOST_HEALTH_PORT: "0", ...env },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once("message", (msg) => resolve({ child, msg: msg as M }));
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
}

export const exited = (c: ChildProcess) =>
  new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once("exit", () => r())));

export async function killChildNodes(): Promise<void> {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await Promise.all(children.map(exited));
}
