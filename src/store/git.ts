// git, called with argument arrays (never a shell) and with the store's own repository even when
// aftercare runs inside another repository's hook.
import { execFile } from "node:child_process";

export interface Author {
  name: string;
  email: string;
}

export interface CommitResult {
  committed: boolean;
  sha?: string;
  /** why nothing was committed, in one line */
  reason?: string;
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

  /** Commit exactly `paths` (relative to cwd), leaving anything else the user staged alone. */
  async commit(paths: string[], message: string, author: Author): Promise<CommitResult> {
    const top = await this.topLevel();
    if (!top) return { committed: false, reason: "the store is not in a git repository" };
    const add = await this.run(["add", "--", ...paths]);
    if (add.code !== 0) return { committed: false, reason: firstLine(add.stderr) };
    const ident = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
    };
    const r = await this.run(["commit", "--quiet", "-m", message, "--", ...paths], ident);
    if (r.code !== 0) return { committed: false, reason: firstLine(r.stderr || r.stdout) };
    const head = await this.run(["rev-parse", "--short", "HEAD"]);
    return { committed: true, sha: head.stdout.trim() };
  }
}

export function firstLine(s: string): string {
  return (
    s
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith("hint:")) ?? "git failed"
  ).replace(/^(fatal|error): /, "");
}
