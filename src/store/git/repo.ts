// The store's repository as one object: where it is, what state it is in, its settings, and git
// run with the store's own settings and none of the user's surprises (no file-system monitor, no
// hooks but aftercare's own, paths shown as they are). Reading only: commits are in commit.ts.
import { join, resolve } from "node:path";
import { refusal as refusalOf, UserError } from "../../errors.js";
import { configKey, gitBool, readConfig, type ConfigValues } from "./config.js";
import { locateRepo, operationIn, readHead, resolveRef, type RepoLocation, type RepoState } from "./locate.js";
import { repoRefusal } from "./refusal.js";
import { spawnGit, spawnGitBytes, type GitRun } from "./run.js";
import { parseStatus, RECORD_PATHS, type UncommittedFile } from "./uncommitted.js";

/**
 * Where aftercare's own hooks for its own git calls live (`core.hooksPath` while aftercare runs
 * git): inside the repository's .git, never in the working tree, so a clone cannot bring hooks
 * with it. Empty by default: aftercare validates what it writes before it commits.
 */
export const OWN_HOOKS = join("aftercare", "hooks");

/** The repository's .git of each folder, as git said it (only where the files did not). */
const gitDirs = new Map<string, string | null>();

const REV_PARSE_GIT_DIR = ["-c", "core.fsmonitor=false", "rev-parse", "--absolute-git-dir"];

export class GitRepo {
  /** the language of the notes a write leaves (the store's, set by the Context) */
  locale = "en";
  constructor(
    readonly cwd: string,
    protected readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  protected spawn(args: string[], extraEnv: NodeJS.ProcessEnv, input?: string): Promise<GitRun> {
    return spawnGit(this.cwd, this.env, args, extraEnv, input);
  }

  /** The repository from the files, or what git says about it when the files cannot tell. */
  location(): RepoLocation | "none" | "unsure" {
    return locateRepo(this.cwd, this.env);
  }

  /** The repository's .git, absolute; undefined outside git. Git is asked only when the files cannot tell. */
  protected async ownGitDir(): Promise<string | undefined> {
    const loc = this.location();
    if (typeof loc === "object") return loc.gitDir;
    if (loc === "none") return undefined;
    if (!gitDirs.has(this.cwd)) {
      const r = await this.spawn(REV_PARSE_GIT_DIR, {});
      if (r.code !== 0) return undefined;
      gitDirs.set(this.cwd, r.stdout.trim());
    }
    return gitDirs.get(this.cwd) ?? undefined;
  }

  /**
   * Run git with the store's settings: no fsmonitor, no hooks but aftercare's own, paths shown
   * as they are. `git config` runs without them, so reading a setting reads the repository's.
   */
  async run(args: string[], extraEnv: NodeJS.ProcessEnv = {}, opts: { input?: string } = {}): Promise<GitRun> {
    if (args[0] === "config") return this.spawn(args, extraEnv, opts.input);
    return this.spawn([...(await this.settings()), ...args], extraEnv, opts.input);
  }

  protected async settings(): Promise<string[]> {
    const dir = await this.ownGitDir();
    const settings = ["-c", "core.fsmonitor=false", "-c", "core.quotepath=off"];
    if (dir) settings.push("-c", `core.hooksPath=${join(dir, OWN_HOOKS)}`);
    return settings;
  }

  /** `rev-parse`, for what the files could not tell: one process, the top, the .git and the prefix. */
  protected async askGit(): Promise<{ run: GitRun; top?: string; gitDir?: string; prefix?: string }> {
    const run = await this.spawn(
      ["-c", "core.fsmonitor=false", "rev-parse", "--show-toplevel", "--absolute-git-dir", "--show-prefix"],
      {},
    );
    if (run.code !== 0) return { run };
    const [top, gitDir, prefix] = run.stdout.split("\n");
    if (gitDir) gitDirs.set(this.cwd, gitDir);
    return { run, top, gitDir, prefix: prefix ?? "" };
  }

  /** The top of the repository holding cwd, or undefined. */
  async topLevel(): Promise<string | undefined> {
    const loc = this.location();
    if (typeof loc === "object") return loc.top;
    if (loc === "none") return undefined;
    const r = await this.askGit();
    return r.run.code === 0 ? r.top : undefined;
  }

  /** The repository's top folder; a clear refusal when git is missing or refuses the repository. */
  async requireRepo(what: "history" | "sync" | "undo" | "redo" | "settle"): Promise<string> {
    const loc = this.location();
    if (typeof loc === "object") return loc.top;
    const r = (await this.askGit()).run;
    if (r.code === 0) return r.stdout.split("\n")[0]!;
    const nothing = { key: `rf.repo.${what}` as const };
    if (r.missing) throw refusalOf("rf.noGit", { what: nothing });
    const refusal = repoRefusal(r.stderr);
    if (refusal) throw new UserError(`${refusal}; nothing was changed`);
    throw refusalOf("rf.noRepo", { cwd: this.cwd, what: nothing });
  }

  async init(): Promise<GitRun> {
    gitDirs.delete(this.cwd);
    const r = await this.run(["init", "--quiet", "--initial-branch=main"]);
    gitDirs.delete(this.cwd);
    return r;
  }

  /** git's settings (see config.ts): asked once, remembered with the files they came from. */
  private config(key?: string): Promise<ConfigValues> {
    return readConfig(
      {
        cwd: this.cwd,
        env: this.env,
        loc: this.location(),
        list: () => this.spawn(["config", "--list", "-z", "--show-origin"], {}),
      },
      key,
    );
  }

  /** A setting's value as `git config --get` gives it (the last one), or undefined when unset or empty. */
  async configValue(key: string): Promise<string | undefined> {
    const all = (await this.config(configKey(key))).get(configKey(key));
    const v = all?.[all.length - 1];
    return v === undefined ? undefined : v === null ? undefined : v.trim() || undefined;
  }

  /** A boolean setting as git reads it; undefined when unset. */
  async configBool(key: string): Promise<boolean | undefined> {
    const all = (await this.config(configKey(key))).get(configKey(key));
    return gitBool(all?.[all.length - 1]);
  }

  /** Where the repository's own files are (.git), absolute. */
  async gitDir(): Promise<string | undefined> {
    return this.ownGitDir();
  }

  /** What state the repository is in, for refusing writes that would go wrong. */
  async state(): Promise<RepoState> {
    const loc = this.location();
    if (typeof loc !== "object") {
      // nothing on disk, or nothing sure: git says whether it is missing, refused, or just no repository
      const probe = await this.spawn(REV_PARSE_GIT_DIR, {});
      if (probe.code === 0) return this.stateFrom(probe.stdout.trim());
      return {
        repo: false,
        detached: false,
        operation: undefined,
        refused: probe.missing ? undefined : repoRefusal(probe.stderr),
      };
    }
    const head = readHead(loc.gitDir);
    if (!head || (head.ref && !head.ref.startsWith("refs/heads/"))) return this.stateFrom(loc.gitDir);
    return {
      repo: true,
      gitDir: loc.gitDir,
      branch: head.ref?.slice("refs/heads/".length),
      detached: head.ref === undefined && operationIn(loc.gitDir) === undefined,
      operation: operationIn(loc.gitDir),
    };
  }

  /** The state of a repository git found, asking git for the branch. */
  private async stateFrom(dir: string): Promise<RepoState> {
    gitDirs.set(this.cwd, dir);
    const branch = await this.run(["symbolic-ref", "-q", "--short", "HEAD"]);
    const operation = operationIn(dir);
    return {
      repo: true,
      gitDir: dir,
      branch: branch.code === 0 ? branch.stdout.trim() : undefined,
      detached: branch.code !== 0 && operation === undefined,
      operation,
    };
  }

  /** The store's prefix inside its repository ("" at the top, else "sub/dir/"). */
  async prefix(): Promise<string> {
    const loc = this.location();
    if (typeof loc === "object") return loc.prefix;
    return (await this.run(["rev-parse", "--show-prefix"])).stdout.trim();
  }

  /** Where objects, refs and the settings live (the main .git of a linked worktree), absolute. */
  async commonDir(): Promise<string | undefined> {
    const loc = this.location();
    if (typeof loc === "object") return loc.commonDir;
    if (loc === "none") return undefined;
    const r = await this.run(["rev-parse", "--git-common-dir"]);
    return r.code === 0 ? resolve(this.cwd, r.stdout.trim()) : undefined;
  }

  /**
   * The contents of objects named `rev:path` (or any name git takes), in one process:
   * `git cat-file --batch`. Undefined for each that does not exist.
   */
  async catFiles(names: string[]): Promise<(string | undefined)[]> {
    if (!names.length) return [];
    const args = [...(await this.settings()), "cat-file", "--batch"];
    const out = await spawnGitBytes(this.cwd, this.env, args, names.map((n) => `${n}\n`).join(""));
    return out ? catFileBlobs(out, names.length) : names.map(() => undefined);
  }

  /** The commit HEAD is at (full), from the files; undefined on a new branch or when the files cannot tell. */
  headCommit(): string | undefined {
    const loc = this.location();
    if (typeof loc !== "object") return undefined;
    const head = readHead(loc.gitDir);
    if (head?.oid) return head.oid;
    return head?.ref ? (resolveRef(loc, head.ref) ?? undefined) : undefined;
  }

  /**
   * Files under `pathspecs` (relative to cwd) that differ from the last commit: changed, new,
   * deleted or conflicted. Dot-files (temporary files) and .gitkeep are left out. Undefined when
   * git cannot say (not a repository, git missing, a refusal).
   */
  async uncommitted(pathspecs: readonly string[] = RECORD_PATHS): Promise<UncommittedFile[] | undefined> {
    const st = await this.run([
      "status",
      "--porcelain=v1",
      "-z",
      "--untracked-files=all",
      "--no-renames",
      "--",
      ...pathspecs,
    ]);
    if (st.code !== 0) return undefined;
    return parseStatus(st.stdout, await this.prefix());
  }
}

/** `cat-file --batch` output read into each object's text (undefined for a missing one, or one that is no blob). */
function catFileBlobs(out: Buffer, count: number): (string | undefined)[] {
  const result: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const nl = out.indexOf(10, at);
    if (nl < 0) break;
    const header = out.subarray(at, nl).toString("utf8");
    at = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      result.push(undefined); // "<name> missing" (or ambiguous)
      continue;
    }
    const size = Number(m[2]);
    result.push(m[1] === "blob" ? out.subarray(at, at + size).toString("utf8") : undefined);
    at += size + 1;
  }
  while (result.length < count) result.push(undefined);
  return result;
}
