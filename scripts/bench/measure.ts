// Measuring a command several times for the bench (scripts/bench.ts): medians, spread, memory, CPU.
import { BIN, RUNS, TIMEOUT_MS, log } from "./settings.js";
import { run, type Sample } from "./run.js";

// ---------------------------------------------------------------------------------------------
// Rows of the table

export type Status = "ok" | "timeout" | "crashed" | "failed";
export interface Row {
  key: string;
  name: string;
  command: string;
  status: Status;
  runs: number[];
  median?: number;
  min?: number;
  max?: number;
  /** × node -e 0, against the node -e 0 runs made between this command's runs */
  ratio?: number;
  /** median of those node -e 0 runs */
  nodeMs?: number;
  peakMB?: number;
  /** median user + system CPU time: less sensitive than wall time to other work on the machine */
  cpuMs?: number;
  note?: string;
  target?: string;
  met?: boolean | null;
  verdict?: string;
  extra?: Record<string, number | string>;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const firstLine = (s: string) => {
  if (/heap out of memory/i.test(s)) return "JavaScript heap out of memory";
  return (
    s
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l && !/^node:internal|^\^+$|^at /.test(l)) ?? ""
  ).slice(0, 200);
};

export interface MeasureOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** untimed set-up before each run (restore the store, drop the cache…) */
  before?: () => Promise<void> | void;
  /** a non-zero exit that still counts as a run (check finding problems): the note to show */
  accept?: (s: Sample) => string | undefined;
  /** a zero exit that is not a success (a write that was not committed) */
  reject?: (s: Sample) => string | undefined;
  runs?: number;
}

// eslint-disable-next-line max-lines-per-function -- one row measured top to bottom: the runs (fewer for slow commands), the baseline beside each, then its figures
export async function measure(key: string, name: string, cmd: string, args: string[], o: MeasureOptions): Promise<Row> {
  const command = [
    cmd === process.execPath ? "node" : cmd,
    ...args.map((a) => (/[\s"'$]/.test(a) ? JSON.stringify(a) : a)),
  ]
    .join(" ")
    .replace(BIN, "bin/aftercare");
  const row: Row = { key, name, command, status: "ok", runs: [] };
  let n = o.runs ?? RUNS;
  let peak = 0;
  const nodeRuns: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    if (o.before) await o.before();
    // the baseline right next to each run (twice: one outlier should not move the median), so
    // that the ratio holds when the machine's load changes
    if (key !== "node")
      for (let k = 0; k < 2; k++)
        nodeRuns.push((await run(process.execPath, ["-e", "0"], { cwd: o.cwd, env: o.env, timeoutMs: TIMEOUT_MS })).ms);
    const s = await run(cmd, args, { cwd: o.cwd, env: o.env, timeoutMs: TIMEOUT_MS });
    let failure: [Status, string] | undefined;
    if (s.timedOut) failure = ["timeout", `over the ${TIMEOUT_MS / 1000} s limit`];
    else if (s.signal) failure = ["crashed", `killed by ${s.signal}${s.stderr ? `: ${firstLine(s.stderr)}` : ""}`];
    else if (s.code !== 0) {
      const accepted = o.accept?.(s);
      if (accepted !== undefined) row.note = accepted;
      else
        failure = [
          /heap out of memory|RangeError|TypeError|ReferenceError|internal error|FATAL/i.test(s.stderr)
            ? "crashed"
            : "failed",
          `exit ${s.code}: ${firstLine(s.stderr) || "(nothing on stderr)"}`,
        ];
    } else {
      const rejected = o.reject?.(s);
      if (rejected !== undefined) failure = ["failed", rejected];
    }
    if (failure) {
      // the runs before a failure still tell something; a command that never succeeded is its failure
      if (!row.runs.length) row.status = failure[0];
      row.note = `${row.runs.length ? `run ${i + 1}: ` : ""}${failure[1]}`;
      if (s.rssKB) peak = Math.max(peak, s.rssKB);
      if (!row.runs.length) row.runs.push(s.ms);
      break;
    }
    row.runs.push(s.ms);
    if (s.rssKB) peak = Math.max(peak, s.rssKB);
    if (s.cpuMs !== undefined) cpu.push(s.cpuMs);
    if (i === 0) n = s.ms > 20_000 ? 1 : s.ms > 5_000 ? Math.min(3, n) : n;
  }
  if (row.runs.length) {
    row.median = median(row.runs);
    row.min = Math.min(...row.runs);
    row.max = Math.max(...row.runs);
  }
  if (peak) row.peakMB = peak / 1024;
  if (nodeRuns.length) row.nodeMs = median(nodeRuns);
  if (cpu.length) row.cpuMs = median(cpu);
  if (row.nodeMs && row.median !== undefined) row.ratio = row.median / row.nodeMs;
  log(
    `    ${name.padEnd(34)} ${row.status === "ok" ? `${fmtMs(row.median!)} (${row.runs.length} run${row.runs.length > 1 ? "s" : ""})` : `${row.status}: ${row.note}`}${row.peakMB ? `, ${row.peakMB.toFixed(0)} MB` : ""}`,
  );
  return row;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
export const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
