// The bench's settings: from the environment, or the same as flags after `npm run bench --` (scripts/bench.ts).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = resolve(process.env.BENCH_BIN ?? join(REPO, "bin", "aftercare"));

export const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
export const setting = (name: string, env: string, dflt: string) => flag(name) ?? process.env[env] ?? dflt;
export const SIZES = setting("sizes", "BENCH_SIZES", "20k,205k,820k")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
export const RUNS = Math.max(1, Number(setting("runs", "BENCH_RUNS", "5")));
export const TIMEOUT_MS = Number(setting("timeout", "BENCH_TIMEOUT", "120")) * 1000;
export const WARMUP_MS = Number(process.env.BENCH_WARMUP_TIMEOUT ?? 900) * 1000;
export const ONLY = (flag("only") ?? process.env.BENCH_ONLY ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
export const PULL_BRANCH = "bench-pull-100";
/** a run of some rows only (BENCH_ONLY) does not overwrite the results of a whole run */
export const RESULTS = ONLY.length ? "bench-results.partial.json" : "bench-results.json";
/** free text kept with the results: which build of aftercare this was */
export const LABEL = process.env.BENCH_LABEL ?? "";

export const log = (line: string) => process.stderr.write(line + "\n");
