// aftercare check: read every record and report every problem as path:line:col: message.
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Context } from "../context.js";
import { UserError } from "../errors.js";
import { Git, subjectOf } from "../store/git.js";
import { checkRecords } from "../domain/check.js";
import type { RecordKind } from "../domain/ids.js";
import { pathOf, SETTINGS_FILE, Store, type FileProblem, type Loaded } from "../store/store.js";
import { locate } from "../store/yaml.js";

const KINDS: RecordKind[] = ["customer", "ticket", "contact", "event", "waiver"];

/**
 * --staged: check what the next commit would hold — the index git gives the pre-commit hook
 * (GIT_INDEX_FILE: `git commit -a` and `git commit PATH` build one of their own), else the
 * repository's index — not the working files. Only problems the commit brings are refused: a
 * commit that fixes one broken file while another stays broken goes through.
 * Without --staged, record files changed but not committed are named on stderr.
 */
export async function check(ctx: Context, opts: { staged?: boolean } = {}): Promise<FileProblem[]> {
  if (!opts.staged) {
    const store = await ctx.store();
    const problems = report(ctx, await checkStore(store));
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
    let problems = await checkStore(await Store.open(join(tmp, "staged", prefix)));
    let before: FileProblem[] = [];
    if (problems.length) {
      // what the last commit already had is not this commit's doing
      before = await problemsAtHead(git, join(tmp, "head"), prefix);
      const had = new Set(before.map(key));
      const known = problems.filter((p) => had.has(key(p)));
      problems = problems.filter((p) => !had.has(key(p)));
      if (known.length && !problems.length) {
        const files = [...new Set(known.map((p) => p.path))];
        ctx.io.err(`note: ${files.length} file${files.length > 1 ? "s" : ""} already broken in the last commit ${files.length > 1 ? "are" : "is"} still broken (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""}); see 'aftercare check'\n`);
      }
    }
    if (problems.length) ctx.io.err(`the commit would break the aftercare store; fix these and stage them again (or commit with --no-verify to skip this check):\n`);
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
    return await checkStore(await Store.open(join(dir, "tree", prefix)));
  } catch {
    return [];
  }
}

/** Record files git shows as changed but not committed, one note line each, on stderr. */
export async function noteUncommitted(ctx: Context, git: Git): Promise<void> {
  const files = await git.uncommitted();
  if (!files?.length) return;
  const pending = new Map<string, string>();
  for (const p of await git.pendingCommits()) for (const f of p.files) pending.set(f.path, `saved by "${subjectOf(p.message)}" but not committed${p.reason ? ` (${p.reason})` : ""}; the next write or 'aftercare doctor --fix' commits it`);
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

export async function checkStore(store: Store): Promise<FileProblem[]> {
  const problems: FileProblem[] = [];
  const records: Loaded[] = [];
  for (const kind of KINDS) {
    const r = await store.load(kind);
    // one by one: a spread of 150,000 records overflows the call stack (RangeError)
    for (const p of r.problems) problems.push(p);
    for (const x of r.records) records.push(x);
  }
  const byPath = new Map(records.map((r) => [r.path, r]));
  const safePathOf = (id: string) => {
    try {
      return pathOf(id);
    } catch {
      return "";
    }
  };
  for (const f of checkRecords({ settings: store.settings, records, pathOf: safePathOf })) {
    const rec = byPath.get(f.path);
    const parsed = rec?.parsed ?? (f.path === SETTINGS_FILE ? store.settingsParsed : undefined);
    const at = parsed ? locate(parsed, f.field) : { line: 1, col: 1 };
    problems.push({ path: f.path, ...at, message: f.message });
  }
  problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.col - b.col);
  return problems;
}
