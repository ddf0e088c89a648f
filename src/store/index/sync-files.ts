// Bringing the index's file rows up to date with the files (docs/performance.md, "Freshness"):
// changed folders are listed again and their names compared; files changed in place are found by
// comparing stamps, of every file or of those git names and those it cannot vouch for (table
// `watch`); what changed is read again, and its group noted for its duties to be found again.
import { readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import type { RecordKind } from "../../domain/ids.js";
import { stampOf } from "../cache.js";
import type { ReadItem, ReadResult, ReadWhat } from "../fastread.js";
import type { GitSignal, PathStatus } from "../git-signal.js";

/** What the refresh asks of git (GitSignal; after a write's own commit, what the writer knows: after-write.ts). */
export type FileSignal = Pick<
  GitSignal,
  "head" | "startedAt" | "indexStamp" | "dirty" | "changedSince" | "recordedSince" | "inHead"
>;
import { FOLDERS } from "../store.js";
import { unreadableFolder } from "../unreadable.js";
import { changedNear, KIND_ORDER, RECHECK, RECORD_FOLDERS, UNTRACKED } from "./common.js";
import type { Changes } from "./find-duties.js";
import { dropMeta, meta, setMeta, type DB } from "./schema.js";

/** What git says, and what the index reflects: the commit, the files to look at again. */
interface GitView {
  head: string;
  dirty: PathStatus;
  changed?: PathStatus;
  recorded?: Set<string>;
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
}

/**
 * Compare the files with what the index holds, read what changed into it and forget what is gone,
 * noting each changed record (as it was and as it is) in `s.changes`. With git's answer (`signal`,
 * a large store) only the files git names, and those it cannot vouch for, are compared; else every file.
 * Returns the files git named as differing from HEAD when the index now reflects git's answer
 * (meta `head`): with table `watch`'s files HEAD does not hold, what a write would name as uncommitted.
 */
export async function syncFiles(s: SyncFiles, signal: FileSignal | undefined): Promise<PathStatus | undefined> {
  const db = s.db;
  let git: GitView | undefined;
  if (signal) {
    const since = meta(db, "head"); // read under the write lock: another desk may have moved it
    const [dirty, changed] = await Promise.all([signal.dirty(), since ? signal.changedSince(since) : undefined]);
    if (dirty) git = { head: signal.head, dirty, changed };
  }
  const watched = new Map(
    (db.prepare("SELECT path, why FROM watch").all() as { path: string; why: number }[]).map((r) => [r.path, r.why]),
  );
  // every file's stamp is compared unless git names what changed since the commit the index reflects
  let sweep = !git?.changed;
  // git wrote its index since the last read: the files it recorded then may hide a change made
  // in the same second (git compares whole seconds), and are compared too
  if (git && !sweep && signal!.indexStamp !== meta(db, "gitIndex")) {
    git.recorded = signal!.recordedSince(meta(db, "gitIndex"));
    if (!git.recorded) sweep = true;
  }
  const found = walkFolders(s);
  const known = filesToCompare(db, sweep ? undefined : git, watched);
  const recent = await compareAndRead(s, known, found, git ? signal!.startedAt : undefined);
  const head = await nextWatch(s, git ? signal : undefined, git, { sweep, watched, found, recent });
  return head === undefined ? undefined : git!.dirty;
}

/** A file found in a folder listed again that no row holds yet. */
interface Found {
  path: string;
  kind: RecordKind;
  dir: string;
}

/**
 * Walk the record folders: a folder is listed again only when its modification time moved (a file
 * added, removed or renamed, or replaced by a new one), and its names compared with the index's;
 * files gone are forgotten. Returns the files no row holds yet.
 */
function walkFolders(s: SyncFiles): Found[] {
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
    if (knownDirs.get(rel) === stamp) {
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
  const paths = new Set([...git.dirty.keys(), ...git.changed!.keys(), ...watched.keys(), ...(git.recorded ?? [])]);
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
 * change, or have looked before this one.
 */
async function compareAndRead(
  s: SyncFiles,
  known: [path: string, stamp: string][],
  found: Found[],
  gitAt: number | undefined,
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
    if (stamp === was) {
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

/**
 * What to look at next time (table `watch`): the files that differ from HEAD, those git may have
 * seen before their change, and those HEAD does not hold (git vouches only for files in its
 * commit); and the commit and git index the index now reflects (meta `head`, `gitIndex`).
 */
async function nextWatch(
  s: SyncFiles,
  signal: FileSignal | undefined,
  git: GitView | undefined,
  o: { sweep: boolean; watched: Map<string, number>; found: Found[]; recent: Set<string> },
): Promise<string | undefined> {
  const db = s.db;
  const next = new Map<string, number>();
  let head: string | undefined;
  if (signal && git) {
    const outside = await outsideHead(db, signal, git, o);
    // when git could not say which files HEAD holds, every stamp is compared next time
    if (outside) {
      head = git.head;
      const indexed = db.prepare("SELECT 1 FROM file WHERE path = ?").pluck();
      for (const p of outside) if (indexed.get(p)) next.set(p, UNTRACKED);
      for (const p of [...git.dirty.keys(), ...o.recent])
        if (next.has(p) || indexed.get(p)) next.set(p, (next.get(p) ?? 0) | RECHECK);
    }
  }
  // written only when it changed: a read that finds nothing new writes nothing
  if (next.size !== o.watched.size || [...next].some(([p, w]) => o.watched.get(p) !== w)) {
    db.exec("DELETE FROM watch");
    const putWatch = db.prepare("INSERT INTO watch (path, why) VALUES (?, ?)");
    for (const [p, w] of next) putWatch.run(p, w);
  }
  const kept = head === undefined ? {} : { head, gitIndex: signal!.indexStamp };
  for (const k of ["head", "gitIndex"] as const) {
    const v = kept[k];
    if (v === undefined) {
      if (meta(db, k) !== undefined) dropMeta(db, k);
    } else if (meta(db, k) !== v) setMeta(db, k, v);
  }
  return head;
}

/** The indexed files HEAD does not hold; undefined when git cannot say. */
async function outsideHead(
  db: DB,
  signal: FileSignal,
  git: GitView,
  o: { sweep: boolean; watched: Map<string, number>; found: Found[] },
): Promise<Set<string> | undefined> {
  if (o.sweep) {
    const held = await signal.inHead(RECORD_FOLDERS);
    if (!held) return undefined;
    return new Set((db.prepare("SELECT path FROM file").pluck().all() as string[]).filter((p) => !held.has(p)));
  }
  const outside = new Set<string>();
  for (const [p, why] of o.watched) if (why & UNTRACKED) outside.add(p);
  for (const [p, status] of git.changed!) {
    if (status === "D") outside.add(p);
    else outside.delete(p);
  }
  // new files no commit brought: HEAD may hold them (restored by hand) or not
  const fresh = o.found.filter((f) => !git.changed!.has(f.path));
  if (fresh.length) {
    const held = await signal.inHead([...new Set(fresh.map((f) => f.dir))]);
    for (const f of fresh) if (!held?.has(f.path)) outside.add(f.path);
  }
  return outside;
}
