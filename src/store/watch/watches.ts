// The watcher's folders and what they saw (watcher.ts): one non-recursive fs.watch per folder
// (inotify through libuv, one descriptor, events in order), a count of every event, and the path
// each one named, kept for the tokens it can still vouch for.
import { mkdirSync, readdirSync, statfsSync, statSync, watch, writeFileSync, type FSWatcher } from "node:fs";
import { join } from "node:path";
import { FOLDERS } from "../layout.js";
import { COOKIE_DIR } from "./where.js";

const RECORD_FOLDERS = Object.values(FOLDERS);

/**
 * File systems whose changes inotify does not see when another machine makes them (statfs magic
 * numbers): NFS, SMB/CIFS, FUSE (sshfs…), 9p (WSL's Windows drives), Ceph, AFS, Coda. A store on
 * one of them is never vouched for: every read asks git, as without a watcher.
 */
const REMOTE_FS = new Set([
  0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x65735546, 0x01021997, 0x00c36400, 0x5346414f, 0x73757245,
]);

/** Whether inotify can be trusted to see every change to the store's files. */
function localFileSystem(root: string): boolean {
  try {
    return !REMOTE_FS.has(statfsSync(root).type);
  } catch {
    return false;
  }
}

export class Watches {
  /** events seen since the watcher started (every one, cookies too: an overflow counts them all) */
  seq = 0;
  /** the paths changed, by event, oldest first; at most `burst` of them */
  private readonly log: { seq: number; path: string }[] = [];
  /** tokens before this count cannot be vouched for (an event without a name, a failed watch, the log's cut) */
  private floor = 0;
  private readonly folders = new Map<string, { w: FSWatcher; ino: number }>();
  private readonly waiting = new Map<string, (seq: number) => void>();
  /**
   * A folder that could not be watched (the user's inotify watches used up, a folder it may not
   * read): nothing is vouched for from then on. The watcher stays, answering so (the reads ask
   * git), rather than exit and be started again by every read, until its idle time ends.
   */
  private broken = false;

  constructor(
    private readonly root: string,
    private readonly burst: number,
    private readonly gone: () => void,
  ) {}

  start(): void {
    if (!localFileSystem(this.root)) this.broken = true;
    mkdirSync(join(this.root, COOKIE_DIR), { recursive: true, mode: 0o700 });
    this.add("");
    this.add(COOKIE_DIR);
    // no token of this run exists yet: what is there now need not be noted
    for (const f of RECORD_FOLDERS) this.addTree(f, false);
  }

  count(): number {
    return this.folders.size;
  }

  close(): void {
    for (const { w } of this.folders.values()) w.close();
    this.folders.clear();
  }

  /** Nothing seen so far can be vouched for (a watch failed, a cookie's event did not come). */
  fail(): void {
    this.floor = ++this.seq;
  }

  cookie(name: string): Promise<number> {
    return new Promise((done) => this.waiting.set(name, done));
  }

  writeCookie(name: string): void {
    writeFileSync(join(this.root, COOKIE_DIR, name), "");
  }

  /**
   * The count a token given now stands for: that of the last change noted (or of the last thing
   * that could not be vouched for), not the count itself, which every query's cookie moves. So a
   * query when nothing changed gets the token it brought back, and the index need not write it
   * again (a read that writes nothing leaves SQLite nothing to sync). Sound: every change after
   * it has a higher count, and `since` still counts the cookies' events towards a burst (so the
   * token moves on to the count once the cookies since the last change near half of one).
   */
  tokenAt(seq: number): number {
    let last = this.floor;
    for (let i = this.log.length - 1; i >= 0; i--)
      if (this.log[i]!.seq <= seq) {
        last = Math.max(last, this.log[i]!.seq);
        break;
      }
    // cookies pile up towards a burst (`since`): a token that old is moved on to the count itself
    return seq - last >= this.burst / 2 ? seq : Math.min(last, seq);
  }

  /** The paths changed after token count `from` up to `to`; null when they cannot be vouched for. */
  since(from: number, to: number): string[] | null {
    if (this.broken || from < this.floor || from > to || to - from >= this.burst) return null;
    const out = new Set<string>();
    // the log is in count order: the entries after `from` are its tail
    for (let i = this.log.length - 1; i >= 0 && this.log[i]!.seq > from; i--)
      if (this.log[i]!.seq <= to) out.add(this.log[i]!.path);
    return [...out];
  }

  private note(path: string): void {
    this.log.push({ seq: this.seq, path });
    // cut in one go when twice too long: a token before the cut is older than a burst anyway
    if (this.log.length > 2 * this.burst) {
      const cut = this.log.splice(0, this.log.length - this.burst);
      this.floor = Math.max(this.floor, cut.at(-1)!.seq);
    }
  }

  /** Watch one folder (relative to the store, "" for the store itself); false when it cannot be. */
  private add(rel: string): boolean {
    const abs = rel ? join(this.root, rel) : this.root;
    let w: FSWatcher;
    let ino: number;
    try {
      ino = statSync(abs).ino;
      w = watch(abs, { persistent: true, encoding: "utf8" }, (type, name) => this.event(rel, name, type));
    } catch (e) {
      // a folder gone meanwhile is no failure (its parent's event said so); any other is
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" && (e as NodeJS.ErrnoException).code !== "ENOTDIR")
        this.broken = true;
      return false;
    }
    w.on("error", () => {
      this.broken = true;
      this.drop(rel);
    });
    this.folders.get(rel)?.w.close();
    this.folders.set(rel, { w, ino });
    return true;
  }

  /**
   * Watch a record folder and every folder in it, noting every file in them as changed: a folder
   * that appears (mkdir, a rename, a checkout) may hold files written before its watch began.
   */
  private addTree(rel: string, note = true): void {
    if (!this.add(rel)) return;
    let entries;
    try {
      entries = readdirSync(join(this.root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) this.addTree(child, note);
      else if (note) this.note(child);
    }
  }

  /** Stop watching a folder and those in it. */
  private drop(rel: string): void {
    for (const [p, { w }] of this.folders)
      if (p === rel || p.startsWith(`${rel}/`)) {
        w.close();
        this.folders.delete(p);
      }
  }

  private event(rel: string, name: string | null, type = "change"): void {
    this.seq++;
    if (!name) {
      this.fail(); // an event that names nothing: what changed cannot be told
      return;
    }
    if (rel === COOKIE_DIR) {
      const done = this.waiting.get(name);
      if (done) {
        this.waiting.delete(name);
        done(this.seq);
      }
      return;
    }
    const path = rel ? `${rel}/${name}` : name;
    this.note(path);
    if (!rel && (name === ".aftercare" || name === COOKIE_DIR.split("/")[0])) this.placeGone();
    if (rel || RECORD_FOLDERS.includes(name)) this.folderMoved(path, type === "rename");
  }

  /** .aftercare/ renamed or removed: the watcher's place is gone. */
  private placeGone(): void {
    try {
      statSync(join(this.root, COOKIE_DIR));
    } catch {
      this.gone();
    }
  }

  /**
   * A name in a watched folder changed: when it is a folder not watched yet, or another folder
   * in the place of the one watched (renamed over it, removed and made again), it is watched from
   * now on with everything in it; a watched folder gone is let go. A `renamed` name (created,
   * removed or moved) is watched again even when its inode number looks the same: a folder removed
   * and made again may get the number back, and its old watch sees nothing of the new one.
   */
  private folderMoved(path: string, renamed = false): void {
    let ino: number | undefined;
    try {
      const st = statSync(join(this.root, path));
      ino = st.isDirectory() ? st.ino : undefined;
    } catch {
      ino = undefined;
    }
    const had = this.folders.get(path);
    if (ino === undefined) {
      if (had) this.drop(path);
    } else if (!had || had.ino !== ino || renamed) {
      if (had) this.drop(path);
      this.addTree(path);
    }
  }
}
