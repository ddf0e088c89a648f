// aftercare check: read every record and report every problem as path:line:col: message.
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Context } from "../context.js";
import { refusal } from "../errors.js";
import { jsonText } from "../format/json.js";
import { t, wordedText } from "../i18n.js";
import { calendarCheck } from "../services/calendar-check.js";
import { checkStore } from "../services/store-check.js";
import { Git, subjectOf } from "../store/git.js";
import { Store, type FileProblem } from "../store/store.js";
import { commitReasonText } from "../store/git/reason-words.js";

/**
 * --staged: check what the next commit would hold — the index git gives the pre-commit hook
 * (GIT_INDEX_FILE: `git commit -a` and `git commit PATH` build one of their own), else the
 * repository's index — not the working files. Only problems the commit brings are refused: a
 * commit that fixes one broken file while another stays broken goes through.
 * Without --staged, record files changed but not committed are named on stderr.
 */
export async function check(ctx: Context, opts: { staged?: boolean; full?: boolean } = {}): Promise<FileProblem[]> {
  return opts.staged ? checkStaged(ctx) : checkWorkingFiles(ctx, !!opts.full);
}

/** The store's files as they are: every problem, the working calendar's, and the files not committed. */
async function checkWorkingFiles(ctx: Context, full: boolean): Promise<FileProblem[]> {
  const progress = progressLine(
    300,
    ctx.locale().catch(() => "en"),
  );
  const store = await ctx.store();
  let found: FileProblem[];
  try {
    const onWorkerError = ctx.globals.debug
      ? (e: unknown) =>
          ctx.io.err(
            `debug: the read workers failed; the files were read in one thread: ${e instanceof Error ? e.message : String(e)}\n`,
          )
      : undefined;
    found = await checkStore(store, { full, onProgress: progress?.update, onWorkerError, env: ctx.deps.env });
  } finally {
    progress?.clear();
  }
  // the working calendar: a calendar.source its library does not know is a problem of
  // aftercare.yaml; a year without public holidays a warning (it is no broken record)
  found.push(...(await calendarCheck(ctx, store)));
  const problems = await report(ctx, found);
  await noteUncommitted(ctx, new Git(store.root, ctx.deps.env));
  return problems;
}

/** What the next commit would hold (--staged): only the problems the commit brings. */
async function checkStaged(ctx: Context): Promise<FileProblem[]> {
  const progress = progressLine(
    300,
    ctx.locale().catch(() => "en"),
  );
  const root = await ctx.storeRoot();
  const git = new Git(root, ctx.deps.env);
  const st = await git.state();
  if (st.refused) throw refusal("rf.stagedRefused", { why: st.refused });
  if (!st.repo) throw refusal("rf.stagedNoRepo", { root });
  const given = ctx.deps.env.GIT_INDEX_FILE;
  const index = given ? { GIT_INDEX_FILE: resolve(ctx.deps.cwd, given) } : {};
  const prefix = await git.prefix();
  const tmp = await fs.mkdtemp(join(tmpdir(), "aftercare-staged-"));
  try {
    const out = await git.run(["checkout-index", "--all", `--prefix=${tmp}/staged/`], index);
    if (out.code !== 0) throw refusal("rf.stagedIndex", { why: out.stderr.trim() });
    let problems: FileProblem[];
    try {
      // a tree of its own each time: nothing to remember between runs
      problems = await checkStore(await Store.open(join(tmp, "staged", prefix)), {
        memo: false,
        onProgress: progress?.update,
        env: ctx.deps.env,
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
        const list = files.slice(0, 3).join(", ") + (files.length > 3 ? ", …" : "");
        ctx.io.err(`${(await ctx.say()).t("ck.stillBroken", { n: files.length, files: list })}\n`);
      }
    }
    if (problems.length) ctx.io.err(`${(await ctx.say()).t("ck.hook")}\n`);
    return await report(ctx, problems);
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
  const say = await ctx.say();
  const pending = new Map<string, string>();
  for (const p of await git.pendingCommits())
    for (const f of p.files)
      pending.set(
        f.path,
        say.t(p.reason ? "ck.pendingWhy" : "ck.pending", {
          subject: subjectOf(p.message),
          reason: p.reason ? commitReasonText(say.locale, p.reason) : "",
        }),
      );
  for (const f of files) {
    const why =
      pending.get(f.path) ??
      say.t(
        f.status === "conflicted"
          ? "ck.conflicted"
          : f.status === "deleted"
            ? "ck.deleted"
            : f.status === "new"
              ? "ck.new"
              : "ck.changed",
      );
    ctx.io.err(`${say.t("note.prefix", { text: `${f.path}: ${why}` })}\n`);
  }
}

async function report(ctx: Context, problems: FileProblem[]): Promise<FileProblem[]> {
  const locale = await ctx.locale().catch(() => "en");
  if (ctx.json) ctx.io.out(jsonText(problems.map(({ path, line, col, message }) => ({ path, line, col, message }))));
  else
    for (const p of problems)
      ctx.io.out(`${p.path}:${p.line}:${p.col}: ${p.worded ? wordedText(locale, p.worded) : p.message}\n`);
  return problems;
}

/**
 * A single line on stderr while many files are read, updated at most ten times a second and
 * cleared at the end; only on a terminal (never in a pipe, cron or a test), and only once the
 * check has taken longer than `delayMs`.
 */
export function progressLine(
  delayMs = 300,
  locale: Promise<string> = Promise.resolve("en"),
): { update: (done: number, total: number) => void; clear: () => void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  let say = "en";
  void locale.then((l) => (say = l));
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < delayMs || (done < total && now - last < 100)) return;
      last = now;
      shown = true;
      const counts = { done: done.toLocaleString("en"), total: total.toLocaleString("en") };
      process.stderr.write(`\r\x1b[2K${t(say, "rf.checking", counts)}`);
    },
    clear() {
      if (shown) process.stderr.write("\r\x1b[2K");
      shown = false;
    },
  };
}
