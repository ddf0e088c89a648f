// What can go wrong in a store, found for 'aftercare doctor': git's own state, stale locks, the
// temporary files of writes that did not finish, records that do not read or sit in the wrong
// place, records saved but not committed, hooks and settings a clone lacks. Each finding says in
// one line what to do; doctor.ts repairs the fixable ones.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "../context.js";
import { UserError } from "../errors.js";
import { wordedText, type MessageKey, type WordParam, type Worded } from "../i18n.js";
import { Git, subjectOf } from "../store/git.js";
import { firstLine } from "../store/parsing.js";
import { SETTINGS_FILE, Store, type FileProblem } from "../store/store.js";
import { gitSupportProblems } from "./git-support.js";
import { manyFilesProblems } from "./many-files.js";
import { checkStore } from "./store-check.js";
import { age, lockFindings, staleLockFindings, tempFileFindings } from "./leftovers.js";

export interface Finding {
  /** what kind of thing: uncommitted, lock, temp, duplicate, misplaced, conflict, invalid, hooks, git, setup */
  kind: string;
  /** the file it is about, relative to the store */
  path?: string;
  /** what is wrong and what to do, in one line (English, as --json gives it) */
  message: string;
  /** the same in the catalogue's words, for the reader's language */
  worded?: Worded;
  /** --fix repairs it */
  fixable: boolean;
}

export interface Diagnosis {
  findings: Finding[];
  /** uncommitted record files that are valid and not from a pending write: --fix commits them */
  toCommit: string[];
  /** misplaced records whose right place is free: from → to */
  toMove: [string, string][];
  /** orphan temporary files */
  temps: string[];
  /** the lock folders to remove */
  locks: string[];
  hooks: boolean;
  /** the repository is not set up for many files (services/many-files.ts MANY_FILES) */
  manyFiles: boolean;
  store?: Store;
}

type GitState = Awaited<ReturnType<Git["state"]>>;

/** A finding's message from the catalogue: English for --json, the words kept for the reader's language. */
const words = (key: MessageKey, params: Worded["params"] = {}): { message: string; worded: Worded } => {
  const worded: Worded = { key, params };
  return { message: wordedText("en", worded), worded };
};
type Add = (f: Finding) => void;

export async function diagnose(ctx: Context, root: string, opts: { underLock?: boolean } = {}): Promise<Diagnosis> {
  const d: Diagnosis = { findings: [], toCommit: [], toMove: [], temps: [], locks: [], hooks: false, manyFiles: false };
  const add: Add = (f) => d.findings.push(f);
  const git = new Git(root, ctx.deps.env);
  const st = await git.state();
  gitStateFindings(st, add);
  if (!opts.underLock) await lockFindings(ctx, root, d, add);
  staleLockFindings(root, d, add);
  tempFileFindings(root, !!opts.underLock, d, add);
  const { broken, said } = await recordFindings(root, st, d, add);
  if (!st.repo || st.refused) await waitingFindings(git, st, add);
  if (st.repo && !st.refused) {
    await uncommittedFindings(root, git, { broken, said }, d, add);
    // the hook and the merge driver
    for (const m of await gitSupportProblems(root, git)) {
      d.hooks = true;
      add({ kind: "hooks", ...m, fixable: true });
    }
    // a repository not set up for many files (aftercare init does it; a store made before, a clone)
    for (const m of await manyFilesProblems(git)) {
      d.manyFiles = true;
      add({ kind: "setup", ...m, fixable: true });
    }
  }
  return d;
}

/** git itself: a repository git refuses, an unfinished rebase or merge, a detached HEAD, git's index lock. */
function gitStateFindings(st: GitState, add: Add): void {
  if (st.refused) add({ kind: "git", message: st.refused, fixable: false });
  if (st.operation)
    add({
      kind: "git",
      ...words(st.operation === "rebase" ? "dg.rebase" : "dg.operation", { operation: st.operation }),
      fixable: false,
    });
  if (st.detached)
    add({
      kind: "git",
      ...words("dg.detached"),
      fixable: false,
    });
  if (st.gitDir && existsSync(join(st.gitDir, "index.lock"))) {
    const ms = Date.now() - statSync(join(st.gitDir, "index.lock")).mtimeMs;
    add({
      kind: "lock",
      path: join(st.gitDir, "index.lock"),
      ...words("dg.indexLock", {
        lock: join(st.gitDir, "index.lock"),
        age: age(ms),
        quoted: JSON.stringify(join(st.gitDir, "index.lock")),
      }),
      fixable: false,
    });
  }
}

/** The records: duplicates, wrong folders, conflict markers, anything else that does not read. */
async function recordFindings(
  root: string,
  st: GitState,
  d: Diagnosis,
  add: Add,
): Promise<{ broken: Set<string>; said: Set<string> }> {
  const problems = await storeProblems(root, d, add);
  const broken = new Set(problems.map((p) => p.path));
  const said = new Set<string>();
  let others: FileProblem[] = [];
  for (const p of problems) {
    const dup = /^duplicate ID (\S+): also at (\S+);/.exec(p.message);
    const wrong = /is in the wrong place: its ID puts it at (\S+)$/.exec(p.message);
    if (/leftover merge-conflict marker/.test(p.message)) {
      if (said.has(`conflict:${p.path}`)) continue;
      said.add(`conflict:${p.path}`);
      add({
        kind: "conflict",
        path: p.path,
        ...words(st.operation === "rebase" ? "dg.markersRebase" : "dg.markers", { path: p.path, line: p.line }),
        fixable: false,
      });
    } else if (dup) {
      const pair = [p.path, dup[2]!].sort().join(" ");
      if (said.has(`dup:${pair}`)) continue;
      said.add(`dup:${pair}`);
      add({
        kind: "duplicate",
        path: p.path,
        ...words("dg.duplicate", { id: dup[1]!, path: p.path, other: dup[2]! }),
        fixable: false,
      });
    } else if (wrong) {
      const to = wrong[1]!;
      const free = !existsSync(join(root, ...to.split("/")));
      if (free) d.toMove.push([p.path, to]);
      add({
        kind: "misplaced",
        path: p.path,
        ...words(free ? "dg.misplacedFree" : "dg.misplacedTaken", { path: p.path, to }),
        fixable: free,
      });
    } else others.push(p);
  }
  // a file already named above is not counted again
  const named = new Set(d.findings.map((f) => f.path));
  others = others.filter((p) => !named.has(p.path));
  if (others.length) add(otherProblems(others));
  return { broken, said };
}

/** What check finds in the store; none, and a finding, when the settings cannot be read. */
async function storeProblems(root: string, d: Diagnosis, add: Add): Promise<FileProblem[]> {
  try {
    d.store = await Store.open(root);
    return await checkStore(d.store);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    add({
      kind: "invalid",
      path: SETTINGS_FILE,
      ...words("dg.settings", { file: SETTINGS_FILE, reason: reasonOf(e) }),
      fixable: false,
    });
    return [];
  }
}

/** Why the settings cannot be read: the first problem named, in the reader's language where it is worded. */
function reasonOf(e: UserError & { worded?: Worded }): WordParam {
  const first = e.message.split("\n")[0]!;
  return e.worded ? { asWritten: first, worded: firstLine(e.worded) } : first;
}

/** The problems no other finding names, counted in one line. */
function otherProblems(others: FileProblem[]): Finding {
  const files = [...new Set(others.map((p) => p.path))];
  return {
    kind: "invalid",
    path: files[0],
    ...words("dg.others", {
      problems: { key: "dg.nProblems", params: { n: others.length } },
      files: { key: "dg.nFiles", params: { n: files.length } },
      first: {
        key: "dg.first",
        params: {
          at: `${others[0]!.path}:${others[0]!.line}:${others[0]!.col}`,
          message: others[0]!.worded ?? others[0]!.message,
        },
      },
    }),
    fixable: false,
  };
}

/** Writes that are waiting for their commit, when git cannot be asked (missing, or refusing). */
async function waitingFindings(git: Git, st: GitState, add: Add): Promise<void> {
  const waiting = await git.pendingCommits();
  if (waiting.length)
    add({
      kind: "uncommitted",
      ...words(st.repo ? "dg.waitingGit" : "dg.waitingNoGit", {
        n: waiting.length,
        subject: subjectOf(waiting[0]!.message),
        reason: waiting[0]!.reason ?? { key: "dg.stopped" },
      }),
      fixable: false,
    });
}

type PendingCommit = Awaited<ReturnType<Git["pendingCommits"]>>[number];
type Uncommitted = NonNullable<Awaited<ReturnType<Git["uncommitted"]>>>;

/** A write whose files are gone before their commit (reset, undone by hand): said once. */
function goneWrites(root: string, notes: PendingCommit[], files: Uncommitted, add: Add): void {
  for (const p of notes) {
    const gone = p.files.filter(
      (f) => !existsSync(join(root, ...f.path.split("/"))) && !files.some((x) => x.path === f.path),
    );
    if (gone.length === p.files.length && gone.length)
      add({
        kind: "uncommitted",
        path: gone[0]!.path,
        ...words("dg.gone", {
          n: gone.length,
          subject: subjectOf(p.message),
          files: gone.map((f) => f.path).join(", "),
        }),
        fixable: false,
      });
  }
}

type Waiting = { subject: string; reason?: string };

/** Records saved but not committed. */
async function uncommittedFindings(
  root: string,
  git: Git,
  seen: { broken: Set<string>; said: Set<string> },
  d: Diagnosis,
  add: Add,
): Promise<void> {
  const files = (await git.uncommitted()) ?? [];
  const pending = new Map<string, Waiting>();
  const notes = await git.pendingCommits();
  for (const p of notes)
    for (const f of p.files) pending.set(f.path, { subject: subjectOf(p.message), reason: p.reason });
  goneWrites(root, notes, files, add);
  const moving = new Set(d.toMove.flat());
  for (const f of files) uncommittedFinding(f, pending.get(f.path), seen, moving, d, add);
}

/** What one record file saved but not committed is, and what to do about it. */
function uncommittedFinding(
  f: Uncommitted[number],
  p: Waiting | undefined,
  { broken, said }: { broken: Set<string>; said: Set<string> },
  moving: Set<string>,
  d: Diagnosis,
  add: Add,
): void {
  const path = f.path;
  const what: Worded = { key: f.status === "new" ? "gn.new" : "gn.changed" };
  if (f.status === "conflicted") {
    if (!said.has(`conflict:${path}`))
      add({ kind: "conflict", path, ...words("dg.conflicted", { path }), fixable: false });
  } else if (f.status === "deleted")
    add({ kind: "uncommitted", path, ...words("dg.deleted", { path }), fixable: false });
  else if (broken.has(path)) {
    const saved: Worded = p ? { key: "dg.savedBy", params: { subject: p.subject } } : what;
    add({ kind: "uncommitted", path, ...words("dg.brokenUncommitted", { path, what: saved }), fixable: false });
  } else if (moving.has(path)) return;
  else if (p) {
    const reason = p.reason ?? { key: "dg.stopped" as const };
    add({ kind: "uncommitted", path, ...words("dg.pending", { path, subject: p.subject, reason }), fixable: true });
  } else {
    d.toCommit.push(path);
    add({ kind: "uncommitted", path, ...words("dg.validUncommitted", { path, what }), fixable: true });
  }
}
