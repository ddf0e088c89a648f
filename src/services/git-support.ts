// What aftercare installs in a store's git repository: a merge driver that merges records field by
// field, a pre-commit hook that refuses a commit which would break the store, and a pre-push hook
// that refuses to send one (a plain 'git push' checks what 'aftercare sync' checks). All find
// aftercare at the path recorded when they were installed, re-checked each time, else on PATH,
// and fail safe when it is gone: the hook says what to do, the driver leaves git's conflict
// markers (never "ours" alone, which a 'git add' would take as the merge).
import type { Worded } from "../i18n.js";
import { said, type Said } from "./many-files.js";
import { existsSync, promises as fs } from "node:fs";
import { basename, join } from "node:path";
import { BIN, shq } from "../paths.js";
import { exists, writeAtomic } from "../store/fsutil.js";
import type { Git } from "../store/git.js";

const ATTRIBUTES =
  "# aftercare: merge records field by field (aftercare init --hooks sets up the driver)\n*.yaml merge=aftercare\n";
const HOOK_MARK = "# installed by aftercare";
/** The line of an installed hook or driver that records which aftercare it calls. */
const BIN_MARK = "aftercare-bin";
const HOW_TO_REINSTALL = "re-run 'aftercare init --hooks' after moving it";

export interface GitSupport {
  /** files written in the store that belong in the next commit */
  written: string[];
  /** what a person must do by hand (a hook of their own), worded when shown */
  notes: Worded[];
}

/** This aftercare, as the hook and driver record it: node and the bin script, absolute. */
function self(): { node: string; bin: string } {
  return { node: process.execPath, bin: BIN };
}

/**
 * sh that sets "$@" to the command running aftercare: the recorded one if it is still there,
 * else `aftercare` on PATH, else `missing` runs. Expects $node and $bin.
 */
const FIND = (missing: string) => `if [ -f "$bin" ] && [ -x "$node" ]; then set -- "$node" "$bin"
elif [ -f "$bin" ] && [ -x "$bin" ]; then set -- "$bin"
elif command -v aftercare >/dev/null 2>&1; then set -- aftercare
else
${missing}
fi`;

/** The pre-commit hook: aftercare check --staged, on the index git is about to commit. */
export function hookScript(prefix: string, who = self()): string {
  return `#!/bin/sh
${HOOK_MARK}: refuse a commit that would break the aftercare store (aftercare check on what is staged).
# ${BIN_MARK}: ${who.bin}
# aftercare's own commits are validated before they are written.
[ -n "$AFTERCARE_COMMITTING" ] && exit 0
node=${shq(who.node)}
bin=${shq(who.bin)}
${FIND(`  echo "aftercare is not found at $bin; ${HOW_TO_REINSTALL} (or install it on PATH); to commit without the check: git commit --no-verify" >&2
  exit 1`)}
top=$(git rev-parse --show-toplevel) || exit 1
exec "$@" check --staged --records "$top"/${shq(prefix || ".")}
`;
}

/**
 * The merge driver as git runs it (through sh, with %O %A %B %P). When aftercare is gone, or
 * exits without marking a conflict it reports, git's own line merge writes the result with
 * conflict markers into %A: a conflict is never left holding only our side.
 */
export function driverCommand(who = self()): string {
  const script = `node="$1"; bin="$2"; O="$3"; A="$4"; B="$5"; P="$6"
${FIND(`  echo "aftercare is not found at $bin; ${HOW_TO_REINSTALL}; $P is merged line by line instead: look for conflict markers" >&2
  git merge-file -L "\${AFTERCARE_MERGE_OURS:-ours}" -L base -L "\${AFTERCARE_MERGE_THEIRS:-theirs}" "$A" "$O" "$B" && exit 0
  exit 1`)}
"$@" merge-driver "$O" "$A" "$B" "$P" && exit 0
grep -q '^<<<<<<< ' "$A" 2>/dev/null && exit 1
echo "aftercare's merge driver failed on $P; it is merged line by line instead: look for conflict markers" >&2
git merge-file -L "\${AFTERCARE_MERGE_OURS:-ours}" -L base -L "\${AFTERCARE_MERGE_THEIRS:-theirs}" "$A" "$O" "$B"
exit 1`;
  return `sh -c ${shq(script)} ${BIN_MARK} ${shq(who.node)} ${shq(who.bin)} %O %A %B %P`;
}

/** The pre-push hook: aftercare pre-push, on the commits git is about to send. */
export function prePushScript(prefix: string, who = self()): string {
  return `#!/bin/sh
${HOOK_MARK}: refuse to push commits that would break the aftercare store (aftercare pre-push on what is sent).
# ${BIN_MARK}: ${who.bin}
node=${shq(who.node)}
bin=${shq(who.bin)}
${FIND(`  echo "aftercare is not found at $bin; ${HOW_TO_REINSTALL} (or install it on PATH); to push without the check: git push --no-verify" >&2
  exit 1`)}
top=$(git rev-parse --show-toplevel) || exit 1
exec "$@" pre-push "$1" --records "$top"/${shq(prefix || ".")}
`;
}

/** The aftercare path recorded in a hook's text or a driver's command line. */
export function recordedBin(text: string): string | undefined {
  const hook = new RegExp(`^# ${BIN_MARK}: (.+)$`, "m").exec(text);
  if (hook) return hook[1]!.trim();
  const driver = new RegExp(`${BIN_MARK} '(?:[^']|'\\\\'')*' '((?:[^']|'\\\\'')*)'`).exec(text);
  if (driver) return driver[1]!.replace(/'\\''/g, "'");
  // older aftercare: the bin script by its absolute path, right after node's
  const old = /^(?:exec )?'[^']*' '([^']*)' (?:check|merge-driver)/m.exec(text);
  return old?.[1];
}

/** Where the pre-commit hook (or another of `name`) that a person's `git commit` runs lives. */
export async function hookPath(root: string, git: Git, name = "pre-commit"): Promise<string | undefined> {
  const gitDir = await git.gitDir();
  if (!gitDir) return undefined;
  const hooksPath = (await git.configValue("core.hooksPath")) ?? join(gitDir, "hooks");
  return join(hooksPath.startsWith("/") ? hooksPath : join(root, hooksPath), name);
}

/** Write a hook of aftercare's, unless one of the user's own is there: then the line to add to it. */
async function writeHook(path: string, script: string, line: string): Promise<Worded | undefined> {
  const existing = (await exists(path)) ? await fs.readFile(path, "utf8") : undefined;
  if (existing !== undefined && !existing.includes(HOOK_MARK))
    return { key: "gs.ownHook", params: { hook: basename(path), path, line } };
  await fs.mkdir(join(path, ".."), { recursive: true });
  await fs.writeFile(path, script, { mode: 0o755 });
  await fs.chmod(path, 0o755);
  return undefined;
}

/**
 * Whether this clone lacks what a store set up for git needs (.gitattributes names the merge
 * driver, the repository has a remote, but git's settings lack the driver, or the pre-commit hook
 * is missing): a few small files read, no git process.
 */
export async function lacksGitSupport(root: string, git: Git): Promise<boolean> {
  if (!existsSync(join(root, ".gitattributes"))) return false;
  if (!/merge=aftercare/.test(await fs.readFile(join(root, ".gitattributes"), "utf8").catch(() => ""))) return false;
  // a clone: a repository with a remote (a store set up by hand without one is doctor's to name)
  const common = await git.commonDir();
  if (!common || !/^\s*\[remote "/m.test(await fs.readFile(join(common, "config"), "utf8").catch(() => "")))
    return false;
  if (!(await git.configValue("merge.aftercare.driver"))) return true;
  const hook = await hookPath(root, git);
  return hook !== undefined && !existsSync(hook);
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
  await git.run(["config", "merge.aftercare.driver", driverCommand()]);
  const prefix = await git.prefix();
  const commitNote = await writeHook((await hookPath(root, git))!, hookScript(prefix), `${shq(BIN)} check --staged`);
  if (commitNote) out.notes.push(commitNote);
  const pushNote = await writeHook(
    (await hookPath(root, git, "pre-push"))!,
    prePushScript(prefix),
    `${shq(BIN)} pre-push "$1"`,
  );
  if (pushNote) out.notes.push(pushNote);
  return out;
}

/** What is wrong with the hook and the merge driver, one line each; empty when both are sound. */
export async function gitSupportProblems(root: string, git: Git): Promise<Said[]> {
  const out: Said[] = [];
  const st = await git.state();
  if (!st.repo) return out;
  const hook = await hookPath(root, git);
  const text = hook && existsSync(hook) ? await fs.readFile(hook, "utf8") : undefined;
  const attrs = existsSync(join(root, ".gitattributes")) ? await fs.readFile(join(root, ".gitattributes"), "utf8") : "";
  // a store that was never set up for the hooks (no merge=aftercare) is not told off for lacking them
  if (text === undefined && /merge=aftercare/.test(attrs)) out.push(said("gs.noPreCommit", { hook: String(hook) }));
  else if (text?.includes(HOOK_MARK)) {
    const bin = recordedBin(text);
    if (bin && !existsSync(bin)) out.push(said("gs.hookGone", { bin }));
    else if (!text.includes(BIN_MARK)) out.push(said("gs.hookOld"));
  }
  const push = await hookPath(root, git, "pre-push");
  if (text?.includes(HOOK_MARK) && push && !existsSync(push)) out.push(said("gs.noPrePush", { push }));
  const driver = await git.configValue("merge.aftercare.driver");
  if (/merge=aftercare/.test(attrs) || driver) {
    if (!driver) out.push(said("gs.noDriver"));
    else {
      const bin = recordedBin(driver);
      if (bin && !existsSync(bin)) out.push(said("gs.driverGone", { bin }));
      else if (!driver.includes(BIN_MARK)) out.push(said("gs.driverOld"));
    }
  }
  return out;
}
