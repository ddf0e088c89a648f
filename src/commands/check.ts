// aftercare check: read every record and report every problem as path:line:col: message.
import { createHash } from "node:crypto";
import { promises as fs, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "../context.js";
import { UserError } from "../errors.js";
import { PROJECT } from "../paths.js";
import { Git, subjectOf } from "../store/git.js";
import { checkRecords, decodeFacts, encodeFacts, type CheckRecord } from "../domain/check.js";
import type { RecordKind } from "../domain/ids.js";
import { CheckMemo, statStamp, type CheckMemoFiles } from "../store/cache.js";
import { readEach, type ReadItem } from "../store/fastread.js";
import { FOLDERS, pathOf, SETTINGS_FILE, Store, type FileProblem } from "../store/store.js";
import { decodeUtf8, locate, parseYaml, type Parsed } from "../store/yaml.js";
import { calendarCheck } from "./holidays.js";

const KINDS: RecordKind[] = ["customer", "ticket", "contact", "event", "waiver"];

/**
 * --staged: check what the next commit would hold — the index git gives the pre-commit hook
 * (GIT_INDEX_FILE: `git commit -a` and `git commit PATH` build one of their own), else the
 * repository's index — not the working files. Only problems the commit brings are refused: a
 * commit that fixes one broken file while another stays broken goes through.
 * Without --staged, record files changed but not committed are named on stderr.
 */
export async function check(ctx: Context, opts: { staged?: boolean; full?: boolean } = {}): Promise<FileProblem[]> {
  const progress = progressLine();
  if (!opts.staged) {
    const store = await ctx.store();
    let found: FileProblem[];
    try {
      const onWorkerError = ctx.globals.debug
        ? (e: unknown) =>
            ctx.io.err(
              `debug: the read workers failed; the files were read in one thread: ${e instanceof Error ? e.message : String(e)}\n`,
            )
        : undefined;
      found = await checkStore(store, { full: opts.full, onProgress: progress?.update, onWorkerError });
    } finally {
      progress?.clear();
    }
    // the working calendar: a calendar.source its library does not know is a problem of
    // aftercare.yaml; a year without public holidays a warning (it is no broken record)
    found.push(...(await calendarCheck(ctx, store)));
    const problems = report(ctx, found);
    await noteUncommitted(ctx, new Git(store.root, ctx.deps.env));
    return problems;
  }
  const root = await ctx.storeRoot();
  const git = new Git(root, ctx.deps.env);
  const st = await git.state();
  if (st.refused) throw new UserError(`--staged: ${st.refused}`);
  if (!st.repo) throw new UserError(`--staged: ${root} is not in a git repository`);
  const given = ctx.deps.env.GIT_INDEX_FILE;
  const index = given ? { GIT_INDEX_FILE: resolve(ctx.deps.cwd, given) } : {};
  const prefix = await git.prefix();
  const tmp = await fs.mkdtemp(join(tmpdir(), "aftercare-staged-"));
  try {
    const out = await git.run(["checkout-index", "--all", `--prefix=${tmp}/staged/`], index);
    if (out.code !== 0) throw new UserError(`--staged: could not read the git index (${out.stderr.trim()})`);
    let problems: FileProblem[];
    try {
      // a tree of its own each time: nothing to remember between runs
      problems = await checkStore(await Store.open(join(tmp, "staged", prefix)), {
        memo: false,
        onProgress: progress?.update,
      });
    } finally {
      progress?.clear();
    }
    let before: FileProblem[] = [];
    if (problems.length) {
      // what the last commit already had is not this commit's doing
      before = await problemsAtHead(git, join(tmp, "head"), prefix);
      const had = new Set(before.map(key));
      const known = problems.filter((p) => had.has(key(p)));
      problems = problems.filter((p) => !had.has(key(p)));
      if (known.length && !problems.length) {
        const files = [...new Set(known.map((p) => p.path))];
        ctx.io.err(
          `note: ${files.length} file${files.length > 1 ? "s" : ""} already broken in the last commit ${files.length > 1 ? "are" : "is"} still broken (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""}); see 'aftercare check'\n`,
        );
      }
    }
    if (problems.length)
      ctx.io.err(
        `the commit would break the aftercare store; fix these and stage them again (or commit with --no-verify to skip this check):\n`,
      );
    return report(ctx, problems);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

const key = (p: FileProblem) => `${p.path}\0${p.message}`;

/** The problems of the store as the last commit holds it; none when there is no commit yet. */
async function problemsAtHead(git: Git, dir: string, prefix: string): Promise<FileProblem[]> {
  if ((await git.run(["rev-parse", "--verify", "--quiet", "HEAD"])).code !== 0) return [];
  await fs.mkdir(dir, { recursive: true });
  const index = { GIT_INDEX_FILE: join(dir, "index") };
  if ((await git.run(["read-tree", "HEAD"], index)).code !== 0) return [];
  if ((await git.run(["checkout-index", "--all", `--prefix=${dir}/tree/`], index)).code !== 0) return [];
  try {
    return await checkStore(await Store.open(join(dir, "tree", prefix)), { memo: false });
  } catch {
    return [];
  }
}

/** Record files git shows as changed but not committed, one note line each, on stderr. */
export async function noteUncommitted(ctx: Context, git: Git): Promise<void> {
  const files = await git.uncommitted();
  if (!files?.length) return;
  const pending = new Map<string, string>();
  for (const p of await git.pendingCommits())
    for (const f of p.files)
      pending.set(
        f.path,
        `saved by "${subjectOf(p.message)}" but not committed${p.reason ? ` (${p.reason})` : ""}; the next write or 'aftercare doctor --fix' commits it`,
      );
  for (const f of files) {
    const why =
      pending.get(f.path) ??
      (f.status === "conflicted"
        ? "a merge conflict not yet settled; see 'git status'"
        : f.status === "deleted"
          ? "deleted but the deletion is not committed; restore it with 'git checkout -- FILE' or commit the deletion with git"
          : `${f.status === "new" ? "new" : "changed"} but not committed (a hand edit, or a write stopped before its commit); 'aftercare doctor --fix' commits it when it is valid`);
    ctx.io.err(`note: ${f.path}: ${why}\n`);
  }
}

function report(ctx: Context, problems: FileProblem[]): FileProblem[] {
  if (ctx.json) ctx.io.out(JSON.stringify(problems, null, 2) + "\n");
  else for (const p of problems) ctx.io.out(`${p.path}:${p.line}:${p.col}: ${p.message}\n`);
  return problems;
}

/**
 * A single line on stderr while many files are read, updated at most ten times a second and
 * cleared at the end; only on a terminal (never in a pipe, cron or a test), and only once the
 * check has taken longer than `delayMs`.
 */
export function progressLine(
  delayMs = 300,
): { update: (done: number, total: number) => void; clear: () => void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < delayMs || (done < total && now - last < 100)) return;
      last = now;
      shown = true;
      process.stderr.write(`\r\x1b[2Kchecking ${done.toLocaleString("en")} of ${total.toLocaleString("en")} files…`);
    },
    clear() {
      if (shown) process.stderr.write("\r\x1b[2K");
      shown = false;
    },
  };
}

/** What a memo of an earlier check is valid for: the settings as validated, this aftercare, the code that checked. */
function memoBasis(store: Store): string {
  // the running module: a bundle chunk (named by what it holds and what it imports) or, in
  // development, the source file, with the sources that decide what is sound
  const code = [import.meta.url];
  if (import.meta.url.endsWith(".ts"))
    for (const rel of [
      "../domain/check.ts",
      "../domain/schema.ts",
      "../store/yaml.ts",
      "../store/fastread.ts",
      "../store/store.ts",
    ])
      code.push(new URL(rel, import.meta.url).href);
  const text = JSON.stringify([VERSION, code.map((url) => statStamp(fileURLToPath(url)) ?? "-"), store.settings]);
  return createHash("sha256").update(text).digest("hex");
}

const RANK = new Map(KINDS.map((k, i) => [FOLDERS[k], i]));
/** Whether `a` comes before `b` in the order checkStore lists files: by kind, then by path. */
function listedBefore(a: string, b: string): boolean {
  const ra = RANK.get(a.slice(0, a.indexOf("/"))) ?? -1;
  const rb = RANK.get(b.slice(0, b.indexOf("/"))) ?? -1;
  return ra !== rb ? ra < rb : a < b;
}

/** aftercare's version, from its package.json (one level above src/ and dist/). */
const VERSION = (() => {
  try {
    return (JSON.parse(readFileSync(join(PROJECT, "package.json"), "utf8")) as { version?: string }).version ?? "?";
  } catch {
    return "?";
  }
})();

export interface CheckStoreOptions {
  /** read every file, not only those changed since the last check (`check --full`) */
  full?: boolean;
  /** keep what this check found sound in .aftercare/check.json, and use what an earlier one kept (default true) */
  memo?: boolean;
  /** files read of all, as they are read */
  onProgress?: (done: number, total: number) => void;
  /** files changed this many ms before the check began are not remembered as sound (default RACY_MS) */
  settleMs?: number;
  /** filled in: how many record files were listed, and how many of them were read (the rest unchanged since the memo) */
  stats?: { files: number; read: number };
  /** told when the read workers could not start or failed (the files are then read in one thread) */
  onWorkerError?: (e: unknown) => void;
}

/**
 * What the memo keeps of a sound record for the rules across records: the records it refers to
 * (encodeFacts). The people it names were on the staff list, and the memo holds only for the same
 * settings.
 */
const memoFacts = (encoded: string) => {
  const f = decodeFacts(encoded);
  return encodeFacts({ customer: f.customer, ticket: f.ticket, event: f.event });
};

/**
 * A file written in the second before the check began may be written again within the same tick
 * of the file system's clock, keeping its size and times: its stamp would not show the change
 * (git's "racily clean" files). It is not remembered as sound; the next check reads it again.
 */
const RACY_MS = 1000;
function settled(stamp: string, before: number): boolean {
  // stampOf: size:mtimeMs:ctimeMs:ino
  const a = stamp.indexOf(":");
  const b = stamp.indexOf(":", a + 1);
  const c = stamp.indexOf(":", b + 1);
  return Number(stamp.slice(a + 1, b)) < before && Number(stamp.slice(b + 1, c)) < before;
}

/**
 * Every problem in the store, sorted by path, line and column. Files are read on every core
 * (readMany). A file found sound in an earlier check and unchanged since (same stamp, same
 * settings, same aftercare) is not read again unless `full`: the rules across records (references,
 * duplicate IDs, places) run on what the memo kept of it. A file with a finding is parsed in full
 * to place the finding at its line, and is read again next time.
 */
export async function checkStore(store: Store, opts: CheckStoreOptions = {}): Promise<FileProblem[]> {
  const settledBefore = Date.now() - (opts.settleMs ?? RACY_MS);
  const items: ReadItem[] = [];
  for (const kind of KINDS) for (const path of await store.files(kind)) items.push({ kind, path });
  const memo = opts.memo !== false ? new CheckMemo(store.root) : undefined;
  const basis = memo ? memoBasis(store) : "";
  const known = memo && !opts.full ? memo.read(basis) : undefined;
  const memoSize = known?.paths.length ?? 0;
  // each file's place in the memo, if any: both lists are in listing order (kind, then path)
  const memoAt = new Int32Array(items.length).fill(-1);
  if (known) {
    const { paths } = known;
    let j = 0;
    for (let i = 0; i < items.length && j < paths.length; i++) {
      const item = items[i]!;
      while (j < paths.length && listedBefore(paths[j]!, item.path)) j++;
      if (paths[j] === item.path) {
        memoAt[i] = j;
        item.stamp = known.stamps[j];
        j++;
      }
    }
    known.paths = []; // the listing has them
  }
  // each record's facts and own findings are worked out where it is read, and only they are kept:
  // no record's value crosses threads or stays in memory, nor the names of people on the staff list
  const readProblems = new Array<FileProblem[] | undefined>(items.length);
  const byIndex = new Array<CheckRecord | undefined>(items.length);
  /** the stamp of each file read (not taken from the memo) */
  const freshStamp = new Array<string | undefined>(items.length);
  let read = 0;
  await readEach(
    items,
    store.root,
    {
      onProgress: opts.onProgress,
      onWorkerError: opts.onWorkerError,
      values: false,
      digest: "check",
      staff: store.settings.staff.map((p) => p.name),
    },
    (r, i) => {
      const { kind, path } = items[i]!;
      if (r.unchanged) {
        byIndex[i] = { kind, id: r.id, path, facts: known!.facts[memoAt[i]!]! };
        return;
      }
      read++;
      memoAt[i] = -1;
      if (r.problems.length) readProblems[i] = r.problems;
      if (!r.check) return;
      byIndex[i] = r.check.findings
        ? { kind, id: r.id, path, facts: r.check.facts, findings: r.check.findings }
        : { kind, id: r.id, path, facts: r.check.facts };
      freshStamp[i] = r.stamp;
    },
  );
  if (opts.stats) {
    opts.stats.files = items.length;
    opts.stats.read = read;
  }
  const changed = !known || read > 0;
  // in the order of the listing, as the rules see them (the first of two files with one ID is the one kept)
  const problems: FileProblem[] = [];
  const records: CheckRecord[] = [];
  const itemOf: number[] = [];
  for (let i = 0; i < items.length; i++) {
    for (const p of readProblems[i] ?? []) problems.push(p);
    const r = byIndex[i];
    if (!r) continue;
    records.push(r);
    itemOf.push(i);
  }
  byIndex.length = 0;
  readProblems.length = 0;

  const safePathOf = (id: string) => {
    try {
      return pathOf(id);
    } catch {
      return "";
    }
  };
  // a finding is placed at its field's line: the file is parsed in full, once, for its findings
  const docs = new Map<string, Parsed | undefined>();
  const parsedOf = (path: string): Parsed | undefined => {
    if (path === SETTINGS_FILE) return store.settingsParsed;
    if (!docs.has(path)) {
      let parsed: Parsed | undefined;
      try {
        const text = decodeUtf8(readFileSync(store.abs(path))).text;
        if (text !== undefined) parsed = parseYaml(text).parsed;
      } catch {
        parsed = undefined;
      }
      docs.set(path, parsed);
    }
    return docs.get(path);
  };
  const found = new Set<string>();
  for (const f of checkRecords({ settings: store.settings, records, pathOf: safePathOf })) {
    const parsed = parsedOf(f.path);
    const at = parsed ? locate(parsed, f.field) : { line: 1, col: 1 };
    problems.push({ path: f.path, ...at, message: f.message });
    found.add(f.path);
  }

  // remember the files found sound: every record without a finding (when anything changed)
  if (memo && (changed || found.size)) {
    const next: CheckMemoFiles = { paths: [], stamps: [], facts: [] };
    records.forEach((r, k) => {
      if (found.has(r.path)) return;
      const i = itemOf[k]!;
      const j = memoAt[i]!;
      const stamp = j >= 0 ? known!.stamps[j]! : freshStamp[i];
      if (stamp === undefined || (j < 0 && !settled(stamp, settledBefore))) return;
      next.paths.push(r.path);
      next.stamps.push(stamp);
      next.facts.push(j >= 0 ? known!.facts[j]! : memoFacts(r.facts as string));
    });
    if (changed || next.paths.length !== memoSize) memo.write(basis, next);
  }
  problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.col - b.col);
  return problems;
}
