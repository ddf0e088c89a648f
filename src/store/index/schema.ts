// The index's tables, and its small key-value table `meta` (format, basis, head, gitIndex).
import type BetterSqlite3 from "better-sqlite3";
import { FORMAT } from "./common.js";
import { REVIEW_SCHEMA, REVIEW_TABLES } from "./review-cache.js";

export type DB = BetterSqlite3.Database;

export function meta(db: DB, k: string): string | undefined {
  return (db.prepare("SELECT v FROM meta WHERE k = ?").get(k) as { v: string } | undefined)?.v;
}

/** Set a meta value; one that is already so is not written (a read that changes nothing writes nothing). */
export function setMeta(db: DB, k: string, v: string): void {
  if (meta(db, k) === v) return;
  db.prepare("INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v").run(k, v);
}

export function dropMeta(db: DB, k: string): void {
  db.prepare("DELETE FROM meta WHERE k = ?").run(k);
}

/** Set the tables up; an index of another format is emptied first (everything is read again from the files). */
export function setUp(db: DB): void {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
  if (meta(db, "format") !== FORMAT) {
    // another format: everything is read again from the files
    db.exec(
      "DROP TABLE IF EXISTS dir; DROP TABLE IF EXISTS file; DROP TABLE IF EXISTS grp; DROP TABLE IF EXISTS duty; DROP TABLE IF EXISTS search; DELETE FROM meta;",
    );
    for (const t of REVIEW_TABLES) db.exec(`DROP TABLE IF EXISTS ${t}`);
    setMeta(db, "format", FORMAT);
  }
  db.exec(TABLES);
  db.exec(INDEXES);
  // what the reviews keep of periods: the duties overdue at their ends, their records' figures (review-cache.ts)
  db.exec(REVIEW_SCHEMA);
}

/**
 * The tables; then their indexes (and the triggers that keep `search` honest). A rebuild from
 * nothing drops a table's indexes, loads its rows, and makes them again (dropIndexes,
 * makeIndexes): one sort per index instead of a B-tree insert per row and index.
 */
const TABLES = `
      CREATE TABLE IF NOT EXISTS dir (path TEXT PRIMARY KEY, stamp TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS watch (path TEXT PRIMARY KEY, why INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS file (path TEXT PRIMARY KEY, dir TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, grp TEXT, stamp TEXT NOT NULL, value TEXT, problems TEXT, placed INTEGER NOT NULL, ref TEXT, lo REAL, hi REAL);
      CREATE TABLE IF NOT EXISTS grp (id TEXT PRIMARY KEY, start TEXT, valid_from REAL NOT NULL, valid_until REAL NOT NULL);
      CREATE TABLE IF NOT EXISTS duty (grp TEXT NOT NULL, key TEXT NOT NULL, ticket TEXT, customer TEXT, undone INTEGER NOT NULL, expires TEXT, expires_at REAL, deadline TEXT NOT NULL, rule TEXT NOT NULL, judged TEXT, done_by TEXT, json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS search (path TEXT PRIMARY KEY, text TEXT NOT NULL, digits TEXT NOT NULL, keys TEXT NOT NULL);
`;

const INDEXES = `
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
      CREATE INDEX IF NOT EXISTS duty_grp ON duty(grp);
      CREATE INDEX IF NOT EXISTS duty_undone ON duty(undone) WHERE undone = 1;
      CREATE INDEX IF NOT EXISTS duty_deadline ON duty(deadline);
      -- the reviews' count of done duties by deadline (answers.ts doneTally): read from the index alone
      CREATE INDEX IF NOT EXISTS duty_tally ON duty(deadline, rule, judged, done_by) WHERE undone = 0;
      CREATE INDEX IF NOT EXISTS duty_ticket ON duty(ticket);
      CREATE INDEX IF NOT EXISTS duty_customer ON duty(customer);
      CREATE INDEX IF NOT EXISTS duty_done ON duty(json_extract(json, '$.done.at'), deadline);
      -- the morning list's candidates (undone): a window opening by the day asked, due by it, or timed to the minute
      CREATE INDEX IF NOT EXISTS duty_opens ON duty(undone, json_extract(json, '$.earliest')) WHERE undone = 1;
      CREATE INDEX IF NOT EXISTS duty_late ON duty(undone, deadline) WHERE undone = 1;
      CREATE INDEX IF NOT EXISTS duty_timed ON duty(undone) WHERE undone = 1 AND json_extract(json, '$.dueAt') IS NOT NULL;
      -- customers' search keys (domain/search.ts), worked out when first searched; a change of the file's row drops them
      CREATE INDEX IF NOT EXISTS file_customers ON file(path) WHERE kind = 'customer' AND placed = 1 AND value IS NOT NULL;
      CREATE TRIGGER IF NOT EXISTS search_insert AFTER INSERT ON file WHEN new.kind = 'customer' BEGIN DELETE FROM search WHERE path = new.path; END;
      CREATE TRIGGER IF NOT EXISTS search_update AFTER UPDATE ON file WHEN old.kind = 'customer' OR new.kind = 'customer' BEGIN DELETE FROM search WHERE path IN (old.path, new.path); END;
      CREATE TRIGGER IF NOT EXISTS search_delete AFTER DELETE ON file WHEN old.kind = 'customer' BEGIN DELETE FROM search WHERE path = old.path; END;
`;

const INDEX_ON = [...INDEXES.matchAll(/CREATE INDEX IF NOT EXISTS (\w+) ON (\w+)/g)].map(
  (m) => [m[1]!, m[2]!] as const,
);

/**
 * Drop a table's secondary indexes, for a rebuild from nothing to load its rows without them;
 * makeIndexes makes them again (inside the same transaction).
 */
export function dropIndexes(db: DB, table: "file" | "duty"): void {
  for (const [name, on] of INDEX_ON) if (on === table) db.exec(`DROP INDEX IF EXISTS ${name}`);
}

export function makeIndexes(db: DB): void {
  db.exec(INDEXES);
}
