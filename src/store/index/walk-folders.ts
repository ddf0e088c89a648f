// Walking the record folders for the index's refresh (sync-files.ts, docs/performance.md
// "Freshness"): a folder whose stamp moved is listed again and its names compared with the
// index's, files gone are forgotten, and the files no row holds are returned to be read.
//
// When the store's watcher vouched for what changed (a large store), a folder whose stamp moved
// need not be listed: every name made, removed or renamed in it since the index's token was an
// event, and the watcher told its path. A told path the index holds is compared (and forgotten
// when its file is gone) like any told file; a told path it does not hold has its folder listed
// (unknownFolders). After a pull of 100 files in 81 month folders of ~1,300 names each, that is
// 105,000 names not listed again (docs/performance.md, "the first read after a pull").
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { RecordKind } from "../../domain/ids.js";
import { FOLDERS } from "../store.js";
import { unreadableFolder } from "../unreadable.js";
import { KIND_ORDER } from "./common.js";
import type { Changes } from "./find-duties.js";
import type { DB } from "./schema.js";

/** A file found in a folder listed again that no row holds yet (as the reader is asked for it: no more, it may be every file; its folder is its path's). */
export interface Found {
  path: string;
  kind: RecordKind;
}

/** The watcher's answer, for the walk: the paths it told, and when it was asked. */
export interface Vouched {
  told: Set<string>;
  askedAt: number;
}

/**
 * A folder's stamp is kept, when its listing was spared, only if it was last changed this long
 * before the watcher was asked: a change after the ask (told next time) then gives it another
 * stamp whatever the clock's tick (the file system's coarse clock lags by at most one, 1–10 ms),
 * so that a read that falls back to git's sweep (which names no new file) lists it again. A
 * folder changed nearer than that keeps its old stamp: the next refresh compares it again. A
 * folder whose times are whole seconds (a file system that keeps no finer: FAT, HFS+, ext3) may
 * lag a second or two behind a change: its stamp is kept only when it is older than that.
 */
export const SETTLED_MS = 50;
const COARSE_SETTLED_MS = 2_500;

/** Whether a spared folder's stamp may be kept (see SETTLED_MS). */
export function settled(st: { mtimeMs: number; ctimeMs: number }, askedAt: number): boolean {
  const coarse = Number.isInteger(st.mtimeMs / 1000) && Number.isInteger(st.ctimeMs / 1000);
  return Math.max(st.mtimeMs, st.ctimeMs) <= askedAt - (coarse ? COARSE_SETTLED_MS : SETTLED_MS);
}

/**
 * The folders of paths the watcher told of that no row holds (a file or folder made there): listed
 * again even when the folder's stamp did not move (its times are coarse: a file made in the same
 * tick as the last listing leaves them as they were).
 */
export function unknownFolders(db: DB, told: Set<string> | undefined): Set<string> {
  const out = new Set<string>();
  if (!told?.size) return out;
  const has = db.prepare("SELECT 1 FROM file WHERE path = ?").pluck();
  for (const p of told) if (p.includes("/") && has.get(p) === undefined) out.add(p.slice(0, p.lastIndexOf("/")));
  return out;
}

interface Walk {
  db: DB;
  root: string;
  changes: Changes;
}

/** Folders listed again and folders whose listing the watcher's word spared, in one walk. */
export interface WalkTally {
  listed: number;
  spared: number;
}

/**
 * Walk the record folders: a folder is listed again only when its modification time moved (a file
 * added, removed or renamed, or replaced by a new one) or it is in `relist`, and its names compared
 * with the index's; files gone are forgotten. With the watcher's word (`vouched`), a folder whose
 * stamp moved is not listed when the watcher named neither it nor a path in it the index does not
 * hold, it is the folder it was (same inode), and it was reached through a folder not listed either
 * (a folder listed may have been replaced with all it holds: its subfolders are listed too).
 * Returns the files no row holds yet.
 */
export function walkFolders(s: Walk, relist: Set<string>, vouched?: Vouched, tally?: WalkTally): Found[] {
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
  const children = childrenOf(knownDirs.keys());
  const spared = (rel: string, ino: number, parentListed: boolean) =>
    !!vouched && !parentListed && !relist.has(rel) && sameFolder(knownDirs.get(rel), ino, rel, vouched);
  const walk = (rel: string, kind: RecordKind, parentListed: boolean) => {
    const abs = join(s.root, ...rel.split("/"));
    const st = statFolder(abs);
    if (!st) return;
    seen.add(rel);
    const stamp = `${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
    const same = knownDirs.get(rel) === stamp && !relist.has(rel);
    if (same || spared(rel, st.ino, parentListed)) {
      if (!same && tally) tally.spared++;
      if (!same && settled(st, vouched!.askedAt)) putDir.run(rel, stamp);
      // its subfolders are the ones we know
      for (const d of children.get(rel) ?? []) walk(d, kind, false);
      return;
    }
    const entries = listFolder(abs, rel, kind);
    if (!entries) return;
    if (tally) tally.listed++;
    const known = new Set(getFiles.all(rel) as string[]);
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child, kind, true);
      else if (e.name.endsWith(".yaml") || e.name.endsWith(".yml")) {
        if (!known.delete(child)) found.push({ path: child, kind });
      }
    }
    for (const gone of known) forget(gone);
    putDir.run(rel, stamp);
  };
  for (const kind of KIND_ORDER) walk(FOLDERS[kind], kind, false);
  // folders that are gone, with everything that was in them
  const delDir = db.prepare("DELETE FROM dir WHERE path = ?");
  for (const d of knownDirs.keys()) {
    if (seen.has(d)) continue;
    for (const p of getFiles.all(d) as string[]) forget(p);
    delDir.run(d);
  }
  return found;
}

/** The known folders under each known folder. */
function childrenOf(dirs: Iterable<string>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const d of dirs) {
    const parent = d.slice(0, d.lastIndexOf("/"));
    if (parent) (children.get(parent) ?? children.set(parent, []).get(parent)!).push(d);
  }
  return children;
}

/** A folder the watcher's word spares (walkFolders): the one it was (same inode), not named itself by an event. */
function sameFolder(was: string | undefined, ino: number, rel: string, vouched: Vouched): boolean {
  return was !== undefined && !vouched.told.has(rel) && was.slice(was.lastIndexOf(":") + 1) === String(ino);
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
