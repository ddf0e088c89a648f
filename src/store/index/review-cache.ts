// What the reviews keep between reads (issue 12): the duties of a past period's end found again,
// per customer, so that `report monthly|annual` does not run the rules engine over the ~220
// customers that can have had a duty overdue at a month's end each time it is asked; and a
// period's figures of its records (kpi-figures.ts recordFigures), so that it does not read them
// (25,000 tickets and contacts for a year): see figuresKept at the end of this file.
//
// Kept per moment `at` (a past period's last millisecond, R-MONTHLY) and customer group, for the
// groups whose records can have had a duty overdue then (report/found-at.ts marks them), with the
// first day of those records as of `at` (R-MONTHLY's first review). What they are found from: the
// group's records (table `file`), every event, and the settings the rules read (the key a period
// row holds: another key finds every group again). What they are not found from, and stays live at
// each report: waivers, saved reviews, absences (R-COVER), the report's language.
//
// How it is kept right: every change of a group's records (a row of `file` inserted, updated or
// deleted) and every time its duties are found again (a row of `grp`: a moment outside the span
// they hold for, a change of the basis) gives the group the next number of a sequence
// (`review_seq`, by triggers); a period row remembers the number the sequence had when its groups
// were found, so the groups with a later number are found again, and only those. An event's
// change drops every period (an event gives every customer duties). The triggers run only once
// some period is kept, so a rebuild from nothing pays nothing for them.
import { randomBytes } from "node:crypto";
import type { FoundDuty } from "../../domain/duties/index.js";
import type { Day } from "../../domain/time.js";
import { EVENTS, sqliteCode } from "./common.js";
import type { DB } from "./schema.js";

/** The tables and triggers (schema.ts setUp runs this; schema.ts drops the tables when FORMAT changes). */
export const REVIEW_TABLES = ["review_period", "review_found", "review_seq", "review_records", "review_dep"];

/**
 * A file's row changed in what a record is (its value, group, place, kind, ID), not only in its
 * stamp (a file compared once more and read again the same, a checkout that rewrote it unchanged).
 */
const FILE_CHANGED =
  " AND (old.value IS NOT new.value OR old.grp IS NOT new.grp OR old.placed IS NOT new.placed OR old.kind IS NOT new.kind OR old.id IS NOT new.id)";
/**
 * A group's duties found again for another span of moments or first day (when its records did not
 * change, its duties change only with the span they hold for; a change of the basis deletes the row).
 */
const GRP_CHANGED =
  " AND (old.start IS NOT new.start OR old.valid_from IS NOT new.valid_from OR old.valid_until IS NOT new.valid_until)";

/** A file's row (old or new) a period's figures were worked out from: a ticket or contact whose span meets the period's, or a record looked up by ID. */
const rowIn = (r: "old" | "new") =>
  `(${r}.kind IN ('ticket', 'contact') AND ${r}.hi >= lo AND ${r}.lo <= hi) OR period IN (SELECT period FROM review_dep WHERE id = ${r}.id)`;
const OLD_ROW = rowIn("old");
const NEW_ROW = rowIn("new");

export const REVIEW_SCHEMA = `
  -- the reviews' duties at a past period's end (review-cache.ts): which periods are kept, with what
  CREATE TABLE IF NOT EXISTS review_period (at REAL PRIMARY KEY, key TEXT NOT NULL, seq INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS review_found (at REAL NOT NULL, grp TEXT NOT NULL, start TEXT, json TEXT NOT NULL, PRIMARY KEY (at, grp));
  CREATE INDEX IF NOT EXISTS review_found_grp ON review_found(grp);
  CREATE TABLE IF NOT EXISTS review_seq (grp TEXT PRIMARY KEY, seq INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS review_seq_seq ON review_seq(seq);
  ${[
    ["file_insert", "INSERT ON file", "new.grp", ""],
    ["file_update_old", "UPDATE ON file", "old.grp", FILE_CHANGED],
    ["file_update_new", "UPDATE ON file", "new.grp", FILE_CHANGED],
    ["file_delete", "DELETE ON file", "old.grp", ""],
    ["grp_insert", "INSERT ON grp", "new.id", ""],
    ["grp_update", "UPDATE ON grp", "new.id", GRP_CHANGED],
    ["grp_delete", "DELETE ON grp", "old.id", ""],
  ]
    .map(
      ([name, on, g, changed]) => `
  CREATE TRIGGER IF NOT EXISTS review_${name} AFTER ${on} WHEN ${g} IS NOT NULL${changed} AND EXISTS (SELECT 1 FROM review_period) BEGIN
    DELETE FROM review_found WHERE grp = ${g};
    INSERT INTO review_seq (grp, seq) SELECT ${g}, coalesce(max(seq), 0) + 1 FROM review_seq WHERE true
      ON CONFLICT(grp) DO UPDATE SET seq = excluded.seq;
    DELETE FROM review_period WHERE ${g} = '${EVENTS}';
    DELETE FROM review_found WHERE ${g} = '${EVENTS}';
  END;`,
    )
    .join("")}
  -- the reviews' figures of their records (review-cache.ts figuresKept): a period's, under a key,
  -- worked out from the tickets and contacts whose span meets lo..hi and the customers and tickets
  -- looked up by ID (review_dep); json NULL while being worked out
  CREATE TABLE IF NOT EXISTS review_records (period TEXT PRIMARY KEY, key TEXT NOT NULL, lo REAL NOT NULL, hi REAL NOT NULL, json TEXT);
  CREATE TABLE IF NOT EXISTS review_dep (period TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (id, period));
  CREATE TRIGGER IF NOT EXISTS review_records_gone AFTER DELETE ON review_records BEGIN
    DELETE FROM review_dep WHERE period = old.period;
  END;
  ${[
    ["insert", "INSERT", [NEW_ROW], ""],
    ["update", "UPDATE", [OLD_ROW, NEW_ROW], FILE_CHANGED],
    ["delete", "DELETE", [OLD_ROW], ""],
  ]
    .map(
      ([name, on, rows, changed]) => `
  CREATE TRIGGER IF NOT EXISTS review_records_${name as string} AFTER ${on as string} ON file WHEN EXISTS (SELECT 1 FROM review_records)${changed as string} BEGIN
    DELETE FROM review_records WHERE json IS NULL${(rows as string[]).map((r) => ` OR ${r}`).join("")};
  END;`,
    )
    .join("")}
`;

/** One group's duties at a period's end: those of its records that can have been overdue then, and its first day as of then. */
export interface EndFound {
  found: FoundDuty[];
  start: Day | undefined;
}

/** What is kept for a period's end: every group found again (`stale: "all"`), or the kept groups and those changed since. */
export type EndKept = { stale: "all"; seq: number } | { stale: string[]; seq: number; kept: Map<string, EndFound> };

/** Past this many changed groups every group is marked again from the whole index (one query, not one per group). */
const FEW = 400;

/** The period's end as kept for this key (the settings the rules read), and the groups changed since. */
export function endKept(db: DB, at: number, key: string): EndKept {
  // the sequence's number now: what changes after it is found again next time
  const seq = (db.prepare("SELECT coalesce(max(seq), 0) AS n FROM review_seq").get() as { n: number }).n;
  const period = db.prepare("SELECT key, seq FROM review_period WHERE at = ?").get(at) as
    { key: string; seq: number } | undefined;
  if (!period || period.key !== key) return { stale: "all", seq };
  const stale = db
    .prepare("SELECT grp FROM review_seq WHERE seq > ? LIMIT ?")
    .pluck()
    .all(period.seq, FEW + 1) as string[];
  // an event changed: its trigger emptied every period's kept rows, so nothing kept can be trusted
  if (stale.length > FEW || stale.includes(EVENTS)) return { stale: "all", seq };
  const changed = new Set(stale);
  const kept = new Map<string, EndFound>();
  for (const r of db.prepare("SELECT grp, start, json FROM review_found WHERE at = ?").all(at) as {
    grp: string;
    start: string | null;
    json: string;
  }[])
    if (!changed.has(r.grp)) kept.set(r.grp, { found: JSON.parse(r.json) as FoundDuty[], start: r.start ?? undefined });
  return { stale, seq, kept };
}

/**
 * Before a period's end is found again in full: its row marks it taken (under no key, so that it
 * is not used), which has the triggers number every change from now on, even one another process
 * makes while this one works (the first period kept turns them on).
 */
export function claimEnd(db: DB, at: number, seq: number): void {
  write(() =>
    db
      .prepare(
        "INSERT INTO review_period (at, key, seq) VALUES (?, '', ?) ON CONFLICT(at) DO UPDATE SET key = '', seq = excluded.seq",
      )
      .run(at, seq),
  );
}

/** A write the reviews may skip: a busy or read-only index keeps nothing, and the next review finds it again. */
function write(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!/^SQLITE_(BUSY|LOCKED|READONLY|IOERR|FULL|PERM|CANTOPEN)/.test(sqliteCode(e))) throw e;
  }
}

/**
 * Keep a period's end: the groups found again (`found`: those marked, each with its duties; the
 * others of `stale` had none that could be overdue), as of sequence number `seq` (read before
 * anything was found).
 */
export function keepEnd(db: DB, at: number, key: string, kept: EndKept, found: Map<string, EndFound>): void {
  write(() =>
    db.transaction(() => {
      if (kept.stale === "all") db.prepare("DELETE FROM review_found WHERE at = ?").run(at);
      else {
        const drop = db.prepare("DELETE FROM review_found WHERE at = ? AND grp = ?");
        for (const g of kept.stale) drop.run(at, g);
      }
      const put = db.prepare(
        "INSERT INTO review_found (at, grp, start, json) VALUES (?, ?, ?, ?) ON CONFLICT(at, grp) DO UPDATE SET start = excluded.start, json = excluded.json",
      );
      for (const [g, f] of found) put.run(at, g, f.start ?? null, JSON.stringify(f.found));
      db.prepare(
        "INSERT INTO review_period (at, key, seq) VALUES (?, ?, ?) ON CONFLICT(at) DO UPDATE SET key = excluded.key, seq = excluded.seq",
      ).run(at, key, kept.seq);
    })(),
  );
}

/** A period's figures of its records as kept under this key (the settings), or undefined. */
export function figuresKept(db: DB, period: string, key: string): unknown {
  const r = db.prepare("SELECT key, json FROM review_records WHERE period = ?").get(period) as
    { key: string; json: string | null } | undefined;
  return r && r.key === key && r.json !== null ? JSON.parse(r.json) : undefined;
}

/**
 * Before a period's figures are worked out from the records in lo..hi: a row without them, which
 * any change of a record file drops (so that what changes meanwhile, even by another process, is
 * not kept as if it had been seen). The row's key carries this claim's own token until the
 * figures are kept: another process that claims the period after a change dropped this claim
 * holds a row this one cannot fill with what it worked out before the change. Returns the claim.
 */
export function claimFigures(db: DB, period: string, key: string, lo: number, hi: number): string {
  const claim = `${key}\u0000${randomBytes(6).toString("hex")}`;
  write(() =>
    db
      .prepare(
        "INSERT INTO review_records (period, key, lo, hi, json) VALUES (?, ?, ?, ?, NULL) ON CONFLICT(period) DO UPDATE SET key = excluded.key, lo = excluded.lo, hi = excluded.hi, json = NULL",
      )
      .run(period, claim, lo, hi),
  );
  return claim;
}

/**
 * Keep a period's figures under `key`, with the IDs they looked up, if no record changed since
 * claimFigures gave `claim` and no other claim took the period since.
 */
export function keepFigures(
  db: DB,
  period: string,
  key: string,
  claim: string,
  figures: unknown,
  ids: Iterable<string>,
): void {
  write(() =>
    db.transaction(() => {
      const claimed = db
        .prepare("UPDATE review_records SET json = ?, key = ? WHERE period = ? AND key = ? AND json IS NULL")
        .run(JSON.stringify(figures), key, period, claim);
      if (!claimed.changes) return;
      const dep = db.prepare("INSERT OR IGNORE INTO review_dep (period, id) VALUES (?, ?)");
      for (const id of ids) dep.run(period, id);
    })(),
  );
}
