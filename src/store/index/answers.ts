// The index's answers about duties: the morning list's candidates, a customer's or a ticket's, a
// typed key's, and what the reviews (report/source.ts) ask by period.
import type { FoundDuty, Rec } from "../../domain/duties/index.js";
import type { Judgement } from "../../domain/kpi.js";
import type { RecordOf } from "../../domain/schema.js";
import { dayOf, type Day } from "../../domain/time.js";
import { IndexRecords } from "./records.js";
import {
  claimEnd,
  claimFigures,
  endKept,
  figuresKept,
  keepEnd,
  keepFigures,
  type EndFound,
  type EndKept,
} from "./review-cache.js";

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export class IndexAnswers extends IndexRecords {
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
    rows.sort(byPath);
    return rows.map((r) => ({ id: r.id, value: JSON.parse(r.value) as RecordOf[K] }));
  }

  /** The duties not done whose deadline falls on these days (inclusive). */
  undoneDueBetween(from: Day, to: Day): FoundDuty[] {
    return (
      this.db.prepare("SELECT json FROM duty WHERE deadline BETWEEN ? AND ? AND undone = 1").all(from, to) as {
        json: string;
      }[]
    ).map((r) => JSON.parse(r.json) as FoundDuty);
  }

  /**
   * The done duties whose deadline falls between two days (inclusive), counted by deadline, rule,
   * state (done on time or late, judged when found: find-duties.ts doneJudge) and who did them;
   * the reviews' compliance without decoding a duty (R-MONTHLY).
   */
  doneTally(from: Day, to: Day): Judgement[] {
    const rows = this.db
      .prepare(
        "SELECT deadline, rule, judged AS state, done_by AS assignee, count(*) AS n FROM duty INDEXED BY duty_tally WHERE undone = 0 AND deadline BETWEEN ? AND ? GROUP BY deadline, rule, judged, done_by",
      )
      .all(from, to) as (Judgement & { assignee: string | null })[];
    return rows.map(({ assignee, ...r }) => (assignee === null ? r : { ...r, assignee }));
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

  /** dueBy for one customer's group. */
  dueByOf(grp: string, day: Day, since: string): FoundDuty[] {
    const rows = this.db
      .prepare(
        "SELECT json FROM duty WHERE grp = ? AND deadline <= ? AND (undone = 1 OR json_extract(json, '$.done.at') >= ?)",
      )
      .pluck()
      .all(grp, day, since) as string[];
    return rows.map((r) => JSON.parse(r) as FoundDuty);
  }

  /** One customer's tickets whose moments come near a span of time (ms), as `near` finds them. */
  ticketsNearOf(grp: string, from: number, to: number): Rec<RecordOf["ticket"]>[] {
    const rows = this.db
      .prepare(
        "SELECT id, path, value FROM file WHERE grp = ? AND kind = 'ticket' AND placed = 1 AND value IS NOT NULL AND hi >= ? AND lo <= ?",
      )
      .all(grp, from, to) as { id: string; path: string; value: string }[];
    rows.sort(byPath);
    return rows.map((r) => ({ id: r.id, value: JSON.parse(r.value) as RecordOf["ticket"] }));
  }

  /** The duties kept for a past period's end (review-cache.ts): what still holds, and which groups to find again. */
  endKept(at: number, key: string): EndKept {
    return endKept(this.db, at, key);
  }

  /** A period's end is being found again in full (review-cache.ts claimEnd). */
  claimEnd(at: number, seq: number): void {
    claimEnd(this.db, at, seq);
  }

  /** Keep what was found again for a period's end (review-cache.ts keepEnd). */
  keepEnd(at: number, key: string, kept: EndKept, found: Map<string, EndFound>): void {
    keepEnd(this.db, at, key, kept, found);
  }

  /** A period's figures of its records as kept (review-cache.ts), or undefined. */
  figuresKept(period: string, key: string): unknown {
    return figuresKept(this.db, period, key);
  }

  /** A period's figures are being worked out from the records in lo..hi (review-cache.ts claimFigures). */
  claimFigures(period: string, key: string, lo: number, hi: number): string {
    return claimFigures(this.db, period, key, lo, hi);
  }

  /** Keep a period's figures with the IDs they looked up, under the claim made (review-cache.ts keepFigures). */
  keepFigures(period: string, key: string, claim: string, figures: unknown, ids: Iterable<string>): void {
    keepFigures(this.db, period, key, claim, figures, ids);
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
}
