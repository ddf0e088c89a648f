// What aftercare installs in a store's git repository: a merge driver that merges records field by
// field, and a pre-commit hook that refuses a commit which would break the store.
import { promises as fs } from "node:fs";
import { join } from "node:path";
import type { RecordKind } from "../domain/ids.js";
import { SCHEMAS, settingsSchema } from "../domain/schema.js";
import { selfCommand, shq } from "../paths.js";
import { exists, writeAtomic } from "../store/fsutil.js";
import type { Git } from "../store/git.js";
import { mergeRecord } from "../store/merge.js";
import { FOLDERS } from "../store/store.js";

const ATTRIBUTES = "# aftercare: merge records field by field (aftercare init --hooks sets up the driver)\n*.yaml merge=aftercare\n";
const HOOK_MARK = "# installed by aftercare";

export interface GitSupport {
  /** files written in the store that belong in the next commit */
  written: string[];
  notes: string[];
}

/** Idempotent: the merge driver (config), .gitattributes (a store file) and the pre-commit hook. */
export async function installGitSupport(root: string, git: Git): Promise<GitSupport> {
  const out: GitSupport = { written: [], notes: [] };
  const st = await git.state();
  if (!st.repo) return out;
  const attrs = join(root, ".gitattributes");
  const current = (await exists(attrs)) ? await fs.readFile(attrs, "utf8") : "";
  if (!/merge=aftercare/.test(current)) {
    await writeAtomic(attrs, current + (current && !current.endsWith("\n") ? "\n" : "") + ATTRIBUTES);
    out.written.push(".gitattributes");
  }
  await git.run(["config", "merge.aftercare.name", "aftercare: merge records field by field"]);
  await git.run(["config", "merge.aftercare.driver", `${selfCommand()} merge-driver %O %A %B %P`]);
  const prefix = (await git.run(["rev-parse", "--show-prefix"])).stdout.trim();
  const hooksPath = (await git.configValue("core.hooksPath")) ?? join(st.gitDir!, "hooks");
  const hook = join(hooksPath.startsWith("/") ? hooksPath : join(root, hooksPath), "pre-commit");
  const script = `#!/bin/sh
${HOOK_MARK}: refuse a commit that would break the aftercare store (aftercare check on what is staged).
# aftercare's own commits are validated before they are written.
[ -n "$AFTERCARE_COMMITTING" ] && exit 0
top=$(git rev-parse --show-toplevel) || exit 1
exec ${selfCommand()} check --staged --records "$top"/${shq(prefix || ".")}
`;
  const existing = (await exists(hook)) ? await fs.readFile(hook, "utf8") : undefined;
  if (existing === undefined || existing.includes(HOOK_MARK)) {
    await fs.mkdir(join(hook, ".."), { recursive: true });
    await fs.writeFile(hook, script, { mode: 0o755 });
  } else out.notes.push(`a pre-commit hook of your own is already at ${hook}; add this line to it to check the store: ${selfCommand()} check --staged`);
  return out;
}

function keyOrder(path: string): readonly string[] {
  if (path.endsWith("aftercare.yaml")) return Object.keys(settingsSchema.shape);
  const kind = (Object.entries(FOLDERS).find(([, f]) => path.split("/").includes(f))?.[0] ?? "customer") as RecordKind;
  return Object.keys((SCHEMAS[kind] as unknown as { shape: object }).shape);
}

/**
 * git's merge driver: %O %A %B %P. Writes the result into %A; exit 0 when clean, 1 with
 * conflict markers around the fields changed both ways. Anything not a record: git's line merge.
 */
export async function mergeDriver(base: string, ours: string, theirs: string, path: string, git: Git): Promise<number> {
  const [o, a, b] = await Promise.all([base, ours, theirs].map((f) => fs.readFile(f, "utf8")));
  const r = mergeRecord(o!, a!, b!, keyOrder(path));
  if (!r) return (await git.run(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs])).code === 0 ? 0 : 1;
  await fs.writeFile(ours, r.text);
  return r.conflicts.length ? 1 : 0;
}
