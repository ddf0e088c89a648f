// The repository, found from the files (what `git rev-parse` would say, without a process): where
// the work tree and .git are, which branch HEAD is on, what a ref points at, an operation under way.
import { existsSync, lstatSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { readText } from "./files.js";

/** A repository found from the files: everything a write needs to know about where git keeps things. */
export interface RepoLocation {
  /** the top of the work tree (physical path) */
  top: string;
  /** the .git folder of this work tree: HEAD, index, rebase-merge… */
  gitDir: string;
  /** where objects, refs and config live (the main .git for a linked worktree) */
  commonDir: string;
  /** the store's folder inside the work tree: "" at the top, else "sub/dir/" */
  prefix: string;
}

export interface RepoState {
  repo: boolean;
  gitDir?: string;
  branch?: string;
  detached: boolean;
  /** a rebase, merge, cherry-pick or revert left unfinished */
  operation?: "rebase" | "merge" | "cherry-pick" | "revert";
  /** git refuses the repository (another user's, broken): why and what to do, in one line */
  refused?: string;
}

/** A full object name: sha1 (40) or sha256 (64). */
export const OID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * The repository git would use from `cwd`, found the way git finds it (a .git folder or gitfile in
 * `cwd` or a folder above it), or "none" when there is none up to the root. "unsure" when git
 * itself must be asked: a repository owned by another user (git may refuse it, or trust it through
 * safe.directory), a broken .git, a bare repository on the way up, a file-system boundary,
 * core.worktree, an unknown repository format.
 */
export function locateRepo(cwd: string, env: NodeJS.ProcessEnv = process.env): RepoLocation | "none" | "unsure" {
  let here: string;
  let device: number;
  try {
    here = realpathSync(cwd);
    device = statSync(here).dev;
  } catch {
    return "unsure";
  }
  for (let dir = here; ;) {
    const dotGit = join(dir, ".git");
    const st = statSync(dotGit, { throwIfNoEntry: false });
    if (st?.isDirectory()) return isGitDir(dotGit) ? finishLocation(dir, dotGit, undefined, here, env) : "unsure";
    if (st?.isFile()) {
      const m = /^gitdir: (.+?)\s*$/.exec(readText(dotGit) ?? "");
      if (!m) return "unsure";
      const target = resolve(dir, m[1]!);
      return isGitDir(target) ? finishLocation(dir, target, dotGit, here, env) : "unsure";
    }
    if (st) return "unsure";
    // a bare repository on the way up is a repository to git
    if (existsSync(join(dir, "HEAD")) && isGitDir(dir)) return "unsure";
    const up = dirname(dir);
    if (up === dir) return "none";
    // git stops at a file-system boundary (GIT_DISCOVERY_ACROSS_FILESYSTEM is not passed on)
    const upDevice = statSync(up, { throwIfNoEntry: false })?.dev;
    if (upDevice !== device) return "unsure";
    dir = up;
  }
}

/** git's is_git_directory: HEAD that names a ref or a commit, objects and refs (or a commondir that has them). */
function isGitDir(dir: string): boolean {
  const pointer = readText(join(dir, "commondir"));
  const common = pointer !== undefined ? resolve(dir, pointer.trim()) : dir;
  if (!statSync(join(common, "objects"), { throwIfNoEntry: false })?.isDirectory()) return false;
  if (!statSync(join(common, "refs"), { throwIfNoEntry: false })?.isDirectory()) return false;
  const head = readText(join(dir, "HEAD"));
  return head !== undefined && (/^ref: refs\//.test(head) || /^[0-9a-f]{40}([0-9a-f]{24})?\s*$/.test(head));
}

function finishLocation(
  top: string,
  gitDir: string,
  gitFile: string | undefined,
  here: string,
  env: NodeJS.ProcessEnv,
): RepoLocation | "unsure" {
  const pointer = readText(join(gitDir, "commondir"));
  const commonDir = pointer !== undefined ? resolve(gitDir, pointer.trim()) : gitDir;
  // settings that move the work tree or change what a repository is: git decides
  const config = readText(join(commonDir, "config")) ?? "";
  const version = /^[ \t]*repositoryformatversion[ \t]*=[ \t]*(\S*)/im.exec(config)?.[1];
  if (
    /^[ \t]*worktree[ \t]*=/im.test(config) ||
    /^[ \t]*bare[ \t]*=[ \t]*(true|yes|on|1)[ \t]*$/im.test(config) ||
    (version !== undefined && version !== "0" && version !== "1")
  )
    return "unsure";
  // git refuses a repository that is not the user's own unless safe.directory says otherwise
  const uid = typeof process.geteuid === "function" ? process.geteuid() : undefined;
  if (uid === undefined || (uid === 0 && env.SUDO_UID)) return "unsure";
  for (const p of [top, gitDir, gitFile])
    if (p !== undefined && lstatSync(p, { throwIfNoEntry: false })?.uid !== uid) return "unsure";
  const rel = relative(top, here).split(sep).join("/");
  return { top, gitDir, commonDir, prefix: rel ? `${rel}/` : "" };
}

/** HEAD of a work tree: the branch it is on (refs/heads/…), or detached at a commit. */
export function readHead(gitDir: string): { ref?: string; oid?: string } | undefined {
  if (lstatSync(join(gitDir, "HEAD"), { throwIfNoEntry: false })?.isSymbolicLink()) return undefined;
  const text = readText(join(gitDir, "HEAD"))?.trim();
  if (!text) return undefined;
  const ref = /^ref: (\S+)$/.exec(text);
  if (ref) return { ref: ref[1]! };
  return OID.test(text) ? { oid: text } : undefined;
}

/** The commit a ref points at: its loose file, else packed-refs; null when it does not exist yet (a new branch). */
export function resolveRef(loc: RepoLocation, ref: string): string | null | undefined {
  const loose = readText(
    join(
      ref.startsWith("refs/heads/") || ref.startsWith("refs/tags/") || ref.startsWith("refs/remotes/")
        ? loc.commonDir
        : loc.gitDir,
      ...ref.split("/"),
    ),
  );
  if (loose !== undefined) {
    const t = loose.trim();
    return OID.test(t) ? t : undefined;
  }
  const packed = readText(join(loc.commonDir, "packed-refs"));
  if (packed)
    for (const line of packed.split("\n"))
      if (line.endsWith(` ${ref}`) && /^[0-9a-f]{40}/.test(line)) return line.slice(0, line.indexOf(" "));
  return null;
}

/** A rebase, merge, cherry-pick or revert left unfinished in a work tree's .git. */
export function operationIn(dir: string): RepoState["operation"] {
  const has = (p: string) => existsSync(join(dir, p));
  return has("rebase-merge") || has("rebase-apply")
    ? "rebase"
    : has("MERGE_HEAD")
      ? "merge"
      : has("CHERRY_PICK_HEAD")
        ? "cherry-pick"
        : has("REVERT_HEAD")
          ? "revert"
          : undefined;
}
