// What git knows about the record files, for keeping the derived index fresh in a large store
// (record-index.ts, docs/performance.md "Freshness"): which files differ from the commit HEAD is
// at, and which files a move of HEAD changed. git compares every tracked file's stat with what it
// recorded (about 1.3 µs a file in C, against 2 µs for a stat from Node), on the other core while
// this process does its own work; aftercare then stats only the few files git names.
//
// Every question is one git process started with an argument array (never a shell), with none
// of the user's settings that would make git trust a file it has not looked at: no file-system
// monitor, every stat field compared (core.checkStat=default, core.trustctime), and no optional
// index writes (--no-optional-locks). Any failure — git missing, a repository git refuses, an
// odd HEAD — is "no answer": the caller then compares every file's stamp itself.
import { execFile, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { cleanEnv, Git, gitSpawns, locateRepo } from "./git.js";
import { gitIndexStamp, recordedSince } from "./git-index-file.js";

export { gitIndexStamp } from "./git-index-file.js";

/** Settings that make git look at every file (a user's core.checkStat=minimal would trust size and whole seconds). */
const LOOK = [
  "--no-optional-locks",
  "-c",
  "core.fsmonitor=false",
  "-c",
  "core.checkStat=default",
  "-c",
  "core.trustctime=true",
  "-c",
  "core.ignoreStat=false",
  "-c",
  "core.quotepath=off",
];

/** A git status letter (A, M, D, T, U…) for each path, relative to the store's folder. */
export type PathStatus = Map<string, string>;

/**
 * An index file that does not exist, for the questions about commits alone (diff-tree, ls-tree):
 * git reads its index before answering them all the same, 206,623 entries at 205k records (10–20
 * ms of CPU a process), for nothing it uses; a missing index file is an empty one. In the store's
 * own folder, in a folder aftercare never makes, so that no one else can put a file there.
 */
const noIndex = (cwd: string) => join(cwd, ".aftercare", "no-index", "index");

/**
 * One git process; its stdout, or undefined when it could not run or failed. `children` is told of
 * it (to stop it). `trees`: the question is about commits only, and git's index is not read.
 */
function gitOut(
  cwd: string,
  env: NodeJS.ProcessEnv,
  args: string[],
  o: { children?: ChildProcess[]; trees?: boolean } = {},
): Promise<string | undefined> {
  const full = [...LOOK, ...args];
  gitSpawns.count++;
  gitSpawns.args.push(full);
  const children = o.children;
  const gitEnv = { ...cleanEnv(env), LC_ALL: "C", ...(o.trees ? { GIT_INDEX_FILE: noIndex(cwd) } : {}) };
  return new Promise((done) => {
    try {
      const child = execFile(
        "git",
        full,
        { cwd, env: gitEnv, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" },
        (err, stdout) => done(err ? undefined : stdout),
      );
      children?.push(child);
      child.stdin?.on("error", () => undefined);
      child.stdin?.end();
    } catch {
      done(undefined); // git could not be started at all
    }
  });
}

/** `--name-status -z` output: status NUL path NUL, repeated. */
function parseNameStatus(out: string): PathStatus {
  const map: PathStatus = new Map();
  const parts = out.split("\0");
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const status = parts[i]!;
    const path = parts[i + 1]!;
    if (status && path) map.set(path, status[0]!);
  }
  return map;
}

export class GitSignal {
  private constructor(
    private readonly root: string,
    private readonly env: NodeJS.ProcessEnv,
    /** the record folders, relative to the store */
    private readonly folders: readonly string[],
    /** the commit HEAD was at when the signal was started */
    readonly head: string,
    /** git's index files as they were when the signal was started (gitIndexStamp) */
    readonly indexStamp: string | undefined,
    private readonly diffs: Map<string, Promise<PathStatus | undefined>>,
    /** the git processes it started, stopped by stop() */
    private readonly children: ChildProcess[],
  ) {}

  /** when git's sweep was started (Date.now()): a file changed since may have been seen by git before the change */
  startedAt = 0;
  private dirtyP?: Promise<PathStatus | undefined>;

  /**
   * Start asking git, when the store is in a repository aftercare can find from its files, with a
   * commit at HEAD: the files that differ from HEAD, and (given the commit the index reflects)
   * what changed between that commit and HEAD. Undefined when git cannot be asked here.
   */
  static start(
    root: string,
    env: NodeJS.ProcessEnv,
    folders: readonly string[],
    since?: string,
    o: { sweep?: boolean } = {},
  ): GitSignal | undefined {
    if (typeof locateRepo(root, env) !== "object") return undefined;
    const head = new Git(root, env).headCommit();
    if (!head) return undefined;
    const indexStamp = gitIndexStamp(root, env);
    const sig = new GitSignal(root, env, folders, head, indexStamp, new Map(), []);
    // the sweep is started now unless a watcher is expected to say what changed (dirty() starts it then)
    if (o.sweep !== false) void sig.dirty();
    // started now, beside the diff-index; kept in diffs for whoever asks (gitOut never rejects)
    if (since && since !== head) void sig.changedSince(since);
    return sig;
  }

  /**
   * Files that differ from HEAD (relative to the store), or undefined when git could not say: the
   * tracked files whose content (as git's stat data and, for racily clean ones, their bytes say)
   * differs from HEAD — changed, staged, deleted, conflicted. --relative keeps a store in a
   * sub-folder of its repository to its own paths, named from its folder. Started on first ask.
   */
  dirty(): Promise<PathStatus | undefined> {
    if (!this.dirtyP) {
      this.startedAt = Date.now();
      this.dirtyP = gitOut(
        this.root,
        this.env,
        ["diff-index", "--relative", "--name-status", "-z", this.head, "--", ...this.folders],
        { children: this.children },
      ).then((o) => (o === undefined ? undefined : parseNameStatus(o)));
    }
    return this.dirtyP;
  }

  /**
   * Sweep again from now: a sweep begun before a watcher's token was taken may have looked at a
   * file before a change the token does not cover (sync-files.ts keeps the token with this answer).
   */
  sweepAgain(): void {
    this.dirtyP = undefined;
    void this.dirty();
  }

  /** What changed from commit `since` to HEAD, or undefined when git could not say (a commit it no longer has). */
  changedSince(since: string): Promise<PathStatus | undefined> {
    if (since === this.head) return Promise.resolve(new Map());
    let p = this.diffs.get(since);
    if (!p) {
      p = /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(since)
        ? gitOut(
            this.root,
            this.env,
            [
              "diff-tree",
              "-r",
              "--relative",
              "--no-renames",
              "--name-status",
              "-z",
              since,
              this.head,
              "--",
              ...this.folders,
            ],
            { children: this.children, trees: true },
          ).then((o) => (o === undefined ? undefined : parseNameStatus(o)))
        : Promise.resolve(undefined);
      this.diffs.set(since, p);
    }
    return p;
  }

  /**
   * The files git's index recorded with a time at or after the oldest modification time in
   * `before` (an earlier indexStamp) less two seconds: those git may have recorded in the same
   * second as they changed, so that a further change in that second is hidden from it. Undefined
   * when that cannot be told (no earlier stamp, an index this code cannot read).
   */
  recordedSince(before: string | undefined): Set<string> | undefined {
    const times = (before ?? "").split("|").map((p) => Number(p.split(":").at(-3)));
    if (!before || times.some((t) => !Number.isFinite(t))) return undefined;
    return recordedSince(this.root, this.env, this.head, Math.floor(Math.min(...times) / 1000) - 2);
  }

  /**
   * Stop the git processes it started and still running: a signal started ahead of a read that
   * turned out not to need it (docs/performance.md "Freshness"), so that the run does not wait for them to exit.
   */
  stop(): void {
    for (const c of this.children) if (c.exitCode === null && c.signalCode === null) c.kill();
  }

  /** The files of these folders (relative to the store) that HEAD holds, or undefined when git could not say. */
  async inHead(folders: readonly string[]): Promise<Set<string> | undefined> {
    if (!folders.length) return new Set();
    const out = await gitOut(this.root, this.env, ["ls-tree", "-r", "--name-only", "-z", this.head, "--", ...folders], {
      trees: true,
    });
    if (out === undefined) return undefined;
    const set = new Set(out.split("\0"));
    set.delete("");
    return set;
  }
}
