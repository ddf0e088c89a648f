// The duties as they stood at the end of a past period (R-MONTHLY's "overdue at the end"), from
// the derived index: found again only for the records that can have had one overdue then, and
// kept in the index per customer until one of the customer's records changes (review-cache.ts).
import { createHash } from "node:crypto";
import { judge, recordDuties, reviewDutiesAt, type FoundDuty, type ReportRecord } from "../domain/duties/index.js";
import { dateTimesOf } from "../domain/kpi.js";
import type { Settings } from "../domain/schema.js";
import { addDays, dayOf, type Day } from "../domain/time.js";
import type { RecordIndex } from "../store/record-index.js";

const DAY_MS = 86_400_000;

export interface FoundAtOptions {
  /** the store's settings with the working calendar resolved (engineSettings) */
  settings: Settings;
  /** the saved reviews (savedReports) */
  reports: readonly ReportRecord[];
  now: Date;
}

export const savedBy = (reports: readonly ReportRecord[], at: Date) =>
  reports.filter((r) => !r.saved || Date.parse(r.saved) <= at.getTime());

/** Whether what did a duty (a stored date or date-time) came after the moment `at` (whose day is `day`). */
const after = (doneAt: string, at: Date, day: Day) =>
  doneAt.length === 10 ? doneAt > day : Date.parse(doneAt) > at.getTime();

/**
 * What the duties found at a period's end (and a period's figures) are found from, of the
 * settings: everything but the absences (R-COVER moves duties between people when they are
 * judged, not when they are found), as a short key.
 */
export const keyOf = (settings: Settings) =>
  createHash("sha256")
    .update(JSON.stringify({ ...settings, staff: settings.staff.map(({ absences: _a, ...s }) => s) }))
    .digest("base64");

/**
 * The duties as found at `at` (now, or the end of a past period) that can be overdue then, with
 * R-MONTHLY's. At now: the stored duties not done. Otherwise the records whose duties can be
 * overdue at `at` have them found again as of `at`, from their customer's records in the index;
 * no other record's duty was overdue then:
 *   - a ticket, contact or event with a duty due by that day that is not done, or was done only
 *     after `at`;
 *   - a ticket with a history on both sides of `at` (received before, changed after: resolved,
 *     cancelled, reopened, escalated…), whose duties then may have been others.
 * Why that is enough (docs/rules.md, "Reviews from the index"): a contact, a customer and an event
 * each happen at one moment, and what happens after `at` can only do a duty (at a moment after
 * `at`), never move a window earlier; a duty whose deadline is after `at`'s day was not overdue.
 * Customers never share duties, so each customer's are found on their own and kept in the index
 * for the next review of the period; only the customers whose records changed since are found again.
 */
export function foundAt(idx: RecordIndex, o: FoundAtOptions, at: Date): FoundDuty[] {
  const { settings, now } = o;
  const reviews = (start: Day | undefined) => reviewDutiesAt(settings, savedBy(o.reports, at), start, at);
  if (at === now) {
    const found = idx.undone(now);
    for (const d of reviews(idx.start())) found.push(d);
    return found;
  }
  const t = at.getTime();
  const key = keyOf(settings);
  const kept = idx.endKept(t, key);
  if (kept.stale === "all") idx.claimEnd(t, kept.seq);
  const again = marked(idx, o, at, kept.stale);
  const fresh = new Map<string, { found: FoundDuty[]; start: Day | undefined }>();
  const events = again.size ? idx.allEvents() : [];
  for (const [g, sources] of again) {
    const recs = idx.group(g);
    const input = { settings, ...recs, events, reports: [], waivers: [], now: at };
    const r = recordDuties(input, sources);
    // only those overdue then are kept: a waiver can only excuse one (judged again with them below)
    const over = new Set(
      judge(r.found, settings, at)
        .filter((d) => d.state === "overdue")
        .map((d) => d.key),
    );
    fresh.set(g, { found: r.found.filter((d) => over.has(d.key)), start: r.start });
  }
  idx.keepEnd(t, key, kept, fresh);
  const groups = kept.stale === "all" ? fresh : new Map([...kept.kept, ...fresh]);
  const found: FoundDuty[] = [];
  let start: Day | undefined;
  for (const f of groups.values()) {
    for (const d of f.found) found.push(d);
    if (f.start !== undefined && (start === undefined || f.start < start)) start = f.start;
  }
  // R-MONTHLY is owed from the store's first day as of `at`: every other customer's first day is
  // what the index holds, if it came by then
  const first = idx.firstDayOutside(new Set(groups.keys()), dayOf(at, settings.timezone));
  if (first !== undefined && (start === undefined || first < start)) start = first;
  for (const d of reviews(start)) found.push(d);
  return found;
}

/** Customer → the tickets, contacts and events whose duties are found again as of `at`: of every customer, or of these. */
function marked(idx: RecordIndex, o: FoundAtOptions, at: Date, of: "all" | string[]): Map<string, Set<string>> {
  const day = dayOf(at, o.settings.timezone);
  const since = addDays(day, -3);
  const t = at.getTime();
  const nowMs = o.now.getTime();
  const again = new Map<string, Set<string>>();
  const mark = (customer: string, source: string) =>
    (again.get(customer) ?? again.set(customer, new Set()).get(customer)!).add(source);
  const doneAfter = (duty: FoundDuty) => !duty.done || after(duty.done.at, at, day);
  // received before `at` and changed after it (by now)
  const bothSides = (value: unknown) => {
    const ms = dateTimesOf(value);
    return ms.some((m) => m <= t) && ms.some((m) => m > t && m <= nowMs);
  };
  const from = t - 2 * DAY_MS;
  const to = t + 2 * DAY_MS;
  if (of === "all") {
    for (const { grp, duty } of idx.dueBy(day, since)) if (doneAfter(duty)) mark(grp, duty.source);
    if (t < nowMs)
      for (const tk of idx.near("ticket", from, to)) if (bothSides(tk.value)) mark(tk.value.customer, tk.id);
    return again;
  }
  for (const g of of) {
    for (const duty of idx.dueByOf(g, day, since)) if (doneAfter(duty)) mark(g, duty.source);
    if (t < nowMs) for (const tk of idx.ticketsNearOf(g, from, to)) if (bothSides(tk.value)) mark(g, tk.id);
  }
  return again;
}
