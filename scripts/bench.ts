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
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { cacheDir, ensureStore, isolatedGitEnv, NOW, type Manifest } from "./gen-store.js";
import {
  BIN,
  LABEL,
  ONLY,
  PULL_BRANCH,
  REPO,
  RESULTS,
  RUNS,
  SIZES,
  TIMEOUT_MS,
  WARMUP_MS,
  log,
} from "./bench/settings.js";
import { GNU_TIME, PRELOAD, ROOT, RSS_FILE, run, type Sample } from "./bench/run.js";
import { firstLine, fmtMs, measure, round2, type MeasureOptions, type Row } from "./bench/measure.js";
import { judge } from "./bench/targets.js";
import { amendSummary, ensurePullBranch, gitIn } from "./bench/pull.js";
import { machine } from "./bench/machine.js";
import { takeLock } from "./bench/lock.js";
import { table } from "./bench/table.js";
import { stopStoreWatcher } from "./bench/watcher.js";
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

// eslint-disable-next-line max-lines-per-function -- the rows of one size in the order they are measured, each with the state of the store it needs, read top to bottom
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
  const stopped = await stopStoreWatcher(store);
  if (stopped) log(stopped);
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

// one bench at a time on the cached stores: two would reset each other's stores mid-run
takeLock();
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
