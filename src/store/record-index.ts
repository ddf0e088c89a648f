// The derived index: .aftercare/index.sqlite (git-ignored, never the source of truth, rebuilt
// from the record files whenever it is missing, damaged or of another format).
//
// It holds every record file's validated value (or its problems) with the stamp of the file it
// was read from, and the duties each customer's records impose, as the rules engine found them
// before the moment decides their state. A read asks it for the few duties not yet done, or one
// customer's records, instead of reading and recomputing the whole store.
//
// Before every answer it is brought up to date with what changed on disk (docs/performance.md):
//   - a folder's modification time changes when a file in it is added, removed or renamed, and
//     when a file is replaced by a new one (how aftercare, git checkout/pull/merge and most
//     editors write): changed folders are listed again and their names compared;
//   - files changed in place are found by comparing stamps: every file of a store of up to
//     FULL_STAT_FILES files; in a larger store the files git names (git-signal.ts: those that
//     differ from HEAD, those a move of HEAD changed since the commit the index reflects, those
//     git recorded in the second of a change) and those it cannot vouch for (table `watch`:
//     files HEAD does not hold, files near a change when git last looked);
//   - aftercare.yaml changing what the rules see, another language, or a moment outside the span
//     in which a customer's duties were found (a record dated later than the moment, a replayed
//     day) has those duties found again.
// Customers never share duties (duties/index.ts recordDuties), so a change is recomputed for the
// customers it touches; an event's change touches everyone.
import { closeSync, openSync, readdirSync, readSync, rmSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { UsageError, UserError } from "../errors.js";
import { isId, type RecordKind } from "../domain/ids.js";
import type { Contact, Customer, CustomerEvent, RecordOf, Settings, Ticket, Waiver } from "../domain/schema.js";
import { recordDuties, type FoundDuty, type Rec } from "../domain/duties/index.js";
import { haystack, queryOf, ranked, searchKeys, tierOf, type Query, type SearchKeys } from "../domain/search.js";
import { spanOf } from "../domain/kpi.js";
import { dayOf, momentOf, type Day } from "../domain/time.js";
import { stampOf } from "./cache.js";
import { calendarStamp, engineSettings } from "./calendar-source.js";
import type { ReadItem, ReadResult } from "./fastread.js";
import { stateDir } from "./fsutil.js";
import { locateRepo } from "./git.js";
import { GitSignal, type PathStatus } from "./git-signal.js";
import { FOLDERS, pathOf, strayWarning, unreadWarning, type FileProblem, type Store } from "./store.js";

/** The code of a better-sqlite3 error (SQLITE_BUSY…), or "" for an error without one. */
function sqliteCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : "";
}

/** Bump when what is stored changes meaning (schemas, reading rules, the rules engine's output). */
const FORMAT = "8";
/**
 * Up to this many record files every file's stamp is compared on every read (≈ 2–3 µs a file);
 * past it, git names the files that changed (GitSignal). AFTERCARE_FULL_STAT_FILES sets another
 * number (the tests take the large store's path on a small store with it).
 */
export const FULL_STAT_FILES = 30_000;
/** watch.why: HEAD does not hold the file, so git cannot vouch for it */
const UNTRACKED = 1;
/** watch.why: git named it last time, or it changed while git looked: compared once more */
const RECHECK = 2;
/**
 * A file changed in the seconds around git's look may change again unseen by git, which compares
 * times in whole seconds (and may have looked before the change): it is compared once more at the
 * next read. Two seconds before the look's own, for file systems that keep whole or two seconds.
 */
const WINDOW_S = 2;

/** The number of record files up to which every stamp is compared: FULL_STAT_FILES, or AFTERCARE_FULL_STAT_FILES. */
export function fullStatLimit(env: NodeJS.ProcessEnv): number {
  const given = env.AFTERCARE_FULL_STAT_FILES?.trim();
  if (!given) return FULL_STAT_FILES;
  if (!/^\d+$/.test(given))
    throw new UsageError(
      `AFTERCARE_FULL_STAT_FILES "${env.AFTERCARE_FULL_STAT_FILES}" must be a whole number of files, such as 30000 (or unset, for ${FULL_STAT_FILES}); nothing was read`,
    );
  return Number(given);
}

/** How many files git's index tracks, from its header (and a split index's shared part); 0 when it cannot tell. */
function trackedFiles(root: string, env: NodeJS.ProcessEnv): number {
  const loc = locateRepo(root, env);
  if (typeof loc !== "object") return 0;
  const count = (file: string): number => {
    try {
      const fd = openSync(file, "r");
      try {
        const head = Buffer.alloc(12);
        return readSync(fd, head, 0, 12, 0) === 12 && head.toString("latin1", 0, 4) === "DIRC"
          ? head.readUInt32BE(8)
          : 0;
      } finally {
        closeSync(fd);
      }
    } catch {
      return 0;
    }
  };
  let n = count(join(loc.gitDir, "index"));
  try {
    for (const f of readdirSync(loc.gitDir))
      if (f.startsWith("sharedindex.")) n = Math.max(n, count(join(loc.gitDir, f)));
  } catch {
    // no .git to list: the index's own count
  }
  return n;
}

/** Whether a file with this stamp (cache.ts stampOf: size:mtime:ctime:inode) changed within WINDOW_S seconds of moment `t`, or after. */
function changedNear(stamp: string, t: number): boolean {
  const a = stamp.indexOf(":");
  const b = stamp.indexOf(":", a + 1);
  return Number(stamp.slice(b + 1, stamp.indexOf(":", b + 1))) >= (Math.floor(t / 1000) - WINDOW_S) * 1000;
}
const KIND_ORDER: RecordKind[] = ["customer", "ticket", "contact", "event", "waiver"];
const EVENTS = "#event";
const WAIVERS = "#waiver";

type DB = BetterSqlite3.Database;

/** git asked ahead of a read (RecordIndex.gitAhead), for the index's refresh to take. */
export interface GitAhead {
  root: string;
  signal: GitSignal | undefined;
}

/** Every moment the records (or settings) name: duties found at one moment hold until the next. */
function momentsOf(value: unknown, tz: string, out: number[]): void {
  if (typeof value === "string") {
    // most strings are not dates: the dash after the year says which may be
    if (value.length < 10 || value.charCodeAt(4) !== 45) return;
    if (value.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(value)) out.push(momentOf(value, tz));
    else if (value.length >= 19 && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
      const t = Date.parse(value);
      if (!Number.isNaN(t)) out.push(t);
    }
  } else if (Array.isArray(value)) for (const v of value) momentsOf(v, tz, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) momentsOf(v, tz, out);
}

/**
 * What the rules engine reads of the settings (absences only move duties between people, later),
 * and the source of the public holidays with its version (calendar-source.ts): updating the
 * dataset finds every duty again.
 */
function basisOf(settings: Settings, locale: string): string {
  const staff = settings.staff.map(({ absences: _a, ...s }) => s);
  return JSON.stringify([FORMAT, locale, { ...settings, staff }, calendarStamp(settings)]);
}

export class RecordIndex {
  private readonly db: DB;
  private events: Rec<CustomerEvent>[] | undefined;
  /** files read and customers worked out by this run, for a progress line */
  readonly counts = { files: 0, groups: 0 };
  private putFile?: BetterSqlite3.Statement;
  private progress?: (counts: { files: number; groups: number }) => void;
  /** the refresh took the git signal started ahead (gitAhead) */
  private tookAhead = false;

  private constructor(
    db: DB,
    private readonly store: Store,
  ) {
    this.db = db;
  }

  /**
   * Start asking git what changed, ahead of opening the index, for a read in a store that git says
   * is past the full-stat limit (its index's header: no process): git then compares the files'
   * stats on the other core while this process loads its modules and opens SQLite. Undefined when
   * the refresh would not ask git (a small store, AFTERCARE_INDEX=off, a setting it refuses: the
   * refresh says so). Hand it to open(); a signal the refresh does not take is stopped.
   */
  static gitAhead(root: string, env: NodeJS.ProcessEnv): GitAhead | undefined {
    if (env.AFTERCARE_INDEX === "off") return undefined;
    let limit: number;
    try {
      limit = fullStatLimit(env);
    } catch {
      return undefined;
    }
    if (trackedFiles(root, env) <= limit) return undefined;
    return {
      root,
      signal: GitSignal.start(
        root,
        env,
        KIND_ORDER.map((k) => FOLDERS[k]),
      ),
    };
  }

  /**
   * The store's index, up to date at `now` for `locale`; undefined when it cannot be used here
   * (switched off with AFTERCARE_INDEX=off, or SQLite unavailable): the caller reads the files.
   */
  static async open(
    store: Store,
    now: Date,
    locale: string,
    env: NodeJS.ProcessEnv = process.env,
    opts: { rebuild?: boolean; progress?: (counts: { files: number; groups: number }) => void; ahead?: GitAhead } = {},
  ): Promise<RecordIndex | undefined> {
    const ahead = opts.ahead?.root === store.root ? opts.ahead : undefined;
    if (opts.ahead && !ahead) opts.ahead.signal?.stop();
    // a signal started ahead that the refresh did not take: its git is stopped, not waited for
    const idx = await RecordIndex.openWith(store, now, locale, env, { ...opts, ahead }).catch((e: unknown) => {
      ahead?.signal?.stop();
      throw e;
    });
    if (!idx?.tookAhead) ahead?.signal?.stop();
    return idx;
  }

  private static async openWith(
    store: Store,
    now: Date,
    locale: string,
    env: NodeJS.ProcessEnv,
    opts: { rebuild?: boolean; progress?: (counts: { files: number; groups: number }) => void; ahead?: GitAhead },
  ): Promise<RecordIndex | undefined> {
    if (env.AFTERCARE_INDEX === "off") return undefined;
    let Database: typeof BetterSqlite3;
    try {
      Database = (await import("better-sqlite3")).default;
    } catch {
      return undefined;
    }
    let file: string;
    try {
      file = join(stateDir(store.root), "index.sqlite");
    } catch {
      return undefined; // a store on a read-only disk is read from its files
    }
    if (opts.rebuild)
      for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      let db: DB | undefined;
      try {
        db = new Database(file, { timeout: 30_000 });
        const idx = new RecordIndex(db, store);
        idx.progress = opts.progress;
        idx.setUp();
        await idx.refresh(now, locale, env, opts.ahead);
        return idx;
      } catch (e) {
        try {
          db?.close();
        } catch {
          // closing a damaged database
        }
        if (e instanceof UserError) throw e;
        // busy for longer than the wait (another desk rebuilding it), a read-only or full disk:
        // the files are read directly this time, and the index is left as it is
        if (/^SQLITE_(BUSY|LOCKED|READONLY|IOERR|FULL|PERM|CANTOPEN|NOMEM|INTERRUPT)/.test(sqliteCode(e)))
          return undefined;
        // damaged, of another format, or half-written: start again from the files
        for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
      }
    }
    return undefined;
  }

  /** How much it holds. */
  size(): { files: number; duties: number; customers: number } {
    const n = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      files: n("SELECT count(*) AS n FROM file"),
      duties: n("SELECT count(*) AS n FROM duty"),
      customers: n("SELECT count(*) AS n FROM grp"),
    };
  }

  close(): void {
    this.db.close();
  }

  private setUp(): void {
    const db = this.db;
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec("CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
    if (this.meta("format") !== FORMAT) {
      // another format: everything is read again from the files
      db.exec(
        "DROP TABLE IF EXISTS dir; DROP TABLE IF EXISTS file; DROP TABLE IF EXISTS grp; DROP TABLE IF EXISTS duty; DROP TABLE IF EXISTS search; DELETE FROM meta;",
      );
      this.setMeta("format", FORMAT);
    }
    db.exec(`
      CREATE TABLE IF NOT EXISTS dir (path TEXT PRIMARY KEY, stamp TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS watch (path TEXT PRIMARY KEY, why INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS file (path TEXT PRIMARY KEY, dir TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, grp TEXT, stamp TEXT NOT NULL, value TEXT, problems TEXT, placed INTEGER NOT NULL, ref TEXT, lo REAL, hi REAL);
      CREATE INDEX IF NOT EXISTS file_dir ON file(dir);
      CREATE INDEX IF NOT EXISTS file_ref ON file(ref) WHERE ref IS NOT NULL;
      CREATE INDEX IF NOT EXISTS file_grp ON file(grp);
      CREATE INDEX IF NOT EXISTS file_id ON file(id);
      CREATE INDEX IF NOT EXISTS file_problems ON file(kind) WHERE problems IS NOT NULL;
      CREATE INDEX IF NOT EXISTS file_stray ON file(kind) WHERE placed = 0 AND value IS NOT NULL;
      CREATE INDEX IF NOT EXISTS file_span_ticket ON file(hi, lo) WHERE kind = 'ticket' AND placed = 1 AND value IS NOT NULL;
      CREATE INDEX IF NOT EXISTS file_span_contact ON file(hi, lo) WHERE kind = 'contact' AND placed = 1 AND value IS NOT NULL;
      CREATE INDEX IF NOT EXISTS file_events ON file(path) WHERE kind = 'event' AND placed = 1 AND value IS NOT NULL;
      CREATE INDEX IF NOT EXISTS file_waivers ON file(path) WHERE kind = 'waiver' AND placed = 1 AND value IS NOT NULL;
      CREATE TABLE IF NOT EXISTS grp (id TEXT PRIMARY KEY, start TEXT, valid_from REAL NOT NULL, valid_until REAL NOT NULL);
      CREATE TABLE IF NOT EXISTS duty (grp TEXT NOT NULL, key TEXT NOT NULL, ticket TEXT, customer TEXT, undone INTEGER NOT NULL, expires TEXT, expires_at REAL, deadline TEXT NOT NULL, json TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS duty_grp ON duty(grp);
      CREATE INDEX IF NOT EXISTS duty_undone ON duty(undone) WHERE undone = 1;
      CREATE INDEX IF NOT EXISTS duty_deadline ON duty(deadline);
      CREATE INDEX IF NOT EXISTS duty_ticket ON duty(ticket);
      CREATE INDEX IF NOT EXISTS duty_customer ON duty(customer);
      CREATE INDEX IF NOT EXISTS duty_done ON duty(json_extract(json, '$.done.at'), deadline);
      -- the morning list's candidates (undone): a window opening by the day asked, due by it, or timed to the minute
      CREATE INDEX IF NOT EXISTS duty_opens ON duty(undone, json_extract(json, '$.earliest')) WHERE undone = 1;
      CREATE INDEX IF NOT EXISTS duty_late ON duty(undone, deadline) WHERE undone = 1;
      CREATE INDEX IF NOT EXISTS duty_timed ON duty(undone) WHERE undone = 1 AND json_extract(json, '$.dueAt') IS NOT NULL;
      -- customers' search keys (domain/search.ts), worked out when first searched; a change of the file's row drops them
      CREATE INDEX IF NOT EXISTS file_customers ON file(path) WHERE kind = 'customer' AND placed = 1 AND value IS NOT NULL;
      CREATE TABLE IF NOT EXISTS search (path TEXT PRIMARY KEY, text TEXT NOT NULL, digits TEXT NOT NULL, keys TEXT NOT NULL);
      CREATE TRIGGER IF NOT EXISTS search_insert AFTER INSERT ON file WHEN new.kind = 'customer' BEGIN DELETE FROM search WHERE path = new.path; END;
      CREATE TRIGGER IF NOT EXISTS search_update AFTER UPDATE ON file WHEN old.kind = 'customer' OR new.kind = 'customer' BEGIN DELETE FROM search WHERE path IN (old.path, new.path); END;
      CREATE TRIGGER IF NOT EXISTS search_delete AFTER DELETE ON file WHEN old.kind = 'customer' BEGIN DELETE FROM search WHERE path = old.path; END;
    `);
  }

  private meta(k: string): string | undefined {
    return (this.db.prepare("SELECT v FROM meta WHERE k = ?").get(k) as { v: string } | undefined)?.v;
  }

  private setMeta(k: string, v: string): void {
    this.db.prepare("INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v").run(k, v);
  }

  private dropMeta(k: string): void {
    this.db.prepare("DELETE FROM meta WHERE k = ?").run(k);
  }

  // ------------------------------------------------------------------------------------------
  // Bringing it up to date

  private async refresh(now: Date, locale: string, env: NodeJS.ProcessEnv, ahead?: GitAhead): Promise<void> {
    const db = this.db;
    const settings = this.store.settings;
    const limit = fullStatLimit(env);
    // counted only up to one past the limit: a count of every row takes 8–12 ms at 205k files
    const fileCount = (
      db.prepare("SELECT count(*) AS n FROM (SELECT 1 FROM file LIMIT ?)").get(limit + 1) as { n: number }
    ).n;
    // git is asked first, so that it compares the files' stats on the other core while this one
    // works: in a store past the limit, or one being indexed from nothing that git says is large
    const large = fileCount > limit || (fileCount === 0 && trackedFiles(this.store.root, env) > limit);
    // (started ahead of the read when the store was found, RecordIndex.gitAhead: taken here)
    let signal: GitSignal | undefined;
    if (large && ahead?.signal) {
      signal = ahead.signal;
      this.tookAhead = true;
      const since = this.meta("head");
      if (since && since !== signal.head) void signal.changedSince(since);
    } else if (large)
      signal = GitSignal.start(
        this.store.root,
        env,
        KIND_ORDER.map((k) => FOLDERS[k]),
        this.meta("head"),
      );
    // readers go on reading the last committed state meanwhile (WAL); a second writer waits
    db.exec("BEGIN IMMEDIATE");
    try {
      const changed = await this.syncFiles(signal);
      const basis = basisOf(settings, locale);
      const groups = new Set<string>();
      let everyone = this.meta("basis") !== basis;
      for (const g of changed) {
        if (g === EVENTS) everyone = true;
        else if (g !== WAIVERS) groups.add(g);
      }
      if (everyone) {
        db.exec("DELETE FROM grp; DELETE FROM duty;");
        for (const r of db
          .prepare("SELECT DISTINCT grp FROM file WHERE grp IS NOT NULL AND grp NOT LIKE '#%'")
          .all() as { grp: string }[])
          groups.add(r.grp);
        this.setMeta("basis", basis);
      }
      // a moment outside the span the duties were found for: found again
      const t = now.getTime();
      for (const r of db.prepare("SELECT id FROM grp WHERE valid_from > ? OR valid_until <= ?").all(t, t) as {
        id: string;
      }[])
        groups.add(r.id);
      // the holidays of calendar.source are loaded only when duties are found again
      if (groups.size) this.findDuties(groups, now, await engineSettings(this.store));
      db.exec("COMMIT");
    } catch (e) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw e;
    }
  }

  /**
   * Compare the files with what the index holds, read what changed into it and forget what is
   * gone; returns the groups whose records changed. With git's answer (`signal`, a large store)
   * only the files git names, and those it cannot vouch for, are compared; else every file.
   */
  private async syncFiles(signal: GitSignal | undefined): Promise<Set<string>> {
    const db = this.db;
    const root = this.store.root;
    const touched = new Set<string>();
    // what git says, and what the index reflects: the commit, the files to look at again
    let git: { head: string; dirty: PathStatus; changed?: PathStatus; recorded?: Set<string> } | undefined;
    if (signal) {
      const since = this.meta("head"); // read under the write lock: another desk may have moved it
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
    if (git && !sweep && signal!.indexStamp !== this.meta("gitIndex")) {
      git.recorded = signal!.recordedSince(this.meta("gitIndex"));
      if (!git.recorded) sweep = true;
    }
    const knownDirs = new Map(
      (db.prepare("SELECT path, stamp FROM dir").all() as { path: string; stamp: string }[]).map((r) => [
        r.path,
        r.stamp,
      ]),
    );
    const getFiles = db.prepare("SELECT path FROM file WHERE dir = ?").pluck();
    const delFile = db.prepare("DELETE FROM file WHERE path = ? RETURNING grp").pluck();
    const putDir = db.prepare(
      "INSERT INTO dir (path, stamp) VALUES (?, ?) ON CONFLICT(path) DO UPDATE SET stamp = excluded.stamp",
    );
    const delDir = db.prepare("DELETE FROM dir WHERE path = ?");
    const forget = (path: string) => {
      const grp = delFile.get(path) as string | null | undefined;
      if (grp) touched.add(grp);
    };
    const seenDirs = new Set<string>();
    /** files in no row yet, found in a folder listed again */
    const found: { path: string; kind: RecordKind; dir: string }[] = [];
    // a folder: listed again only when its modification time moved (a file added, removed or
    // renamed, or replaced by a new one); its names are compared with the index's
    const children = new Map<string, string[]>();
    for (const d of knownDirs.keys()) {
      const parent = d.slice(0, d.lastIndexOf("/"));
      if (parent) (children.get(parent) ?? children.set(parent, []).get(parent)!).push(d);
    }
    const walk = (rel: string, kind: RecordKind) => {
      const abs = join(root, ...rel.split("/"));
      let st;
      try {
        st = statSync(abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "ENOENT" || code === "ENOTDIR") return;
        throw e;
      }
      if (!st.isDirectory()) return;
      seenDirs.add(rel);
      const stamp = `${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
      if (knownDirs.get(rel) === stamp) {
        // unchanged: its subfolders are the ones we know
        for (const d of children.get(rel) ?? []) walk(d, kind);
        return;
      }
      let entries;
      try {
        entries = readdirSync(abs, { withFileTypes: true });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return;
        const why =
          code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : code === "ENOTDIR"
              ? "it is not a folder"
              : (e as Error).message;
        throw new UserError(
          `cannot read the folder ${rel}/ (${code ?? "error"}: ${why}); its ${kind} records cannot be listed, so nothing is reported as if it were empty: fix the folder's permissions and run again; nothing was written`,
        );
      }
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
    for (const d of knownDirs.keys()) {
      if (seenDirs.has(d)) continue;
      for (const p of getFiles.all(d) as string[]) forget(p);
      delDir.run(d);
    }

    // the files whose stamps are compared: every one, or those git names or cannot vouch for; each
    // is stat-ed here, and only those that changed (and new ones) go to the reader, which loads
    // YAML and the schemas (a warm read of an unchanged store of any size loads neither)
    type Row = { path: string; kind: RecordKind; dir: string; stamp: string; grp: string | null };
    const getRow = db.prepare("SELECT path, kind, dir, stamp, grp FROM file WHERE path = ?");
    const known: [path: string, stamp: string][] = sweep
      ? (db.prepare("SELECT path, stamp FROM file").raw().all() as [string, string][])
      : [
          ...new Set([...git!.dirty.keys(), ...git!.changed!.keys(), ...watched.keys(), ...(git!.recorded ?? [])]),
        ].flatMap((p) => {
          const r = getRow.get(p) as Row | undefined;
          return r ? [[r.path, r.stamp] as [string, string]] : [];
        });
    /** files seen with a change time near or after git's look: git may miss their next change, or have looked before this one */
    const recent = new Set<string>();
    const near = (path: string, stamp: string | undefined) => {
      if (git && stamp !== undefined && changedNear(stamp, signal!.startedAt)) recent.add(path);
    };
    const items: ReadItem[] = [];
    const dirs: string[] = [];
    const before: (string | null)[] = [];
    const prefix = root.endsWith(sep) ? root : root + sep;
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
      const r = getRow.get(path) as Row;
      items.push({ kind: r.kind, path });
      dirs.push(r.dir);
      before.push(r.grp);
    }
    for (const f of found) {
      items.push({ kind: f.kind, path: f.path });
      dirs.push(f.dir);
      before.push(null);
    }
    const unchanged = known.length - (items.length - found.length);
    this.counts.files = unchanged;
    if (items.length)
      await (
        await import("./fastread.js")
      ).readEach(
        items,
        root,
        {
          onProgress: (done) => (
            (this.counts.files = unchanged + done),
            done % 1000 === 0 && this.progress?.(this.counts)
          ),
        },
        (r, i) => {
          near(r.path, r.stamp);
          const was = before[i];
          if (was) touched.add(was);
          const g = this.put(r, dirs[i]!);
          if (g) touched.add(g);
        },
      );

    // what to look at next time: the files that differ from HEAD, those git may have seen before
    // their change, and those HEAD does not hold (git vouches only for files in its commit)
    const next = new Map<string, number>();
    let head: string | undefined;
    if (git) {
      let outside: Set<string> | undefined;
      if (sweep) {
        const held = await signal!.inHead(KIND_ORDER.map((k) => FOLDERS[k]));
        if (held)
          outside = new Set(
            (db.prepare("SELECT path FROM file").pluck().all() as string[]).filter((p) => !held.has(p)),
          );
      } else {
        outside = new Set();
        for (const [p, why] of watched) if (why & UNTRACKED) outside.add(p);
        for (const [p, status] of git.changed!) {
          if (status === "D") outside.add(p);
          else outside.delete(p);
        }
        // new files no commit brought: HEAD may hold them (restored by hand) or not
        const fresh = found.filter((f) => !git.changed!.has(f.path));
        if (fresh.length) {
          const held = await signal!.inHead([...new Set(fresh.map((f) => f.dir))]);
          for (const f of fresh) if (!held?.has(f.path)) outside.add(f.path);
        }
      }
      // when git could not say which files HEAD holds, every stamp is compared next time
      if (outside) {
        head = git.head;
        const indexed = db.prepare("SELECT 1 FROM file WHERE path = ?").pluck();
        for (const p of outside) if (indexed.get(p)) next.set(p, UNTRACKED);
        for (const p of [...git.dirty.keys(), ...recent])
          if (next.has(p) || indexed.get(p)) next.set(p, (next.get(p) ?? 0) | RECHECK);
      }
    }
    // written only when it changed: a read that finds nothing new writes nothing
    if (next.size !== watched.size || [...next].some(([p, w]) => watched.get(p) !== w)) {
      db.exec("DELETE FROM watch");
      const putWatch = db.prepare("INSERT INTO watch (path, why) VALUES (?, ?)");
      for (const [p, w] of next) putWatch.run(p, w);
    }
    const kept = head === undefined ? {} : { head, gitIndex: signal!.indexStamp };
    for (const k of ["head", "gitIndex"] as const) {
      const v = kept[k];
      if (v === undefined) {
        if (this.meta(k) !== undefined) this.dropMeta(k);
      } else if (this.meta(k) !== v) this.setMeta(k, v);
    }
    return touched;
  }

  /** A file as read into the index; returns its group. */
  private put(r: ReadResult, dir: string): string | null {
    if (r.gone || r.stamp === undefined) {
      this.db.prepare("DELETE FROM file WHERE path = ?").run(r.path);
      return null;
    }
    const { kind, id, value, problems } = r;
    const placed = value !== undefined && isId(id) && pathOf(id) === r.path ? 1 : 0;
    const grp = value === undefined || !placed ? null : groupOf(kind, id, value);
    const span = placed ? spanOf(kind, value) : undefined;
    this.putFile ??= this.db.prepare(
      "INSERT INTO file (path, dir, kind, id, grp, stamp, value, problems, placed, ref, lo, hi) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET dir = excluded.dir, kind = excluded.kind, id = excluded.id, grp = excluded.grp, stamp = excluded.stamp, value = excluded.value, problems = excluded.problems, placed = excluded.placed, ref = excluded.ref, lo = excluded.lo, hi = excluded.hi",
    );
    this.putFile.run(
      r.path,
      dir,
      kind,
      id,
      grp,
      r.stamp,
      value === undefined ? null : JSON.stringify(value),
      problems.length ? JSON.stringify(problems) : null,
      placed,
      placed && kind === "contact" ? ((value as Contact).ticket ?? null) : null,
      // the first and last moment it names: which records a review's period needs (kpi.ts spanOf)
      span?.lo ?? null,
      span?.hi ?? null,
    );
    return grp;
  }

  /** Find the duties of these customers' records again. */
  private findDuties(groups: Set<string>, now: Date, settings: Settings): void {
    const db = this.db;
    const tz = settings.timezone;
    const events = this.allEvents();
    const common: number[] = [];
    for (const e of events) momentsOf(e.value, tz, common);
    for (const s of settings.staff) if (s.left) common.push(momentOf(s.left, tz));
    const recordsOf = db.prepare("SELECT kind, id, value FROM file WHERE grp = ? AND value IS NOT NULL");
    const delDuties = db.prepare("DELETE FROM duty WHERE grp = ?");
    const delGrp = db.prepare("DELETE FROM grp WHERE id = ?");
    const putGrp = db.prepare(
      "INSERT INTO grp (id, start, valid_from, valid_until) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET start = excluded.start, valid_from = excluded.valid_from, valid_until = excluded.valid_until",
    );
    const putDuty = db.prepare(
      "INSERT INTO duty (grp, key, ticket, customer, undone, expires, expires_at, deadline, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const t = now.getTime();
    for (const g of groups) {
      if (++this.counts.groups % 200 === 0) this.progress?.(this.counts);
      const customers: Rec<Customer>[] = [];
      const tickets: Rec<Ticket>[] = [];
      const contacts: Rec<Contact>[] = [];
      const moments = [...common];
      for (const r of recordsOf.all(g) as { kind: RecordKind; id: string; value: string }[]) {
        const value = JSON.parse(r.value) as unknown;
        momentsOf(value, tz, moments);
        if (r.kind === "customer") customers.push({ id: r.id, value: value as Customer });
        else if (r.kind === "ticket") tickets.push({ id: r.id, value: value as Ticket });
        else if (r.kind === "contact") contacts.push({ id: r.id, value: value as Contact });
      }
      delDuties.run(g);
      if (!customers.length && !tickets.length && !contacts.length) {
        delGrp.run(g);
        continue;
      }
      const { found, start } = recordDuties({
        settings,
        customers,
        tickets,
        contacts,
        events,
        reports: [],
        waivers: [],
        now,
      });
      let from = -Infinity;
      let until = Infinity;
      for (const m of moments) {
        if (m <= t) from = Math.max(from, m);
        else until = Math.min(until, m);
      }
      putGrp.run(g, start ?? null, from === -Infinity ? -8.64e15 : from, until === Infinity ? 8.64e15 : until);
      for (const d of found)
        putDuty.run(
          g,
          d.key,
          d.ticket ?? null,
          d.customer ?? null,
          d.done ? 0 : 1,
          d.expires ?? null,
          d.expiresAt ? Date.parse(d.expiresAt) : null,
          d.deadline,
          JSON.stringify(d),
        );
    }
  }

  // ------------------------------------------------------------------------------------------
  // Answers

  /**
   * The duties not done by the records and not yet ended at `now` (the morning list's). With
   * `shown`, only those the list can show (a few hundred of thousands): with `until`, those whose
   * window opens by that day (a duty whose window opens later is upcoming past it); with
   * `overdue`, those whose deadline has passed (no other can be overdue); either way also every
   * duty timed to the minute, whose state the moment decides (judge does, for all of them).
   */
  undone(now: Date, shown?: { until: Day } | { overdue: true }): FoundDuty[] {
    const today = dayOf(now, this.store.settings.timezone);
    const ended = "(expires IS NULL OR expires >= ?) AND (expires_at IS NULL OR expires_at > ?)";
    const rows = (
      !shown
        ? this.db.prepare(`SELECT json FROM duty WHERE undone = 1 AND ${ended}`).all(today, now.getTime())
        : this.db
            .prepare(
              `SELECT json FROM duty WHERE rowid IN (SELECT rowid FROM duty WHERE undone = 1 AND ${"until" in shown ? "json_extract(json, '$.earliest') <= ?" : "deadline < ?"} ` +
                `UNION SELECT rowid FROM duty WHERE undone = 1 AND json_extract(json, '$.dueAt') IS NOT NULL) AND ${ended}`,
            )
            .all("until" in shown ? shown.until : today, today, now.getTime())
    ) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as FoundDuty);
  }

  /** Every duty the records impose. */
  allFound(): FoundDuty[] {
    return (this.db.prepare("SELECT json FROM duty").all() as { json: string }[]).map(
      (r) => JSON.parse(r.json) as FoundDuty,
    );
  }

  /** The duties of one customer, or of one ticket; with `undone`, only those the records have not done. */
  foundOf(of: { customer: string } | { ticket: string }, opts: { undone?: boolean } = {}): FoundDuty[] {
    // (+undone: found by the customer's or ticket's index, not among every undone duty)
    const undone = opts.undone ? " AND +undone = 1" : "";
    const rows = (
      "customer" in of
        ? this.db.prepare(`SELECT json FROM duty WHERE customer = ?${undone}`).all(of.customer)
        : this.db.prepare(`SELECT json FROM duty WHERE ticket = ?${undone}`).all(of.ticket)
    ) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as FoundDuty);
  }

  /**
   * The duties whose key holds `text`, in any case (duty waive: the few a typed key can mean).
   * `text` is taken as it is, not as a pattern.
   */
  foundWithKey(text: string): FoundDuty[] {
    const like = `%${text.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db.prepare("SELECT json FROM duty WHERE key LIKE ? ESCAPE '\\'").all(like) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as FoundDuty);
  }

  /** The contacts that name a ticket. */
  contactsOfTicket(ticket: string): Rec<Contact>[] {
    const rows = this.db
      .prepare(
        "SELECT id, path, value FROM file WHERE ref = ? AND kind = 'contact' AND placed = 1 AND value IS NOT NULL",
      )
      .all(ticket) as { id: string; path: string; value: string }[];
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return rows.map((r) => ({ id: r.id, value: JSON.parse(r.value) as Contact }));
  }

  /** The first day anything happened in the store (R-MONTHLY). */
  start(): Day | undefined {
    return (this.db.prepare("SELECT min(start) AS s FROM grp").get() as { s: string | null }).s ?? undefined;
  }

  /** Records of a kind by ID (those that read cleanly and sit where their ID puts them). */
  byIds<K extends RecordKind>(kind: K, ids: Iterable<string>): Map<string, RecordOf[K]> {
    const out = new Map<string, RecordOf[K]>();
    const q = this.db.prepare("SELECT value FROM file WHERE id = ? AND kind = ? AND placed = 1 AND value IS NOT NULL");
    for (const id of new Set(ids)) {
      const r = q.get(id, kind) as { value: string } | undefined;
      if (r) out.set(id, JSON.parse(r.value) as RecordOf[K]);
    }
    return out;
  }

  /** A record by ID wherever its file sits (the first in path order), as `Store.load` finds it. */
  anywhere<K extends RecordKind>(kind: K, id: string): RecordOf[K] | undefined {
    const rows = this.db
      .prepare("SELECT path, value FROM file WHERE id = ? AND kind = ? AND value IS NOT NULL")
      .all(id, kind) as { path: string; value: string }[];
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return rows[0] ? (JSON.parse(rows[0].value) as RecordOf[K]) : undefined;
  }

  /** Every record of a kind that reads cleanly and sits where its ID puts it, in path order. */
  all<K extends RecordKind>(kind: K): Rec<RecordOf[K]>[] {
    // the few events and waivers, and the customers: the kind written out, so that their partial index answers (file_events, file_waivers, file_customers) instead of a scan of the store
    const rows = (
      kind === "event" || kind === "waiver" || kind === "customer"
        ? this.db
            .prepare(`SELECT id, path, value FROM file WHERE kind = '${kind}' AND placed = 1 AND value IS NOT NULL`)
            .all()
        : this.db
            .prepare("SELECT id, path, value FROM file WHERE kind = ? AND placed = 1 AND value IS NOT NULL")
            .all(kind)
    ) as { id: string; path: string; value: string }[];
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return rows.map((r) => ({ id: r.id, value: JSON.parse(r.value) as RecordOf[K] }));
  }

  /** One customer's records. */
  group(customer: string): { customers: Rec<Customer>[]; tickets: Rec<Ticket>[]; contacts: Rec<Contact>[] } {
    const out = { customers: [] as Rec<Customer>[], tickets: [] as Rec<Ticket>[], contacts: [] as Rec<Contact>[] };
    const rows = this.db
      .prepare("SELECT kind, id, path, value FROM file WHERE grp = ? AND value IS NOT NULL")
      .all(customer) as { kind: RecordKind; id: string; path: string; value: string }[];
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const r of rows) {
      const value = JSON.parse(r.value) as unknown;
      if (r.kind === "customer") out.customers.push({ id: r.id, value: value as Customer });
      else if (r.kind === "ticket") out.tickets.push({ id: r.id, value: value as Ticket });
      else if (r.kind === "contact") out.contacts.push({ id: r.id, value: value as Contact });
    }
    return out;
  }

  // Finding what a person typed (commands/common.ts): the answers the store would give, or
  // undefined where only the store can word the answer (nothing found, a file that cannot be read)

  /** True when the index holds a file at this path (whether it reads cleanly or not). */
  hasFile(path: string): boolean {
    return this.db.prepare("SELECT 1 FROM file WHERE path = ?").get(path) !== undefined;
  }

  /**
   * The IDs among a kind's file names that start with `prefix` (every .yaml file under its folder,
   * readable or not, wherever it sits), as `Store.resolveId` lists them.
   */
  idsStartingWith(kind: RecordKind, prefix: string): string[] {
    // IDs are ASCII: every one that starts with the prefix sorts before prefix + DEL
    const ids = this.db
      .prepare("SELECT DISTINCT id FROM file WHERE id >= ? AND id < ? AND kind = ?")
      .pluck()
      .all(prefix, `${prefix}\x7f`, kind) as string[];
    return ids.filter((id) => isId(id) && id.startsWith(prefix)).sort();
  }

  /** The record in the file its ID names (the one `Store.get` reads), when that file reads cleanly. */
  record<K extends RecordKind>(kind: K, id: string): RecordOf[K] | undefined {
    const value = this.db
      .prepare("SELECT value FROM file WHERE path = ? AND kind = ? AND value IS NOT NULL")
      .pluck()
      .get(pathOf(id), kind) as string | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as RecordOf[K]);
  }

  /**
   * The customers a search matches, best first (domain/search.ts), as `searchCustomers` finds
   * them among `all("customer")`: each customer's search keys are kept in the table search, and
   * only those whose keys hold the query are read. Keys are worked out (with pinyin-pro) for the
   * customers that have none yet — new or changed files, whose rows' triggers dropped theirs.
   */
  async findCustomers(query: string): Promise<{ item: Rec<Customer>; tier: number }[]> {
    const qy = queryOf(query);
    const stale = this.db
      .prepare(
        "SELECT 1 FROM file f WHERE f.kind = 'customer' AND f.placed = 1 AND f.value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search s WHERE s.path = f.path) LIMIT 1",
      )
      .pluck();
    for (let attempt = 0; attempt < 2; attempt++) {
      // one read transaction: the keys and the files they were worked out from, as of one moment
      const found = this.db.transaction(() => (stale.get() === undefined ? this.matching(qy) : undefined))();
      if (found) return found;
      const { customerKeys } = await import("../domain/pinyin.js");
      try {
        this.db.transaction(() => this.fillSearchKeys(customerKeys)).immediate();
      } catch (e) {
        // a read-only or busy index: every customer is matched here instead
        if (/^SQLITE_(BUSY|LOCKED|READONLY|IOERR|FULL|PERM|CANTOPEN|NOMEM)/.test(sqliteCode(e))) break;
        throw e;
      }
    }
    const { pinyinKeys } = await import("../domain/pinyin.js");
    return ranked(
      this.all("customer").map((c) => ({
        item: c,
        tier: tierOf(searchKeys(c.value, pinyinKeys), qy),
        name: c.value.name,
      })),
    );
  }

  /** The customers whose kept keys match, best first; equal ones in path order, as `all` gives them. */
  private matching(qy: Query): { item: Rec<Customer>; tier: number }[] {
    const rows = this.db
      .prepare(
        "SELECT f.id, f.path, f.value, s.keys FROM search s JOIN file f ON f.path = s.path WHERE f.kind = 'customer' AND f.placed = 1 AND f.value IS NOT NULL AND (instr(s.text, ?) > 0 OR instr(s.digits, ?) > 0)",
      )
      .all(qy.q, qy.phone ?? null) as { id: string; path: string; value: string; keys: string }[];
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const out: { item: Rec<Customer>; tier: number; name: string }[] = [];
    for (const r of rows) {
      const tier = tierOf(JSON.parse(r.keys) as SearchKeys, qy);
      if (!tier) continue;
      const value = JSON.parse(r.value) as Customer;
      out.push({ item: { id: r.id, value }, tier, name: value.name });
    }
    return ranked(out);
  }

  /** Work out the search keys of the customers that have none (in a write transaction). */
  private fillSearchKeys(keysOf: (c: Customer) => SearchKeys): void {
    const rows = this.db
      .prepare(
        "SELECT f.path, f.value FROM file f WHERE f.kind = 'customer' AND f.placed = 1 AND f.value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search s WHERE s.path = f.path)",
      )
      .all() as { path: string; value: string }[];
    const put = this.db.prepare("INSERT OR REPLACE INTO search (path, text, digits, keys) VALUES (?, ?, ?, ?)");
    for (const r of rows) {
      const keys = keysOf(JSON.parse(r.value) as Customer);
      const hay = haystack(keys);
      put.run(r.path, hay.text, hay.digits, JSON.stringify(keys));
    }
  }

  // The reviews (report/source.ts)

  /**
   * Records of a kind whose moments come near a span of time (ms): the first before `to` and the
   * last after `from` (kpi.ts spanOf; a ticket still open lasts for ever), that read cleanly and
   * sit where their ID puts them, in path order. A review picks its period's own from them.
   */
  near<K extends "ticket" | "contact">(kind: K, from: number, to: number): Rec<RecordOf[K]>[] {
    // the kind written out, so that its partial index (file_span_…) answers
    const sql = kind === "ticket" ? "kind = 'ticket'" : "kind = 'contact'";
    const rows = this.db
      .prepare(
        `SELECT id, path, value FROM file WHERE ${sql} AND placed = 1 AND value IS NOT NULL AND hi >= ? AND lo <= ?`,
      )
      .all(from, to) as { id: string; path: string; value: string }[];
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return rows.map((r) => ({ id: r.id, value: JSON.parse(r.value) as RecordOf[K] }));
  }

  /** The duties whose deadline falls on these days (inclusive). */
  foundDueBetween(from: Day, to: Day): FoundDuty[] {
    return (
      this.db.prepare("SELECT json FROM duty WHERE deadline BETWEEN ? AND ?").all(from, to) as { json: string }[]
    ).map((r) => JSON.parse(r.json) as FoundDuty);
  }

  /**
   * The duties due by `day` (deadline on or before it) that are not done, or were done by
   * something dated `since` or later (compared as text: the caller checks the moment), with their customers.
   */
  dueBy(day: Day, since: string): { grp: string; duty: FoundDuty }[] {
    const rows = this.db
      .prepare(
        "SELECT grp, json FROM duty WHERE undone = 1 AND deadline <= ? UNION ALL SELECT grp, json FROM duty INDEXED BY duty_done WHERE json_extract(json, '$.done.at') >= ? AND deadline <= ?",
      )
      .all(day, since, day) as { grp: string; json: string }[];
    return rows.map((r) => ({ grp: r.grp, duty: JSON.parse(r.json) as FoundDuty }));
  }

  /** The first day anything happened among the customers not in `except`, if on or before `by`. */
  firstDayOutside(except: ReadonlySet<string>, by: Day): Day | undefined {
    for (const r of this.db
      .prepare("SELECT id, start FROM grp WHERE start IS NOT NULL AND start <= ? ORDER BY start")
      .iterate(by) as Iterable<{ id: string; start: string }>)
      if (!except.has(r.id)) return r.start;
    return undefined;
  }

  /** Customers' names by ID (those that read cleanly and sit where their ID puts them). */
  customerNames(ids: Iterable<string>): Map<string, string> {
    const out = new Map<string, string>();
    const q = this.db.prepare(
      "SELECT json_extract(value, '$.name') AS name FROM file WHERE id = ? AND kind = 'customer' AND placed = 1 AND value IS NOT NULL",
    );
    for (const id of new Set(ids)) {
      const r = q.get(id) as { name: string } | undefined;
      if (r) out.set(id, r.name);
    }
    return out;
  }

  /** Every event, as all("event") gives them. */
  allEvents(): Rec<CustomerEvent>[] {
    return (this.events ??= this.ofGroup<CustomerEvent>(EVENTS));
  }

  /** Every waiver, as all("waiver") gives them. */
  waivers(): Rec<Waiver>[] {
    return this.ofGroup<Waiver>(WAIVERS);
  }

  eventsAndWaivers(): { events: Rec<CustomerEvent>[]; waivers: Rec<Waiver>[] } {
    return { events: this.allEvents(), waivers: this.waivers() };
  }

  /**
   * The records of a group in path order, found through the group's index rather than a pass
   * over every file's row (≈ 100 ms at 205k records); a group holds only placed, readable records.
   */
  private ofGroup<T>(grp: string): Rec<T>[] {
    const rows = this.db.prepare("SELECT id, path, value FROM file WHERE grp = ? AND value IS NOT NULL").all(grp) as {
      id: string;
      path: string;
      value: string;
    }[];
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return rows.map((r) => ({ id: r.id, value: JSON.parse(r.value) as T }));
  }

  /** What `Store.all` says of files that could not be read or sit in the wrong place, kind by kind. */
  warnings(kinds: readonly RecordKind[] = KIND_ORDER): string[] {
    const out: string[] = [];
    for (const kind of kinds) {
      const bad = this.db
        .prepare("SELECT path, problems FROM file WHERE kind = ? AND problems IS NOT NULL")
        .all(kind) as { path: string; problems: string }[];
      bad.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      if (bad.length) {
        out.push(unreadWarning(kind, bad.length, (JSON.parse(bad[0]!.problems) as FileProblem[])[0]!));
      }
      const stray = this.db
        .prepare("SELECT path FROM file WHERE kind = ? AND placed = 0 AND value IS NOT NULL")
        .all(kind) as { path: string }[];
      stray.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      if (stray.length) out.push(strayWarning(kind, stray.length, stray[0]!.path));
    }
    return out;
  }
}

function groupOf(kind: RecordKind, id: string, value: unknown): string | null {
  switch (kind) {
    case "customer":
      return id;
    case "ticket":
    case "contact":
      return (value as { customer: string }).customer;
    case "event":
      return EVENTS;
    case "waiver":
      return WAIVERS;
  }
}
