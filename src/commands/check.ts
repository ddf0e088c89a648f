// aftercare check: read every record and report every problem as path:line:col: message.
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Context } from "../context.js";
import { UserError } from "../errors.js";
import { Git } from "../store/git.js";
import { checkRecords } from "../domain/check.js";
import type { RecordKind } from "../domain/ids.js";
import { pathOf, SETTINGS_FILE, Store, type FileProblem, type Loaded } from "../store/store.js";
import { locate } from "../store/yaml.js";

const KINDS: RecordKind[] = ["customer", "ticket", "contact", "event", "waiver"];

/**
 * --staged: check what the next commit would hold (the git index), not the working files; the
 * pre-commit hook runs this.
 */
export async function check(ctx: Context, opts: { staged?: boolean } = {}): Promise<FileProblem[]> {
  if (!opts.staged) return report(ctx, await checkStore(await ctx.store()));
  const root = await ctx.storeRoot();
  const git = new Git(root, ctx.deps.env);
  if (!(await git.topLevel())) throw new UserError(`--staged: ${root} is not in a git repository`);
  const prefix = (await git.run(["rev-parse", "--show-prefix"])).stdout.trim();
  const tmp = await fs.mkdtemp(join(tmpdir(), "aftercare-staged-"));
  try {
    const out = await git.run(["checkout-index", "--all", `--prefix=${tmp}/`]);
    if (out.code !== 0) throw new UserError(`--staged: could not read the git index (${out.stderr.trim()})`);
    const problems = await checkStore(await Store.open(join(tmp, prefix)));
    if (problems.length) ctx.io.err(`the commit would break the aftercare store; fix these and stage them again (or commit with --no-verify to skip this check):\n`);
    return report(ctx, problems);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
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
    problems.push(...r.problems);
    records.push(...r.records);
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
