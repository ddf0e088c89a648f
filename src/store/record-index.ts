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
//     editors write): changed folders are listed again and their files' stamps compared;
//   - files changed in place (the folder unchanged) are found by comparing stamps: every file of
//     a store of up to FULL_STAT_FILES files, and in a larger store the files of this month and
//     the last, and every ticket and customer with a duty not done;
//   - aftercare.yaml changing what the rules see, another language, or a moment outside the span
//     in which a customer's duties were found (a record dated later than the moment, a replayed
//     day) has those duties found again.
// Customers never share duties (duties/index.ts recordDuties), so a change is recomputed for the
// customers it touches; an event's change touches everyone.
import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { UserError } from "../errors.js";
import { isId, type RecordKind } from "../domain/ids.js";
import type { Contact, Customer, CustomerEvent, RecordOf, Settings, Ticket, Waiver } from "../domain/schema.js";
import { recordDuties, type FoundDuty, type Rec } from "../domain/duties/index.js";
import { dayOf, momentOf, type Day } from "../domain/time.js";
import { stampOf } from "./cache.js";
import { readMany, type ReadResult } from "./fastread.js";
import { stateDir } from "./fsutil.js";
import { FOLDERS, pathOf, type FileProblem, type Store } from "./store.js";

/** Bump when what is stored changes meaning (schemas, reading rules, the rules engine's output). */
const FORMAT = "3";
/** Up to this many record files, every file's stamp is compared on every read (≈ 3 µs a file). */
export const FULL_STAT_FILES = 30_000;
const KIND_ORDER: RecordKind[] = ["customer", "ticket", "contact", "event", "waiver"];
const EVENTS = "#event";
const WAIVERS = "#waiver";

type DB = BetterSqlite3.Database;

interface FileRow {
  path: string;
  dir: string;
  kind: RecordKind;
  id: string;
  grp: string | null;
  stamp: string;
  value: string | null;
  problems: string | null;
  placed: number;
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

/** What the rules engine reads of the settings (absences only move duties between people, later). */
function basisOf(settings: Settings, locale: string): string {
  const staff = settings.staff.map(({ absences: _a, ...s }) => s);
  return JSON.stringify([FORMAT, locale, { ...settings, staff }]);
}

export class RecordIndex {
  private readonly db: DB;
  private events: Rec<CustomerEvent>[] | undefined;
  /** files read and customers worked out by this run, for a progress line */
  readonly counts = { files: 0, groups: 0 };
  private putFile?: BetterSqlite3.Statement;
  private progress?: (counts: { files: number; groups: number }) => void;

  private constructor(
    db: DB,
    private readonly store: Store,
  ) {
    this.db = db;
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
    opts: { rebuild?: boolean; progress?: (counts: { files: number; groups: number }) => void } = {},
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
    if (opts.rebuild) for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      let db: DB | undefined;
      try {
        db = new Database(file, { timeout: 30_000 });
        const idx = new RecordIndex(db, store);
        idx.progress = opts.progress;
        idx.setUp();
        await idx.refresh(now, locale);
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
        if (/^SQLITE_(BUSY|LOCKED|READONLY|IOERR|FULL|PERM|CANTOPEN|NOMEM|INTERRUPT)/.test(String((e as { code?: unknown }).code ?? ""))) return undefined;
        // damaged, of another format, or half-written: start again from the files
        for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
      }
    }
    return undefined;
  }

  /** How much it holds. */
  size(): { files: number; duties: number; customers: number } {
    const n = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return { files: n("SELECT count(*) AS n FROM file"), duties: n("SELECT count(*) AS n FROM duty"), customers: n("SELECT count(*) AS n FROM grp") };
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
      db.exec("DROP TABLE IF EXISTS dir; DROP TABLE IF EXISTS file; DROP TABLE IF EXISTS grp; DROP TABLE IF EXISTS duty; DELETE FROM meta;");
      this.setMeta("format", FORMAT);
    }
    db.exec(`
      CREATE TABLE IF NOT EXISTS dir (path TEXT PRIMARY KEY, stamp TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS file (path TEXT PRIMARY KEY, dir TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, grp TEXT, stamp TEXT NOT NULL, value TEXT, problems TEXT, placed INTEGER NOT NULL, ref TEXT);
      CREATE INDEX IF NOT EXISTS file_dir ON file(dir);
      CREATE INDEX IF NOT EXISTS file_ref ON file(ref) WHERE ref IS NOT NULL;
      CREATE INDEX IF NOT EXISTS file_grp ON file(grp);
      CREATE INDEX IF NOT EXISTS file_id ON file(id);
      CREATE INDEX IF NOT EXISTS file_problems ON file(kind) WHERE problems IS NOT NULL;
      CREATE INDEX IF NOT EXISTS file_stray ON file(kind) WHERE placed = 0 AND value IS NOT NULL;
      CREATE TABLE IF NOT EXISTS grp (id TEXT PRIMARY KEY, start TEXT, valid_from REAL NOT NULL, valid_until REAL NOT NULL);
      CREATE TABLE IF NOT EXISTS duty (grp TEXT NOT NULL, key TEXT NOT NULL, ticket TEXT, customer TEXT, undone INTEGER NOT NULL, expires TEXT, expires_at REAL, deadline TEXT NOT NULL, json TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS duty_grp ON duty(grp);
      CREATE INDEX IF NOT EXISTS duty_undone ON duty(undone) WHERE undone = 1;
      CREATE INDEX IF NOT EXISTS duty_deadline ON duty(deadline);
      CREATE INDEX IF NOT EXISTS duty_ticket ON duty(ticket);
      CREATE INDEX IF NOT EXISTS duty_customer ON duty(customer);
    `);
  }

  private meta(k: string): string | undefined {
    return (this.db.prepare("SELECT v FROM meta WHERE k = ?").get(k) as { v: string } | undefined)?.v;
  }

  private setMeta(k: string, v: string): void {
    this.db.prepare("INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v").run(k, v);
  }

  // ------------------------------------------------------------------------------------------
  // Bringing it up to date

  private async refresh(now: Date, locale: string): Promise<void> {
    const db = this.db;
    const settings = this.store.settings;
    const tz = settings.timezone;
    // readers go on reading the last committed state meanwhile (WAL); a second writer waits
    db.exec("BEGIN IMMEDIATE");
    try {
      const { touched: changed, pending } = this.syncFiles(dayOf(now, tz));
      if (pending.length) {
        const results = await readMany(
          pending.map((p) => ({ kind: p.kind, path: p.path })),
          this.store.root,
          { onProgress: (done) => ((this.counts.files = done), done % 1000 === 0 && this.progress?.(this.counts)) },
        );
        for (let i = 0; i < results.length; i++) {
          const g = this.put(results[i]!, pending[i]!.dir);
          if (g) changed.add(g);
        }
      }
      const basis = basisOf(settings, locale);
      const groups = new Set<string>();
      let everyone = this.meta("basis") !== basis;
      for (const g of changed) {
        if (g === EVENTS) everyone = true;
        else if (g !== WAIVERS) groups.add(g);
      }
      if (everyone) {
        db.exec("DELETE FROM grp; DELETE FROM duty;");
        for (const r of db.prepare("SELECT DISTINCT grp FROM file WHERE grp IS NOT NULL AND grp NOT LIKE '#%'").all() as { grp: string }[]) groups.add(r.grp);
        this.setMeta("basis", basis);
      }
      // a moment outside the span the duties were found for: found again
      const t = now.getTime();
      for (const r of db.prepare("SELECT id FROM grp WHERE valid_from > ? OR valid_until <= ?").all(t, t) as { id: string }[]) groups.add(r.id);
      if (groups.size) this.findDuties(groups, now, locale);
      db.exec("COMMIT");
    } catch (e) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw e;
    }
  }

  /**
   * Compare the files with what the index holds: forgets the files that are gone, and returns
   * the files to read and the groups whose records changed.
   */
  private syncFiles(today: Day): { touched: Set<string>; pending: { path: string; kind: RecordKind; dir: string }[] } {
    const db = this.db;
    const root = this.store.root;
    const touched = new Set<string>();
    const pending: { path: string; kind: RecordKind; dir: string }[] = [];
    const knownDirs = new Map((db.prepare("SELECT path, stamp FROM dir").all() as { path: string; stamp: string }[]).map((r) => [r.path, r.stamp]));
    const fileCount = (db.prepare("SELECT count(*) AS n FROM file").get() as { n: number }).n;
    const getFiles = db.prepare("SELECT path, stamp, grp FROM file WHERE dir = ?");
    const delFile = db.prepare("DELETE FROM file WHERE path = ?");
    const putDir = db.prepare("INSERT INTO dir (path, stamp) VALUES (?, ?) ON CONFLICT(path) DO UPDATE SET stamp = excluded.stamp");
    const delDir = db.prepare("DELETE FROM dir WHERE path = ?");
    const seenDirs = new Set<string>();
    const checkFile = (rel: string, kind: RecordKind, dir: string, known: { stamp: string; grp: string | null } | undefined) => {
      let stamp: string | undefined;
      try {
        stamp = stampOf(statSync(join(root, rel)));
      } catch {
        stamp = undefined;
      }
      if (stamp === undefined) {
        if (known) {
          delFile.run(rel);
          if (known.grp) touched.add(known.grp);
        }
        return;
      }
      if (known && known.stamp === stamp) return;
      if (known?.grp) touched.add(known.grp);
      pending.push({ path: rel, kind, dir });
    };
    // a folder: listed again only when its modification time moved
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
      const before = knownDirs.get(rel);
      if (before === stamp) {
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
        const why = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOTDIR" ? "it is not a folder" : (e as Error).message;
        throw new UserError(`cannot read the folder ${rel}/ (${code ?? "error"}: ${why}); its ${kind} records cannot be listed, so nothing is reported as if it were empty: fix the folder's permissions and run again; nothing was written`);
      }
      const known = new Map((getFiles.all(rel) as { path: string; stamp: string; grp: string | null }[]).map((r) => [r.path, r]));
      for (const e of entries) {
        if (e.name.startsWith(".")) continue;
        const child = `${rel}/${e.name}`;
        if (e.isDirectory()) walk(child, kind);
        else if (e.name.endsWith(".yaml") || e.name.endsWith(".yml")) {
          checkFile(child, kind, rel, known.get(child));
          known.delete(child);
        }
      }
      for (const gone of known.values()) {
        delFile.run(gone.path);
        if (gone.grp) touched.add(gone.grp);
      }
      putDir.run(rel, stamp);
    };
    for (const kind of KIND_ORDER) walk(FOLDERS[kind], kind);
    // folders that are gone, with everything that was in them
    for (const d of knownDirs.keys()) {
      if (seenDirs.has(d)) continue;
      for (const r of getFiles.all(d) as { path: string; grp: string | null }[]) {
        delFile.run(r.path);
        if (r.grp) touched.add(r.grp);
      }
      delDir.run(d);
    }
    // files changed in place
    type Row = Pick<FileRow, "path" | "kind" | "dir" | "stamp" | "grp">;
    const recheck = (rows: Row[]) => {
      for (const r of rows) checkFile(r.path, r.kind, r.dir, r);
    };
    if (fileCount <= FULL_STAT_FILES) recheck(db.prepare("SELECT path, kind, dir, stamp, grp FROM file").all() as Row[]);
    else {
      const months = [today.slice(0, 7), prevMonth(today.slice(0, 7))].map((ym) => ym.replace("-", "/"));
      const dirs = KIND_ORDER.flatMap((k) => months.map((m) => `${FOLDERS[k]}/${m}`));
      recheck(db.prepare(`SELECT path, kind, dir, stamp, grp FROM file WHERE dir IN (${dirs.map(() => "?").join(",")})`).all(...dirs) as Row[]);
      recheck(
        db
          .prepare("SELECT path, kind, dir, stamp, grp FROM file WHERE id IN (SELECT ticket FROM duty WHERE undone = 1 AND ticket IS NOT NULL UNION SELECT customer FROM duty WHERE undone = 1 AND customer IS NOT NULL)")
          .all() as Row[],
      );
      recheck(db.prepare("SELECT path, kind, dir, stamp, grp FROM file WHERE kind IN ('event', 'waiver')").all() as Row[]);
    }
    return { touched, pending };
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
    this.putFile ??= this.db.prepare(
      "INSERT INTO file (path, dir, kind, id, grp, stamp, value, problems, placed, ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET dir = excluded.dir, kind = excluded.kind, id = excluded.id, grp = excluded.grp, stamp = excluded.stamp, value = excluded.value, problems = excluded.problems, placed = excluded.placed, ref = excluded.ref",
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
    );
    return grp;
  }

  /** Find the duties of these customers' records again. */
  private findDuties(groups: Set<string>, now: Date, locale: string): void {
    const db = this.db;
    const settings = this.store.settings;
    const tz = settings.timezone;
    const events = this.allEvents();
    const common: number[] = [];
    for (const e of events) momentsOf(e.value, tz, common);
    for (const s of settings.staff) if (s.left) common.push(momentOf(s.left, tz));
    const recordsOf = db.prepare("SELECT kind, id, value FROM file WHERE grp = ? AND value IS NOT NULL");
    const delDuties = db.prepare("DELETE FROM duty WHERE grp = ?");
    const delGrp = db.prepare("DELETE FROM grp WHERE id = ?");
    const putGrp = db.prepare("INSERT INTO grp (id, start, valid_from, valid_until) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET start = excluded.start, valid_from = excluded.valid_from, valid_until = excluded.valid_until");
    const putDuty = db.prepare("INSERT INTO duty (grp, key, ticket, customer, undone, expires, expires_at, deadline, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
      const { found, start } = recordDuties({ settings, customers, tickets, contacts, events, reports: [], waivers: [], now }, locale);
      let from = -Infinity;
      let until = Infinity;
      for (const m of moments) {
        if (m <= t) from = Math.max(from, m);
        else until = Math.min(until, m);
      }
      putGrp.run(g, start ?? null, from === -Infinity ? -8.64e15 : from, until === Infinity ? 8.64e15 : until);
      for (const d of found)
        putDuty.run(g, d.key, d.ticket ?? null, d.customer ?? null, d.done ? 0 : 1, d.expires ?? null, d.expiresAt ? Date.parse(d.expiresAt) : null, d.deadline, JSON.stringify(d));
    }
  }

  // ------------------------------------------------------------------------------------------
  // Answers

  /** The duties not done by the records and not yet ended at `now` (the morning list's). */
  undone(now: Date): FoundDuty[] {
    const today = dayOf(now, this.store.settings.timezone);
    const rows = this.db.prepare("SELECT json FROM duty WHERE undone = 1 AND (expires IS NULL OR expires >= ?) AND (expires_at IS NULL OR expires_at > ?)").all(today, now.getTime()) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as FoundDuty);
  }

  /** Every duty the records impose. */
  allFound(): FoundDuty[] {
    return (this.db.prepare("SELECT json FROM duty").all() as { json: string }[]).map((r) => JSON.parse(r.json) as FoundDuty);
  }

  /** The duties of one customer, or of one ticket. */
  foundOf(of: { customer: string } | { ticket: string }): FoundDuty[] {
    const rows = ("customer" in of ? this.db.prepare("SELECT json FROM duty WHERE customer = ?").all(of.customer) : this.db.prepare("SELECT json FROM duty WHERE ticket = ?").all(of.ticket)) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as FoundDuty);
  }

  /** The contacts that name a ticket. */
  contactsOfTicket(ticket: string): Rec<Contact>[] {
    const rows = this.db.prepare("SELECT id, path, value FROM file WHERE ref = ? AND kind = 'contact' AND placed = 1 AND value IS NOT NULL").all(ticket) as { id: string; path: string; value: string }[];
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
    const rows = this.db.prepare("SELECT path, value FROM file WHERE id = ? AND kind = ? AND value IS NOT NULL").all(id, kind) as { path: string; value: string }[];
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return rows[0] ? (JSON.parse(rows[0].value) as RecordOf[K]) : undefined;
  }

  /** Every record of a kind that reads cleanly and sits where its ID puts it, in path order. */
  all<K extends RecordKind>(kind: K): Rec<RecordOf[K]>[] {
    const rows = this.db.prepare("SELECT id, path, value FROM file WHERE kind = ? AND placed = 1 AND value IS NOT NULL").all(kind) as { id: string; path: string; value: string }[];
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return rows.map((r) => ({ id: r.id, value: JSON.parse(r.value) as RecordOf[K] }));
  }

  /** One customer's records. */
  group(customer: string): { customers: Rec<Customer>[]; tickets: Rec<Ticket>[]; contacts: Rec<Contact>[] } {
    const out = { customers: [] as Rec<Customer>[], tickets: [] as Rec<Ticket>[], contacts: [] as Rec<Contact>[] };
    const rows = this.db.prepare("SELECT kind, id, path, value FROM file WHERE grp = ? AND value IS NOT NULL").all(customer) as { kind: RecordKind; id: string; path: string; value: string }[];
    rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const r of rows) {
      const value = JSON.parse(r.value) as unknown;
      if (r.kind === "customer") out.customers.push({ id: r.id, value: value as Customer });
      else if (r.kind === "ticket") out.tickets.push({ id: r.id, value: value as Ticket });
      else if (r.kind === "contact") out.contacts.push({ id: r.id, value: value as Contact });
    }
    return out;
  }

  allEvents(): Rec<CustomerEvent>[] {
    return (this.events ??= this.all("event"));
  }

  waivers(): Rec<Waiver>[] {
    return this.all("waiver");
  }

  /** What `Store.all` says of files that could not be read or sit in the wrong place, kind by kind. */
  warnings(kinds: readonly RecordKind[] = KIND_ORDER): string[] {
    const out: string[] = [];
    for (const kind of kinds) {
      const bad = this.db.prepare("SELECT path, problems FROM file WHERE kind = ? AND problems IS NOT NULL").all(kind) as { path: string; problems: string }[];
      bad.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      if (bad.length) {
        const p = (JSON.parse(bad[0]!.problems) as FileProblem[])[0]!;
        out.push(
          `warning: ${bad.length} ${kind} file${bad.length > 1 ? "s" : ""} could not be read and ${bad.length > 1 ? "are" : "is"} left out (first: ${p.path}:${p.line}:${p.col}: ${p.message}); run 'aftercare check'\n`,
        );
      }
      const stray = this.db.prepare("SELECT path FROM file WHERE kind = ? AND placed = 0 AND value IS NOT NULL").all(kind) as { path: string }[];
      stray.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      if (stray.length)
        out.push(`warning: ${stray.length} ${kind} file${stray.length > 1 ? "s are" : " is"} not where its name puts it and left out (first: ${stray[0]!.path}); run 'aftercare check'\n`);
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

function prevMonth(ym: string): string {
  const [y, m] = ym.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

