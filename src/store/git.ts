// git, called with argument arrays (never a shell) and with the store's own repository even when
// aftercare runs inside another repository's hook. Every call runs with the store's own settings
// and none of the user's surprises: no file-system monitor, no hooks but aftercare's own (a
// repository's post-commit hook does not run on every write), commit messages on stdin.
//
// A write costs two git processes (docs/reliability.md, "Git"): `git update-index` stages the
// written files and, in the same pass over the index, names any other record file changed by
// hand; `git fast-import` makes the commit of exactly those files on top of HEAD, without reading
// or rewriting the index again. Everything else a write needs — where the repository is, which
// branch, a rebase or merge under way, the settings — is read from the files git keeps, and
// anything unusual (a repository git may refuse, hooks in aftercare's hooks folder, signed
// commits, a conversion filter) goes the long way, through `git commit`.
import { jsonText } from "../format/json.js";
import { UserError } from "../errors.js";
import { execFile, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  promises as fs,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { delimiter, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { stateDir } from "./fsutil.js";
import { FOLDERS, SETTINGS_FILE } from "./layout.js";

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
  /** the files were already as committed: there was nothing to commit */
  empty?: boolean;
  /** lines the user should see (other record files changed by hand, found while staging) */
  notes?: string[];
}

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

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
  missing?: boolean;
}

/** Every git process this process started, in order (tests count the processes a write costs). */
export const gitSpawns: { count: number; args: string[][] } = { count: 0, args: [] };

/** The files and folders that hold records: what "uncommitted records" looks at. */
export const RECORD_PATHS: readonly string[] = [SETTINGS_FILE, ...Object.values(FOLDERS), "reports"];

/**
 * Where aftercare's own hooks for its own git calls live (`core.hooksPath` while aftercare runs
 * git): inside the repository's .git, never in the working tree, so a clone cannot bring hooks
 * with it. Empty by default: aftercare validates what it writes before it commits.
 */
export const OWN_HOOKS = join("aftercare", "hooks");

/** The repository's .git of each folder, as git said it (only where the files did not). */
const gitDirs = new Map<string, string | null>();

/**
 * Why git refuses to work in a repository, in one line with what to do; undefined when the
 * failure is only "not a git repository" (a store outside git) or not about the repository.
 */
export function repoRefusal(stderr: string): string | undefined {
  const text = stderr.trim();
  if (!text) return undefined;
  const dubious =
    /detected dubious ownership in repository at '([^'\n]+)'/.exec(text) ??
    /unsafe repository \('([^'\n]+)' is owned by someone else\)/.exec(text);
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
  if (
    /not a git repository|invalid gitfile|unknown repository (format|extension)|bad signature|index file corrupt|corrupt|permission denied|unable to read|could not read|cannot (open|read)|safe\.directory|owned by/i.test(
      text,
    )
  )
    return `git cannot use the store's repository: ${line}; repair it (see 'git status' in the store) before writing`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The repository, found from the files (what `git rev-parse` would say, without a process)

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

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
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
function readHead(gitDir: string): { ref?: string; oid?: string } | undefined {
  if (lstatSync(join(gitDir, "HEAD"), { throwIfNoEntry: false })?.isSymbolicLink()) return undefined;
  const text = readText(join(gitDir, "HEAD"))?.trim();
  if (!text) return undefined;
  const ref = /^ref: (\S+)$/.exec(text);
  if (ref) return { ref: ref[1]! };
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(text) ? { oid: text } : undefined;
}

/** The commit a ref points at: its loose file, else packed-refs; null when it does not exist yet (a new branch). */
function resolveRef(loc: RepoLocation, ref: string): string | null | undefined {
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
    return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(t) ? t : undefined;
  }
  const packed = readText(join(loc.commonDir, "packed-refs"));
  if (packed)
    for (const line of packed.split("\n"))
      if (line.endsWith(` ${ref}`) && /^[0-9a-f]{40}/.test(line)) return line.slice(0, line.indexOf(" "));
  return null;
}

// ---------------------------------------------------------------------------------------------
// git's settings, asked once and remembered with the files they came from

type ConfigValues = Map<string, (string | null)[]>;

interface ConfigMemo {
  /** every settings file that was read or could be, with its stamp ("-" when absent) */
  files: [string, string][];
  env: string;
  values: [string, (string | null)[]][];
}

/** In this process: every setting. On disk (.aftercare/git-config.json) only these, never the rest of someone's ~/.gitconfig. */
const configMemos = new Map<string, { memo: ConfigMemo; values: ConfigValues; partial?: boolean }>();

/** The settings aftercare reads, kept in a store's memo; asking for any other asks git. */
function kept(key: string): boolean {
  return (
    /^(user\.(name|email)|commit\.(gpgsign|cleanup)|i18n\.commitencoding|extensions\.[a-z]+|gc\.(auto|writecommitgraph)|maintenance\.auto|feature\.manyfiles|fetch\.writecommitgraph)$/.test(
      key,
    ) ||
    /^core\.(hookspath|splitindex|untrackedcache)$/.test(key) ||
    key.startsWith("merge.aftercare.")
  );
}

function stamp(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return "-";
  }
}

/** section.subsection.name with section and name in lower case, as `git config --list` writes them. */
function configKey(key: string): string {
  const first = key.indexOf(".");
  const last = key.lastIndexOf(".");
  if (first < 0) return key.toLowerCase();
  return `${key.slice(0, first).toLowerCase()}${key.slice(first, last)}${key.slice(last).toLowerCase()}`;
}

function gitBool(v: string | null | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (v === null) return true;
  const t = v.trim().toLowerCase();
  if (["true", "yes", "on"].includes(t)) return true;
  if (["false", "no", "off", ""].includes(t)) return false;
  return /^-?\d+$/.test(t) ? Number(t) !== 0 : undefined;
}

/** The git that PATH finds (its real path), or undefined. */
function gitOnPath(env: NodeJS.ProcessEnv): string | undefined {
  for (const d of (env.PATH ?? "").split(delimiter)) {
    if (!d || !existsSync(join(d, "git"))) continue;
    try {
      return realpathSync(join(d, "git"));
    } catch {
      // a dangling link: git is not there
    }
  }
  return undefined;
}

/** The system settings files the git on PATH may read: /etc/gitconfig, or its own prefix's. */
function systemConfigFiles(git: string | undefined): string[] {
  return git ? ["/etc/gitconfig", join(dirname(dirname(git)), "etc", "gitconfig")] : ["/etc/gitconfig"];
}

// ---------------------------------------------------------------------------------------------
// What the last aftercare commit left: a snapshot to tell, with no git process, that nothing has
// changed behind its back since (.aftercare/git-snapshot.json, git-ignored, never the truth)

interface Snapshot {
  v: 1;
  /** the branch and the commit aftercare left it at */
  ref: string;
  head: string;
  /** .git/index then: its stamp, and a hash of its bytes (git status rewrites it unchanged) */
  index: { stamp: string; sha1: string };
  /** every folder of records (and the store's own folder), with its stamp: a file added, removed or renamed changes it */
  dirs: Record<string, string>;
}

const SNAPSHOT = "git-snapshot.json";
const CONFIG_MEMO = "git-config.json";

function dirStamp(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return s.isDirectory() ? `${s.ino}:${s.mtimeNs}:${s.ctimeNs}` : "-";
  } catch {
    return "-";
  }
}

function hashFile(path: string): string {
  try {
    return createHash("sha1").update(readFileSync(path)).digest("hex");
  } catch {
    return "-";
  }
}

/**
 * Every folder that holds records, with its stamp: the store's own folder, and each record folder
 * with the folders under it. A folder whose link count says it has no sub-folders is not read.
 */
function recordDirs(root: string): Record<string, string> {
  const out: Record<string, string> = { ".": dirStamp(root) };
  const walk = (rel: string) => {
    const abs = join(root, ...rel.split("/"));
    let s;
    try {
      s = statSync(abs);
    } catch {
      return;
    }
    if (!s.isDirectory()) return;
    out[rel] = dirStamp(abs);
    if (s.nlink === 2) return; // no sub-folders (a file system that counts them)
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory()) walk(`${rel}/${e.name}`);
  };
  for (const p of RECORD_PATHS) if (p !== SETTINGS_FILE) walk(p);
  return out;
}

// ---------------------------------------------------------------------------------------------

/** The shortest name git gives a commit in messages. */
const short = (oid: string) => oid.slice(0, 7);

/** git's stripspace: no trailing blanks, no leading or trailing empty lines, runs of empty lines as one. */
export function cleanMessage(message: string): string {
  const out: string[] = [];
  let empties = 0;
  for (const raw of message.split("\n")) {
    const line = raw.replace(/[ \t\r\n\v\f]+$/, "");
    if (!line) {
      empties++;
      continue;
    }
    if (empties && out.length) out.push("");
    empties = 0;
    out.push(line);
  }
  return out.length ? `${out.join("\n")}\n` : "";
}

/** A name or e-mail as git writes it into a commit: no leading or trailing punctuation, no <, > or newline. */
function identPart(s: string): string {
  const crud = (c: string) => c.charCodeAt(0) <= 32 || `.,:;<>"\\'`.includes(c);
  const chars = [...s];
  let a = 0;
  let b = chars.length;
  while (a < b && crud(chars[a]!)) a++;
  while (b > a && crud(chars[b - 1]!)) b--;
  return chars
    .slice(a, b)
    .filter((c) => c !== "\n" && c !== "<" && c !== ">")
    .join("");
}

/** "1764120000 +0800": now, in the machine's zone, as git dates a commit. */
function gitNow(): string {
  const now = new Date();
  const off = -now.getTimezoneOffset();
  const abs = Math.abs(off);
  return `${Math.floor(now.getTime() / 1000)} ${off < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** A path in a fast-import stream, always quoted (C style). */
function fiPath(p: string): string {
  return `"${p.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

export class Git {
  /** what this run found before its write: whether other record files may be uncommitted (see finishEarlierWrites) */
  private scan?: { clean: boolean; dirs?: Record<string, string>; looked?: boolean };

  constructor(
    readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  private spawn(args: string[], extraEnv: NodeJS.ProcessEnv, input?: string): Promise<GitRun> {
    gitSpawns.count++;
    gitSpawns.args.push(args);
    return new Promise((done) => {
      let child: ReturnType<typeof execFile>;
      try {
        child = execFile(
          "git",
          args,
          { cwd: this.cwd, env: { ...cleanEnv(this.env), ...extraEnv, LC_ALL: "C" }, maxBuffer: 64 * 1024 * 1024 },
          (err, stdout, stderr) => {
            const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
            if (e && e.code === "ENOENT")
              done({ code: 127, stdout: "", stderr: "git is not installed", missing: true });
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

  /** The repository from the files, or what git says about it when the files cannot tell. */
  location(): RepoLocation | "none" | "unsure" {
    return locateRepo(this.cwd, this.env);
  }

  /** The repository's .git, absolute; undefined outside git. Git is asked only when the files cannot tell. */
  private async ownGitDir(): Promise<string | undefined> {
    const loc = this.location();
    if (typeof loc === "object") return loc.gitDir;
    if (loc === "none") return undefined;
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
    return this.spawn([...(await this.settings()), ...args], extraEnv, opts.input);
  }

  private async settings(): Promise<string[]> {
    const dir = await this.ownGitDir();
    const settings = ["-c", "core.fsmonitor=false", "-c", "core.quotepath=off"];
    if (dir) settings.push("-c", `core.hooksPath=${join(dir, OWN_HOOKS)}`);
    return settings;
  }

  /** `rev-parse`, for what the files could not tell: one process, the top, the .git and the prefix. */
  private async askGit(): Promise<{ run: GitRun; top?: string; gitDir?: string; prefix?: string }> {
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
  async requireRepo(what: string): Promise<string> {
    const loc = this.location();
    if (typeof loc === "object") return loc.top;
    const r = (await this.askGit()).run;
    if (r.code === 0) return r.stdout.split("\n")[0]!;
    if (r.missing)
      throw new UserError(
        `git is not installed (or not on PATH), so there is ${what}; install git; nothing was changed`,
      );
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

  // -- settings -------------------------------------------------------------------------------

  /**
   * git's settings as `git config --list` gives them (includes followed, every scope), asked once
   * and remembered — in this process, and in a store's .aftercare/ — with a stamp of every file
   * they came from or could come from: a changed, new or removed settings file asks again.
   */
  private async config(key?: string): Promise<ConfigValues> {
    const loc = this.location();
    const git = gitOnPath(this.env);
    const env = JSON.stringify([
      this.env.GIT_CONFIG_GLOBAL,
      this.env.GIT_CONFIG_NOSYSTEM,
      this.env.HOME,
      this.env.XDG_CONFIG_HOME,
      git,
      typeof loc === "object" ? loc.gitDir : loc,
    ]);
    const fresh = (m: ConfigMemo) => m.env === env && m.files.every(([p, s]) => stamp(p) === s);
    const held = configMemos.get(this.cwd);
    const enough = (h: { partial?: boolean }) => !h.partial || key === undefined || kept(key);
    if (held && fresh(held.memo) && enough(held)) return held.values;
    const inStore = typeof loc === "object" && existsSync(join(this.cwd, SETTINGS_FILE));
    const memoFile = join(this.cwd, ".aftercare", CONFIG_MEMO);
    if (inStore) {
      try {
        const m = JSON.parse(readFileSync(memoFile, "utf8")) as ConfigMemo;
        if (Array.isArray(m.files) && Array.isArray(m.values) && fresh(m)) {
          const values: ConfigValues = new Map(m.values);
          configMemos.set(this.cwd, { memo: m, values, partial: true });
          if (enough({ partial: true })) return values;
        }
      } catch {
        // no memo yet, or a torn one: ask git
      }
    }
    // the files, stamped before git reads them: a change while it reads is seen next time
    const candidates = new Set<string>();
    if (!this.env.GIT_CONFIG_NOSYSTEM) for (const f of systemConfigFiles(git)) candidates.add(f);
    const home = this.env.HOME ?? "";
    if (this.env.GIT_CONFIG_GLOBAL) candidates.add(resolve(this.cwd, this.env.GIT_CONFIG_GLOBAL));
    else {
      candidates.add(join(this.env.XDG_CONFIG_HOME || join(home, ".config"), "git", "config"));
      candidates.add(join(home, ".gitconfig"));
    }
    if (typeof loc === "object") {
      candidates.add(join(loc.commonDir, "config"));
      candidates.add(join(loc.gitDir, "config.worktree"));
    }
    const stamps = new Map([...candidates].map((p) => [p, stamp(p)]));
    const r = await this.spawn(["config", "--list", "-z", "--show-origin"], {});
    const values: ConfigValues = new Map();
    const parts = r.stdout.split("\0");
    let onBranch = false;
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const origin = parts[i]!;
      const entry = parts[i + 1]!;
      const nl = entry.indexOf("\n");
      const key = nl < 0 ? entry : entry.slice(0, nl);
      const value = nl < 0 ? null : entry.slice(nl + 1);
      values.set(key, [...(values.get(key) ?? []), value]);
      const from = origin.startsWith("file:") ? resolve(this.cwd, origin.slice(5)) : undefined;
      if (from && !stamps.has(from)) stamps.set(from, stamp(from));
      // an included file counts as soon as it exists, even when it is empty now
      if (/^include(if\..*)?\.path$/.test(key) && value) {
        const target = value.startsWith("~/")
          ? join(home, value.slice(2))
          : isAbsolute(value)
            ? value
            : resolve(from ? dirname(from) : this.cwd, value);
        if (!stamps.has(target)) stamps.set(target, stamp(target));
        if (/^includeif\.onbranch:/.test(key)) onBranch = true;
      }
    }
    if (r.code !== 0 || r.missing) return values;
    // settings that depend on the branch are asked again on another branch
    if (onBranch && typeof loc === "object") stamps.set(join(loc.gitDir, "HEAD"), stamp(join(loc.gitDir, "HEAD")));
    const memo: ConfigMemo = { files: [...stamps], env, values: [...values] };
    configMemos.set(this.cwd, { memo, values });
    if (inStore)
      await writeWhole(
        join(stateDir(this.cwd), CONFIG_MEMO),
        JSON.stringify({ ...memo, values: memo.values.filter(([k]) => kept(k)) }),
      ).catch(() => undefined);
    return values;
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
    if (loc === "none") {
      // nothing on disk; git says whether it is missing, or just that this is no repository
      const probe = await this.spawn(["-c", "core.fsmonitor=false", "rev-parse", "--absolute-git-dir"], {});
      if (probe.code === 0) return this.stateFrom(probe.stdout.trim());
      return {
        repo: false,
        detached: false,
        operation: undefined,
        refused: probe.missing ? undefined : repoRefusal(probe.stderr),
      };
    }
    if (loc === "unsure") {
      const probe = await this.spawn(["-c", "core.fsmonitor=false", "rev-parse", "--absolute-git-dir"], {});
      if (probe.code !== 0)
        return {
          repo: false,
          detached: false,
          operation: undefined,
          refused: probe.missing ? undefined : repoRefusal(probe.stderr),
        };
      return this.stateFrom(probe.stdout.trim());
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
    gitSpawns.count++;
    gitSpawns.args.push(args);
    const out = await new Promise<Buffer | undefined>((done) => {
      try {
        const child = execFile(
          "git",
          args,
          {
            cwd: this.cwd,
            env: { ...cleanEnv(this.env), LC_ALL: "C" },
            encoding: "buffer",
            maxBuffer: 256 * 1024 * 1024,
          },
          (err, stdout) => done(err ? undefined : stdout),
        );
        child.stdin?.on("error", () => undefined);
        child.stdin?.end(names.map((n) => `${n}\n`).join(""));
      } catch {
        done(undefined);
      }
    });
    const result: (string | undefined)[] = [];
    let at = 0;
    for (let i = 0; i < names.length; i++) {
      if (!out) {
        result.push(undefined);
        continue;
      }
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
    while (result.length < names.length) result.push(undefined);
    return result;
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
      const status =
        xy === "??"
          ? "new"
          : /U|AA|DD/.test(xy)
            ? "conflicted"
            : xy.includes("D")
              ? "deleted"
              : xy[0] === "A"
                ? "new"
                : "changed";
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
  async commit(
    paths: string[],
    message: string,
    author: Author,
    opts: { journal?: boolean } = {},
  ): Promise<CommitResult> {
    // git is asked where the repository is only when the files cannot tell (a store outside git…)
    const loc = this.location();
    const probe = typeof loc === "object" ? undefined : (await this.askGit()).run;
    const journal =
      opts.journal !== false && existsSync(join(this.cwd, SETTINGS_FILE))
        ? await this.journal(paths, message, author).catch(() => undefined)
        : undefined;
    const result = await this.commitNow(paths, message, author, probe);
    if (journal) {
      if (result.committed || (probe && probe.code !== 0 && !probe.missing && !repoRefusal(probe.stderr)))
        await fs.rm(journal, { force: true });
      else await this.noteReason(journal, result.reason ?? "git did not commit");
    }
    return result;
  }

  private async commitNow(paths: string[], message: string, author: Author, probe?: GitRun): Promise<CommitResult> {
    if (probe?.missing)
      return { committed: false, reason: "git is not installed; install git to keep the store's history" };
    if (probe && probe.code !== 0)
      return { committed: false, reason: repoRefusal(probe.stderr) ?? "the store is not in a git repository" };
    const clean = this.scan?.clean === true;
    // 1. stage the files; the same pass over the index names what else changed by hand — unless
    // git status has just looked at every record file (finishEarlierWrites): a second pass over
    // every file would find nothing it did not, and costs as much as the commit itself
    const refresh = this.scan?.looked !== true;
    let staged: GitRun | undefined;
    for (let attempt = 0; attempt < 8; attempt++) {
      staged = await this.run(["update-index", "--add", "--remove", ...(refresh ? ["--refresh"] : []), "--", ...paths]);
      if (staged.code === 0 || (staged.code === 1 && !/^(fatal|error):/m.test(staged.stderr))) break;
      if (!/index\.lock/.test(staged.stderr) || DISK_FULL.test(staged.stderr)) return this.failure(staged, false);
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
    }
    if (staged!.code !== 0 && (staged!.code !== 1 || /^(fatal|error):/m.test(staged!.stderr)))
      return this.failure(staged!, false);
    const others = this.changedByHand(staged!.stdout, paths);
    const notes = clean && others.length ? [othersNote(others)] : [];
    // 2. the commit: fast-import when nothing needs `git commit` itself, else `git commit`
    let result =
      (await this.fastCommit(paths, message, author)) ?? (await this.porcelainCommit(paths, message, author));
    if (notes.length) result = { ...result, notes };
    if (result.committed && clean && !others.length) this.leaveSnapshot(paths);
    else this.scan = { clean: false };
    return result;
  }

  /** Record files (other than `ours`) that `update-index --refresh` found changed or deleted. */
  private changedByHand(stdout: string, ours: string[]): UncommittedFile[] {
    const loc = this.location();
    const prefix = typeof loc === "object" ? loc.prefix : "";
    const mine = new Set(ours);
    const out: UncommittedFile[] = [];
    for (const line of stdout.split("\n")) {
      const m = /^(.+): needs (update|merge)$/.exec(line);
      if (!m || !m[1]!.startsWith(prefix)) continue;
      const path = m[1]!.slice(prefix.length);
      if (mine.has(path) || !RECORD_PATHS.some((r) => path === r || path.startsWith(`${r}/`))) continue;
      if (path.slice(path.lastIndexOf("/") + 1).startsWith(".")) continue;
      out.push({
        path,
        status:
          m[2] === "merge" ? "conflicted" : existsSync(join(this.cwd, ...path.split("/"))) ? "changed" : "deleted",
      });
    }
    return out;
  }

  /** Why a git command that should have staged or committed did not, in one line. */
  private async failure(last: GitRun, committing: boolean): Promise<CommitResult> {
    const text = `${last.stderr}\n${last.stdout}`;
    // a full disk first: git then also names the index.lock it could not write
    if (DISK_FULL.test(text))
      return { committed: false, reason: "No space left on device: git could not write its objects" };
    if (
      /index\.lock': File exists|Unable to create '.*index\.lock'/.test(text) ||
      (/index\.lock/.test(text) && !/write error/i.test(text))
    )
      return { committed: false, reason: "another git process holds the store's index.lock", lock: true };
    if (last.missing)
      return { committed: false, reason: "git is not installed; install git to keep the store's history" };
    const refusal = repoRefusal(text);
    if (refusal) return { committed: false, reason: refusal };
    const hook =
      committing &&
      (/hook/i.test(text) || (await this.hookExists("pre-commit")) || (await this.hookExists("commit-msg")));
    return {
      committed: false,
      reason: hook ? `a git hook refused the commit: ${firstLine(text)}` : firstLine(text),
      hook,
    };
  }

  /** `git commit` of the staged paths (hooks, signing and all): the way for anything the fast way does not cover. */
  private async porcelainCommit(paths: string[], message: string, author: Author): Promise<CommitResult> {
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
      last = await this.run(["commit", "--quiet", "--no-edit", "-F", "-", "--", ...paths], ident, { input: message });
      if (last.code === 0) {
        const head = this.headCommit() ?? (await this.run(["rev-parse", "HEAD"])).stdout.trim();
        return { committed: true, sha: short(head) };
      }
      if (/^(nothing to commit|no changes added to commit)/m.test(last.stdout)) return { committed: true, empty: true };
      if (!/index\.lock/.test(last.stderr) || DISK_FULL.test(last.stderr)) break;
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
    }
    return this.failure(last!, true);
  }

  /**
   * The commit of `paths`, as staged, on top of HEAD, by `git fast-import`: one process that reads
   * only the trees on the way to those files and never the index. Undefined when this repository
   * or these files need `git commit` (aftercare's hooks folder holds a hook, signed commits, a
   * message encoding or clean-up of its own, a new branch, a merge or rebase under way, a file
   * git converts or that is not a plain file) — or when fast-import failed: `git commit` then.
   */
  private async fastCommit(paths: string[], message: string, author: Author): Promise<CommitResult | undefined> {
    const loc = this.location();
    if (typeof loc !== "object") return undefined;
    const head = readHead(loc.gitDir);
    if (!head?.ref?.startsWith("refs/heads/") || operationIn(loc.gitDir)) return undefined;
    const parent = resolveRef(loc, head.ref);
    if (!parent) return undefined;
    const hooks = join(loc.gitDir, OWN_HOOKS);
    if (existsSync(hooks) && readdirSync(hooks).length) return undefined;
    if (await this.configBool("commit.gpgSign")) return undefined;
    const encoding = await this.configValue("i18n.commitEncoding");
    if (encoding && !/^utf-?8$/i.test(encoding)) return undefined;
    const cleanup = await this.configValue("commit.cleanup");
    if (cleanup && !/^(default|whitespace)$/i.test(cleanup)) return undefined;
    const format = (await this.configValue("extensions.objectFormat"))?.toLowerCase() ?? "sha1";
    if ((format !== "sha1" && format !== "sha256") || (await this.configValue("extensions.refStorage")))
      return undefined;
    const name = identPart(author.name);
    const email = identPart(author.email);
    const text = cleanMessage(message);
    if (!name || !text) return undefined;
    // each file as it is now, and the blob `update-index` wrote for it (absent when git converted it)
    const files: { path: string; full: string; oid?: string }[] = [];
    for (const p of paths) {
      const abs = join(this.cwd, ...p.split("/"));
      const st = lstatSync(abs, { throwIfNoEntry: false });
      const full = `${loc.prefix}${p}`;
      if (!st) {
        files.push({ path: p, full });
        continue;
      }
      if (!st.isFile() || st.mode & 0o111) return undefined;
      const bytes = readFileSync(abs);
      if (bytes.includes(13)) return undefined; // a carriage return: line-ending conversion may apply
      const oid = createHash(format).update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
      // the blob must be the one update-index has just staged (a loose object): when git converted
      // the file (a clean filter, line endings) it is not there, and neither is it when the file
      // is as it was in an older commit (packed) — `git commit` then, which is right either way
      if (!existsSync(join(loc.commonDir, "objects", oid.slice(0, 2), oid.slice(2)))) return undefined;
      files.push({ path: p, full, oid });
    }
    // git's own line: "author 王芳 <wangfang@example.com> 1764120000 +0800"
    const ident = `${name} <${email}> ${gitNow()}`;
    const r = await this.fastImport(loc, async (fi) => {
      fi.send("feature done\n");
      for (const f of files) fi.send(`ls ${parent} ${fiPath(f.full)}\n`);
      const changes: string[] = [];
      for (const f of files) {
        const was = await fi.line();
        const m = /^(\d{6}) (\w+) ([0-9a-f]+)\t/.exec(was);
        if (!f.oid) {
          if (m) changes.push(`D ${fiPath(f.full)}\n`);
          continue;
        }
        if (m && (m[1] !== "100644" || m[2] !== "blob")) return "porcelain";
        if (m?.[3] === f.oid) continue;
        changes.push(`M 100644 ${f.oid} ${fiPath(f.full)}\n`);
      }
      if (!changes.length) return "empty";
      const body = Buffer.from(text, "utf8");
      fi.send(`commit ${head.ref}\nmark :1\nauthor ${ident}\ncommitter ${ident}\ndata ${body.length}\n`);
      fi.send(body);
      fi.send(`\nfrom ${parent}\n${changes.join("")}\nget-mark :1\n`);
      const oid = (await fi.line()).trim();
      return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(oid) ? oid : "porcelain";
    });
    if (r === "empty") return { committed: true, empty: true };
    if (r === undefined || r === "porcelain") return undefined;
    await this.autoMaintenance(loc);
    return { committed: true, sha: short(r) };
  }

  /**
   * Run `git fast-import` with a conversation: `talk` sends commands and reads its answers; its
   * result stands when fast-import then ends well. Undefined when fast-import failed (its crash
   * report is removed: the commit is made the other way).
   */
  private fastImport<T>(
    loc: RepoLocation,
    talk: (fi: { send: (s: string | Buffer) => void; line: () => Promise<string> }) => Promise<T>,
  ): Promise<T | undefined> {
    return new Promise((done) => {
      void (async () => {
        const args = [...(await this.settings()), "fast-import", "--quiet"];
        gitSpawns.count++;
        gitSpawns.args.push(args);
        let child: ReturnType<typeof spawn>;
        try {
          child = spawn("git", args, {
            cwd: this.cwd,
            env: { ...cleanEnv(this.env), LC_ALL: "C" },
            stdio: ["pipe", "pipe", "pipe"],
          });
        } catch {
          return done(undefined);
        }
        let out = "";
        let closed = false;
        const waiting: (() => void)[] = [];
        const wake = () => waiting.splice(0).forEach((w) => w());
        child.stdout!.setEncoding("utf8");
        child.stdout!.on("data", (d: string) => {
          out += d;
          wake();
        });
        child.stderr!.on("data", () => undefined);
        child.stdin!.on("error", () => undefined);
        const exited = new Promise<number | null>((r) => {
          child.on("error", () => {
            closed = true;
            wake();
            r(-1);
          });
          child.on("close", (code) => {
            closed = true;
            wake();
            r(code);
          });
        });
        const line = async (): Promise<string> => {
          for (;;) {
            const nl = out.indexOf("\n");
            if (nl >= 0) {
              const l = out.slice(0, nl);
              out = out.slice(nl + 1);
              return l;
            }
            if (closed) throw new Error("fast-import ended");
            await new Promise<void>((r) => waiting.push(r));
          }
        };
        let value: T | undefined;
        try {
          value = await talk({ send: (s) => void child.stdin!.write(s), line });
          child.stdin!.end("done\n");
        } catch {
          value = undefined;
          child.kill();
        }
        const code = await exited;
        if (code !== 0 || value === undefined) {
          if (child.pid) rmSync(join(loc.gitDir, `fast_import_crash_${child.pid}`), { force: true });
          return done(undefined);
        }
        done(value);
      })();
    });
  }

  /**
   * `git commit` runs `git maintenance run --auto` after each commit, which packs loose objects
   * once there are many; a commit made with fast-import does the same, but only when git's own
   * measure (loose objects in .git/objects/17) says it is due, so it costs no process otherwise.
   */
  private async autoMaintenance(loc: RepoLocation): Promise<void> {
    try {
      const limit = Number((await this.configValue("gc.auto")) ?? 6700);
      if (!(limit > 0) || (await this.configBool("maintenance.auto")) === false) return;
      const loose = readdirSync(join(loc.commonDir, "objects", "17")).filter((n) =>
        /^[0-9a-f]{38}([0-9a-f]{24})?$/.test(n),
      ).length;
      if (loose <= Math.ceil(limit / 256)) return;
      await this.run(["maintenance", "run", "--auto", "--quiet"]);
    } catch {
      // no loose objects there yet
    }
  }

  /** aftercare's own hooks (see OWN_HOOKS): the only ones that run on aftercare's commits. */
  private async hookExists(name: string): Promise<boolean> {
    const dir = await this.ownGitDir();
    return dir !== undefined && existsSync(join(dir, OWN_HOOKS, name));
  }

  // ------------------------------------------------------------------------------------------
  // The snapshot of what the last commit left (see Snapshot)

  private snapshotFile(): string {
    return join(this.cwd, ".aftercare", SNAPSHOT);
  }

  /**
   * True when the store is exactly as aftercare's last commit left it, as far as anything but a
   * record file edited in place can tell: the same commit on the same branch, git's index
   * unchanged, no file added, removed or renamed in any record folder. (A file edited in place is
   * what `update-index --refresh` finds while the write stages its own.)
   */
  private snapshotHolds(): Record<string, string> | undefined {
    const loc = this.location();
    if (typeof loc !== "object") return undefined;
    let snap: Snapshot;
    try {
      snap = JSON.parse(readFileSync(this.snapshotFile(), "utf8")) as Snapshot;
    } catch {
      return undefined;
    }
    if (snap.v !== 1 || !snap.dirs || !snap.index) return undefined;
    const head = readHead(loc.gitDir);
    if (head?.ref !== snap.ref || resolveRef(loc, snap.ref) !== snap.head) return undefined;
    const index = join(loc.gitDir, "index");
    if (stamp(index) !== snap.index.stamp && hashFile(index) !== snap.index.sha1) return undefined;
    for (const [rel, s] of Object.entries(snap.dirs))
      if (dirStamp(rel === "." ? this.cwd : join(this.cwd, ...rel.split("/"))) !== s) return undefined;
    return snap.dirs;
  }

  /** After a commit that left no record file uncommitted: what the next write compares with. */
  private leaveSnapshot(paths: string[]): void {
    const loc = this.location();
    const dirs = this.scan?.dirs;
    if (typeof loc !== "object" || !dirs || !existsSync(join(this.cwd, SETTINGS_FILE))) return;
    const head = readHead(loc.gitDir);
    const oid = head?.ref ? resolveRef(loc, head.ref) : undefined;
    if (!head?.ref || !oid) return;
    // the folders this commit's files are in changed with the write; the others stay as they were seen
    const next = { ...dirs };
    for (const p of paths) {
      const parts = p.split("/");
      for (let i = parts.length - 1; i >= 0; i--) {
        const rel = i === 0 ? "." : parts.slice(0, i).join("/");
        if (rel !== "." && !RECORD_PATHS.includes(parts[0]!)) continue;
        next[rel] = dirStamp(rel === "." ? this.cwd : join(this.cwd, ...parts.slice(0, i)));
      }
    }
    const index = join(loc.gitDir, "index");
    const snap: Snapshot = {
      v: 1,
      ref: head.ref,
      head: oid,
      index: { stamp: stamp(index), sha1: hashFile(index) },
      dirs: next,
    };
    this.scan = { clean: true, dirs: next };
    try {
      writeWholeSync(join(stateDir(this.cwd), SNAPSHOT), JSON.stringify(snap));
    } catch {
      // only a shortcut: the next write asks git status
    }
  }

  // ------------------------------------------------------------------------------------------
  // The journal of commits not yet made: .aftercare/uncommitted/*.json, one per write.

  private journalDir(): string {
    return join(stateDir(this.cwd), "uncommitted");
  }

  private async journal(paths: string[], message: string, author: Author): Promise<string> {
    const dir = this.journalDir();
    await fs.mkdir(dir, { recursive: true });
    const entry: PendingCommit = {
      at: new Date().toISOString(),
      pid: process.pid,
      message,
      author,
      files: paths.map((path) => ({ path, sha256: hashOf(join(this.cwd, path)) })),
    };
    const file = join(
      dir,
      `${Date.now().toString().padStart(15, "0")}-${process.pid}-${randomBytes(3).toString("hex")}.json`,
    );
    await writeWhole(file, jsonText(entry));
    return file;
  }

  private async noteReason(file: string, reason: string): Promise<void> {
    try {
      const entry = JSON.parse(await fs.readFile(file, "utf8")) as PendingCommit;
      await writeWhole(file, jsonText({ ...entry, reason }));
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
   *
   * When nothing is pending and the store is as the last aftercare commit left it (the snapshot
   * holds), there is nothing to finish and git is not asked: a record file edited by hand in place
   * is named when this write stages its own files (the same pass over the index).
   */
  async finishEarlierWrites(opts: { name?: boolean } = {}): Promise<string[]> {
    const notes: string[] = [];
    const pending = await this.pendingCommits();
    if (!pending.length && opts.name !== false) {
      const dirs = this.snapshotHolds();
      if (dirs) {
        this.scan = { clean: true, dirs };
        return notes;
      }
    }
    this.scan = { clean: false };
    // the folders as they are before this write, for the snapshot its commit leaves
    const dirs = opts.name !== false && typeof this.location() === "object" ? recordDirs(this.cwd) : undefined;
    const st = await this.uncommitted();
    if (!st) return notes;
    this.scan = { clean: false, looked: true };
    const dirty = new Map(st.map((f) => [f.path, f]));
    const mine = new Set<string>();
    // the newest write that still matches a file is the one that commits it
    const claim = new Map<string, number>();
    pending.forEach((p, i) => {
      for (const f of p.files)
        if (dirty.has(f.path) && hashOf(join(this.cwd, f.path)) === f.sha256) claim.set(f.path, i);
    });
    let carried: (PendingCommit & { file: string })[] = [];
    let unfinished = false;
    for (const [i, p] of pending.entries()) {
      for (const f of p.files) mine.add(f.path);
      const paths = p.files.map((f) => f.path).filter((f) => claim.get(f) === i);
      const changedSince = p.files
        .filter((f) => dirty.has(f.path) && claim.get(f.path) === undefined)
        .map((f) => f.path);
      if (changedSince.length) {
        unfinished = true;
        notes.push(
          `note: ${changedSince.join(", ")} ${changedSince.length > 1 ? "were" : "was"} saved by an earlier write ("${subjectOf(p.message)}") that was not committed, and changed since; check ${changedSince.length > 1 ? "them" : "it"}, then commit with 'aftercare doctor --fix' (or git commit)`,
        );
      }
      if (!paths.length) {
        // its files go with a later write's commit, or were committed meanwhile (by hand), or changed since
        if (p.files.some((f) => claim.get(f.path) !== undefined)) carried.push(p);
        else await fs.rm(p.file, { force: true });
        continue;
      }
      const message = carried.length
        ? withBody(
            p.message,
            `Also committed here, saved earlier but not committed then:\n${carried.map((c) => `- ${subjectOf(c.message)}`).join("\n")}`,
          )
        : p.message;
      const r = await this.commitNow(paths, message, p.author);
      if (!r.committed) {
        await this.noteReason(p.file, r.reason ?? "git did not commit");
        notes.push(
          `note: an earlier write is still not committed (${r.reason}): ${subjectOf(p.message)} — ${paths.join(", ")}; 'aftercare doctor' explains, 'aftercare doctor --fix' commits it once git can`,
        );
        this.scan = { clean: false, looked: true };
        return notes;
      }
      for (const c of [...carried, p]) await fs.rm(c.file, { force: true });
      notes.push(
        `note: committed an earlier write that had been saved but not committed${p.reason ? ` (${p.reason})` : ""}: ${subjectOf(p.message)}${carried.length ? ` (and ${carried.length} before it)` : ""} (${r.sha})`,
      );
      carried = [];
    }
    const others = st.filter((f) => !mine.has(f.path));
    if (opts.name !== false && others.length) notes.push(othersNote(others));
    // nothing left uncommitted: this write's commit can leave a snapshot for the next one
    this.scan = { clean: opts.name !== false && !others.length && !unfinished && !carried.length, dirs, looked: true };
    return notes;
  }
}

/** The line every write shows while record files are changed and not committed by no write on record. */
function othersNote(others: UncommittedFile[]): string {
  return `note: ${others.length} record file${others.length > 1 ? "s are" : " is"} changed but not committed, by no aftercare write on record (a hand edit, or a write stopped before its commit): ${others
    .slice(0, 5)
    .map((f) => `${f.path}${f.status === "changed" ? "" : ` (${f.status})`}`)
    .join(
      ", ",
    )}${others.length > 5 ? ", …" : ""}; 'aftercare doctor' explains, 'aftercare doctor --fix' commits what is valid`;
}

/** A rebase, merge, cherry-pick or revert left unfinished in a work tree's .git. */
function operationIn(dir: string): RepoState["operation"] {
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
  if (parts.length > 1 && /^[\w-]+: /.test(parts[parts.length - 1]!))
    return [...parts.slice(0, -1), para, parts[parts.length - 1]].join("\n\n");
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

function writeWholeSync(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** git's stderr when the disk (or quota) is full, in its several wordings. */
export const DISK_FULL = /No space left on device|Out of diskspace|Disk quota exceeded|write error/i;

export function firstLine(s: string): string {
  return (
    (
      s
        .split("\n")
        .map((l) => l.trim())
        // git's hints and warnings (CRLF conversion…) are not the reason it failed
        .find((l) => l && !l.startsWith("hint:") && !/^warning:/i.test(l)) ?? "git failed"
    ).replace(/^(fatal|error): /, "")
  );
}
