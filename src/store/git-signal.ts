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
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { cleanEnv, Git, gitSpawns, locateRepo } from "./git.js";

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

/** One git process; its stdout, or undefined when it could not run or failed. `children` is told of it (to stop it). */
function gitOut(
  cwd: string,
  env: NodeJS.ProcessEnv,
  args: string[],
  maxBuffer = 256 * 1024 * 1024,
  children?: ChildProcess[],
): Promise<string | undefined> {
  const full = [...LOOK, ...args];
  gitSpawns.count++;
  gitSpawns.args.push(full);
  return new Promise((done) => {
    try {
      const child = execFile(
        "git",
        full,
        { cwd, env: { ...cleanEnv(env), LC_ALL: "C" }, maxBuffer, encoding: "utf8" },
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
    /** when git was started (Date.now()): a file changed since may have been seen by git before the change */
    readonly startedAt: number,
    /** git's index files as they were when git was started (gitIndexStamp) */
    readonly indexStamp: string | undefined,
    private readonly dirtyP: Promise<PathStatus | undefined>,
    private readonly diffs: Map<string, Promise<PathStatus | undefined>>,
    /** the git processes it started, stopped by stop() */
    private readonly children: ChildProcess[],
  ) {}

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
  ): GitSignal | undefined {
    if (typeof locateRepo(root, env) !== "object") return undefined;
    const head = new Git(root, env).headCommit();
    if (!head) return undefined;
    const indexStamp = gitIndexStamp(root, env);
    const startedAt = Date.now();
    // tracked files whose content (as git's stat data and, for racily clean ones, their bytes
    // say) differs from HEAD: changed, staged, deleted, conflicted; --relative keeps a store in a
    // sub-folder of its repository to its own paths, named from its folder
    const children: ChildProcess[] = [];
    const dirty = gitOut(
      root,
      env,
      ["diff-index", "--relative", "--name-status", "-z", head, "--", ...folders],
      undefined,
      children,
    ).then((o) => (o === undefined ? undefined : parseNameStatus(o)));
    const sig = new GitSignal(root, env, folders, head, startedAt, indexStamp, dirty, new Map(), children);
    // started now, beside the diff-index; kept in diffs for whoever asks (gitOut never rejects)
    if (since && since !== head) void sig.changedSince(since);
    return sig;
  }

  /** Files that differ from HEAD (relative to the store), or undefined when git could not say. */
  dirty(): Promise<PathStatus | undefined> {
    return this.dirtyP;
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
            undefined,
            this.children,
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
    const out = await gitOut(this.root, this.env, ["ls-tree", "-r", "--name-only", "-z", this.head, "--", ...folders]);
    if (out === undefined) return undefined;
    const set = new Set(out.split("\0"));
    set.delete("");
    return set;
  }
}

// ---------------------------------------------------------------------------------------------
// What git recorded lately. git compares a file's times in whole seconds (it is built without
// nanosecond times): a file it recorded (git add, status, checkout, commit, aftercare's own
// writes) can change again within that same second, keeping its size and putting its mtime back,
// and git will not see it. The entries of git's index whose change time falls in or after a given
// second are the files that may hide such a change: they are read from the index file itself
// (versions 2–4, and a split index's shared part), and compared by their own stamps.

/** The stamp of git's index files (the work tree's index and the shared index it names), to tell that git wrote them. */
export function gitIndexStamp(root: string, env: NodeJS.ProcessEnv): string | undefined {
  const loc = locateRepo(root, env);
  if (typeof loc !== "object") return undefined;
  const parts: string[] = [];
  for (const f of indexFiles(loc.gitDir)) {
    try {
      const st = statSync(f);
      parts.push(`${f}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`);
    } catch {
      parts.push(`${f}:-`);
    }
  }
  return parts.join("|");
}

function indexFiles(gitDir: string): string[] {
  const out = [join(gitDir, "index")];
  try {
    for (const f of readdirSync(gitDir)) if (f.startsWith("sharedindex.")) out.push(join(gitDir, f));
  } catch {
    // the index alone
  }
  return out.sort();
}

interface IndexEntry {
  /** the path from the top of the work tree; "" for a split index's entry that replaces a shared one */
  path: string;
  /** whole seconds of its recorded change and modification times */
  ctime: number;
  mtime: number;
}

/** git's varint (offset encoding, as in index version 4). */
function readVarint(buf: Buffer, at: number): { value: number; next: number } {
  let c = buf[at++]!;
  let value = c & 127;
  while (c & 128) {
    c = buf[at++]!;
    value = ((value + 1) << 7) | (c & 127);
  }
  return { value, next: at };
}

/**
 * The entries of one index file whose recorded times are at or after `since` (whole seconds), with
 * the positions of those entries (or only the entries at the positions `only`), and its `link`
 * extension (a split index) if any. Undefined when the file is not an index this code knows.
 */
function scanIndex(
  buf: Buffer,
  hashLen: number,
  since: number,
  only?: ReadonlySet<number>,
):
  | { hits: { entry: IndexEntry; pos: number }[]; count: number; link?: { shared: string; replace: number[] } }
  | undefined {
  if (buf.length < 12 || buf.toString("latin1", 0, 4) !== "DIRC") return undefined;
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = buf.readUInt32BE(8);
  const hits: { entry: IndexEntry; pos: number }[] = [];
  let at = 12;
  let prev: Buffer = Buffer.alloc(0);
  const end = buf.length - hashLen;
  for (let i = 0; i < count; i++) {
    if (at + 40 + hashLen + 2 > end) return undefined;
    const ctime = buf.readUInt32BE(at);
    const mtime = buf.readUInt32BE(at + 8);
    const flags = buf.readUInt16BE(at + 40 + hashLen);
    let name = at + 40 + hashLen + 2;
    if (flags & 0x4000) {
      if (version < 3) return undefined;
      name += 2;
    }
    let path: Buffer;
    let next: number;
    if (version === 4) {
      const v = readVarint(buf, name);
      const nul = buf.indexOf(0, v.next);
      if (nul < 0 || v.value > prev.length) return undefined;
      path = Buffer.concat([prev.subarray(0, prev.length - v.value), buf.subarray(v.next, nul)]);
      prev = path;
      next = nul + 1;
    } else {
      const nul = buf.indexOf(0, name);
      if (nul < 0) return undefined;
      path = buf.subarray(name, nul);
      next = at + ((name - at + (nul - name) + 8) & ~7);
    }
    if (only ? only.has(i) : ctime >= since || mtime >= since)
      hits.push({ entry: { path: path.toString("utf8"), ctime, mtime }, pos: i });
    at = next;
  }
  // extensions: a split index names its shared part and which of its entries this one replaces
  let link: { shared: string; replace: number[] } | undefined;
  while (at + 8 <= end) {
    const sig = buf.toString("latin1", at, at + 4);
    const size = buf.readUInt32BE(at + 4);
    if (sig === "link") {
      const data = buf.subarray(at + 8, at + 8 + size);
      const shared = data.subarray(0, hashLen).toString("hex");
      const del = ewahSize(data, hashLen);
      if (del === undefined) return undefined;
      const replace = ewahBits(data, hashLen + del);
      if (!replace) return undefined;
      link = { shared, replace };
    }
    at += 8 + size;
  }
  return { hits, count, link };
}

/** The bytes an EWAH bitmap takes (git's ewah_io: bits, words, the words, the last run word's position). */
function ewahSize(data: Buffer, at: number): number | undefined {
  if (at + 8 > data.length) return undefined;
  return 8 + data.readUInt32BE(at + 4) * 8 + 4;
}

/** The positions of the set bits of an EWAH bitmap, in order. */
function ewahBits(data: Buffer, at: number): number[] | undefined {
  if (at + 8 > data.length) return undefined;
  const words = data.readUInt32BE(at + 4);
  if (at + 8 + words * 8 > data.length) return undefined;
  const out: number[] = [];
  let bit = 0;
  let w = 0;
  const word = (k: number) => ({ hi: data.readUInt32BE(at + 8 + k * 8), lo: data.readUInt32BE(at + 12 + k * 8) });
  while (w < words) {
    const { hi, lo } = word(w++);
    // a run word: bit 0 the running bit, bits 1–32 the run's length in words, bits 33–63 the literal words after it
    const running = lo & 1;
    const runLength = (lo >>> 1) + (hi & 1) * 2 ** 31;
    const literals = hi >>> 1;
    if (running) for (let i = 0; i < runLength * 64; i++) out.push(bit + i);
    bit += runLength * 64;
    for (let k = 0; k < literals && w < words; k++) {
      const l = word(w++);
      for (let i = 0; i < 32; i++) if ((l.lo >>> i) & 1) out.push(bit + i);
      for (let i = 0; i < 32; i++) if ((l.hi >>> i) & 1) out.push(bit + 32 + i);
      bit += 64;
    }
  }
  return out;
}

/**
 * The files (relative to the store) git's index recorded with a change or modification time at or
 * after `since` (seconds since 1970): those in which git may miss a further change made in the
 * same second. Undefined when the index cannot be read here (the caller compares every stamp).
 */
export function recordedSince(
  root: string,
  env: NodeJS.ProcessEnv,
  head: string,
  since: number,
): Set<string> | undefined {
  const loc = locateRepo(root, env);
  if (typeof loc !== "object") return undefined;
  const hashLen = head.length === 64 ? 32 : 20;
  let main: Buffer;
  try {
    main = readFileSync(join(loc.gitDir, "index"));
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? new Set() : undefined;
  }
  const top = scanIndex(main, hashLen, since);
  if (!top) return undefined;
  const paths = new Set<string>();
  const add = (p: string) => {
    if (p.startsWith(loc.prefix)) paths.add(p.slice(loc.prefix.length));
  };
  let replaced = 0;
  for (const { entry, pos } of top.hits) {
    if (entry.path) add(entry.path);
    else replaced = Math.max(replaced, pos + 1);
  }
  if (top.link) {
    // the shared part: its recent entries, and the paths of the entries this index replaces
    let sharedBuf: Buffer;
    try {
      sharedBuf = readFileSync(join(loc.gitDir, `sharedindex.${top.link.shared}`));
    } catch {
      return undefined;
    }
    const wanted = new Set<number>();
    for (const { entry, pos } of top.hits) if (!entry.path) wanted.add(top.link.replace[pos] ?? -1);
    if (wanted.has(-1)) return undefined;
    const shared = scanIndex(sharedBuf, hashLen, since);
    if (!shared) return undefined;
    for (const { entry } of shared.hits) add(entry.path);
    if (wanted.size) {
      const named = scanIndex(sharedBuf, hashLen, 0, wanted);
      if (!named) return undefined;
      for (const { entry } of named.hits) add(entry.path);
    }
  } else if (replaced) return undefined;
  return paths;
}
