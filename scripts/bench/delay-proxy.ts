import { fork } from "node:child_process";
import { startFaultProxy } from "../support/fault-proxy";

// Latency on the network path for bench:publish (--proxy-latency): the fault proxy, with no fault,
// holding every request `delayMs` before it forwards it to the portal. It runs in a process of its
// own, as a network hop would, so that its work is not the console's or the portal's.

/** Starts the proxy process; resolves with its URL, to use in place of `target`'s origin. */
export function startDelayProxy(target: string, delayMs: number): Promise<{ url: string; close(): void }> {
  const child = fork(import.meta.filename, ["--target", target, "--delay", String(delayMs)], {
    execArgv: process.execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the delaying proxy exited (${code})`)));
    child.once("message", (m) => resolve({ url: (m as { url: string }).url, close: () => child.kill() }));
  });
}

if (process.argv[1] === import.meta.filename && process.send) {
  const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
  void startFaultProxy({ target: arg("target"), delayMs: Number(arg("delay")) }).then((p) =>
    process.send!({ url: p.url }),
  );
}
