// One sync, step by step: the remote, what comes in, the merge, what goes out, the summary; shared
// by `aftercare sync` and `aftercare resolve`, which finishes a sync a conflict stopped.
import { jsonText } from "../format/json.js";
import { promises as fs } from "node:fs";
import { join, resolve } from "node:path";
import type { Context } from "../context.js";
import { UserError } from "../errors.js";
import type { Translator } from "../i18n.js";
import type { Git } from "../store/git.js";
import { Store } from "../store/store.js";
import { checkCommits } from "./outgoing-check.js";
import { describeIncoming, gitReason, plural, sides, type Incoming } from "./sync-words.js";
import { contestedRecords, explainConflicts, howToSettle, unmergedFiles } from "./conflicts.js";

const firstLineOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0]!;

/** How often a push turned away because another desk was first is tried again. */
const PUSH_TRIES = 6;

// ---------------------------------------------------------------------------------------------
// The remote

export interface Link {
  remote: string;
  /** the server's branch this desk syncs with */
  branch: string;
  /** the remote-tracking ref (refs/remotes/origin/main) once the server has the branch */
  upstream?: string;
}

async function linkOf(git: Git, branch: string, say: Translator): Promise<Link> {
  const remotes = (await git.run(["remote"])).stdout.split("\n").filter(Boolean);
  if (!remotes.length) throw new UserError(say.t("sy.noRemote"));
  const r = await git.run([
    "for-each-ref",
    "--format=%(upstream:remotename)%09%(upstream:remoteref)%09%(upstream)",
    `refs/heads/${branch}`,
  ]);
  const [remote, ref, upstream] = r.code === 0 ? r.stdout.trim().split("\t") : [];
  if (remote && ref?.startsWith("refs/heads/") && remotes.includes(remote))
    return { remote, branch: ref.slice("refs/heads/".length), upstream: upstream || undefined };
  return { remote: remotes.includes("origin") ? "origin" : remotes[0]!, branch };
}

export async function fetch(git: Git, link: Link, say: Translator): Promise<void> {
  const r = await git.run(["fetch", "--quiet", link.remote]);
  if (r.code !== 0) throw new UserError(say.t("sy.unreachable", { remote: link.remote, reason: gitReason(r.stderr) }));
  const ref = `refs/remotes/${link.remote}/${link.branch}`;
  link.upstream = (await git.run(["rev-parse", "--verify", "--quiet", ref])).code === 0 ? ref : undefined;
}

/** Commits this desk had from the server that the server no longer has (a force-push), oldest last. */
export async function goneFromServer(
  git: Git,
  upstream: string,
): Promise<{ fork: string; gone: string[] } | undefined> {
  const fp = await git.run(["merge-base", "--fork-point", upstream, "HEAD"]);
  const fork = fp.stdout.trim();
  if (fp.code !== 0 || !fork) return undefined;
  if ((await git.run(["merge-base", "--is-ancestor", fork, upstream])).code === 0) return undefined;
  const gone = (await git.run(["log", "--format=%h %an: %s", fork, `^${upstream}`])).stdout.split("\n").filter(Boolean);
  return gone.length ? { fork, gone } : undefined;
}

export async function incoming(git: Git, range: string): Promise<Incoming> {
  const log = await git.run([
    "log",
    "--no-renames",
    "--no-merges",
    "--name-status",
    "--relative",
    "--format=%x1e%an",
    range,
  ]);
  const commits = log.stdout.split("\x1e").filter((c) => c.trim());
  const authors = [...new Set(commits.map((c) => c.split("\n")[0]!.trim()))];
  const seen = new Map<string, "A" | "M" | "D">();
  for (const c of commits.reverse())
    for (const line of c.split("\n").slice(1)) {
      const m = /^([AMD])\t(.+)$/.exec(line);
      if (m) seen.set(m[2]!, seen.get(m[2]!) === "A" && m[1] === "M" ? "A" : (m[1] as "A" | "M" | "D"));
    }
  return { commits: commits.length, authors, files: [...seen].map(([path, status]) => ({ path, status })) };
}

export const stashes = async (git: Git) =>
  (await git.run(["stash", "list", "--format=%gd%x1f%gs%x1f%cI"])).stdout.split("\n").filter(Boolean);

// ---------------------------------------------------------------------------------------------
// One sync

/** Everything a sync (or `resolve`, finishing one) has done and has to say. */
export interface SyncRun {
  ctx: Context;
  git: Git;
  say: Translator;
  link: Link;
  /** committer and author of a merge, and the marker words for the merge driver */
  env: NodeJS.ProcessEnv;
  came: Incoming;
  sent: number;
  /** lines to say at the end that make the exit code 1 (a stash left behind…) */
  trouble: string[];
}

export async function startRun(ctx: Context): Promise<SyncRun> {
  const git = await ctx.git();
  const say = await ctx.say();
  const st = await git.state();
  const actor = await ctx.actor();
  const email = actor.email ?? (await git.configValue("user.email")) ?? "";
  const { here, there } = sides(say);
  const env = {
    GIT_AUTHOR_NAME: actor.name,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: actor.name,
    GIT_COMMITTER_EMAIL: email,
    AFTERCARE_COMMITTING: "1",
    AFTERCARE_MERGE_OURS: here,
    AFTERCARE_MERGE_THEIRS: there,
  };
  const link = await linkOf(git, st.branch ?? "main", say);
  return { ctx, git, say, link, env, came: { commits: 0, authors: [], files: [] }, sent: 0, trouble: [] };
}

/** Merge what the server has that this desk has not; a conflict stops here with the fields at stake. */
export async function bringIn(run: SyncRun): Promise<void> {
  const { git, say, link } = run;
  if (!link.upstream) return;
  // (counted with merges: a server that has only a merge this desk lacks is still to be merged, else every push is turned away)
  if ((await git.run(["rev-list", "--count", `HEAD..${link.upstream}`])).stdout.trim() === "0") return;
  const came = await incoming(git, `HEAD..${link.upstream}`);
  const before = await stashes(git);
  const message = `sync: merged ${came.commits} change${plural(came.commits)} from ${link.remote} (${came.authors.join(", ")})\n\nAftercare-Command: ${run.ctx.commandLine || "aftercare sync"}`;
  // uncommitted edits are put aside and back as git's --autostash does, but by hand: put back
  // with markers labelled for what they are (git would run the merge driver with the merge's
  // "this desk" / "the server" words, the wrong way round for a stash)
  // git's index brought up to date with the files' stats first: on a store copied or restored
  // (`cp -a`, a backup: every file's inode and change time new) git 2.39's `stash create` exits 1
  // and says nothing; git's own --autostash refreshes the same way
  await git.run(["update-index", "-q", "--refresh"]);
  const stash = await git.run(["stash", "create", "autostash"]);
  if (stash.code !== 0) throw new UserError(say.t("sy.mergeFailed", { reason: gitReason(stash.stderr, stash.stdout) }));
  const put = stash.stdout.trim();
  if (put) await git.run(["reset", "--hard", "--quiet"]);
  const m = await git.run(["merge", "--no-edit", "-m", message, link.upstream], run.env);
  if (m.code !== 0) {
    const merging = (await git.state()).operation === "merge";
    // a merge stopped on a conflict: git puts the edits back when it is finished or aborted, as for its own --autostash
    if (put && merging) await fs.writeFile(join((await git.state()).gitDir!, "MERGE_AUTOSTASH"), `${put}\n`);
    else if (put) await putBack(run, put);
    const list = await contestedRecords(git, "merge");
    if (list.length)
      throw new UserError(`${say.t("sy.stopped")}\n${explainConflicts(list, say)}\n${howToSettle(list, "merge", say)}`);
    throw new UserError(say.t("sy.mergeFailed", { reason: gitReason(m.stderr, m.stdout) }));
  }
  if (put) await putBack(run, put);
  run.came = {
    commits: run.came.commits + came.commits,
    authors: [...new Set([...run.came.authors, ...came.authors])],
    files: [...run.came.files, ...came.files],
  };
  await noteStash(run, before);
}

/** The words on the markers when uncommitted edits are put back over what came in. */
export function stashEnv(run: SyncRun): NodeJS.ProcessEnv {
  return {
    ...run.env,
    AFTERCARE_MERGE_OURS: run.say.t("sy.stashOurs"),
    AFTERCARE_MERGE_THEIRS: run.say.t("sy.stashTheirs"),
  };
}

/** Put uncommitted edits back; when they clash, they are kept in the stash list (as git's --autostash keeps them). */
async function putBack(run: SyncRun, sha: string): Promise<void> {
  const r = await run.git.run(["stash", "apply", "--quiet", sha], stashEnv(run));
  if (r.code !== 0) await run.git.run(["stash", "store", "--quiet", "-m", "autostash", sha]);
}

/** A stash git made and could not put back (an uncommitted edit that clashes with what came in). */
export async function noteStash(run: SyncRun, before: string[]): Promise<void> {
  if ((await stashes(run.git)).length <= before.length) return;
  const files = (await unmergedFiles(run.git)).filter((f) => !f.startsWith("."));
  run.trouble.push(run.say.t("sy.autostash", { files: files.join(", ") || "?", stash: "stash@{0}" }));
}

/** Check what is to be sent, and send it; a push another desk beat is tried again after a fresh merge. */
export async function sendAll(run: SyncRun): Promise<void> {
  const { git, say, link } = run;
  for (let attempt = 0; ; attempt++) {
    const range = ["HEAD", ...(link.upstream ? [`^${link.upstream}`] : [])];
    const ahead = Number((await git.run(["rev-list", "--count", ...range])).stdout.trim());
    if (!ahead) return;
    // what the desk made, not the merges that joined it to the others' work (unless a merge is all there is)
    const made = Number((await git.run(["rev-list", "--count", "--no-merges", ...range])).stdout.trim()) || ahead;
    const problems = await checkCommits(git, link.upstream, "HEAD");
    if (problems.length)
      throw new UserError(
        `${say.t("sy.broken", { n: problems.length })}\n${problems.map((p) => `  ${p.path}:${p.line}:${p.col}: ${p.message}`).join("\n")}\n${say.t("sy.brokenFix")}`,
      );
    const first = !link.upstream;
    const push = await git.run([
      "push",
      "--porcelain",
      ...(first ? ["--set-upstream"] : []),
      link.remote,
      `HEAD:refs/heads/${link.branch}`,
    ]);
    if (push.code === 0) {
      run.sent += made;
      if (first) await noteServerHead(run);
      link.upstream = `refs/remotes/${link.remote}/${link.branch}`;
      return;
    }
    // turned away because another desk's push landed first (or was landing at that moment: the server's ref was locked)
    const beaten =
      /\[rejected\].*\((fetch first|non-fast-forward)\)|cannot lock ref|failed to update ref|\(failed to lock\)/.test(
        `${push.stdout}\n${push.stderr}`,
      );
    if (!beaten)
      throw new UserError(say.t("sy.pushFailed", { remote: link.remote, reason: gitReason(push.stderr, push.stdout) }));
    if (attempt + 1 >= PUSH_TRIES) throw new UserError(say.t("sy.raceLost", { remote: link.remote, n: PUSH_TRIES }));
    // another desk was first: wait a little (longer each time, never in step with the others), bring its work in, try again
    await new Promise((r) => setTimeout(r, (100 << attempt) + Math.floor(Math.random() * 100)));
    await fetch(git, link, say);
    await bringIn(run);
  }
}

/** After the first push: a server whose HEAD names another branch (or one it does not have) gives new clones no store. */
async function noteServerHead(run: SyncRun): Promise<void> {
  const r = await run.git.run(["ls-remote", "--symref", run.link.remote, "HEAD"]);
  if (r.code !== 0) return;
  let head = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(r.stdout)?.[1];
  if (head === run.link.branch) return;
  if (!head) {
    // git does not say where an unborn HEAD points; a server on this machine shows it in its files
    const url = (await run.git.run(["remote", "get-url", run.link.remote])).stdout.trim();
    head = /^ref: refs\/heads\/(\S+)/.exec(
      await fs.readFile(join(resolve(run.git.cwd, url.replace(/^file:\/\//, "")), "HEAD"), "utf8").catch(() => ""),
    )?.[1];
    if (head === run.link.branch) return;
  }
  const was = head ? run.say.t("sy.headNames", { head }) : "";
  run.ctx.io.err(`${run.say.t("sy.serverHead", { branch: run.link.branch, was })}\n`);
}

/** The summary line: what came in, what went out. */
export function summary(run: SyncRun): string {
  const { say, came } = run;
  const said: string[] = [];
  if (came.commits)
    said.push(
      say.t("sy.broughtIn", {
        n: came.commits,
        s: plural(came.commits),
        authors: came.authors.join(say.t("sy.comma")),
        what: describeIncoming(came.files, say) || say.t("sy.noRecord"),
      }),
    );
  if (run.sent) said.push(say.t("sy.sent", { n: run.sent, s: plural(run.sent), remote: run.link.remote }));
  if (!said.length) said.push(say.t("sy.inStep", { remote: run.link.remote }));
  return said.join(say.t("sy.semi"));
}

/** Print the outcome; what came in from elsewhere may itself be broken: said, never thrown. */
export async function finish(run: SyncRun, opts: { summaryTo?: "out" | "err" } = {}): Promise<{ exitCode: number }> {
  const { ctx, say, git } = run;
  if (ctx.json)
    ctx.io.out(jsonText({ remote: run.link.remote, incoming: run.came, sent: run.sent, problems: run.trouble }));
  else if (opts.summaryTo === "err") ctx.io.err(`${summary(run)}\n`);
  else ctx.io.out(`${summary(run)}\n`);
  const root = (await ctx.store()).root;
  if (run.came.files.some((f) => f.path === "aftercare.yaml")) {
    try {
      await Store.open(root);
    } catch (e) {
      ctx.io.err(`${say.t("sy.settingsBroken", { reason: firstLineOf(e) })}\n`);
    }
  }
  const paths = new Set(run.came.files.filter((f) => f.status !== "D").map((f) => f.path));
  if (paths.size && run.link.upstream) {
    // only what came in: the files the merge changed here
    const head = (await git.run(["rev-parse", "HEAD"])).stdout.trim();
    const was = (await git.run(["rev-parse", "--verify", "--quiet", "ORIG_HEAD"])).stdout.trim();
    const problems = was
      ? (await checkCommits(git, was, head)).filter((p) => paths.has(p.path) && p.path !== "aftercare.yaml")
      : [];
    if (problems.length)
      ctx.io.err(
        `${say.t("sy.incomingProblems", { n: problems.length, s: plural(problems.length), first: `${problems[0]!.path}:${problems[0]!.line}: ${problems[0]!.message}` })}\n`,
      );
  }
  for (const t of run.trouble) ctx.io.err(`${t}\n`);
  return { exitCode: run.trouble.length ? 1 : 0 };
}
