// aftercare doctor: find what a crash, a full disk or a bad merge can leave in a store — records
// saved but not committed, stale locks, orphan temporary files, duplicate IDs, files in the wrong
// folder, conflict markers, hooks or a merge driver pointing at an aftercare that is gone — and
// say for each, in one line, what to do. --fix repairs what it safely can and commits it; it never
// deletes a record.
import { existsSync, promises as fs, readdirSync, rmSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Context } from "../context.js";
import { UserError } from "../errors.js";
import { describeHolder, inspectLock, isTempFile, withLock } from "../store/fsutil.js";
import { Git, subjectOf } from "../store/git.js";
import { SETTINGS_FILE, Store, type FileProblem } from "../store/store.js";
import { checkStore } from "./check.js";
import { gitSupportProblems, installGitSupport, manyFilesProblems, setUpForManyFiles } from "./git-setup.js";

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

/** How long a temporary file may exist before it is taken for a crash's leftover, ms. */
const TEMP_GRACE_MS = 60_000;

function age(ms: number | undefined): string {
  if (ms === undefined) return "";
  const s = Math.round(ms / 1000);
  return s < 120
    ? `${s} s`
    : s < 7200
      ? `${Math.round(s / 60)} min`
      : s < 172_800
        ? `${Math.round(s / 3600)} h`
        : `${Math.round(s / 86_400)} days`;
}

/** Every write's temporary file under the store (not inside .git or .aftercare). */
function tempFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== ".git" && e.name !== ".aftercare" && e.name !== "node_modules") walk(full);
      } else if (isTempFile(e.name)) out.push(relative(root, full).split(sep).join("/"));
    }
  };
  walk(root);
  return out.sort();
}

interface Diagnosis {
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
  /** the repository is not set up for many files (git-setup.ts MANY_FILES) */
  manyFiles: boolean;
  store?: Store;
}

async function diagnose(ctx: Context, root: string, opts: { underLock?: boolean } = {}): Promise<Diagnosis> {
  const d: Diagnosis = { findings: [], toCommit: [], toMove: [], temps: [], locks: [], hooks: false, manyFiles: false };
  const add = (f: Finding) => d.findings.push(f);
  const git = new Git(root, ctx.deps.env);
  const st = await git.state();

  // git itself: a repository git refuses, an unfinished rebase or merge, a detached HEAD
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

  // the store's write lock
  if (!opts.underLock) {
    const lock = inspectLock(root);
    if (lock.held && (lock.dead || (lock.ageMs ?? 0) > 20_000)) {
      add({
        kind: "lock",
        path: ".aftercare/write.lock",
        message: `a stale write lock (${lock.dead ? "its process is gone" : `not refreshed for ${age(lock.ageMs)}`}), held by ${describeHolder(
          lock.holder,
          await ctx.store().then(
            (s) => s.settings.timezone,
            () => undefined,
          ),
        )}: the next write takes it over; 'aftercare doctor --fix' removes it`,
        fixable: true,
      });
      d.locks.push(lock.path);
    } else if (lock.held)
      ctx.io.err(
        `note: a write is in progress: ${describeHolder(
          lock.holder,
          await ctx.store().then(
            (s) => s.settings.timezone,
            () => undefined,
          ),
        )} holds the store's write lock\n`,
      );
  }
  const aftercareDir = join(root, ".aftercare");
  for (const n of existsSync(aftercareDir) ? readdirSync(aftercareDir) : [])
    if (/^write\.lock\.stale-/.test(n)) {
      d.locks.push(join(aftercareDir, n));
      add({
        kind: "lock",
        path: `.aftercare/${n}`,
        message: `a stale lock moved aside and not removed (.aftercare/${n}); 'aftercare doctor --fix' removes it`,
        fixable: true,
      });
    }

  // temporary files of writes that did not finish
  const lock = inspectLock(root);
  const writing = !opts.underLock && lock.held && !lock.dead && (lock.ageMs ?? 0) <= 20_000;
  for (const t of tempFiles(root)) {
    const s = statSync(join(root, t), { throwIfNoEntry: false });
    if (!s || (writing && Date.now() - s.mtimeMs < TEMP_GRACE_MS)) continue;
    d.temps.push(t);
    add({
      kind: "temp",
      path: t,
      message: `${t}: the temporary file of a write that did not finish (${s.size} bytes${s.size === 0 ? ", a full disk?" : ""}); the record it was for is unchanged; 'aftercare doctor --fix' removes it`,
      fixable: true,
    });
  }

  // the records: duplicates, wrong folders, conflict markers, anything else that does not read
  let problems: FileProblem[] = [];
  try {
    d.store = await Store.open(root);
    problems = await checkStore(d.store);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    add({
      kind: "invalid",
      path: SETTINGS_FILE,
      message: `${SETTINGS_FILE} cannot be read: ${e.message.split("\n")[0]}; fix it by hand (conflict markers? 'git diff ${SETTINGS_FILE}')`,
      fixable: false,
    });
  }
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
  if (others.length) {
    const files = [...new Set(others.map((p) => p.path))];
    add({
      kind: "invalid",
      path: files[0],
      message: `${others.length} other problem${others.length > 1 ? "s" : ""} in ${files.length} file${files.length > 1 ? "s" : ""} (first: ${others[0]!.path}:${others[0]!.line}:${others[0]!.col}: ${others[0]!.message}); 'aftercare check' lists them: fix them by hand`,
      fixable: false,
    });
  }

  // writes that are waiting for their commit, when git cannot be asked (missing, or refusing)
  if (!st.repo || st.refused) {
    const waiting = await git.pendingCommits();
    if (waiting.length)
      add({
        kind: "uncommitted",
        message: `${waiting.length} write${waiting.length > 1 ? "s are" : " is"} saved but not committed (first: "${subjectOf(waiting[0]!.message)}", ${waiting[0]!.reason ?? "the command stopped before its commit"}); ${st.repo ? "fix what git says above" : "install git (or put it on PATH)"}, then the next write or 'aftercare doctor --fix' commits them`,
        fixable: false,
      });
  }
  // records saved but not committed
  if (st.repo && !st.refused) {
    const files = (await git.uncommitted()) ?? [];
    const pending = new Map<string, { subject: string; reason?: string }>();
    const notes = await git.pendingCommits();
    for (const p of notes)
      for (const f of p.files) pending.set(f.path, { subject: subjectOf(p.message), reason: p.reason });
    // a write whose files are gone before their commit (reset, undone by hand): say so, once
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

async function author(ctx: Context, git: Git): Promise<{ name: string; email: string }> {
  try {
    const a = await ctx.actor();
    return { name: a.name, email: a.email ?? (await git.configValue("user.email")) ?? "" };
  } catch {
    return {
      name: (await git.configValue("user.name")) ?? "aftercare doctor",
      email: (await git.configValue("user.email")) ?? "",
    };
  }
}

/** Repair what is safe, under the store's lock; one line per repair. */
async function repair(ctx: Context, root: string, d: Diagnosis): Promise<string[]> {
  const done: string[] = [];
  for (const l of d.locks.filter((l) => /\.stale-/.test(l))) {
    rmSync(l, { recursive: true, force: true });
    done.push(`removed ${relative(root, l)}`);
  }
  const staleLock = d.findings.some((f) => f.kind === "lock" && f.path === ".aftercare/write.lock");
  await withLock(
    root,
    async () => {
      if (staleLock) done.push("took over and removed the stale write lock");
      const git = new Git(root, ctx.deps.env);
      const fresh = await diagnose(ctx, root, { underLock: true });
      for (const t of fresh.temps) {
        await fs.rm(join(root, ...t.split("/")), { force: true });
        done.push(`removed the orphan temporary file ${t}`);
      }
      const st = await git.state();
      // settings and the commit-graph commit nothing: set up even while a merge waits
      if (fresh.manyFiles && st.repo && !st.refused) done.push(...(await setUpForManyFiles(git, { only: "missing" })));
      if (!st.repo || st.refused || st.operation || st.detached) return;
      // writes whose commit did not happen: committed with their own message and author
      for (const n of await git.finishEarlierWrites({ name: false })) done.push(n.replace(/^note: /, ""));
      const left = (await diagnose(ctx, root, { underLock: true })).toCommit;
      const who = await author(ctx, git);
      const trailer = `\n\nAftercare-Command: ${ctx.commandLine || "aftercare doctor --fix"}`;
      if (fresh.hooks) {
        const s = await installGitSupport(root, git);
        if (s.written.length) {
          const r = await git.commit(s.written, `aftercare doctor: git support reinstalled${trailer}`, who);
          if (!r.committed) done.push(`could not commit ${s.written.join(", ")}: ${r.reason}`);
        }
        done.push("reinstalled the pre-commit check and the merge driver for this aftercare");
      }
      const moved: string[] = [];
      let records = 0;
      for (const [from, to] of fresh.toMove) {
        await fs.mkdir(join(root, ...to.split("/"), ".."), { recursive: true });
        const tracked = (await git.run(["ls-files", "--error-unmatch", "--", from])).code === 0;
        await fs.rename(join(root, ...from.split("/")), join(root, ...to.split("/")));
        moved.push(...(tracked ? [from, to] : [to]));
        done.push(`moved ${from} to ${to}, where its ID puts it`);
        records++;
      }
      if (moved.length) {
        const r = await git.commit(
          moved,
          `aftercare doctor: ${records > 1 ? `${records} records` : "a record"} moved to the folder ${records > 1 ? "their IDs put them" : "its ID puts it"} in${trailer}`,
          who,
        );
        if (!r.committed) done.push(`could not commit the move: ${r.reason}`);
      }
      const toCommit = left.filter((p) => !moved.includes(p));
      if (toCommit.length) {
        const n = toCommit.length;
        const message = `aftercare doctor: commit ${n} record file${n > 1 ? "s" : ""} left uncommitted\n\n${toCommit.map((p) => `- ${p}`).join("\n")}\n\nFound changed but not committed (a write killed before its commit, or a hand edit), and valid.${trailer}`;
        const r = await git.commit(toCommit, message, who);
        done.push(
          r.committed
            ? `committed ${n} record file${n > 1 ? "s" : ""} left uncommitted (${r.sha}): ${toCommit.slice(0, 5).join(", ")}${n > 5 ? ", …" : ""}`
            : `could not commit ${toCommit.join(", ")}: ${r.reason}`,
        );
      }
    },
    {
      who: (await author(ctx, new Git(root, ctx.deps.env))).name,
      command: "doctor --fix",
      onWait: (l) => ctx.io.err(`${l}\n`),
    },
  );
  return done;
}

export async function doctor(
  ctx: Context,
  opts: { fix?: boolean } = {},
): Promise<{ exitCode: number; findings: Finding[]; fixed: string[] }> {
  const root = await ctx.storeRoot();
  if (!existsSync(join(root, SETTINGS_FILE)))
    throw new UserError(`no aftercare store at ${root} (${SETTINGS_FILE} not found); point --records at the store`);
  let d = await diagnose(ctx, root);
  let fixed: string[] = [];
  if (opts.fix && d.findings.some((f) => f.fixable)) {
    fixed = await repair(ctx, root, d);
    d = await diagnose(ctx, root);
  }
  // every finding with the same keys: path null when it is about no one file (docs/json.md)
  const findings = d.findings.map((f) => ({
    kind: f.kind,
    path: f.path ?? null,
    message: f.message,
    fixable: f.fixable,
  }));
  if (ctx.json) ctx.io.out(JSON.stringify({ findings, fixed }, null, 2) + "\n");
  else {
    for (const f of fixed) ctx.io.out(`fixed: ${f}\n`);
    for (const f of d.findings) ctx.io.out(`${f.message}\n`);
    if (!d.findings.length && !fixed.length)
      ctx.io.err("the store is sound: nothing left by a crash, a full disk or a merge\n");
    else if (d.findings.some((f) => f.fixable) && !opts.fix)
      ctx.io.err("'aftercare doctor --fix' repairs what is marked so, and commits it; it never deletes a record\n");
  }
  return { exitCode: d.findings.length ? 1 : 0, findings: d.findings, fixed };
}
