// Starting git: argument arrays (never a shell), a clean environment, every process counted.
import { execFile, spawn, type ChildProcess } from "node:child_process";

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
  missing?: boolean;
}

/** Every git process this process started, in order (tests count the processes a write costs). */
export const gitSpawns: { count: number; args: string[][] } = { count: 0, args: [] };

const KEEP = new Set([
  "GIT_SSH",
  "GIT_SSH_COMMAND",
  "GIT_ASKPASS",
  "GIT_TERMINAL_PROMPT",
  "GIT_CONFIG_GLOBAL",
  "GIT_CONFIG_NOSYSTEM",
  "GIT_EDITOR",
]);

export function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!k.startsWith("GIT_") || KEEP.has(k)) out[k] = v;
  return out;
}

function count(args: string[]): void {
  gitSpawns.count++;
  gitSpawns.args.push(args);
}

/** One git process to its end, its output as text; a git that cannot start is a result too (127 when missing). */
export function spawnGit(
  cwd: string,
  env: NodeJS.ProcessEnv,
  args: string[],
  extraEnv: NodeJS.ProcessEnv,
  input?: string,
): Promise<GitRun> {
  count(args);
  return new Promise((done) => {
    let child: ReturnType<typeof execFile>;
    try {
      child = execFile(
        "git",
        args,
        { cwd, env: { ...cleanEnv(env), ...extraEnv, LC_ALL: "C" }, maxBuffer: 64 * 1024 * 1024 },
        (err, stdout, stderr) => {
          const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
          if (e && e.code === "ENOENT") done({ code: 127, stdout: "", stderr: "git is not installed", missing: true });
          else if (e && typeof e.code === "string")
            done({ code: 1, stdout: String(stdout ?? ""), stderr: `${e.code}: ${e.message}` });
          else
            done({
              code: e ? (typeof e.code === "number" ? e.code : 1) : 0,
              stdout: String(stdout),
              stderr: String(stderr),
            });
        },
      );
    } catch (e) {
      // git could not be started at all (E2BIG, EMFILE…)
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return done({ code: 127, stdout: "", stderr: "git is not installed", missing: true });
      return done({ code: 1, stdout: "", stderr: `${code ?? "error"}: ${(e as Error).message}` });
    }
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(input ?? "");
  });
}

/** One git process to its end, its output as bytes (`cat-file --batch`); undefined when it failed. */
export function spawnGitBytes(
  cwd: string,
  env: NodeJS.ProcessEnv,
  args: string[],
  input: string,
): Promise<Buffer | undefined> {
  count(args);
  return new Promise<Buffer | undefined>((done) => {
    try {
      const child = execFile(
        "git",
        args,
        { cwd, env: { ...cleanEnv(env), LC_ALL: "C" }, encoding: "buffer", maxBuffer: 256 * 1024 * 1024 },
        (err, stdout) => done(err ? undefined : stdout),
      );
      child.stdin?.on("error", () => undefined);
      child.stdin?.end(input);
    } catch {
      done(undefined);
    }
  });
}

/** A git process to talk to over pipes (`fast-import`); undefined when it could not be started. */
export function spawnGitPiped(cwd: string, env: NodeJS.ProcessEnv, args: string[]): ChildProcess | undefined {
  count(args);
  try {
    return spawn("git", args, { cwd, env: { ...cleanEnv(env), LC_ALL: "C" }, stdio: ["pipe", "pipe", "pipe"] });
  } catch {
    return undefined;
  }
}
