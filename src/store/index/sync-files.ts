// Bringing the index's file rows up to date with the files (docs/performance.md, "Freshness"):
// changed folders are listed again and their names compared; files changed in place are found by
// comparing stamps, of every file, of those the store's watcher saw change (src/store/watch/), or
// of those git names; with those neither can vouch for (table `watch`, next-watch.ts); what
// changed is read again, and its group noted for its duties to be found again.
import { readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import type { RecordKind } from "../../domain/ids.js";
import { stampOf } from "../cache.js";
import type { ReadItem, ReadResult, ReadWhat } from "../fastread.js";
import type { GitSignal, PathStatus } from "../git-signal.js";

/** What the refresh asks of git (GitSignal; after a write's own commit, what the writer knows: after-write.ts). */
export type FileSignal = Pick<
  GitSignal,
  "head" | "startedAt" | "indexStamp" | "dirty" | "changedSince" | "recordedSince" | "inHead" | "sweepAgain"
>;
import { FOLDERS } from "../store.js";
import { unreadableFolder } from "../unreadable.js";
import type { WatchAnswer } from "../watch/client.js";
import { changedNear, KIND_ORDER } from "./common.js";
import type { Changes } from "./find-duties.js";
import { nextWatch } from "./next-watch.js";
import { dropMeta, meta, setMeta, type DB } from "./schema.js";

/** What git (and the watcher) say, and what the index reflects: the commit, the files to look at again. */
export interface GitView {
  head: string;
  dirty: PathStatus;
  changed?: PathStatus;
  recorded?: Set<string>;
  /** the paths the watcher saw change since the index's token: read again whatever their stamps say */
  told?: Set<string>;
}

export interface SyncFiles {
  db: DB;
  root: string;
  changes: Changes;
  /** files compared so far, for a progress line */
  counts: { files: number };
  onProgress: () => void;
  /** write a file as read into the index; returns its group */
  put: (r: ReadResult, dir: string) => string | null;
  /** what the reader returns of each record (default: its value) */
  read?: ReadWhat;
  /** ask the store's watcher what changed since a token (client.ts askWatcher); absent when none is wanted */
  ask?: (token: string | undefined) => Promise<WatchAnswer>;
}

/**
 * Compare the files with what the index holds, read what changed into it and forget what is gone,
 * noting each changed record (as it was and as it is) in `s.changes`. With the watcher's answer
 * (a large store) only the files it saw change, those git says a move of HEAD changed and those
 * kept in `watch` are compared, and git's sweep is not run; with git's answer (`signal`) the files
 * git names and those it cannot vouch for; else every file.
 * Returns the files git named as differing from HEAD when the index now reflects git's answer
 * (meta `head`): with table `watch`'s files HEAD does not hold, what a write would name as
 * uncommitted. Undefined after the watcher's answer: git named nothing then.
 */
export async function syncFiles(s: SyncFiles, signal: FileSignal | undefined): Promise<PathStatus | undefined> {
  const db = s.db;
  let git: GitView | undefined;
  let answer: WatchAnswer;
  if (signal) {
    const since = meta(db, "head"); // read under the write lock: another desk may have moved it
    answer = s.ask ? await s.ask(meta(db, "watchToken")) : undefined;
    if (answer?.changed && since) {
      // the watcher vouches for every file changed since the token: no sweep by git
      const changed = await signal.changedSince(since);
      if (changed) git = { head: signal.head, dirty: new Map(), changed, told: new Set(answer.changed) };
    }
    if (!git) {
      // the token is kept with git's answer: a sweep started before it (ahead, at the process's start) is too early
      if (answer && signal.startedAt !== 0) signal.sweepAgain();
      const [dirty, changed] = await Promise.all([signal.dirty(), since ? signal.changedSince(since) : undefined]);
      if (dirty) git = { head: signal.head, dirty, changed };
    }
  }
  const watched = new Map(
    (db.prepare("SELECT path, why FROM watch").all() as { path: string; why: number }[]).map((r) => [r.path, r.why]),
  );
  // every file's stamp is compared unless git names what changed since the commit the index reflects
  let sweep = !git?.changed;
  // git wrote its index since the last read: the files it recorded then may hide a change made
  // in the same second (git compares whole seconds), and are compared too; a change the watcher
  // saw is an event whatever its second, so it needs no such guard
  if (git && !git.told && !sweep && signal!.indexStamp !== meta(db, "gitIndex")) {
    git.recorded = signal!.recordedSince(meta(db, "gitIndex"));
    if (!git.recorded) sweep = true;
  }
  const found = walkFolders(s, unknownFolders(db, git?.told));
  const known = filesToCompare(db, sweep ? undefined : git, watched);
  const gitAt = git && !git.told ? signal!.startedAt : undefined;
  const recent = await compareAndRead(s, known, found, gitAt, git?.told);
  const head = await nextWatch(db, git ? signal : undefined, git, { sweep, watched, found, recent });
  // the watcher's token, applied in the same transaction: what changes after it is told next time;
  // a refresh that did not ask (a write's) keeps it: the next read is told everything since, a superset
  if (git && answer) setMeta(db, "watchToken", answer.token);
  else if (s.ask && meta(db, "watchToken") !== undefined) dropMeta(db, "watchToken");
  return head === undefined || git!.told ? undefined : git!.dirty;
}

/** A file found in a folder listed again that no row holds yet. */
export interface Found {
  path: string;
  kind: RecordKind;
  dir: string;
}

/**
 * Walk the record folders: a folder is listed again only when its modification time moved (a file
 * added, removed or renamed, or replaced by a new one), and its names compared with the index's;
 * files gone are forgotten. Returns the files no row holds yet.
 */
/**
 * The folders of paths the watcher told of that no row holds (a file or folder made there): listed
 * again even when the folder's stamp did not move (its times are coarse: a file made in the same
 * tick as the last listing leaves them as they were).
 */
function unknownFolders(db: DB, told: Set<string> | undefined): Set<string> {
  const out = new Set<string>();
  if (!told?.size) return out;
  const has = db.prepare("SELECT 1 FROM file WHERE path = ?").pluck();
  for (const p of told) if (p.includes("/") && has.get(p) === undefined) out.add(p.slice(0, p.lastIndexOf("/")));
  return out;
}

function walkFolders(s: SyncFiles, relist: Set<string>): Found[] {
  const db = s.db;
  const knownDirs = new Map(
    (db.prepare("SELECT path, stamp FROM dir").all() as { path: string; stamp: string }[]).map((r) => [
      r.path,
      r.stamp,
    ]),
  );
  const getFiles = db.prepare("SELECT path FROM file WHERE dir = ?").pluck();
  const delFile = db.prepare("DELETE FROM file WHERE path = ? RETURNING grp, kind, id, value");
  const putDir = db.prepare(
    "INSERT INTO dir (path, stamp) VALUES (?, ?) ON CONFLICT(path) DO UPDATE SET stamp = excluded.stamp",
  );
  const forget = (path: string) => {
    const r = delFile.get(path) as { grp: string | null; kind: RecordKind; id: string; value: string | null };
    s.changes.record(r.grp, r.kind, r.id, r.value ?? undefined);
  };
  const seen = new Set<string>();
  const found: Found[] = [];
  const children = new Map<string, string[]>();
  for (const d of knownDirs.keys()) {
    const parent = d.slice(0, d.lastIndexOf("/"));
    if (parent) (children.get(parent) ?? children.set(parent, []).get(parent)!).push(d);
  }
  const walk = (rel: string, kind: RecordKind) => {
    const abs = join(s.root, ...rel.split("/"));
    const st = statFolder(abs);
    if (!st) return;
    seen.add(rel);
    const stamp = `${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
    if (knownDirs.get(rel) === stamp && !relist.has(rel)) {
      // unchanged: its subfolders are the ones we know
      for (const d of children.get(rel) ?? []) walk(d, kind);
      return;
    }
    const entries = listFolder(abs, rel, kind);
    if (!entries) return;
    const known = new Set(getFiles.all(rel) as string[]);
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child, kind);
      else if (e.name.endsWith(".yaml") || e.name.endsWith(".yml")) {
        if (!known.delete(child)) found.push({ path: child, kind, dir: rel });
      }
    }
    for (const gone of known) forget(gone);
    putDir.run(rel, stamp);
  };
  for (const kind of KIND_ORDER) walk(FOLDERS[kind], kind);
  // folders that are gone, with everything that was in them
  const delDir = db.prepare("DELETE FROM dir WHERE path = ?");
  for (const d of knownDirs.keys()) {
    if (seen.has(d)) continue;
    for (const p of getFiles.all(d) as string[]) forget(p);
    delDir.run(d);
  }
  return found;
}

/** A folder's stat; undefined when it is gone or not a folder. */
function statFolder(abs: string) {
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw e;
  }
  return st.isDirectory() ? st : undefined;
}

/** A folder's entries; undefined when it is gone; a folder that cannot be read is refused, not taken as empty. */
function listFolder(abs: string, rel: string, kind: RecordKind) {
  try {
    return readdirSync(abs, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw unreadableFolder(kind, rel, e);
  }
}

/** The files whose stamps are compared, with their stamps: every one (`git` undefined), or those git names or cannot vouch for. */
function filesToCompare(db: DB, git: GitView | undefined, watched: Map<string, number>): [string, string][] {
  if (!git) return db.prepare("SELECT path, stamp FROM file").raw().all() as [string, string][];
  const getStamp = db.prepare("SELECT stamp FROM file WHERE path = ?").pluck();
  const paths = new Set([
    ...git.dirty.keys(),
    ...git.changed!.keys(),
    // the files kept to look at again: when the watcher answered, it tells every change since its
    // token, taken before the read that kept them compared them, so they are not compared again
    // (after git named every file — a store copied or restored — that would be every file, each read)
    ...(git.told ? [] : watched.keys()),
    ...(git.recorded ?? []),
    ...(git.told ?? []),
  ]);
  const out: [string, string][] = [];
  for (const p of paths) {
    const stamp = getStamp.get(p) as string | undefined;
    if (stamp !== undefined) out.push([p, stamp]);
  }
  return out;
}

/**
 * Stat each file to compare; read those whose stamp moved, and the new ones, into the index (the
 * reader loads YAML and the schemas: a warm read of an unchanged store loads neither). Returns the
 * files seen with a change time near or after git's look (`gitAt`): git may miss their next
 * change, or have looked before this one. A file the watcher saw change (`told`) is read again
 * even when its stamp is the same: two writes within the clock's tick (a few ms) share one.
 */
async function compareAndRead(
  s: SyncFiles,
  known: [path: string, stamp: string][],
  found: Found[],
  gitAt: number | undefined,
  told: Set<string> | undefined,
): Promise<Set<string>> {
  const getRow = s.db.prepare("SELECT kind, dir, grp, id, value FROM file WHERE path = ?");
  const recent = new Set<string>();
  const near = (path: string, stamp: string | undefined) => {
    if (gitAt !== undefined && stamp !== undefined && changedNear(stamp, gitAt)) recent.add(path);
  };
  const items: ReadItem[] = [];
  const dirs: string[] = [];
  const prefix = s.root.endsWith(sep) ? s.root : s.root + sep;
  for (const [path, was] of known) {
    let stamp: string | undefined;
    try {
      stamp = stampOf(statSync(prefix + path));
    } catch {
      stamp = undefined; // gone or unreadable: read below, which says which
    }
    if (stamp === was && !told?.has(path)) {
      near(path, stamp);
      continue;
    }
    const r = getRow.get(path) as {
      kind: RecordKind;
      dir: string;
      grp: string | null;
      id: string;
      value: string | null;
    };
    // the record as it was: its duties may move
    s.changes.record(r.grp, r.kind, r.id, r.value ?? undefined);
    items.push({ kind: r.kind, path });
    dirs.push(r.dir);
  }
  for (const f of found) {
    items.push({ kind: f.kind, path: f.path });
    dirs.push(f.dir);
  }
  const unchanged = known.length - (items.length - found.length);
  s.counts.files = unchanged;
  if (!items.length) return recent;
  const { readEach } = await import("../fastread.js");
  const onProgress = (done: number) => {
    s.counts.files = unchanged + done;
    if (done % 1000 === 0) s.onProgress();
  };
  await readEach(items, s.root, { onProgress, ...s.read }, (r, i) => {
    near(r.path, r.stamp);
    const g = s.put(r, dirs[i]!);
    // the record as it is now
    if (g && r.value !== undefined) s.changes.record(g, r.kind, r.id, r.value);
  });
  return recent;
}
