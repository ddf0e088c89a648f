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
//     editors write): changed folders are listed again and their names compared (sync-files.ts);
//   - files changed in place are found by comparing stamps: every file of a store of up to
//     FULL_STAT_FILES files; in a larger store the files the store's watcher saw change
//     (src/store/watch/: inotify, no sweep at all), or when it cannot vouch the files git names (git-signal.ts: those that
//     differ from HEAD, those a move of HEAD changed since the commit the index reflects, those
//     git recorded in the second of a change) and those it cannot vouch for (table `watch`:
//     files HEAD does not hold, files near a change when git last looked);
//   - aftercare.yaml changing what the rules see, another language, or a moment outside the span
//     in which a customer's duties were found (a record dated later than the moment, a replayed
//     day) has those duties found again.
// Customers never share duties (duties/index.ts recordDuties), so a change is recomputed for the
// customers it touches, and within a customer for the duties it can move (find-duties.ts); an
// event's change touches everyone.
//
// The modules: common.ts (limits, groups, moments), schema.ts (tables), sync-files.ts (files),
// find-duties.ts (duties), records.ts, answers.ts and search.ts (the answers, as a chain of
// classes this one ends).
import { appendFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { UserError } from "../../errors.js";
import { isId } from "../../domain/ids.js";
import type { Contact } from "../../domain/schema.js";
import { spanOf } from "../../domain/kpi.js";
import { engineSettings } from "../calendar-source.js";
import type { ReadResult } from "../fastread.js";
import { stateDir } from "../fsutil.js";
import { GitSignal, type PathStatus } from "../git-signal.js";
import type { UncommittedFile } from "../git/uncommitted.js";
import { pathOf, type Store } from "../store.js";
import { askWatcher, watcherListening, type WatchAnswer } from "../watch/client.js";
import { watchWanted } from "../watch/where.js";
import {
  basisOf,
  EVENTS,
  sqliteCode,
  fullStatLimit,
  groupOf,
  RECORD_FOLDERS,
  trackedFiles,
  WAIVERS,
} from "./common.js";
import { Changes, findDuties, type FindDuties } from "./find-duties.js";
import { dropIndexes, makeIndexes, meta, setMeta, setUp, type DB } from "./schema.js";
import { IndexSearch } from "./search.js";
import { syncFiles, type FileSignal } from "./sync-files.js";
import { commitSignal, isCurrent, uncommittedOf, uncommittedTold, type OwnCommit } from "./after-write.js";

export { FULL_STAT_FILES, fullStatLimit } from "./common.js";

/** git asked ahead of a read (RecordIndex.gitAhead), for the index's refresh to take. */
export interface GitAhead {
  root: string;
  signal: GitSignal | undefined;
}

type OpenOptions = {
  rebuild?: boolean;
  progress?: (counts: { files: number; groups: number }) => void;
  ahead?: GitAhead;
  /** a write's: only an index already built, reflecting a commit (else undefined: no rebuild inside a write) */
  existing?: boolean;
  /** more paths for git to name changes in, beside the record folders (a write's: aftercare.yaml, reports) */
  paths?: readonly string[];
};

/** The errors after which the files are read directly this time and the index left as it is. */
const LEAVE_AS_IT_IS = /^SQLITE_(BUSY|LOCKED|READONLY|IOERR|FULL|PERM|CANTOPEN|NOMEM|INTERRUPT)/;

export class RecordIndex extends IndexSearch {
  /** files read and customers worked out by this run, for a progress line */
  readonly counts = { files: 0, groups: 0 };
  private putFile?: BetterSqlite3.Statement;
  private progress?: (counts: { files: number; groups: number }) => void;
  /** the refresh took the git signal started ahead (gitAhead) */
  private tookAhead = false;
  /**
   * what the last refresh learnt: the files git named as differing from the commit HEAD was at, or
   * (`told`) that the store's watcher vouched for every change, kept in table `watch` (after-write.ts)
   */
  private seen?: { head: string; dirty: PathStatus; told?: never } | { head: string; told: true; dirty?: never };
  private paths: readonly string[] = [];

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
    // a watcher that may answer (its socket is there): git's sweep waits for its word
    const sweep = !(watchWanted(env) && watcherListening(root, env));
    return {
      root,
      signal: GitSignal.start(root, env, RECORD_FOLDERS, undefined, { sweep }),
    };
  }

  /**
   * The store's index, up to date at `now`; undefined when it cannot be used here
   * (switched off with AFTERCARE_INDEX=off, or SQLite unavailable): the caller reads the files.
   */
  static async open(
    store: Store,
    now: Date,
    env: NodeJS.ProcessEnv = process.env,
    opts: OpenOptions = {},
  ): Promise<RecordIndex | undefined> {
    const ahead = opts.ahead?.root === store.root ? opts.ahead : undefined;
    if (opts.ahead && !ahead) opts.ahead.signal?.stop();
    // a signal started ahead that the refresh did not take: its git is stopped, not waited for
    const idx = await RecordIndex.openWith(store, now, env, { ...opts, ahead }).catch((e: unknown) => {
      ahead?.signal?.stop();
      throw e;
    });
    if (!idx?.tookAhead) ahead?.signal?.stop();
    return idx;
  }

  private static async openWith(
    store: Store,
    now: Date,
    env: NodeJS.ProcessEnv,
    opts: OpenOptions,
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
    if (opts.existing && !isCurrent(Database, file)) return undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      let db: DB | undefined;
      try {
        db = new Database(file, { timeout: 30_000 });
        const idx = new RecordIndex(db, store);
        idx.progress = opts.progress;
        idx.paths = opts.paths ?? [];
        setUp(db);
        await idx.refresh(now, env, opts.ahead);
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
        if (LEAVE_AS_IT_IS.test(sqliteCode(e))) return undefined;
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

  // ------------------------------------------------------------------------------------------
  // Bringing it up to date

  /** git asked what changed, in a store past the limit (or one indexed from nothing that git says is large). */
  private askGit(env: NodeJS.ProcessEnv, ahead?: GitAhead): GitSignal | undefined {
    const limit = fullStatLimit(env);
    // counted only up to one past the limit: a count of every row takes 8–12 ms at 205k files
    const fileCount = (
      this.db.prepare("SELECT count(*) AS n FROM (SELECT 1 FROM file LIMIT ?)").get(limit + 1) as { n: number }
    ).n;
    // git is asked first, so that it compares the files' stats on the other core while this one works
    const large = fileCount > limit || (fileCount === 0 && trackedFiles(this.store.root, env) > limit);
    if (!large) return undefined;
    // (started ahead of the read when the store was found, RecordIndex.gitAhead: taken here)
    if (ahead?.signal) {
      this.tookAhead = true;
      const since = meta(this.db, "head");
      if (since && since !== ahead.signal.head) void ahead.signal.changedSince(since);
      return ahead.signal;
    }
    const sweep = !this.watching(env);
    return GitSignal.start(this.store.root, env, [...RECORD_FOLDERS, ...this.paths], meta(this.db, "head"), {
      sweep,
    });
  }

  /**
   * Whether the store's watcher is asked (and started): AFTERCARE_WATCH and the settings'
   * `index.watch`, for a read and a write alike. A write it answers asks git only about the files
   * that may differ from HEAD (after-write.ts uncommittedTold); else git's sweep answers both.
   */
  private watching(env: NodeJS.ProcessEnv): boolean {
    return watchWanted(env, this.store.settings.index?.watch);
  }

  /**
   * The files of the record folders (and of `paths` given to open) that differ from the commit
   * HEAD is at, as the last refresh learnt them from git — what `git status` would name there, for
   * a write under the store's lock; undefined when the refresh did not ask git or HEAD moved since.
   */
  async uncommitted(head: string | undefined, env: NodeJS.ProcessEnv): Promise<UncommittedFile[] | undefined> {
    const seen = this.seen;
    if (!seen || seen.head !== head) return undefined;
    if (!seen.told) return uncommittedOf(this.db, seen.dirty);
    const dirty = await uncommittedTold(this.db, this.store.root, env, head, this.paths);
    return dirty && uncommittedOf(this.db, dirty);
  }

  /**
   * After this run's own commit, under the store's lock: what the writer knows (the files it
   * committed on top of the commit this index reflects) brought in without asking git again, so
   * that the next read has nothing to catch up. False when the index cannot take it that way (the
   * next read then asks git, as after any commit).
   */
  async noteCommit(c: OwnCommit, now: Date, env: NodeJS.ProcessEnv): Promise<boolean> {
    // after the watcher's answer the next read is told of the written files: nothing to hand over
    const before = this.seen?.dirty;
    const signal = before && commitSignal(this.db, this.store.root, env, c, before);
    if (!signal) return false;
    await this.refresh(now, env, undefined, signal);
    // what still differs from the new HEAD: what git named before, less what the commit holds
    this.seen = { head: c.commit, dirty: new Map([...before].filter(([p]) => !c.paths.includes(p))) };
    return true;
  }

  private async refresh(now: Date, env: NodeJS.ProcessEnv, ahead?: GitAhead, given?: FileSignal): Promise<void> {
    const db = this.db;
    const settings = this.store.settings;
    const signal = given ?? this.askGit(env, ahead);
    let answered = undefined as WatchAnswer;
    // readers go on reading the last committed state meanwhile (WAL); a second writer waits
    db.exec("BEGIN IMMEDIATE");
    try {
      // an index with no file yet (a rebuild, a new index) is loaded without its indexes, made after
      const fresh = db.prepare("SELECT 1 FROM file LIMIT 1").get() === undefined;
      if (fresh) dropIndexes(db, "file");
      const changes = new Changes(settings.timezone, fresh);
      this.seen = undefined;
      const dirty = await syncFiles(
        {
          db,
          root: this.store.root,
          changes,
          counts: this.counts,
          onProgress: () => this.progress?.(this.counts),
          put: (r, dir) => this.put(r, dir),
          // from nothing, the workers hand over each record as the index keeps it: no value crosses threads
          read: fresh ? { values: false, digest: "index" } : undefined,
          // past the limit, a read's watcher says what changed since the token the index applied
          // (a write's own commit, `given`, says exactly what changed: no watcher is asked then)
          ask:
            signal && !given && this.watching(env)
              ? async (token) => (answered = await askWatcher(this.store.root, env, token))
              : undefined,
        },
        signal,
      );
      if (fresh) makeIndexes(db);
      const groups = this.groupsToFind(changes, now, basisOf(settings), fresh);
      // the holidays of calendar.source are loaded only when duties are found again
      if (groups.size) {
        const f = {
          db,
          now,
          settings: await engineSettings(this.store),
          events: this.allEvents(),
          onGroup: () => void (++this.counts.groups % 200 === 0 && this.progress?.(this.counts)),
        };
        if (fresh) await this.rebuildDuties(f, groups, env);
        else findDuties(f, groups, changes);
      }
      // AFTERCARE_INDEX_TRACE=FILE: the files this refresh compared and the groups whose duties it
      // found again (the tests see a read's work by it)
      if (env.AFTERCARE_INDEX_TRACE)
        appendFileSync(env.AFTERCARE_INDEX_TRACE, `compared ${this.counts.files}, found ${groups.size}\n`);
      db.exec("COMMIT");
      if (dirty && signal) this.seen = { head: signal.head, dirty };
      // the watcher vouched for every change and the index is at HEAD: `watch` holds what may differ
      else if (signal && !given && answered?.changed && meta(db, "head") === signal.head)
        this.seen = { head: signal.head, told: true };
    } catch (e) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw e;
    }
  }

  /**
   * Every group's duties, none kept (an index that held no file before this refresh has every
   * group new): found on the read workers, written without the duty table's indexes.
   */
  private async rebuildDuties(f: FindDuties, groups: Set<string>, env: NodeJS.ProcessEnv): Promise<void> {
    const db = this.db;
    db.exec("DELETE FROM grp; DELETE FROM duty;");
    dropIndexes(db, "duty");
    const { rebuildDuties } = await import("./rebuild.js");
    await rebuildDuties(db, { settings: f.settings, events: f.events, now: f.now }, [...groups], f.onGroup, env);
    makeIndexes(db);
  }

  /**
   * The groups whose duties are found again: those whose records changed; every one when an event
   * changed, the index held no file before, or the basis did (settings, language: their kept duties are dropped); and those found
   * for a span of moments `now` is outside (marked in `changes` to be found again in full).
   */
  private groupsToFind(changes: Changes, now: Date, basis: string, fresh: boolean): Set<string> {
    const db = this.db;
    const groups = new Set<string>();
    // (from nothing the changes name no group: every one is new)
    let everyone = fresh || meta(db, "basis") !== basis;
    for (const g of changes.groups()) {
      if (g === EVENTS) everyone = true;
      else if (g !== WAIVERS) groups.add(g);
    }
    if (everyone) {
      db.exec("DELETE FROM grp; DELETE FROM duty;");
      for (const g of db
        .prepare("SELECT DISTINCT grp FROM file WHERE grp IS NOT NULL AND grp NOT LIKE '#%'")
        .pluck()
        .all() as string[])
        groups.add(g);
      setMeta(db, "basis", basis);
    }
    const t = now.getTime();
    for (const g of db
      .prepare("SELECT id FROM grp WHERE valid_from > ? OR valid_until <= ?")
      .pluck()
      .all(t, t) as string[]) {
      changes.all(g);
      groups.add(g);
    }
    return groups;
  }

  /** A file as read into the index; returns its group. */
  private put(r: ReadResult, dir: string): string | null {
    if (r.gone || r.stamp === undefined) {
      this.db.prepare("DELETE FROM file WHERE path = ?").run(r.path);
      return null;
    }
    const { kind, id, value, problems, index } = r;
    const ok = value !== undefined || index !== undefined;
    const placed = ok && isId(id) && pathOf(id) === r.path ? 1 : 0;
    const grp = !placed ? null : groupOf(kind, id, value ?? { customer: index!.customer });
    const span = !placed ? undefined : index ? index.span : spanOf(kind, value);
    const ref = placed && kind === "contact" ? ((index ? index.ticket : (value as Contact).ticket) ?? null) : null;
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
      index ? index.json : value === undefined ? null : JSON.stringify(value),
      problems.length ? JSON.stringify(problems) : null,
      placed,
      ref,
      // the first and last moment it names: which records a review's period needs (kpi.ts spanOf)
      span?.lo ?? null,
      span?.hi ?? null,
    );
    return grp;
  }
}
