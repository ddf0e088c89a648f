// What the last aftercare commit left: a snapshot to tell, with no git process, that nothing has
// changed behind its back since (.aftercare/git-snapshot.json, git-ignored, never the truth).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { stateDir } from "../state-dir.js";
import { SETTINGS_FILE } from "../layout.js";
import { dirStamp, hashFile, stamp, writeWholeSync } from "./files.js";
import { readHead, resolveRef, type RepoLocation } from "./locate.js";
import { RECORD_PATHS } from "./uncommitted.js";

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

/**
 * Every folder that holds records, with its stamp: the store's own folder, and each record folder
 * with the folders under it. A folder whose link count says it has no sub-folders is not read.
 */
export function recordDirs(root: string): Record<string, string> {
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

/**
 * The folders' stamps when the store is exactly as aftercare's last commit left it, as far as
 * anything but a record file edited in place can tell: the same commit on the same branch, git's
 * index unchanged, no file added, removed or renamed in any record folder. (A file edited in place
 * is what `update-index --refresh` finds while the write stages its own.) Undefined otherwise.
 */
export function snapshotHolds(cwd: string, loc: RepoLocation): Record<string, string> | undefined {
  let snap: Snapshot;
  try {
    snap = JSON.parse(readFileSync(join(cwd, ".aftercare", SNAPSHOT), "utf8")) as Snapshot;
  } catch {
    return undefined;
  }
  if (snap.v !== 1 || !snap.dirs || !snap.index) return undefined;
  const head = readHead(loc.gitDir);
  if (head?.ref !== snap.ref || resolveRef(loc, snap.ref) !== snap.head) return undefined;
  const index = join(loc.gitDir, "index");
  if (stamp(index) !== snap.index.stamp && hashFile(index) !== snap.index.sha1) return undefined;
  for (const [rel, s] of Object.entries(snap.dirs))
    if (dirStamp(rel === "." ? cwd : join(cwd, ...rel.split("/"))) !== s) return undefined;
  return snap.dirs;
}

/**
 * After a commit that left no record file uncommitted: what the next write compares with. Returns
 * the folders' stamps it left (undefined when it left none: outside a store, a branch not yet born).
 */
export function leaveSnapshot(
  cwd: string,
  loc: RepoLocation,
  dirs: Record<string, string>,
  paths: string[],
): Record<string, string> | undefined {
  if (!existsSync(join(cwd, SETTINGS_FILE))) return undefined;
  const head = readHead(loc.gitDir);
  const oid = head?.ref ? resolveRef(loc, head.ref) : undefined;
  if (!head?.ref || !oid) return undefined;
  // the folders this commit's files are in changed with the write; the others stay as they were seen
  const next = { ...dirs };
  for (const p of paths) {
    const parts = p.split("/");
    for (let i = parts.length - 1; i >= 0; i--) {
      const rel = i === 0 ? "." : parts.slice(0, i).join("/");
      if (rel !== "." && !RECORD_PATHS.includes(parts[0]!)) continue;
      next[rel] = dirStamp(rel === "." ? cwd : join(cwd, ...parts.slice(0, i)));
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
  try {
    writeWholeSync(join(stateDir(cwd), SNAPSHOT), JSON.stringify(snap));
  } catch {
    // only a shortcut: the next write asks git status
  }
  return next;
}
