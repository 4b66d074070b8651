// The command line of the benchmark and soak scripts: `--name value` options after `npm run x --`.
export const args = process.argv.slice(2);

/** The value after `--name`, or `fallback` when the option is absent or has no value. */
export function arg(name: string, fallback: string): string;
export function arg(name: string): string | undefined;
export function arg(name: string, fallback?: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}
