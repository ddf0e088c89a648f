// What a review (R-MONTHLY) is computed from: the period's records and two sets of duties — those
// due in the period, judged now (compliance), and those overdue at the period's end. Either from a
// full read of the files, or from the derived index without reading the store (issue 12); both
// give the same review, byte for byte (test/reviews.test.ts compares them).
import {
  duties,
  judge,
  reviewDutiesAt,
  type Duty,
  type DutyInput,
  type Judged,
  type ReportRecord,
} from "../domain/duties/index.js";
import { wordDuties } from "../format/duty-words.js";
import { translator } from "../i18n.js";
import {
  dayCache,
  periodEnd,
  recordFigures,
  type RecordFigures,
  recordsOf,
  type Judgement,
  type Period,
  type ReviewRecords,
} from "../domain/kpi.js";
import type { Settings } from "../domain/schema.js";
import type { RecordIndex } from "../store/record-index.js";
import { foundAt, keyOf, savedBy } from "./found-at.js";

export interface ReviewInput {
  records: ReviewRecords;
  /** the duties due in the period (at least), judged at the report's moment; not worded: a review counts them, shows none */
  now: Judgement[];
  /** the duties overdue at the period's last moment (at least), judged then, worded (they are listed); the report's moment while the period lasts */
  atEnd: Duty[];
  /** the figures of its records, when the index kept them (then `records` holds no ticket or contact) */
  figures?: RecordFigures;
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
  return { ...periodRecords(idx, settings, period), now: judged, atEnd };
}

/**
 * The records of a review and their figures: kept by the index for a past period (any change of
 * a record they come from drops them: review-cache.ts), or read from it and kept.
 */
function periodRecords(
  idx: RecordIndex,
  settings: Settings,
  period: Period,
): { records: ReviewRecords; figures?: RecordFigures } {
  const key = keyOf(settings);
  const name = `${period.kind} ${period.label}`;
  const records: ReviewRecords = {
    settings,
    tickets: [],
    contacts: [],
    customerNames: (ids) => idx.customerNames(ids),
    ticketsById: (ids) => idx.byIds("ticket", ids),
  };
  const kept = idx.figuresKept(name, key) as RecordFigures | undefined;
  if (kept) return { records, figures: kept };
  // a bare date is read as 00:00 UTC and a time may be written with any offset, so the span
  // asked for is two days wider on each side; the figures pick the period's exactly
  const from = Date.parse(period.from) - 2 * DAY_MS;
  const to = Date.parse(period.to) + 3 * DAY_MS;
  const claim = idx.claimFigures(name, key, from, to);
  // the customers and tickets looked up by ID: a change of one drops the figures too
  const ids = new Set<string>();
  const looked =
    <T>(ask: (ids: string[]) => T) =>
    (of: Iterable<string>) => {
      const list = [...of];
      for (const id of list) ids.add(id);
      return ask(list);
    };
  const read: ReviewRecords = {
    settings,
    tickets: idx.near("ticket", from, to),
    contacts: idx.near("contact", from, to),
    customerNames: looked((l) => idx.customerNames(l)),
    ticketsById: looked((l) => idx.byIds("ticket", l)),
  };
  const figures = recordFigures(read, period, dayCache(settings.timezone));
  idx.keepFigures(name, key, claim, figures, ids);
  return { records, figures };
}
