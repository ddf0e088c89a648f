// What a write and the derived index tell each other under the store's lock (docs/performance.md,
// "Writes"). Before the write: the files that differ from HEAD, as the index's refresh has just
// learnt them from git (its `git diff-index` and table `watch`), or — when the store's watcher
// answered it, as it answers a read — from git asked about only the files that may differ
// (uncommittedTold): what `git status` would name in the record folders, so that the write does
// not make git compare every file's stat (206,000 at 205k records) at all, or a second time.
// After the write's own commit: the files it committed and the commit, handed to the index as
// git's answer would be (a FileSignal that starts no process), so that the next read finds the
// index at HEAD, with git's index as the write left it, and nothing to catch up (after the
// watcher's answer nothing is handed over: the watcher tells the next read of the written files).
import { existsSync } from "node:fs";
import { join } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { gitIndexStamp } from "../git-index-file.js";
import { GitSignal, type PathStatus } from "../git-signal.js";
import type { UncommittedFile } from "../git/uncommitted.js";
import { FORMAT, RECORD_FOLDERS, UNTRACKED } from "./common.js";
import { meta, type DB } from "./schema.js";
import type { FileSignal } from "./sync-files.js";

/** A commit this run made with fast-import: exactly `paths` (relative to the store) on top of `parent`. */
export interface OwnCommit {
  parent: string;
  commit: string;
  paths: string[];
  /** git's index files just before the write staged its files (gitIndexStamp) */
  indexBefore: string | undefined;
  /** the staging re-recorded the stat data of other files too (`update-index --refresh`) */
  refreshed: boolean;
}

/**
 * An index already built in this format, reflecting a commit: a write opens only such an index
 * (a missing or outdated one is rebuilt by the next read, not inside a write).
 */
export function isCurrent(Database: typeof BetterSqlite3, file: string): boolean {
  if (!existsSync(file)) return false;
  let db: DB | undefined;
  try {
    db = new Database(file, { timeout: 30_000 });
    return meta(db, "format") === FORMAT && meta(db, "head") !== undefined;
  } catch {
    return false;
  } finally {
    try {
      db?.close();
    } catch {
      // a damaged file: the next read rebuilds it
    }
  }
}

const wordOf = (letter: string): UncommittedFile["status"] =>
  letter === "U" ? "conflicted" : letter === "D" ? "deleted" : letter === "A" ? "new" : "changed";

/**
 * The files `git status` would name as uncommitted, in its order: those git named as differing
 * from HEAD (changed, staged, deleted, conflicted), then the record files HEAD does not hold
 * (table `watch`, new files), each sorted as git sorts. Dot-files (temporary files) are left out,
 * as parseStatus does.
 */
export function uncommittedOf(db: DB, dirty: PathStatus): UncommittedFile[] {
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const untracked = db.prepare("SELECT path FROM watch WHERE (why & ?) != 0").pluck().all(UNTRACKED) as string[];
  const out: UncommittedFile[] = [
    ...[...dirty.keys()].sort(byPath).map((path) => ({ path, status: wordOf(dirty.get(path)!) })),
    ...untracked
      .filter((p) => !dirty.has(p))
      .sort(byPath)
      .map((path) => ({ path, status: "new" as const })),
  ];
  return out.filter((f) => !f.path.slice(f.path.lastIndexOf("/") + 1).startsWith("."));
}

/** More files than this may differ from HEAD: git's sweep names them instead of a list of paths. */
const TOLD_AT_MOST = 2000;

/**
 * After a refresh the store's watcher answered (no sweep by git): the files that differ from HEAD,
 * as `git diff-index` names them, asking git about only those that may — table `watch` holds every
 * file the watcher told of since git's last sweep, those that sweep named, and those a move of
 * HEAD changed (next-watch.ts) — and `paths` (aftercare.yaml, reports: no watcher looks there).
 * One pass over a few files instead of 206,000 (docs/performance.md). Undefined when git cannot
 * say, or HEAD is no longer `head`: the write then asks git status.
 */
export async function uncommittedTold(
  db: DB,
  root: string,
  env: NodeJS.ProcessEnv,
  head: string,
  paths: readonly string[],
): Promise<PathStatus | undefined> {
  const maybe = db.prepare("SELECT path FROM watch").pluck().all() as string[];
  const ask = maybe.length > TOLD_AT_MOST ? [...RECORD_FOLDERS, ...paths] : [...maybe, ...paths];
  if (!ask.length) return new Map();
  const signal = GitSignal.start(root, env, ask, undefined, { sweep: false });
  if (!signal || signal.head !== head) return undefined;
  return signal.dirty();
}

/**
 * What the writer knows after its commit, as git would answer the index's refresh: HEAD is the new
 * commit, which changed exactly the written files since the commit the index reflects; git's index
 * recorded those files and nothing else since the index last saw it (staged without `--refresh`);
 * the files git named before the write are still to be compared once more. Undefined when that
 * does not hold (another commit or git index in between, a refreshing stage): the next read asks git.
 */
export function commitSignal(
  db: DB,
  root: string,
  env: NodeJS.ProcessEnv,
  c: OwnCommit,
  before: PathStatus,
): FileSignal | undefined {
  if (c.refreshed || c.indexBefore === undefined) return undefined;
  if (meta(db, "head") !== c.parent || meta(db, "gitIndex") !== c.indexBefore) return undefined;
  const indexStamp = gitIndexStamp(root, env);
  if (indexStamp === undefined || indexStamp === c.indexBefore) return undefined;
  const mine: PathStatus = new Map(c.paths.map((p) => [p, existsSync(join(root, ...p.split("/"))) ? "M" : "D"]));
  const dirty: PathStatus = new Map([...before, ...mine]);
  return {
    head: c.commit,
    startedAt: Date.now(),
    indexStamp,
    dirty: () => Promise.resolve(dirty),
    changedSince: (since) =>
      Promise.resolve(since === c.parent ? mine : since === c.commit ? new Map<string, string>() : undefined),
    recordedSince: () => new Set(c.paths),
    // a file new to the index now (added by hand since its refresh) is not in the commit, which holds
    // the parent's files (all known to the index) and the written ones (named by changedSince)
    inHead: () => Promise.resolve(new Set<string>()),
    // a write's refresh does not ask the watcher: no token to keep with this answer
    sweepAgain: () => undefined,
  };
}
