// R-FILE-SAME-DAY: a request phoned or faxed in is filed the day it comes in (A2). A check the
// reviews count, never a task: done (or late) at the moment the ticket was filed.
import { describe } from "vitest";
import { BER, SH, table, ticket, type Row } from "./table.js";

const filed = (z: typeof SH, received: string, at: string, over = {}) => [
  ticket(z, received, { filed: z.at(at), ...over }),
];

const rows: Row[] = [
  // window: the day received; it cannot be seen before the ticket is filed
  {
    name: "before the ticket is filed there is no duty",
    zone: SH,
    now: "2026-09-30 16:59",
    records: { tickets: filed(SH, "2026-09-30 16:40", "2026-09-30 17:05") },
    expect: null,
  },
  {
    name: "filed 25 minutes after the call: done, due the day received",
    zone: SH,
    now: "2026-09-30 17:05",
    records: { tickets: filed(SH, "2026-09-30 16:40", "2026-09-30 17:05") },
    expect: {
      state: "done",
      earliest: "2026-09-30",
      due: "2026-09-30",
      deadline: "2026-09-30",
      daysLate: undefined,
      assignee: "孙丽",
    },
  },
  {
    name: "filed at the last minute of the day received: done",
    zone: SH,
    now: "2026-10-08 09:00",
    records: { tickets: filed(SH, "2026-09-30 16:40", "2026-09-30 23:59") },
    expect: { state: "done", deadline: "2026-09-30" },
  },
  {
    name: "filed after National Day: late by calendar days (8)",
    zone: SH,
    now: "2026-10-08 09:30",
    records: { tickets: filed(SH, "2026-09-30 22:40", "2026-10-08 09:00") },
    expect: { state: "late", deadline: "2026-09-30", daysLate: 8 },
  },
  {
    name: "a fax on a holiday (10-02) filed that day: done, due on the day off itself",
    zone: SH,
    now: "2026-10-02 11:00",
    records: { tickets: filed(SH, "2026-10-02 10:00", "2026-10-02 10:30", { channel: "fax" }) },
    expect: { state: "done", earliest: "2026-10-02", due: "2026-10-02", deadline: "2026-10-02" },
  },
  {
    name: "received Friday 23:50, filed on the make-up Saturday 10-10: a day late",
    zone: SH,
    now: "2026-10-10 09:00",
    records: { tickets: filed(SH, "2026-10-09 23:50", "2026-10-10 08:40") },
    expect: { state: "late", deadline: "2026-10-09", daysLate: 1 },
  },
  {
    name: "setting days: 1, workingDays: true — Friday's request is due on the make-up Saturday",
    zone: SH,
    now: "2026-10-12 09:00",
    records: {
      settings: { ...SH.settings, rules: { "R-FILE-SAME-DAY": { days: 1, workingDays: true } } },
      tickets: filed(SH, "2026-10-09 15:00", "2026-10-11 10:00"),
    },
    expect: { state: "late", due: "2026-10-10", deadline: "2026-10-10", daysLate: 1 },
  },
  {
    name: "assignee on the ticket owns it",
    zone: SH,
    now: "2026-09-30 17:05",
    records: { tickets: filed(SH, "2026-09-30 16:40", "2026-09-30 17:05", { assignee: "何平" }) },
    expect: { state: "done", owner: "何平", assignee: "何平" },
  },
  // Berlin, across the spring change: 00:10 is still +01:00, 03:05 already +02:00; the day is what counts
  {
    name: "received 23:30 Saturday, filed 03:05 on the DST Sunday: a day late",
    zone: BER,
    now: "2026-03-29 09:00",
    records: { tickets: filed(BER, "2026-03-28 23:30", "2026-03-29 03:05") },
    expect: { state: "late", deadline: "2026-03-28", daysLate: 1, assignee: "Anna Keller" },
  },
  {
    name: "received 01:30 in the autumn-change night, filed 23:59 the same day (+01:00): done",
    zone: BER,
    now: "2026-10-26 08:00",
    records: { tickets: filed(BER, "2026-10-25 01:30", "2026-10-25 23:59") },
    expect: { state: "done", earliest: "2026-10-25", due: "2026-10-25", deadline: "2026-10-25" },
  },
  {
    name: "received on Good Friday, filed on Easter Monday: 3 days late",
    zone: BER,
    now: "2026-04-07 08:00",
    records: { tickets: filed(BER, "2026-04-03 11:00", "2026-04-06 10:00") },
    expect: { state: "late", due: "2026-04-03", deadline: "2026-04-03", daysLate: 3 },
  },
];

describe("R-FILE-SAME-DAY: filed the day the request comes in", () => table("R-FILE-SAME-DAY", rows));
