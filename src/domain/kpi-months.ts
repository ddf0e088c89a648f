// The year-end review's line for each month (R-MONTHLY's annual review): what periodFigures gives
// for that month — tickets received and resolved, calls, letters, complaints (from the records),
// duties due and the on-time rate (from the duties) — in one pass over the records instead of twelve.
import type { Day } from "./time.js";
import { resolvedAt, type ReviewRecords } from "./kpi.js";
import { tallyOf, type Judgement } from "./kpi-stats.js";

/** Each month's records' counts: the same at every moment while the records stay (the index may keep them). */
export function monthRecordRows(records: ReviewRecords, year: string, day: (at: string) => Day) {
  const rows = Array.from({ length: 12 }, (_, i) => ({
    label: `${year}-${String(i + 1).padStart(2, "0")}`,
    received: 0,
    resolved: 0,
    calls: 0,
    letters: 0,
    complaints: 0,
  }));
  const monthOf = (at: string | undefined) => (at === undefined ? -1 : slot(year, day(at)));
  for (const t of records.tickets) {
    const r = monthOf(t.value.received);
    if (r >= 0) rows[r]!.received++;
    const s = monthOf(resolvedAt(t.value));
    if (s >= 0) rows[s]!.resolved++;
  }
  for (const c of records.contacts) {
    const i = monthOf(c.value.at);
    if (i < 0) continue;
    const row = rows[i]!;
    if (c.value.channel === "call") row.calls++;
    else if (c.value.channel === "letter") row.letters++;
    if (c.value.purpose === "complaint" || (c.value.complaints?.length ?? 0) > 0) row.complaints++;
  }
  return rows;
}

export type MonthRecordRow = ReturnType<typeof monthRecordRows>[number];

/** The month of `year` a day falls in (0–11), or -1. */
const slot = (year: string, d: Day) => (d.startsWith(year) && d.charCodeAt(4) === 45 ? Number(d.slice(5, 7)) - 1 : -1);

/** The year's month lines: each month's records' counts (`base`, worked out when not given) with its duties due and on-time rate. */
export function monthRows(
  records: ReviewRecords,
  now: readonly Judgement[],
  year: string,
  day: (at: string) => Day,
  base: readonly MonthRecordRow[] = monthRecordRows(records, year, day),
) {
  const due = base.map(() => [] as Judgement[]);
  for (const d of now) {
    const i = slot(year, d.deadline);
    if (i >= 0) due[i]!.push(d);
  }
  return base.map((r, i) => {
    const t = tallyOf(due[i]!);
    return { ...r, duties_due: t.due, on_time_rate: t.rate };
  });
}
