// git, called with argument arrays (never a shell) and with the store's own repository even when
// aftercare runs inside another repository's hook. Every call runs with the store's own settings
// and none of the user's surprises: no file-system monitor, no hooks but aftercare's own (a
// repository's post-commit hook does not run on every write), commit messages on stdin.
import { UserError } from "../errors.js";
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, promises as fs, readFileSync } from "node:fs";
import { join } from "node:path";
import { stateDir } from "./fsutil.js";
import { FOLDERS, SETTINGS_FILE } from "./store.js";

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

/** The files and folders that hold records: what "uncommitted records" looks at. */
export const RECORD_PATHS: readonly string[] = [SETTINGS_FILE, ...Object.values(FOLDERS), "reports"];

/**
 * Where aftercare's own hooks for its own git calls live (`core.hooksPath` while aftercare runs
 * git): inside the repository's .git, never in the working tree, so a clone cannot bring hooks
 * with it. Empty by default: aftercare validates what it writes before it commits.
 */
export const OWN_HOOKS = join("aftercare", "hooks");

/** The repository's .git of each folder, looked up once per process. */
const gitDirs = new Map<string, string | null>();

/**
 * Why git refuses to work in a repository, in one line with what to do; undefined when the
 * failure is only "not a git repository" (a store outside git) or not about the repository.
 */
export function repoRefusal(stderr: string): string | undefined {
  const text = stderr.trim();
  if (!text) return undefined;
  const dubious = /detected dubious ownership in repository at '([^'\n]+)'/.exec(text) ?? /unsafe repository \('([^'\n]+)' is owned by someone else\)/.exec(text);
  if (dubious) {
    const at = dubious[1]!;
    return (
      `git refuses to work in the store's repository at ${at}: it belongs to another user (git: "detected dubious ownership"); ` +
      `run aftercare as the user who owns it, or, if you trust it, tell git so: git config --global --add safe.directory ${/^[\w@%+=:,./-]+$/.test(at) ? at : `'${at.replace(/'/g, `'\\''`)}'`}`
    );
  }
  if (/not a git repository \(or any (of the )?parent/i.test(text)) return undefined;
  if (/git is not installed/.test(text)) return undefined;
  const line = firstLine(text);
  if (/not a git repository|invalid gitfile|unknown repository (format|extension)|bad signature|index file corrupt|corrupt|permission denied|unable to read|could not read|cannot (open|read)|safe\.directory|owned by/i.test(text))
    return `git cannot use the store's repository: ${line}; repair it (see 'git status' in the store) before writing`;
  return undefined;
}

export class Git {
  constructor(
    readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  private spawn(args: string[], extraEnv: NodeJS.ProcessEnv, input?: string): Promise<GitRun> {
    return new Promise((done) => {
      let child: ReturnType<typeof execFile>;
      try {
        child = execFile(
          "git",
          args,
          { cwd: this.cwd, env: { ...cleanEnv(this.env), ...extraEnv, LC_ALL: "C" }, maxBuffer: 64 * 1024 * 1024 },
          (err, stdout, stderr) => {
            const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
            if (e && e.code === "ENOENT") done({ code: 127, stdout: "", stderr: "git is not installed", missing: true });
            else if (e && typeof e.code === "string") done({ code: 1, stdout: String(stdout ?? ""), stderr: `${e.code}: ${e.message}` });
            else done({ code: e ? (typeof e.code === "number" ? e.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
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

  /** The repository's .git, absolute, asked once per folder and process; undefined outside git. */
  private async ownGitDir(): Promise<string | undefined> {
    if (!gitDirs.has(this.cwd)) {
      const r = await this.spawn(["-c", "core.fsmonitor=false", "rev-parse", "--absolute-git-dir"], {});
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
    const dir = await this.ownGitDir();
    const settings = ["-c", "core.fsmonitor=false", "-c", "core.quotepath=off"];
    if (dir) settings.push("-c", `core.hooksPath=${join(dir, OWN_HOOKS)}`);
    return this.spawn([...settings, ...args], extraEnv, opts.input);
  }

  /** The top of the repository holding cwd, or undefined. */
  async topLevel(): Promise<string | undefined> {
    const r = await this.run(["rev-parse", "--show-toplevel"]);
    return r.code === 0 ? r.stdout.trim() : undefined;
  }

  /** The repository's top folder; a clear refusal when git is missing or refuses the repository. */
  async requireRepo(what: string): Promise<string> {
    const r = await this.run(["rev-parse", "--show-toplevel"]);
    if (r.code === 0) return r.stdout.trim();
    if (r.missing) throw new UserError(`git is not installed (or not on PATH), so there is ${what}; install git; nothing was changed`);
    const refusal = repoRefusal(r.stderr);
    if (refusal) throw new UserError(`${refusal}; nothing was changed`);
    throw new UserError(`the store at ${this.cwd} is not a git repository, so there is ${what}; see 'git init'`);
  }

  async init(): Promise<GitRun> {
    gitDirs.delete(this.cwd);
    const r = await this.run(["init", "--quiet", "--initial-branch=main"]);
    gitDirs.delete(this.cwd);
    return r;
  }

  async configValue(key: string): Promise<string | undefined> {
    const r = await this.run(["config", "--get", key]);
    return r.code === 0 ? r.stdout.trim() || undefined : undefined;
  }

  /** Where the repository's own files are (.git), absolute. */
  async gitDir(): Promise<string | undefined> {
    return this.ownGitDir();
  }

  /** What state the repository is in, for refusing writes that would go wrong. */
  async state(): Promise<RepoState> {
    const probe = await this.spawn(["-c", "core.fsmonitor=false", "rev-parse", "--absolute-git-dir"], {});
    if (probe.code !== 0) return { repo: false, detached: false, operation: undefined, refused: probe.missing ? undefined : repoRefusal(probe.stderr) };
    const dir = probe.stdout.trim();
    gitDirs.set(this.cwd, dir);
    const branch = await this.run(["symbolic-ref", "-q", "--short", "HEAD"]);
    const has = (p: string) => existsSync(join(dir, p));
    const operation = has("rebase-merge") || has("rebase-apply") ? "rebase" : has("MERGE_HEAD") ? "merge" : has("CHERRY_PICK_HEAD") ? "cherry-pick" : has("REVERT_HEAD") ? "revert" : undefined;
    return { repo: true, gitDir: dir, branch: branch.code === 0 ? branch.stdout.trim() : undefined, detached: branch.code !== 0 && operation === undefined, operation };
  }

  /** The store's prefix inside its repository ("" at the top, else "sub/dir/"). */
  async prefix(): Promise<string> {
    return (await this.run(["rev-parse", "--show-prefix"])).stdout.trim();
  }

  /**
   * Files under `pathspecs` (relative to cwd) that differ from the last commit: changed, new,
   * deleted or conflicted. Dot-files (temporary files) and .gitkeep are left out. Undefined when
   * git cannot say (not a repository, git missing, a refusal).
   */
  async uncommitted(pathspecs: readonly string[] = RECORD_PATHS): Promise<UncommittedFile[] | undefined> {
    const st = await this.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ...pathspecs]);
    if (st.code !== 0) return undefined;
    const prefix = await this.prefix();
    const out: UncommittedFile[] = [];
    for (const e of st.stdout.split("\0")) {
      if (e.length < 4) continue;
      const xy = e.slice(0, 2);
      const full = e.slice(3);
      if (!full.startsWith(prefix)) continue;
      const path = full.slice(prefix.length);
      const name = path.slice(path.lastIndexOf("/") + 1);
      if (name.startsWith(".")) continue;
      const status = xy === "??" ? "new" : /U|AA|DD/.test(xy) ? "conflicted" : xy.includes("D") ? "deleted" : xy[0] === "A" ? "new" : "changed";
      out.push({ path, status });
    }
    return out;
  }

  /**
   * Commit exactly `paths` (relative to cwd), leaving anything else the user staged alone.
   * Waits a little for another git process's index.lock; reports a hook's refusal in one line.
   * In a store (cwd holds aftercare.yaml) the commit is written down first, so that a commit that
   * does not happen — a held index.lock, a kill, a full disk — is finished by the next write or
   * by 'aftercare doctor --fix'.
   */
  async commit(paths: string[], message: string, author: Author, opts: { journal?: boolean } = {}): Promise<CommitResult> {
    const probe = await this.spawn(["-c", "core.fsmonitor=false", "rev-parse", "--show-toplevel"], {});
    const journal = opts.journal !== false && existsSync(join(this.cwd, SETTINGS_FILE)) ? await this.journal(paths, message, author).catch(() => undefined) : undefined;
    const result = await this.commitNow(paths, message, author, probe);
    if (journal) {
      if (result.committed || (probe.code !== 0 && !probe.missing && !repoRefusal(probe.stderr))) await fs.rm(journal, { force: true });
      else await this.noteReason(journal, result.reason ?? "git did not commit");
    }
    return result;
  }

  private async commitNow(paths: string[], message: string, author: Author, probe: GitRun): Promise<CommitResult> {
    if (probe.missing) return { committed: false, reason: "git is not installed; install git to keep the store's history" };
    if (probe.code !== 0) return { committed: false, reason: repoRefusal(probe.stderr) ?? "the store is not in a git repository" };
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
      last = add.code === 0 ? await this.run(["commit", "--quiet", "--no-edit", "-F", "-", "--", ...paths], ident, { input: message }) : add;
      if (last.code === 0) {
        const head = await this.run(["rev-parse", "--short", "HEAD"]);
        return { committed: true, sha: head.stdout.trim() };
      }
      if (!/index\.lock/.test(last.stderr) || DISK_FULL.test(last.stderr)) break;
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
    }
    const text = `${last!.stderr}\n${last!.stdout}`;
    // a full disk first: git then also names the index.lock it could not write
    if (DISK_FULL.test(text)) return { committed: false, reason: "No space left on device: git could not write its objects" };
    if (/index\.lock': File exists|Unable to create '.*index\.lock'/.test(text) || (/index\.lock/.test(text) && !/write error/i.test(text))) return { committed: false, reason: "another git process holds the store's index.lock", lock: true };
    if (last!.missing) return { committed: false, reason: "git is not installed" };
    const refusal = repoRefusal(text);
    if (refusal) return { committed: false, reason: refusal };
    const hook = /hook/i.test(text) || (await this.hookExists("pre-commit")) || (await this.hookExists("commit-msg"));
    return { committed: false, reason: hook ? `a git hook refused the commit: ${firstLine(text)}` : firstLine(text), hook };
  }

  /** aftercare's own hooks (see OWN_HOOKS): the only ones that run on aftercare's commits. */
  private async hookExists(name: string): Promise<boolean> {
    const dir = await this.ownGitDir();
    return dir !== undefined && existsSync(join(dir, OWN_HOOKS, name));
  }

  // ------------------------------------------------------------------------------------------
  // The journal of commits not yet made: .aftercare/uncommitted/*.json, one per write.

  private journalDir(): string {
    return join(stateDir(this.cwd), "uncommitted");
  }

  private async journal(paths: string[], message: string, author: Author): Promise<string> {
    const dir = this.journalDir();
    await fs.mkdir(dir, { recursive: true });
    const entry: PendingCommit = { at: new Date().toISOString(), pid: process.pid, message, author, files: paths.map((path) => ({ path, sha256: hashOf(join(this.cwd, path)) })) };
    const file = join(dir, `${Date.now().toString().padStart(15, "0")}-${process.pid}-${randomBytes(3).toString("hex")}.json`);
    await writeWhole(file, JSON.stringify(entry, null, 2) + "\n");
    return file;
  }

  private async noteReason(file: string, reason: string): Promise<void> {
    try {
      const entry = JSON.parse(await fs.readFile(file, "utf8")) as PendingCommit;
      await writeWhole(file, JSON.stringify({ ...entry, reason }, null, 2) + "\n");
    } catch {
      // the entry stays as it is: it still names the files
    }
  }

  /** The writes whose commit did not happen, oldest first. */
  async pendingCommits(): Promise<(PendingCommit & { file: string })[]> {
    const dir = join(this.cwd, ".aftercare", "uncommitted");
    let names: string[];
    try {
      names = (await fs.readdir(dir)).filter((n) => n.endsWith(".json")).sort();
    } catch {
      return [];
    }
    const out: (PendingCommit & { file: string })[] = [];
    for (const n of names) {
      try {
        const e = JSON.parse(await fs.readFile(join(dir, n), "utf8")) as PendingCommit;
        if (Array.isArray(e.files) && typeof e.message === "string") out.push({ ...e, file: join(dir, n) });
      } catch {
        // a torn entry (a crash while it was written): nothing to finish
        await fs.rm(join(dir, n), { force: true });
      }
    }
    return out;
  }

  /**
   * Finish what earlier writes left, before a new write (under the store's lock): each write
   * whose commit did not happen is committed now, with its own message and author, when its
   * files are still as it wrote them; anything else uncommitted in the record folders is named.
   * Returns one line for each thing the user should know.
   */
  async finishEarlierWrites(opts: { name?: boolean } = {}): Promise<string[]> {
    const notes: string[] = [];
    const st = await this.uncommitted();
    if (!st) return notes;
    const dirty = new Map(st.map((f) => [f.path, f]));
    const pending = await this.pendingCommits();
    const mine = new Set<string>();
    // the newest write that still matches a file is the one that commits it
    const claim = new Map<string, number>();
    pending.forEach((p, i) => {
      for (const f of p.files) if (dirty.has(f.path) && hashOf(join(this.cwd, f.path)) === f.sha256) claim.set(f.path, i);
    });
    let carried: (PendingCommit & { file: string })[] = [];
    for (const [i, p] of pending.entries()) {
      for (const f of p.files) mine.add(f.path);
      const paths = p.files.map((f) => f.path).filter((f) => claim.get(f) === i);
      const changedSince = p.files.filter((f) => dirty.has(f.path) && claim.get(f.path) === undefined).map((f) => f.path);
      if (changedSince.length)
        notes.push(
          `note: ${changedSince.join(", ")} ${changedSince.length > 1 ? "were" : "was"} saved by an earlier write ("${subjectOf(p.message)}") that was not committed, and changed since; check ${changedSince.length > 1 ? "them" : "it"}, then commit with 'aftercare doctor --fix' (or git commit)`,
        );
      if (!paths.length) {
        // its files go with a later write's commit, or were committed meanwhile (by hand), or changed since
        if (p.files.some((f) => claim.get(f.path) !== undefined)) carried.push(p);
        else await fs.rm(p.file, { force: true });
        continue;
      }
      const message = carried.length ? withBody(p.message, `Also committed here, saved earlier but not committed then:\n${carried.map((c) => `- ${subjectOf(c.message)}`).join("\n")}`) : p.message;
      const r = await this.commitNow(paths, message, p.author, { code: 0, stdout: "", stderr: "" });
      if (!r.committed) {
        await this.noteReason(p.file, r.reason ?? "git did not commit");
        notes.push(`note: an earlier write is still not committed (${r.reason}): ${subjectOf(p.message)} — ${paths.join(", ")}; 'aftercare doctor' explains, 'aftercare doctor --fix' commits it once git can`);
        return notes;
      }
      for (const c of [...carried, p]) await fs.rm(c.file, { force: true });
      notes.push(
        `note: committed an earlier write that had been saved but not committed${p.reason ? ` (${p.reason})` : ""}: ${subjectOf(p.message)}${carried.length ? ` (and ${carried.length} before it)` : ""} (${r.sha})`,
      );
      carried = [];
    }
    if (opts.name !== false) {
      const others = st.filter((f) => !mine.has(f.path));
      if (others.length)
        notes.push(
          `note: ${others.length} record file${others.length > 1 ? "s are" : " is"} changed but not committed, by no aftercare write on record (a hand edit, or a write stopped before its commit): ${others
            .slice(0, 5)
            .map((f) => `${f.path}${f.status === "changed" ? "" : ` (${f.status})`}`)
            .join(", ")}${others.length > 5 ? ", …" : ""}; 'aftercare doctor' explains, 'aftercare doctor --fix' commits what is valid`,
        );
    }
    return notes;
  }
}

export interface UncommittedFile {
  /** relative to the store */
  path: string;
  status: "changed" | "new" | "deleted" | "conflicted";
}

/** A write whose commit has not happened yet (.aftercare/uncommitted/*.json). */
export interface PendingCommit {
  at: string;
  pid: number;
  message: string;
  author: Author;
  /** each file as the write left it (sha256 of its bytes; null when it was deleted) */
  files: { path: string; sha256: string | null }[];
  /** why git did not commit it */
  reason?: string;
}

export function hashOf(path: string): string | null {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return null;
  }
}

export function subjectOf(message: string): string {
  return message.split("\n")[0]!;
}

/** Put a paragraph before a message's trailers (Aftercare-Command:), or at its end. */
function withBody(message: string, para: string): string {
  const parts = message.split("\n\n");
  if (parts.length > 1 && /^[\w-]+: /.test(parts[parts.length - 1]!)) return [...parts.slice(0, -1), para, parts[parts.length - 1]].join("\n\n");
  return `${message}\n\n${para}`;
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

/** A small file written whole or not at all (a temp file renamed over it): a full disk leaves no torn note. */
async function writeWhole(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await fs.writeFile(tmp, text);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** git's stderr when the disk (or quota) is full, in its several wordings. */
export const DISK_FULL = /No space left on device|Out of diskspace|Disk quota exceeded|write error/i;

export function firstLine(s: string): string {
  return (
    s
      .split("\n")
      .map((l) => l.trim())
      // git's hints and warnings (CRLF conversion…) are not the reason it failed
      .find((l) => l && !l.startsWith("hint:") && !/^warning:/i.test(l)) ?? "git failed"
  ).replace(/^(fatal|error): /, "");
}

