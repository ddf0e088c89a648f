// The harness of the index's freshness tests (index-fresh.test.ts, index-fresh-watch.test.ts): a
// store under test (Desk) whose every read is made with the index and from the files alone
// (AFTERCARE_INDEX=off) and compared, and the changes made behind the tool's back.
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, expect } from "vitest";
import { bin, cleanEnv, cli, git, tempDir, testStore, type Run } from "./helpers.js";
import { baseStore, DISPATCHED, MINGYUAN, NOW, SETTINGS } from "./index-fixtures.js";

// ---------------------------------------------------------------------------------------------
// Reads, made twice: with the index (the default) and from the files (AFTERCARE_INDEX=off).

export interface Read {
  /** how the read is named in a failure: the command line */
  label: string;
  args: string[];
  env?: Record<string, string>;
}

/** Output in the store's own language (the fixture store is zh-CN); cleanEnv defaults to English. */
export const STORE_LOCALE = { AFTERCARE_LOCALE: "" };

export const read = (args: string[], env?: Record<string, string>): Read => ({
  label: `aftercare ${args.join(" ")}${env?.AFTERCARE_LOCALE === "" ? " (store locale)" : ""}`,
  args,
  env,
});

export interface ReadSet {
  tickets?: string[];
  customers?: string[];
  searches?: string[];
  months?: string[];
  years?: string[];
  /** also `check` (a read that may re-check only what changed) */
  check?: boolean;
  /** also the text lists (store locale, and English with --explain), `ticket list` and `ticket show --json` */
  text?: boolean;
  /** also `overdue --json` */
  overdue?: boolean;
}

/** Every read the index answers: due, overdue, ticket show, customer show, customer list --search, the reviews. */
export function readsOf(s: ReadSet): Read[] {
  const out: Read[] = [read(["due", "--json"])];
  if (s.overdue !== false) out.push(read(["overdue", "--json"]));
  if (s.text !== false)
    out.push(
      read(["due"], STORE_LOCALE),
      read(["due", "--within", "14", "--explain", "--locale", "en"]),
      read(["ticket", "list", "--json"]),
    );
  for (const id of s.tickets ?? []) out.push(read(["ticket", "show", id], STORE_LOCALE));
  if (s.text !== false && s.tickets?.length) out.push(read(["ticket", "show", s.tickets[0]!, "--json"]));
  for (const id of s.customers ?? []) out.push(read(["customer", "show", id], STORE_LOCALE));
  for (const q of s.searches ?? []) out.push(read(["customer", "list", "--search", q]));
  for (const m of s.months ?? []) out.push(read(["report", "monthly", m]));
  for (const y of s.years ?? []) out.push(read(["report", "annual", y]));
  if (s.check !== false) out.push(read(["check"]));
  return out;
}

/**
 * The reads of the hand-written store: the records a scenario touches, the dispatched ticket, the
 * November review, and the annual review where a scenario changes earlier months.
 */
export function smallReads(
  extra: { tickets?: string[]; customers?: string[]; searches?: string[]; months?: string[]; years?: string[] } = {},
): Read[] {
  return readsOf({
    tickets: [...new Set([...(extra.tickets ?? []), DISPATCHED])],
    customers: extra.customers ?? [MINGYUAN],
    searches: extra.searches ?? ["华东"],
    months: extra.months ?? ["2026-11"],
    years: extra.years ?? [],
  });
}

/**
 * Run one read in-process. The switch is set both in the environment the CLI is handed and in
 * process.env, so the comparison means something whichever of the two the implementation reads.
 */
export async function runRead(root: string, r: Read, now: string, off: boolean): Promise<Run> {
  const before = process.env.AFTERCARE_INDEX;
  if (off) process.env.AFTERCARE_INDEX = "off";
  else delete process.env.AFTERCARE_INDEX;
  try {
    const { code, stdout, stderr } = await cli(root, r.args, {
      now,
      as: "",
      env: { ...(off ? { AFTERCARE_INDEX: "off" } : {}), ...r.env },
    });
    return { code, stdout, stderr };
  } finally {
    if (before === undefined) delete process.env.AFTERCARE_INDEX;
    else process.env.AFTERCARE_INDEX = before;
  }
}

/** A readable line diff of two texts: the changed stretch with a few lines of context. */
export function lineDiff(want: string, got: string, context = 3, max = 60): string {
  const a = want.split("\n");
  const b = got.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const lines: string[] = [];
  for (const l of a.slice(Math.max(0, start - context), start)) lines.push(`  ${l}`);
  if (midA.length * midB.length <= 250_000) {
    // longest common subsequence of the changed stretch
    const n = midA.length;
    const m = midB.length;
    const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        lines.push(`  ${midA[i]}`);
        i++;
        j++;
      } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) lines.push(`+ ${midB[j++]}`);
      else lines.push(`- ${midA[i++]}`);
    }
  } else {
    for (const l of midA) lines.push(`- ${l}`);
    for (const l of midB) lines.push(`+ ${l}`);
  }
  for (const l of a.slice(endA, endA + context)) lines.push(`  ${l}`);
  const shown = lines.length > max ? [...lines.slice(0, max), `  … ${lines.length - max} more diff lines`] : lines;
  return `@@ line ${start + 1} @@\n${shown.join("\n")}`;
}

/**
 * The warnings about unreadable files of different kinds come kind by kind in a fixed order, with
 * the index and without it (Store.all warns in the order the kinds were asked for, however they
 * finish loading): stderr is compared line for line, in order.
 */
export const STDERR_ORDER_MATTERS = true;
export const lines = (s: string) => (STDERR_ORDER_MATTERS ? s : s.split("\n").sort().join("\n"));

export function sameRun(a: Run, b: Run): boolean {
  return a.code === b.code && a.stdout === b.stdout && lines(a.stderr) === lines(b.stderr);
}

export function describeMismatch(r: Read, full: Run, indexed: Run): string {
  const parts = [`${r.label}: the index (+) differs from the full read (-, AFTERCARE_INDEX=off)`];
  if (full.code !== indexed.code)
    parts.push(`  exit code: ${full.code} with the full read, ${indexed.code} with the index`);
  if (full.stdout !== indexed.stdout) parts.push(`  stdout:\n${indent(lineDiff(full.stdout, indexed.stdout))}`);
  if (lines(full.stderr) !== lines(indexed.stderr))
    parts.push(`  stderr:\n${indent(lineDiff(full.stderr, indexed.stderr))}`);
  return parts.join("\n");
}

export const indent = (s: string) => s.replace(/^/gm, "    ");

export type Snapshot = Map<string, Run>;

/** A read named by its command line, or the start of it ("ticket show T-…" names the text and the --json one). */
export function matches(r: Read, name: string): boolean {
  const c = `aftercare ${name.replace(/^aftercare /, "")}`;
  return r.label === c || r.label.startsWith(`${c} `);
}

/** A store under test: its folder, its clock and the reads to compare. */
export class Desk {
  /** the full reads of the last comparison, by label: what a change must be seen to alter */
  last: Snapshot = new Map();

  constructor(
    readonly root: string,
    public reads: Read[],
    public now: string = NOW,
    /** in-process (the CLI's main with its own environment), or the real binary in a process of its own */
    readonly runner: "in-process" | "binary" = "in-process",
    /** set for every run, reads and writes alike: which way the index is brought up to date (FRESHNESS) */
    readonly env: Record<string, string> = {},
  ) {}

  private run(r: Read, off: boolean): Promise<Run> {
    if (this.runner === "in-process")
      return runRead(this.root, { ...r, env: { ...this.env, ...r.env } }, this.now, off);
    return Promise.resolve(
      bin(this.root, r.args, {
        AFTERCARE_NOW: this.now,
        ...this.env,
        ...(off ? { AFTERCARE_INDEX: "off" } : {}),
        ...r.env,
      }),
    );
  }

  path(rel: string): string {
    return join(this.root, ...rel.split("/"));
  }

  text(rel: string): string {
    return readFileSync(this.path(rel), "utf8");
  }

  /**
   * The first round of reads: builds the index (or whatever the reads keep), compared with the
   * full reads — or, for a store whose full reads take seconds, not compared (the next step is).
   */
  async warm(opts: { compare?: boolean } = {}): Promise<void> {
    if (opts.compare !== false) {
      await this.same("the first reads");
      return;
    }
    // a large store: the reads with the index only (it is built), kept as what a change must alter
    this.last = new Map();
    for (const r of this.reads) this.last.set(r.label, await this.run(r, false));
  }

  /**
   * Every read with the index, then the first of them once more, then every read from the files
   * (AFTERCARE_INDEX=off), compared: exit code, stdout, stderr. `changed` names reads (by their
   * command line or its start) whose full read must differ from the previous comparison's: the
   * change behind the tool's back is real. The read named by `first` is made first after the change.
   * A difference is a soft failure: the scenario goes on, and the test fails at its end.
   */
  async same(step: string, opts: { changed?: string[]; first?: string } = {}): Promise<Snapshot> {
    const order = [...this.reads];
    if (opts.first) {
      const i = order.findIndex((r) => matches(r, opts.first!));
      if (i < 0) throw new Error(`${step}: no read matches "${opts.first}"`);
      order.unshift(...order.splice(i, 1));
    }
    const cpu = process.cpuUsage();
    const indexed = new Map<string, Run>();
    for (const r of order) indexed.set(r.label, await this.run(r, false));
    const cpuIndexed = process.cpuUsage(cpu);
    // once more, the first read: the second time a freshly refreshed index answers
    const again = await this.run(order[0]!, false);
    const full: Snapshot = new Map();
    for (const r of order) full.set(r.label, await this.run(r, true));
    if (process.env.AFTERCARE_TEST_TIMING) {
      // CPU time of this process: what the reads cost, whatever else the machine is doing
      const ms = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);
      console.log(
        `${step}: ${order.length} reads; CPU ${ms(cpuIndexed)} ms with the index, ${ms(process.cpuUsage(cpu)) - ms(cpuIndexed)} ms without`,
      );
    }
    const problems: string[] = [];
    for (const r of order) {
      const f = full.get(r.label)!;
      const x = indexed.get(r.label)!;
      if (!sameRun(f, x)) problems.push(describeMismatch(r, f, x));
    }
    const f0 = full.get(order[0]!.label)!;
    if (!sameRun(f0, again)) problems.push(`(read again) ${describeMismatch(order[0]!, f0, again)}`);
    for (const c of opts.changed ?? []) {
      const hits = order.filter((r) => matches(r, c));
      if (!hits.length) problems.push(`scenario error: no read matches "${c}"`);
      for (const r of hits) {
        const before = this.last.get(r.label);
        const now = full.get(r.label)!;
        if (before && sameRun(before, now))
          problems.push(
            `scenario error: ${r.label} reads the same before and after "${step}": the change is not seen even in the full read`,
          );
      }
    }
    this.last = full;
    if (problems.length)
      expect
        .soft(`${problems.length} difference(s)`, `after ${step} (now ${this.now}):\n\n${problems.join("\n\n")}\n\n`)
        .toBe("no difference");
    return full;
  }

  /** Write a file by hand (creating its folder), as an editor or a script would. */
  write(rel: string, text: string | Buffer): void {
    mkdirSync(dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), text);
  }

  /** Replace text in a file in place (same inode), optionally asserting the size stays the same. */
  edit(rel: string, from: string | RegExp, to: string, opts: { sameSize?: boolean; keepTimes?: boolean } = {}): void {
    const file = this.path(rel);
    const old = readFileSync(file, "utf8");
    const next = old.replace(from, to);
    if (next === old) throw new Error(`edit of ${rel}: "${from}" not found`);
    if (opts.sameSize) expect(Buffer.byteLength(next), `${rel} keeps its size`).toBe(Buffer.byteLength(old));
    const st = statSync(file);
    writeFileSync(file, next);
    if (opts.keepTimes) utimesSync(file, st.atime, st.mtime);
  }

  /** Replace a file as editors do: a new file renamed over the old one (a new inode), times restored. */
  replace(rel: string, from: string | RegExp, to: string): void {
    const file = this.path(rel);
    const st = statSync(file);
    const next = readFileSync(file, "utf8").replace(from, to);
    const tmp = join(dirname(file), `.${Date.now()}.swp`);
    writeFileSync(tmp, next);
    utimesSync(tmp, st.atime, st.mtime);
    renameSync(tmp, file);
  }

  rm(rel: string): void {
    rmSync(this.path(rel), { recursive: true });
  }

  mv(from: string, to: string): void {
    mkdirSync(dirname(this.path(to)), { recursive: true });
    renameSync(this.path(from), this.path(to));
  }

  git(...args: string[]): string {
    return git(this.root, ...args);
  }

  /** A commit by hand (no aftercare), of everything changed. */
  commit(message: string, who = "Hand Editor"): void {
    this.git("add", "-A");
    this.git(
      "-c",
      `user.name=${who}`,
      "-c",
      "user.email=hand@example.com",
      "commit",
      "--quiet",
      "--no-verify",
      "-m",
      message,
    );
  }

  /** A write through the CLI; it must succeed. */
  async cli(args: string[], opts: { as?: string; env?: Record<string, string> } = {}): Promise<string> {
    const r = await cli(this.root, args, { now: this.now, as: opts.as ?? "王芳", env: { ...this.env, ...opts.env } });
    if (r.code !== 0) throw new Error(`aftercare ${args.join(" ")} failed (exit ${r.code}):\n${r.stderr}${r.stdout}`);
    return r.stdout.trim();
  }
}

/** The hand-written store in a fresh git repository, its index warm. */
export async function smallDesk(
  extra: Parameters<typeof smallReads>[0] = {},
  env: Record<string, string> = {},
): Promise<Desk> {
  const root = testStore(baseStore(), { settings: SETTINGS });
  const desk = new Desk(root, smallReads(extra), NOW, "in-process", env);
  await desk.warm();
  return desk;
}

/** A folder for a store of thousands of files: in memory (tmpfs) when there is one, removed after its test. */
export const bigDirs: string[] = [];
export function fastTempDir(): string {
  const base = existsSync("/dev/shm") && statSync("/dev/shm").isDirectory() ? "/dev/shm" : tmpdir();
  const d = mkdtempSync(join(base, "aftercare-index-"));
  bigDirs.push(d);
  return d;
}
afterEach(() => {
  while (bigDirs.length) rmSync(bigDirs.pop()!, { recursive: true, force: true });
});

export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: cleanEnv(), encoding: "utf8" });
}

/**
 * A bare server the desk pushes to, and a second desk cloned from it (in process, with `env`):
 * what another desk commits and pushes, the first one pulls.
 */
export function peerOf(desk: Desk, env: Record<string, string> = {}): Desk {
  const bare = tempDir();
  gitIn(bare, "init", "--bare", "--quiet", "--initial-branch=main");
  desk.git("remote", "add", "origin", bare);
  desk.git("push", "--quiet", "-u", "origin", "main");
  const other = join(tempDir(), "desk2");
  gitIn(dirname(other), "clone", "--quiet", bare, other);
  return new Desk(other, [], desk.now, "in-process", env);
}
