// R-MONTHLY: the department supervisor's written review of each month (and of each year), owed
// from the store's first month. The window opens the 1st of the next month; the deadline is 5
// calendar days later (15 for the year), shown on the last working day on or before it but never
// before the 1st. Done only by a review saved once the period is over, by a supervisor; a
// corrected review keeps the date of its first save.
import { describe } from "vitest";
import { BER, customer, SH, staffWith, table, type Row, type Zone } from "./table.js";
import type { ReportRecord } from "../../src/domain/duties/index.js";

const saved = (
  z: Zone,
  period: string,
  at: string,
  by = z.sup,
  kind: ReportRecord["kind"] = "monthly",
): ReportRecord => ({ kind, period, saved: z.at(at), by });
const SEP = "R-MONTHLY:2026-09";
const MAR = "R-MONTHLY:2026-03";

const rows: Row[] = [
  // September in Shanghai: opens 10-01 (National Day), deadline 10-06 (a holiday): shown 10-01, never before it opens
  {
    name: "on 09-30 September's review is not owed yet",
    zone: SH,
    now: "2026-09-30 23:59",
    records: {},
    key: SEP,
    expect: null,
  },
  {
    name: "10-01 00:00: due, shown on the 1st (the working day before the deadline is before the window)",
    zone: SH,
    now: "2026-10-01 00:00",
    records: {},
    key: SEP,
    expect: {
      state: "due",
      earliest: "2026-10-01",
      due: "2026-10-01",
      deadline: "2026-10-06",
      owner: "郑红",
      assignee: "郑红",
    },
  },
  { name: "10-06 23:59: due", zone: SH, now: "2026-10-06 23:59", records: {}, key: SEP, expect: { state: "due" } },
  {
    name: "10-07 00:00: overdue",
    zone: SH,
    now: "2026-10-07 00:00",
    records: {},
    key: SEP,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "saved by the supervisor on 10-06 (a holiday): done",
    zone: SH,
    now: "2026-10-08 09:00",
    records: { reports: [saved(SH, "2026-09", "2026-10-06 20:00")] },
    key: SEP,
    expect: { state: "done" },
  },
  {
    name: "saved 10-01 00:00, the moment September is over: done",
    zone: SH,
    now: "2026-10-08 09:00",
    records: { reports: [saved(SH, "2026-09", "2026-10-01 00:00")] },
    key: SEP,
    expect: { state: "done" },
  },
  {
    name: "saved 10-08 after the holiday: 2 days late",
    zone: SH,
    now: "2026-10-08 12:00",
    records: { reports: [saved(SH, "2026-09", "2026-10-08 10:00")] },
    key: SEP,
    expect: { state: "late", daysLate: 2 },
  },
  // what does not close it
  {
    name: "saved on 09-30, before September was over",
    zone: SH,
    now: "2026-10-08 09:00",
    records: { reports: [saved(SH, "2026-09", "2026-09-30 17:00")] },
    key: SEP,
    expect: { state: "overdue", daysLate: 2 },
  },
  {
    name: "saved by a clerk",
    zone: SH,
    now: "2026-10-08 09:00",
    records: { reports: [saved(SH, "2026-09", "2026-10-02 10:00", "何平")] },
    key: SEP,
    expect: { state: "overdue", daysLate: 2 },
  },
  {
    name: "the annual review does not stand for the month",
    zone: SH,
    now: "2026-10-08 09:00",
    records: { reports: [saved(SH, "2026", "2026-10-02 10:00", "郑红", "annual")] },
    key: SEP,
    expect: { state: "overdue", daysLate: 2 },
  },
  {
    name: "a store whose first record is in October owes no September review",
    zone: SH,
    now: "2026-11-02 09:00",
    records: { customers: [customer(SH, undefined, { created: SH.at("2026-10-15 09:00") })] },
    key: SEP,
    expect: null,
  },
  {
    name: "no supervisor on staff: nobody owns it",
    zone: SH,
    now: "2026-10-02 09:00",
    records: { settings: { ...SH.settings, staff: SH.settings.staff.filter((s) => s.role !== "supervisor") } },
    key: SEP,
    expect: { state: "due", owner: undefined, assignee: undefined },
  },
  {
    name: "the supervisor has left: nobody owns it",
    zone: SH,
    now: "2026-10-02 09:00",
    records: { settings: staffWith(SH, "郑红", { left: "2026-10-01" }) },
    key: SEP,
    expect: { state: "due", owner: undefined },
  },
  // other months and the year
  {
    name: "August: deadline Sunday 09-06, shown Friday 09-04",
    zone: SH,
    now: "2026-09-01 09:00",
    records: {},
    key: "R-MONTHLY:2026-08",
    expect: { state: "due", earliest: "2026-09-01", due: "2026-09-04", deadline: "2026-09-06" },
  },
  {
    name: "October: the 6th of November is a Friday",
    zone: SH,
    now: "2026-11-01 09:00",
    records: {},
    key: "R-MONTHLY:2026-10",
    expect: { state: "due", earliest: "2026-11-01", due: "2026-11-06", deadline: "2026-11-06" },
  },
  {
    name: "setting days: 9 — April's deadline is Sunday 05-10, shown on the make-up Saturday 05-09",
    zone: SH,
    now: "2026-05-06 09:00",
    records: { settings: { ...SH.settings, rules: { "R-MONTHLY": { days: 9 } } } },
    key: "R-MONTHLY:2026-04",
    expect: { state: "due", earliest: "2026-05-01", due: "2026-05-09", deadline: "2026-05-10" },
  },
  {
    name: "the year 2026: opens 2027-01-01, deadline 01-16 (Saturday), shown 01-15",
    zone: SH,
    now: "2027-01-04 09:00",
    records: {},
    key: "R-MONTHLY:2026",
    expect: { state: "due", earliest: "2027-01-01", due: "2027-01-15", deadline: "2027-01-16" },
  },
  {
    name: "rules.since 2026-09-01: August's review (deadline 09-06) is still owed",
    zone: SH,
    now: "2026-10-02 09:00",
    records: { settings: { ...SH.settings, rules: { since: "2026-09-01" } } },
    key: "R-MONTHLY:2026-08",
    expect: { state: "overdue" },
  },
  {
    name: "rules.since 2026-09-07: August's review is before the store's real start",
    zone: SH,
    now: "2026-10-02 09:00",
    records: { settings: { ...SH.settings, rules: { since: "2026-09-07" } } },
    key: "R-MONTHLY:2026-08",
    expect: null,
  },
  // Berlin: March → deadline Easter Monday 04-06, shown Thursday 04-02; the review after the spring change
  {
    name: "March: due from 04-01, shown Thursday 04-02 before Easter",
    zone: BER,
    now: "2026-04-01 00:00",
    records: {},
    key: MAR,
    expect: { state: "due", earliest: "2026-04-01", due: "2026-04-02", deadline: "2026-04-06", assignee: "Petra Lang" },
  },
  {
    name: "saved 23:30 on 03-31 (+02:00): too early, the month was not over",
    zone: BER,
    now: "2026-04-07 09:00",
    records: { reports: [saved(BER, "2026-03", "2026-03-31 23:30")] },
    key: MAR,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "saved 00:30 on 04-01 (+02:00, still 03-31 in UTC): done",
    zone: BER,
    now: "2026-04-07 09:00",
    records: { reports: [{ kind: "monthly", period: "2026-03", saved: "2026-03-31T22:30:00Z", by: "Petra Lang" }] },
    key: MAR,
    expect: { state: "done" },
  },
  {
    name: "saved Easter Monday 23:59: done",
    zone: BER,
    now: "2026-04-07 09:00",
    records: { reports: [saved(BER, "2026-03", "2026-04-06 23:59")] },
    key: MAR,
    expect: { state: "done" },
  },
  {
    name: "October: after the autumn change, 11-07 00:00 is overdue",
    zone: BER,
    now: "2026-11-07 00:00",
    records: {},
    key: "R-MONTHLY:2026-10",
    expect: { state: "overdue", due: "2026-11-06", deadline: "2026-11-06", daysLate: 1 },
  },
];

describe("R-MONTHLY: the supervisor's monthly and year-end review", () => table("R-MONTHLY", rows));
