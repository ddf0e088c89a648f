// npm run bench: time the commands people run, through the real binary (`node bin/aftercare …`,
// the whole process), on generated stores of three sizes (scripts/gen-store.ts: 20k, 205k and
// 820k records, cached between runs). Prints a table per size — median, spread, the ratio to
// `node -e 0` measured in the same run, peak memory, and the target of issue 12 met or missed —
// and writes the same as JSON. Asserts nothing: timings are benchmark output, never test results.
//
// Settings (environment, or the same as flags after `npm run bench --`):
//   BENCH_SIZES=20k,205k     --sizes   which stores (default 20k,205k,820k)
//   BENCH_RUNS=5             --runs    runs per command (fewer for slow ones: 3 past 5 s, 1 past 20 s)
//   BENCH_TIMEOUT=120        --timeout seconds before a run is stopped and reported as over the limit
//   BENCH_WARMUP_TIMEOUT=900           seconds allowed to the untimed runs that warm the store up
//   BENCH_ONLY=due,check     --only    only the rows whose key contains one of these words
//   BENCH_CACHE=DIR                    where the stores live (default $TMPDIR/aftercare-bench)
//   BENCH_BIN=PATH                     the aftercare to time (default bin/aftercare of this checkout)
//   BENCH_OUT=FILE                     also write the JSON results there
//   BENCH_LABEL=TEXT                   kept with the results (which build of aftercare this was)
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cacheDir, cacheRoot, ensureStore, isolatedGitEnv, NOW, type Manifest } from "./gen-store.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = resolve(process.env.BENCH_BIN ?? join(REPO, "bin", "aftercare"));

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const setting = (name: string, env: string, dflt: string) => flag(name) ?? process.env[env] ?? dflt;
const SIZES = setting("sizes", "BENCH_SIZES", "20k,205k,820k")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const RUNS = Math.max(1, Number(setting("runs", "BENCH_RUNS", "5")));
const TIMEOUT_MS = Number(setting("timeout", "BENCH_TIMEOUT", "120")) * 1000;
const WARMUP_MS = Number(process.env.BENCH_WARMUP_TIMEOUT ?? 900) * 1000;
const ONLY = (flag("only") ?? process.env.BENCH_ONLY ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const PULL_BRANCH = "bench-pull-100";
/** a run of some rows only (BENCH_ONLY) does not overwrite the results of a whole run */
const RESULTS = ONLY.length ? "bench-results.partial.json" : "bench-results.json";
/** free text kept with the results: which build of aftercare this was */
const LABEL = process.env.BENCH_LABEL ?? "";

const log = (line: string) => process.stderr.write(line + "\n");

// ---------------------------------------------------------------------------------------------
// Running one command: wall time of the whole process, exit status, and its peak memory (max
// RSS, from GNU time's %M, which is the largest process of the tree: node, or a git it ran; else
// from a preload that writes node's own process.resourceUsage().maxRSS at exit).

interface Sample {
  ms: number;
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  rssKB?: number;
  /** user + system CPU time of the command and the children it waited for (GNU time only) */
  cpuMs?: number;
  stdoutBytes: number;
  stdout: string;
  stderr: string;
}

const ROOT = cacheRoot();
mkdirSync(ROOT, { recursive: true });
const RSS_FILE = join(ROOT, `rss-${process.pid}.txt`);
const TIME_FORMAT = "%M %U %S";
const TIME_LINE = /^(\d+) (\d+\.\d+) (\d+\.\d+)\s*$/m;
const GNU_TIME = (() => {
  try {
    execFileSync("/usr/bin/time", ["-f", TIME_FORMAT, "-o", RSS_FILE, "true"], { stdio: "ignore" });
    return TIME_LINE.test(readFileSync(RSS_FILE, "utf8")) ? "/usr/bin/time" : undefined;
  } catch {
    return undefined;
  }
})();
const PRELOAD = join(ROOT, "rss-preload.mjs");
if (!GNU_TIME)
  writeFileSync(
    PRELOAD,
    `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => { try { if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n`,
  );

/** the process group of the command running now, stopped with the bench */
let running: number | undefined;
process.on("exit", () => {
  if (running)
    try {
      process.kill(-running, "SIGKILL");
    } catch {
      /* gone */
    }
});

function run(
  cmd: string,
  args: string[],
  o: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<Sample> {
  rmSync(RSS_FILE, { force: true });
  const [file, argv, env]: [string, string[], NodeJS.ProcessEnv] = GNU_TIME
    ? [GNU_TIME, ["-f", TIME_FORMAT, "-o", RSS_FILE, cmd, ...args], o.env]
    : [
        cmd,
        args,
        {
          ...o.env,
          BENCH_RSS_FILE: RSS_FILE,
          NODE_OPTIONS: `${o.env.NODE_OPTIONS ?? ""} --import=${pathToFileURL(PRELOAD).href}`.trim(),
        },
      ];
  return new Promise((done) => {
    const t0 = performance.now();
    let t1 = 0;
    const child = spawn(file, argv, { cwd: o.cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    running = child.pid;
    let stdoutBytes = 0;
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (b: Buffer) => {
      stdoutBytes += b.length;
      if (stdout.length < 4096) stdout += b.toString("utf8");
    });
    child.stderr.on("data", (b: Buffer) => {
      if (stderr.length < 65536) stderr += b.toString("utf8");
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone already */
      }
    }, o.timeoutMs);
    child.on("exit", () => (t1 = performance.now()));
    child.on("error", (e) => {
      clearTimeout(timer);
      done({
        ms: performance.now() - t0,
        code: null,
        signal: null,
        timedOut: false,
        stdoutBytes: 0,
        stdout: "",
        stderr: String(e),
      });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      running = undefined;
      let rssKB: number | undefined;
      let cpuMs: number | undefined;
      const report = safeRead(RSS_FILE);
      const t = GNU_TIME ? TIME_LINE.exec(report) : /^(\d+)\s*$/m.exec(report);
      if (t) rssKB = Number(t[1]);
      if (t && GNU_TIME) cpuMs = (Number(t[2]) + Number(t[3])) * 1000;
      // GNU time reports a child killed by a signal in its own exit status (128 + n)
      const sig =
        signal ??
        (GNU_TIME && code !== null && code > 128 && /terminated by signal/.test(safeRead(RSS_FILE))
          ? `signal ${code - 128}`
          : null);
      done({
        ms: (t1 || performance.now()) - t0,
        code,
        signal: sig,
        timedOut,
        rssKB,
        cpuMs,
        stdoutBytes,
        stdout,
        stderr,
      });
    });
  });
}
const safeRead = (f: string) => {
  try {
    return readFileSync(f, "utf8");
  } catch {
    return "";
  }
};

// ---------------------------------------------------------------------------------------------
// Rows of the table

type Status = "ok" | "timeout" | "crashed" | "failed";
interface Row {
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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const firstLine = (s: string) => {
  if (/heap out of memory/i.test(s)) return "JavaScript heap out of memory";
  return (
    s
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l && !/^node:internal|^\^+$|^at /.test(l)) ?? ""
  ).slice(0, 200);
};

interface MeasureOptions {
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

async function measure(key: string, name: string, cmd: string, args: string[], o: MeasureOptions): Promise<Row> {
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

const round2 = (x: number) => Math.round(x * 100) / 100;
const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

// ---------------------------------------------------------------------------------------------
// The store: restore it to the generated commit between writes; the simulated pull

function gitIn(dir: string, env: NodeJS.ProcessEnv) {
  return (args: string[], input?: string, extra: NodeJS.ProcessEnv = {}) =>
    execFileSync("git", args, {
      cwd: dir,
      env: { ...env, ...extra },
      encoding: "utf8",
      input,
      maxBuffer: 1 << 26,
      stdio: ["pipe", "pipe", "pipe"],
    }).trim();
}

/** A field value changed on its line, keeping the record valid (plain or double-quoted scalar). */
function amendSummary(text: string, add: string): string {
  const m = /^summary: (.*)$/m.exec(text);
  if (!m) return text + `summary: ${add}\n`;
  const v = m[1]!;
  const next = v.startsWith('"') && v.endsWith('"') ? `${v.slice(0, -1)}${add}"` : `${v}${add}`;
  return text.replace(m[0], `summary: ${next}`);
}

/** The branch a colleague pushed: one commit, made with plain git, that changes 100 contact files. */
function ensurePullBranch(m: Manifest, git: ReturnType<typeof gitIn>): void {
  try {
    git(["rev-parse", "-q", "--verify", `refs/heads/${PULL_BRANCH}`]);
    return;
  } catch {
    /* not made yet */
  }
  const index = join(dirname(m.store), "pull.index");
  rmSync(index, { force: true });
  const ix = { GIT_INDEX_FILE: index };
  git(["read-tree", m.commit], undefined, ix);
  const lines: string[] = [];
  for (const p of m.sample.pullFiles) {
    const text = git(["show", `${m.commit}:${p}`]) + "\n";
    const sha = git(["hash-object", "-w", "--stdin", "--path", p], amendSummary(text, "（已复核）"));
    lines.push(`100644 ${sha}\t${p}`);
  }
  git(["update-index", "--index-info"], lines.join("\n") + "\n", ix);
  const tree = git(["write-tree"], undefined, ix);
  const when = {
    GIT_AUTHOR_DATE: "2026-11-27T08:30:00+08:00",
    GIT_COMMITTER_DATE: "2026-11-27T08:30:00+08:00",
    GIT_AUTHOR_NAME: "陈静",
    GIT_AUTHOR_EMAIL: "chenjing@mingyuan.example",
    GIT_COMMITTER_NAME: "陈静",
    GIT_COMMITTER_EMAIL: "chenjing@mingyuan.example",
  };
  const commit = git(["commit-tree", tree, "-p", m.commit, "-m", "reviewed 100 calls (another desk)"], undefined, when);
  git(["update-ref", `refs/heads/${PULL_BRANCH}`, commit]);
  rmSync(index, { force: true });
}

// ---------------------------------------------------------------------------------------------
// Targets (issue 12; medians at 205k, and 1.5× that for the reads at 820k)

function judge(rows: Row[], m: Manifest): void {
  const get = (k: string) => rows.find((r) => r.key === k);
  const ok = (r: Row | undefined) => r && r.median !== undefined && r.status === "ok";
  const large = m.scale >= 3; // the 820k store
  const mem = (r: Row) =>
    large && r.peakMB !== undefined && r.peakMB > 300 ? `, ${r.peakMB.toFixed(0)} MB > 300 MB` : "";
  const timeTarget = (r: Row, limit: number, text: string, memory = false) => {
    r.target = text + (memory && large ? ", ≤ 300 MB" : "");
    if (!ok(r)) return void ((r.met = false), (r.verdict = `missed: ${r.status}`));
    const slow = r.median! > limit;
    const heavy = memory && mem(r) !== "";
    r.met = !slow && !heavy;
    r.verdict = r.met
      ? "met"
      : `missed: ${slow ? `${(r.median! / limit).toFixed(1)}× over` : ""}${slow && heavy ? ", " : ""}${heavy ? `${r.peakMB!.toFixed(0)} MB` : ""}`;
  };
  for (const r of rows) {
    switch (r.key) {
      case "node":
        r.target = "baseline";
        r.met = null;
        r.verdict = "—";
        break;
      case "version":
      case "help":
        timeTarget(r, 2 * (r.nodeMs ?? get("node")?.median ?? 0), "≤ 2× node -e 0");
        break;
      case "due":
      case "overdue":
      case "ticket-show":
      case "customer-show":
      case "customer-search":
        timeTarget(r, large ? 225 : 150, large ? "≤ 225 ms (1.5× 150)" : "≤ 150 ms", true);
        break;
      case "report-monthly":
      case "report-annual":
        timeTarget(r, 300, "≤ 300 ms", true);
        break;
      case "pull":
        timeTarget(r, 300, "≤ 300 ms", true);
        break;
      case "check": {
        const records = m.counts.records;
        timeTarget(r, (records / 30_000) * 1000, `≥ 30,000 records/s (${fmtMs((records / 30_000) * 1000)})`, true);
        if (ok(r)) {
          const rate = Math.round(records / (r.median! / 1000));
          r.extra = { recordsPerSecond: rate };
          r.verdict += ` (${rate.toLocaleString("en")}/s)`;
        }
        break;
      }
      case "reindex":
        timeTarget(
          r,
          15_000 * (m.scale || 1),
          m.scale === 1 ? "≤ 15 s" : `≤ ${(15 * m.scale).toFixed(1)} s (15 s at 205k, scaled)`,
        );
        break;
      case "due-cold": {
        const re = get("reindex");
        if (re && ok(re)) {
          timeTarget(r, 1500 + re.median!, `≤ 1.5 s + reindex (${fmtMs(re.median!)})`, true);
        } else timeTarget(r, 1500, "≤ 1.5 s (no reindex to subtract)", true);
        break;
      }
      case "write": {
        const bare = get("bare-commit");
        if (bare && ok(bare)) {
          timeTarget(r, 1.5 * bare.median!, "≤ 1.5× bare commit");
          if (ok(r)) {
            r.extra = { ...r.extra, timesBareCommit: Number((r.median! / bare.median!).toFixed(2)) };
            r.verdict += ` (${(r.median! / bare.median!).toFixed(1)}× bare)`;
            r.target = `≤ 1.5× bare commit (${fmtMs(1.5 * bare.median!)})`;
          }
        } else {
          r.target = "≤ 1.5× bare commit";
          r.met = false;
          r.verdict = "missed: no bare commit to compare";
        }
        break;
      }
      case "check-since":
        r.target = "—";
        r.met = null;
        r.verdict = ok(r)
          ? `(${Math.round(m.counts.records / (r.median! / 1000)).toLocaleString("en")}/s)`
          : `${r.status}`;
        break;
      case "bare-commit":
        r.target = "reference for writes";
        r.met = null;
        r.verdict = "—";
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The table

/** Columns line up in a terminal: CJK characters take two cells. */
const width = (s: string) => {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
};
const pad = (s: string, n: number, right = false) =>
  right ? " ".repeat(Math.max(0, n - width(s))) + s : s + " ".repeat(Math.max(0, n - width(s)));

function table(rows: Row[]): string {
  const head = ["command", "median", "min–max", "× node -e 0", "peak MB", "cpu", "target", "met"];
  const body = rows.map((r) => [
    r.name,
    r.status === "ok" && r.median !== undefined
      ? fmtMs(r.median)
      : r.status === "timeout"
        ? `> ${TIMEOUT_MS / 1000} s`
        : r.status,
    r.status === "ok" && r.min !== undefined ? `${fmtMs(r.min)}–${fmtMs(r.max!)}` : "—",
    r.ratio !== undefined && r.status === "ok" ? `${r.ratio.toFixed(1)}×` : "",
    r.peakMB !== undefined ? r.peakMB.toFixed(0) : "",
    r.cpuMs !== undefined && r.status === "ok" ? fmtMs(r.cpuMs) : "",
    r.target ?? "",
    r.verdict ?? "",
  ]);
  const right = [false, true, true, true, true, true, false, false];
  const w = head.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, w[i]!, right[i]))
      .join("  ")
      .trimEnd();
  const out = [line(head), w.map((n) => "-".repeat(n)).join("  "), ...body.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.name}: ${r.note}`);
  return out.join("\n") + (notes.length ? "\nnotes:\n" + notes.join("\n") : "");
}

// ---------------------------------------------------------------------------------------------
// One size

interface SizeResult {
  size: string;
  manifest: Manifest;
  rows: Row[];
  /** the 1-minute load average when the timings began and ended: other work on the machine */
  load: [number, number];
  seconds: number;
  /** the untimed first due of the run (whatever state .aftercare/ was left in) */
  firstDueMs: number;
}

async function benchSize(size: string): Promise<SizeResult> {
  const t0 = performance.now();
  const m = ensureStore(size, log);
  const store = m.store;
  const gitConfig = join(ROOT, "gitconfig");
  writeFileSync(gitConfig, "[user]\n\tname = aftercare bench\n\temail = bench@aftercare.invalid\n");
  // the CLI's clock pinned to the store's today; the writer on the staff list; a plain git setup
  const env: NodeJS.ProcessEnv = {
    ...isolatedGitEnv(),
    GIT_CONFIG_GLOBAL: gitConfig,
    AFTERCARE_NOW: NOW,
    AFTERCARE_USER: "王芳",
    NO_COLOR: "1",
  };
  delete env.AFTERCARE_RECORDS;
  delete env.AFTERCARE_LOCALE;
  const git = gitIn(store, env);
  const restore = () => {
    git(["reset", "-q", "--hard", m.commit]);
    git(["clean", "-fdq"]);
  };
  restore();
  ensurePullBranch(m, git);
  const selected = (key: string) => !ONLY.length || ONLY.some((w) => key.includes(w));
  const aft = (args: string[], o: Partial<MeasureOptions> & { key: string; name: string }) => {
    if (!selected(o.key)) return undefined;
    return measure(o.key, o.name, process.execPath, [BIN, ...args], { cwd: store, env, ...o });
  };
  const warm = async (why: string) => {
    const s = await run(process.execPath, [BIN, "due"], { cwd: store, env, timeoutMs: WARMUP_MS });
    if (s.timedOut || s.code !== 0)
      log(
        `    (warming up ${why}: due ${s.timedOut ? `ran over ${WARMUP_MS / 1000} s` : `exit ${s.code}: ${firstLine(s.stderr)}`})`,
      );
    return s;
  };
  const help = await run(process.execPath, [BIN, "--help"], { cwd: store, env, timeoutMs: TIMEOUT_MS });
  const hasReindex = /^\s+reindex\b/m.test(help.stdout + help.stderr);

  log(`  ${size}: ${m.counts.records.toLocaleString("en")} records in ${store}`);
  const loadBefore = loadavg()[0]!;
  const rows: Row[] = [];
  const add = (r: Row | undefined) => void (r && rows.push(r));
  add(await measure("node", "node -e 0", process.execPath, ["-e", "0"], { cwd: store, env, runs: Math.max(RUNS, 5) }));
  add(await aft(["--version"], { key: "version", name: "--version" }));
  add(await aft(["--help"], { key: "help", name: "--help" }));

  // reads on a warm store (whatever .aftercare/ holds after a first run)
  const reads = [
    "due",
    "overdue",
    "ticket-show",
    "customer-show",
    "customer-search",
    "report-monthly",
    "report-annual",
    "check",
    "check-since",
    "write",
    "bare-commit",
    "pull",
  ];
  const first = reads.some(selected) ? await warm("the store") : undefined;
  if (first) log(`    (first due on this store: ${fmtMs(first.ms)})`);
  add(await aft(["due"], { key: "due", name: "due (warm)" }));
  add(await aft(["overdue"], { key: "overdue", name: "overdue" }));
  add(
    await aft(["ticket", "show", m.sample.openTicket], {
      key: "ticket-show",
      name: `ticket show ${m.sample.openTicket}`,
    }),
  );
  add(
    await aft(["customer", "show", m.sample.customer], {
      key: "customer-show",
      name: `customer show ${m.sample.customer}`,
    }),
  );
  add(
    await aft(["customer", "list", "--search", m.sample.search], {
      key: "customer-search",
      name: `customer list --search ${m.sample.search}`,
    }),
  );
  add(
    await aft(["report", "monthly", m.sample.lastMonth], {
      key: "report-monthly",
      name: `report monthly ${m.sample.lastMonth}`,
    }),
  );
  add(
    await aft(["report", "annual", m.sample.lastYear], {
      key: "report-annual",
      name: `report annual ${m.sample.lastYear}`,
    }),
  );
  // the full check (every file) is the one with a target; a check that can skip what it already
  // found clean (check --full exists) is also timed as it runs by default
  // exit 1 with findings on stdout is check doing its job; with nothing on stdout it failed
  const accept = (s: Sample) =>
    s.code === 1 && s.stdout.trim() ? `found problems: ${firstLine(s.stdout)}` : undefined;
  const checkHelp = await run(process.execPath, [BIN, "check", "--help"], { cwd: store, env, timeoutMs: TIMEOUT_MS });
  const hasFull = /--full\b/.test(checkHelp.stdout);
  add(
    await aft(hasFull ? ["check", "--full"] : ["check"], {
      key: "check",
      name: hasFull ? "check --full" : "check",
      accept,
    }),
  );
  if (hasFull) add(await aft(["check"], { key: "check-since", name: "check (since the last clean one)", accept }));

  // a write and its commit, against a bare git add + commit of a one-line change in the same
  // repository; the store is put back to the generated commit before each run
  const warmAfterRestore = rows.find((r) => r.key === "due")?.median ?? first?.ms;
  const cheapWarm = warmAfterRestore !== undefined && warmAfterRestore < 5000;
  const fresh = async () => {
    restore();
    // a derived index catches up with the reset here, not in the timed run (skipped when due is slow)
    if (cheapWarm) await warm("after a restore");
  };
  add(
    await aft(
      [
        "call",
        "log",
        "--ticket",
        m.sample.openTicket,
        "--direction",
        "out",
        "--purpose",
        "followup",
        "--summary",
        "回访：设备运行正常（bench）",
        "--no-input",
      ],
      {
        key: "write",
        name: "call log (write + commit)",
        before: fresh,
        reject: (s) =>
          /^K-\d{6}-[0-9A-Z]{4}\s*$/m.test(s.stdout) ? undefined : `no contact ID printed: ${firstLine(s.stderr)}`,
      },
    ),
  );
  const file = m.sample.pullFiles[0]!;
  if (selected("bare-commit") || selected("write"))
    add(
      await measure(
        "bare-commit",
        "git add FILE && git commit (bare)",
        "sh",
        ["-c", 'git add -- "$1" && git commit -q -m x', "sh", file],
        {
          cwd: store,
          env,
          before: async () => {
            await fresh();
            writeFileSync(join(store, file), amendSummary(readFileSync(join(store, file), "utf8"), "（复核）"));
          },
        },
      ),
    );

  // the first due after a pull that changed 100 files: the store is warm at the generated commit,
  // then fast-forwarded to a commit (made with plain git) that changes 100 contacts
  add(
    await aft(["due"], {
      key: "pull",
      name: "due after a pull of 100 files",
      before: async () => {
        restore();
        await warm("before the pull");
        git(["merge", "-q", "--ff-only", PULL_BRANCH]);
      },
    }),
  );
  restore();

  // cold: no .aftercare/ at all (the index, if any, rebuilt by the command itself)
  const dropCache = () => rmSync(join(store, ".aftercare"), { recursive: true, force: true });
  add(await aft(["due"], { key: "due-cold", name: "due (cold: no .aftercare/)", before: dropCache }));
  if (hasReindex) add(await aft(["reindex"], { key: "reindex", name: "reindex (from nothing)", before: dropCache }));
  restore();
  // leave the store warm for the next bench
  if (rows.some((r) => r.key === "due-cold" || r.key === "reindex")) await warm("for next time");

  judge(rows, m);
  const seconds = (performance.now() - t0) / 1000;
  log(`  ${size} done in ${fmtMs(seconds * 1000)}`);
  return {
    size,
    manifest: m,
    rows,
    load: [round2(loadBefore), round2(loadavg()[0]!)],
    seconds: Math.round(seconds),
    firstDueMs: Math.round(first?.ms ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------

function machine() {
  const cpuinfo = safeRead("/proc/cpuinfo");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  let gitVersion: string;
  try {
    gitVersion = execFileSync("git", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    gitVersion = "git not found";
  }
  return {
    cpu: model.replace(/\s+/g, " ").trim(),
    cores: availableParallelism(),
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    git: gitVersion,
    kernel: release(),
    memoryMeasure: GNU_TIME
      ? "GNU time %M (max RSS of the process tree's largest process)"
      : "node process.resourceUsage().maxRSS at exit (the node process only)",
  };
}

// one bench at a time on the cached stores: two would reset each other's stores mid-run
const LOCK = join(ROOT, "bench.lock");
try {
  writeFileSync(LOCK, String(process.pid), { flag: "wx" });
} catch {
  const other = Number(safeRead(LOCK));
  let alive: boolean;
  try {
    alive = other > 0 && process.kill(other, 0);
  } catch {
    alive = false;
  }
  if (alive) {
    log(
      `another bench (pid ${other}) is using the stores in ${ROOT}; wait for it, or give this one BENCH_CACHE=ANOTHER_DIR`,
    );
    process.exit(1);
  }
  writeFileSync(LOCK, String(process.pid));
}
process.on("exit", () => {
  rmSync(RSS_FILE, { force: true });
  if (safeRead(LOCK) === String(process.pid)) rmSync(LOCK, { force: true });
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(130));

const version = await run(process.execPath, [BIN, "--version"], { cwd: REPO, env: process.env, timeoutMs: TIMEOUT_MS });
if (version.code !== 0) {
  log(
    `${BIN} --version failed (exit ${version.code}): ${firstLine(version.stderr)}\nbuild it first (npm run build), or point BENCH_BIN at a built aftercare`,
  );
  process.exit(1);
}
const info = machine();
log(`aftercare ${version.stdout.trim()} (${BIN}); ${info.cpu}, ${info.cores} cores, node ${info.node}, ${info.git}`);
log(
  `sizes ${SIZES.join(", ")}; ${RUNS} runs (3 past 5 s, 1 past 20 s); limit ${TIMEOUT_MS / 1000} s; stores under ${ROOT}; clock pinned at ${NOW}`,
);

const results: SizeResult[] = [];
for (const size of SIZES) {
  const r = await benchSize(size);
  results.push(r);
  const c = r.manifest.counts;
  console.log(
    `\n${size}: ${c.records.toLocaleString("en")} records (${c.customers.toLocaleString("en")} customers, ${c.tickets.toLocaleString("en")} tickets of which ${c.openTickets} open, ${c.contacts.toLocaleString("en")} contacts, ${c.events} events, ${c.waivers} waivers; ${c.reports} reviews); load average ${r.load[0]} → ${r.load[1]} on ${info.cores} cores`,
  );
  console.log(table(r.rows));
  const json = {
    machine: info,
    aftercare: version.stdout.trim(),
    label: LABEL,
    bin: BIN,
    date: new Date().toISOString(),
    runs: RUNS,
    timeoutSeconds: TIMEOUT_MS / 1000,
    size: r.size,
    counts: c,
    load: r.load,
    seconds: r.seconds,
    firstDueMs: r.firstDueMs,
    sample: { ...r.manifest.sample, pullFiles: r.manifest.sample.pullFiles.length },
    rows: r.rows,
  };
  writeFileSync(join(cacheDir(size), RESULTS), JSON.stringify(json, null, 2) + "\n");
}
const all = {
  machine: info,
  aftercare: version.stdout.trim(),
  label: LABEL,
  bin: BIN,
  date: new Date().toISOString(),
  runs: RUNS,
  timeoutSeconds: TIMEOUT_MS / 1000,
  sizes: results.map((r) => ({
    size: r.size,
    counts: r.manifest.counts,
    store: r.manifest.store,
    commit: r.manifest.commit,
    sample: { ...r.manifest.sample, pullFiles: r.manifest.sample.pullFiles.length },
    generated: r.manifest.seconds,
    load: r.load,
    seconds: r.seconds,
    firstDueMs: r.firstDueMs,
    rows: r.rows,
  })),
};
const out = join(ROOT, RESULTS);
writeFileSync(out, JSON.stringify(all, null, 2) + "\n");
if (process.env.BENCH_OUT) writeFileSync(resolve(process.env.BENCH_OUT), JSON.stringify(all, null, 2) + "\n");
console.log(`\nresults: ${out}${process.env.BENCH_OUT ? ` and ${resolve(process.env.BENCH_OUT)}` : ""}`);
rmSync(RSS_FILE, { force: true });
if (existsSync(PRELOAD) && GNU_TIME) rmSync(PRELOAD, { force: true });
