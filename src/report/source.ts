// What a review (R-MONTHLY) is computed from: the period's records and two sets of duties — those
// due in the period, judged now (compliance), and those overdue at the period's end. Either from a
// full read of the files, or from the derived index without reading the store (issue 12); both
// give the same review, byte for byte (test/reviews.test.ts compares them).
import {
  duties,
  judge,
  recordDuties,
  reviewDutiesAt,
  type Duty,
  type DutyInput,
  type FoundDuty,
  type Judged,
  type ReportRecord,
} from "../domain/duties/index.js";
import { wordDuties } from "../format/duty-words.js";
import { translator } from "../i18n.js";
import { dateTimesOf, periodEnd, recordsOf, type Judgement, type Period, type ReviewRecords } from "../domain/kpi.js";
import type { Settings } from "../domain/schema.js";
import { addDays, dayOf, type Day } from "../domain/time.js";
import type { RecordIndex } from "../store/record-index.js";

export interface ReviewInput {
  records: ReviewRecords;
  /** the duties due in the period (at least), judged at the report's moment; not worded: a review counts them, shows none */
  now: Judgement[];
  /** the duties overdue at the period's last moment (at least), judged then, worded (they are listed); the report's moment while the period lasts */
  atEnd: Duty[];
}

/** From every record (AFTERCARE_INDEX=off, or no index): the rules engine over the whole store, now and at the period's end. */
export function fileReview(input: DutyInput, period: Period, locale: string): ReviewInput {
  const say = translator(locale);
  const now = duties(input);
  const end = periodEnd(period, input.settings.timezone);
  const overdue = (ds: Judged[]) =>
    wordDuties(
      ds.filter((d) => d.state === "overdue"),
      say,
    );
  const atEnd = overdue(input.now.getTime() > end.getTime() ? duties({ ...input, now: end }) : now);
  return { records: recordsOf(input), now, atEnd };
}

const DAY_MS = 86_400_000;

const savedBy = (reports: readonly ReportRecord[], at: Date) =>
  reports.filter((r) => !r.saved || Date.parse(r.saved) <= at.getTime());

/** Whether what did a duty (a stored date or date-time) came after the moment `at` (whose day is `day`). */
const after = (doneAt: string, at: Date, day: Day) =>
  doneAt.length === 10 ? doneAt > day : Date.parse(doneAt) > at.getTime();

export interface IndexReviewOptions {
  /** the store's settings with the working calendar resolved (engineSettings) */
  settings: Settings;
  /** the saved reviews (savedReports) */
  reports: readonly ReportRecord[];
  now: Date;
  period: Period;
  /** the report's language (duties' topics) */
  locale: string;
}

/**
 * From the derived index: the records whose dates come near the period, the duties whose deadline
 * falls in it, and the duties of the few customers that can have one overdue at its end, found
 * again as of then (`foundAt`). Nothing reads the store's files.
 */
export function indexReview(idx: RecordIndex, o: IndexReviewOptions): ReviewInput {
  const { settings, period, now, locale } = o;
  const tz = settings.timezone;
  const waivers = idx.waivers();
  // compliance: the duties due in the period, judged now
  // (done duties are counted by the index, judged when found; the others are judged now)
  const due = idx.undoneDueBetween(period.from, period.to);
  for (const d of reviewDutiesAt(settings, savedBy(o.reports, now), idx.start(), now)) due.push(d);
  const since = settings.rules?.since;
  const judged: Judgement[] = judge(due, settings, now, waivers);
  for (const t of idx.doneTally(period.from, period.to)) if (!since || t.deadline >= since) judged.push(t);
  const end = periodEnd(period, tz);
  const at = now.getTime() > end.getTime() ? end : now;
  const say = translator(locale);
  const atEnd = wordDuties(
    judge(foundAt(idx, o, at), settings, at, waivers).filter((d) => d.state === "overdue"),
    say,
  );
  // the records: a bare date is read as 00:00 UTC and a time may be written with any offset, so
  // the span asked for is two days wider on each side; the figures pick the period's exactly
  const from = Date.parse(period.from) - 2 * DAY_MS;
  const to = Date.parse(period.to) + 3 * DAY_MS;
  const records: ReviewRecords = {
    settings,
    tickets: idx.near("ticket", from, to),
    contacts: idx.near("contact", from, to),
    customerNames: (ids) => idx.customerNames(ids),
    ticketsById: (ids) => idx.byIds("ticket", ids),
  };
  return { records, now: judged, atEnd };
}

/**
 * The duties as found at `at` (now, or the end of a past period) that can be overdue then, with
 * R-MONTHLY's. At now: the stored duties not done. Otherwise the
 * records whose duties can be overdue at `at` have them found again as of `at`, from their
 * customer's records in the index; no other record's duty was overdue then:
 *   - a ticket, contact or event with a duty due by that day that is not done, or was done only
 *     after `at`;
 *   - a ticket with a history on both sides of `at` (received before, changed after: resolved,
 *     cancelled, reopened, escalated…), whose duties then may have been others.
 * Why that is enough (docs/rules.md, "Reviews from the index"): a contact, a customer and an event
 * each happen at one moment, and what happens after `at` can only do a duty (at a moment after
 * `at`), never move a window earlier; a duty whose deadline is after `at`'s day was not overdue.
 */
function foundAt(idx: RecordIndex, o: IndexReviewOptions, at: Date): FoundDuty[] {
  const { settings, now } = o;
  const tz = settings.timezone;
  const reviews = (start: Day | undefined) => reviewDutiesAt(settings, savedBy(o.reports, at), start, at);
  if (at === now) {
    const found = idx.undone(now);
    for (const d of reviews(idx.start())) found.push(d);
    return found;
  }
  const day = dayOf(at, tz);
  const t = at.getTime();
  // customer → the tickets, contacts and events whose duties are found again
  const again = new Map<string, Set<string>>();
  const mark = (customer: string, source: string) =>
    (again.get(customer) ?? again.set(customer, new Set()).get(customer)!).add(source);
  for (const { grp, duty } of idx.dueBy(day, addDays(day, -3)))
    if (!duty.done || after(duty.done.at, at, day)) mark(grp, duty.source);
  if (t < now.getTime())
    for (const tk of idx.near("ticket", t - 2 * DAY_MS, t + 2 * DAY_MS)) {
      const ms = dateTimesOf(tk.value);
      if (ms.some((m) => m <= t) && ms.some((m) => m > t && m <= now.getTime())) mark(tk.value.customer, tk.id);
    }
  // customers never share duties: theirs are found in one run of the engine (one calendar, one
  // day cache), and its first day is the earliest of theirs
  const input: DutyInput = {
    settings,
    customers: [],
    tickets: [],
    contacts: [],
    events: idx.allEvents(),
    reports: [],
    waivers: [],
    now: at,
  };
  const sources = new Set<string>();
  for (const [g, of] of again) {
    const recs = idx.group(g);
    for (const c of recs.customers) input.customers.push(c);
    for (const tk of recs.tickets) input.tickets.push(tk);
    for (const c of recs.contacts) input.contacts.push(c);
    for (const x of of) sources.add(x);
  }
  const r = again.size ? recordDuties(input, sources) : { found: [], start: undefined };
  const found: FoundDuty[] = r.found;
  let start = r.start;
  // R-MONTHLY is owed from the store's first day as of `at`: every other customer's first day is
  // what the index holds, if it came by then
  const first = idx.firstDayOutside(new Set(again.keys()), day);
  if (first !== undefined && (start === undefined || first < start)) start = first;
  for (const d of reviews(start)) found.push(d);
  return found;
}
