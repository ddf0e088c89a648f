// git, called with argument arrays (never a shell) and with the store's own repository even when
// aftercare runs inside another repository's hook.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export interface Author {
  name: string;
  email: string;
}

export interface CommitResult {
  committed: boolean;
  sha?: string;
  /** why nothing was committed, in one line */
  reason?: string;
  /** a hook refused it, or another process held the index lock */
  hook?: boolean;
  lock?: boolean;
}

const KEEP = new Set(["GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS", "GIT_TERMINAL_PROMPT", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM", "GIT_EDITOR"]);

export function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!k.startsWith("GIT_") || KEEP.has(k)) out[k] = v;
  return out;
}

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
  missing?: boolean;
}

export class Git {
  constructor(
    readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<GitRun> {
    return new Promise((resolve) => {
      execFile(
        "git",
        args,
        { cwd: this.cwd, env: { ...cleanEnv(this.env), ...extraEnv, LC_ALL: "C" }, maxBuffer: 64 * 1024 * 1024 },
        (err, stdout, stderr) => {
          const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
          if (e && e.code === "ENOENT") resolve({ code: 127, stdout: "", stderr: "git is not installed", missing: true });
          else resolve({ code: e ? (typeof e.code === "number" ? e.code : 1) : 0, stdout, stderr });
        },
      );
    });
  }

  /** The top of the repository holding cwd, or undefined. */
  async topLevel(): Promise<string | undefined> {
    const r = await this.run(["rev-parse", "--show-toplevel"]);
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  async init(): Promise<GitRun> {
    return this.run(["init", "--quiet", "--initial-branch=main"]);
  }

  async configValue(key: string): Promise<string | undefined> {
    const r = await this.run(["config", "--get", key]);
    return r.code === 0 ? r.stdout.trim() || undefined : undefined;
  }

  /** Where the repository's own files are (.git), absolute. */
  async gitDir(): Promise<string | undefined> {
    const r = await this.run(["rev-parse", "--absolute-git-dir"]);
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  /** What state the repository is in, for refusing writes that would go wrong. */
  async state(): Promise<RepoState> {
    const dir = await this.gitDir();
    if (!dir) return { repo: false, detached: false, operation: undefined };
    const branch = await this.run(["symbolic-ref", "-q", "--short", "HEAD"]);
    const has = (p: string) => existsSync(join(dir, p));
    const operation = has("rebase-merge") || has("rebase-apply") ? "rebase" : has("MERGE_HEAD") ? "merge" : has("CHERRY_PICK_HEAD") ? "cherry-pick" : has("REVERT_HEAD") ? "revert" : undefined;
    return { repo: true, gitDir: dir, branch: branch.code === 0 ? branch.stdout.trim() : undefined, detached: branch.code !== 0 && operation === undefined, operation };
  }

  /**
   * Commit exactly `paths` (relative to cwd), leaving anything else the user staged alone.
   * Waits a little for another git process's index.lock; reports a hook's refusal in one line.
   */
  async commit(paths: string[], message: string, author: Author): Promise<CommitResult> {
    const probe = await this.run(["rev-parse", "--show-toplevel"]);
    if (probe.missing) return { committed: false, reason: "git is not installed; install git to keep the store's history" };
    if (probe.code !== 0) return { committed: false, reason: "the store is not in a git repository" };
    const ident = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      // our own pre-commit hook skips what aftercare has just validated itself
      AFTERCARE_COMMITTING: "1",
    };
    let last: GitRun | undefined;
    for (let attempt = 0; attempt < 8; attempt++) {
      const add = await this.run(["add", "--", ...paths]);
      last = add.code === 0 ? await this.run(["commit", "--quiet", "-m", message, "--", ...paths], ident) : add;
      if (last.code === 0) {
        const head = await this.run(["rev-parse", "--short", "HEAD"]);
        return { committed: true, sha: head.stdout.trim() };
      }
      if (!/index\.lock/.test(last.stderr)) break;
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
    }
    const text = `${last!.stderr}\n${last!.stdout}`;
    if (/index\.lock/.test(text)) return { committed: false, reason: "another git process holds the store's index.lock", lock: true };
    if (last!.missing) return { committed: false, reason: "git is not installed" };
    const hook = /hook/i.test(text) || (await this.hookExists("pre-commit")) || (await this.hookExists("commit-msg"));
    return { committed: false, reason: hook ? `a git hook refused the commit: ${firstLine(text)}` : firstLine(text), hook };
  }

  private async hookExists(name: string): Promise<boolean> {
    const hooksPath = (await this.configValue("core.hooksPath")) ?? join((await this.gitDir()) ?? ".git", "hooks");
    return existsSync(join(resolve(this.cwd, hooksPath), name));
  }
}

export interface RepoState {
  repo: boolean;
  gitDir?: string;
  branch?: string;
  detached: boolean;
  /** a rebase, merge, cherry-pick or revert left unfinished */
  operation?: "rebase" | "merge" | "cherry-pick" | "revert";
}

export function firstLine(s: string): string {
  return (
    s
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith("hint:")) ?? "git failed"
  ).replace(/^(fatal|error): /, "");
}
