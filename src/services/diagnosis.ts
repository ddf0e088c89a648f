// What can go wrong in a store, found for 'aftercare doctor': git's own state, stale locks, the
// temporary files of writes that did not finish, records that do not read or sit in the wrong
// place, records saved but not committed, hooks and settings a clone lacks. Each finding says in
// one line what to do; doctor.ts repairs the fixable ones.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "../context.js";
import { UserError } from "../errors.js";
import { Git, subjectOf } from "../store/git.js";
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
  /** what is wrong and what to do, in one line */
  message: string;
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
      add({ kind: "hooks", message: m, fixable: true });
    }
    // a repository not set up for many files (aftercare init does it; a store made before, a clone)
    for (const m of await manyFilesProblems(git)) {
      d.manyFiles = true;
      add({ kind: "setup", message: m, fixable: true });
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
      message: `a git ${st.operation} is unfinished${st.operation === "rebase" ? " (a sync stopped on a conflict?)" : ""}: settle the conflicts, then 'git ${st.operation} --continue', or give up with 'git ${st.operation} --abort'; writes wait until then`,
      fixable: false,
    });
  if (st.detached)
    add({
      kind: "git",
      message:
        "the store's git HEAD is detached (not on a branch): switch back with 'git switch main' (or your branch); writes wait until then",
      fixable: false,
    });
  if (st.gitDir && existsSync(join(st.gitDir, "index.lock"))) {
    const ms = Date.now() - statSync(join(st.gitDir, "index.lock")).mtimeMs;
    add({
      kind: "lock",
      path: join(st.gitDir, "index.lock"),
      message: `git's index is locked (${join(st.gitDir, "index.lock")}, ${age(ms)} old): a git command is running or crashed; if none is running (an open commit editor counts), remove it: rm ${JSON.stringify(join(st.gitDir, "index.lock"))}; until then nothing can be committed`,
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
        message: `${p.path}: merge-conflict markers from line ${p.line}: keep the right value, delete the <<<<<<< ======= >>>>>>> lines, then 'git add ${p.path}'${st.operation === "rebase" ? " and 'git rebase --continue'" : " and commit"}`,
        fixable: false,
      });
    } else if (dup) {
      const pair = [p.path, dup[2]!].sort().join(" ");
      if (said.has(`dup:${pair}`)) continue;
      said.add(`dup:${pair}`);
      add({
        kind: "duplicate",
        path: p.path,
        message: `duplicate ID ${dup[1]}: ${p.path} and ${dup[2]}; compare them (diff ${p.path} ${dup[2]}), keep the right one and remove the other with 'git rm' (doctor never deletes a record)`,
        fixable: false,
      });
    } else if (wrong) {
      const to = wrong[1]!;
      const free = !existsSync(join(root, ...to.split("/")));
      if (free) d.toMove.push([p.path, to]);
      add({
        kind: "misplaced",
        path: p.path,
        message: `${p.path}: in the wrong folder, so every list leaves it out; its ID puts it at ${to}; ${free ? "'aftercare doctor --fix' moves it there (or: git mv" + ` ${p.path} ${to})` : `a file is already there: compare the two and keep one`}`,
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
      message: `${SETTINGS_FILE} cannot be read: ${e.message.split("\n")[0]}; fix it by hand (conflict markers? 'git diff ${SETTINGS_FILE}')`,
      fixable: false,
    });
    return [];
  }
}

/** The problems no other finding names, counted in one line. */
function otherProblems(others: FileProblem[]): Finding {
  const files = [...new Set(others.map((p) => p.path))];
  return {
    kind: "invalid",
    path: files[0],
    message: `${others.length} other problem${others.length > 1 ? "s" : ""} in ${files.length} file${files.length > 1 ? "s" : ""} (first: ${others[0]!.path}:${others[0]!.line}:${others[0]!.col}: ${others[0]!.message}); 'aftercare check' lists them: fix them by hand`,
    fixable: false,
  };
}

/** Writes that are waiting for their commit, when git cannot be asked (missing, or refusing). */
async function waitingFindings(git: Git, st: GitState, add: Add): Promise<void> {
  const waiting = await git.pendingCommits();
  if (waiting.length)
    add({
      kind: "uncommitted",
      message: `${waiting.length} write${waiting.length > 1 ? "s are" : " is"} saved but not committed (first: "${subjectOf(waiting[0]!.message)}", ${waiting[0]!.reason ?? "the command stopped before its commit"}); ${st.repo ? "fix what git says above" : "install git (or put it on PATH)"}, then the next write or 'aftercare doctor --fix' commits them`,
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
        message: `the write "${subjectOf(p.message)}" was saved but never committed, and its file${gone.length > 1 ? "s are" : " is"} gone (${gone.map((f) => f.path).join(", ")}); if that was not meant, look for the record in 'git stash list' or redo it`,
        fixable: false,
      });
  }
}

/** Records saved but not committed. */
async function uncommittedFindings(
  root: string,
  git: Git,
  seen: { broken: Set<string>; said: Set<string> },
  d: Diagnosis,
  add: Add,
): Promise<void> {
  const { broken, said } = seen;
  const files = (await git.uncommitted()) ?? [];
  const pending = new Map<string, { subject: string; reason?: string }>();
  const notes = await git.pendingCommits();
  for (const p of notes)
    for (const f of p.files) pending.set(f.path, { subject: subjectOf(p.message), reason: p.reason });
  goneWrites(root, notes, files, add);
  const moving = new Set(d.toMove.flat());
  for (const f of files) {
    const p = pending.get(f.path);
    if (f.status === "conflicted") {
      if (!said.has(`conflict:${f.path}`))
        add({
          kind: "conflict",
          path: f.path,
          message: `${f.path}: a merge conflict not yet settled; see 'git status'`,
          fixable: false,
        });
    } else if (f.status === "deleted")
      add({
        kind: "uncommitted",
        path: f.path,
        message: `${f.path}: deleted, and the deletion is not committed; if that was a mistake, bring it back with 'git checkout -- ${f.path}', else commit the deletion with git (doctor never deletes a record)`,
        fixable: false,
      });
    else if (broken.has(f.path))
      add({
        kind: "uncommitted",
        path: f.path,
        message: `${f.path}: ${p ? `saved by "${p.subject}"` : f.status === "new" ? "new" : "changed"} but not committed, and it does not read cleanly ('aftercare check'); fix it, then 'aftercare doctor --fix' commits it`,
        fixable: false,
      });
    else if (!moving.has(f.path)) {
      if (p)
        add({
          kind: "uncommitted",
          path: f.path,
          message: `${f.path}: saved by "${p.subject}" but not committed (${p.reason ?? "the command stopped before its commit"}); 'aftercare doctor --fix' (or the next write) commits it`,
          fixable: true,
        });
      else {
        d.toCommit.push(f.path);
        add({
          kind: "uncommitted",
          path: f.path,
          message: `${f.path}: ${f.status === "new" ? "new" : "changed"} but not committed (a write killed before its commit, or a hand edit); it is valid: 'aftercare doctor --fix' commits it`,
          fixable: true,
        });
      }
    }
  }
}
