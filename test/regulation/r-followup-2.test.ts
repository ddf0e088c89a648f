// R-FOLLOWUP-2: the second follow-up call, no earlier than day 7 and no later than day 14 after
// the first — calendar days, whatever the holidays. Shown on the last working day on or before
// day 14; a call on day 14 itself, a day off, is on time. Closed by a follow-up contact on the
// ticket other than the first, from day 7. When the first was missed (the technician arrived
// first), it counts from the day the first was due.
import { describe } from "vitest";
import { BER, call, letter, SH, table, ticket, waiver, type Row, type Zone } from "./table.js";

const dispatched = (z: Zone, at: string, more: { arrive?: string; arrived?: string } = {}) =>
  ticket(z, at.slice(0, 10) + " 08:30", {
    status: more.arrived ? "onsite" : "dispatched",
    dispatch: {
      technician: z.tech,
      at: z.at(at),
      ...(more.arrive ? { arrive: z.at(more.arrive) } : {}),
      ...(more.arrived ? { arrived: z.at(more.arrived) } : {}),
    },
  });
// A: first follow-up Thursday 09-24 → day 7 = 10-01 (National Day), day 14 = 10-08 (a working day)
const A = { tickets: [dispatched(SH, "2026-09-24 09:00")] };
const a1 = call(SH, "2026-09-24 09:20");
// B: first follow-up Thursday 09-17 → day 7 = 09-24, day 14 = 10-01 (holiday): shown 09-30
const B = { tickets: [dispatched(SH, "2026-09-17 09:00")] };
const b1 = call(SH, "2026-09-17 09:20");
// C: first follow-up Sunday 09-13 → day 7 = 09-20, a make-up working Sunday
const C = { tickets: [dispatched(SH, "2026-09-13 09:00")] };
const c1 = call(SH, "2026-09-13 09:20");
// D (Berlin): first follow-up Sunday 10-18 22:30 (+02:00) → day 7 = 10-25 (the autumn change), day 14 = Sunday 11-01: shown Friday 10-30
const D = { tickets: [dispatched(BER, "2026-10-18 22:00")] };
const d1 = call(BER, "2026-10-18 22:30");

const rows: Row[] = [
  // the technician arrived before anyone called: the first is missed, and a call a week later (not
  // linked as the first: it came after the arrival) closes the second
  {
    name: "first missed (arrived first): a call on day 7 after it is the second",
    zone: SH,
    now: "2026-10-12 12:00",
    records: {
      tickets: [dispatched(SH, "2026-10-05 09:00", { arrive: "2026-10-05 10:00", arrived: "2026-10-05 10:05" })],
      contacts: [call(SH, "2026-10-12 10:00")],
    },
    expect: { state: "done", earliest: "2026-10-12", deadline: "2026-10-19" },
  },
  {
    name: "day 6, last moment: upcoming",
    zone: SH,
    now: "2026-09-30 23:59",
    records: { ...A, contacts: [a1] },
    expect: { state: "upcoming", earliest: "2026-10-01", due: "2026-10-08", deadline: "2026-10-08", assignee: "孙丽" },
  },
  {
    name: "day 7, a holiday, first moment: due",
    zone: SH,
    now: "2026-10-01 00:00",
    records: { ...A, contacts: [a1] },
    expect: { state: "due" },
  },
  {
    name: "day 14, last moment: due",
    zone: SH,
    now: "2026-10-08 23:59",
    records: { ...A, contacts: [a1] },
    expect: { state: "due" },
  },
  {
    name: "day 15: overdue — the window does not stretch over the holiday",
    zone: SH,
    now: "2026-10-09 00:00",
    records: { ...A, contacts: [a1] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a call on day 7 itself (10-01, a holiday): done",
    zone: SH,
    now: "2026-10-09 09:00",
    records: { ...A, contacts: [a1, call(SH, "2026-10-01 10:00")] },
    expect: { state: "done", done: { at: SH.at("2026-10-01 10:00") } },
  },
  {
    name: "a call on day 8 (10-02, a holiday): done",
    zone: SH,
    now: "2026-10-09 09:00",
    records: { ...A, contacts: [a1, call(SH, "2026-10-02 10:00")] },
    expect: { state: "done" },
  },
  {
    name: "a call on day 18 (10-12): 4 days late",
    zone: SH,
    now: "2026-10-12 12:00",
    records: { ...A, contacts: [a1, call(SH, "2026-10-12 10:00")] },
    expect: { state: "late", daysLate: 4 },
  },
  {
    name: "a follow-up letter on day 9: done",
    zone: SH,
    now: "2026-10-09 09:00",
    records: { ...A, contacts: [a1, letter(SH, "2026-10-03", "notice", { purpose: "followup" })] },
    expect: { state: "done" },
  },
  // what does not close it
  {
    name: "a call on day 6 is too early",
    zone: SH,
    now: "2026-10-09 09:00",
    records: { ...A, contacts: [a1, call(SH, "2026-09-30 16:00")] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "an inbound follow-up call not marked told",
    zone: SH,
    now: "2026-10-09 09:00",
    records: { ...A, contacts: [a1, call(SH, "2026-10-08 10:00", { direction: "in" })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a consultation call in the window",
    zone: SH,
    now: "2026-10-09 09:00",
    records: { ...A, contacts: [a1, call(SH, "2026-10-08 10:00", { purpose: "consult" })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a follow-up call in the window unlinked from the ticket",
    zone: SH,
    now: "2026-10-09 09:00",
    records: { ...A, contacts: [a1, call(SH, "2026-10-08 10:00", { ticket: undefined })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "waived by the supervisor: waived",
    zone: SH,
    now: "2026-10-12 09:00",
    records: { ...A, contacts: [a1], waivers: [waiver(SH, "R-FOLLOWUP-2:T-260901-GD01", "2026-10-12 08:45")] },
    expect: { state: "waived", daysLate: undefined },
  },
  {
    name: "a waiver does not undo a call made: done",
    zone: SH,
    now: "2026-10-12 09:00",
    records: {
      ...A,
      contacts: [a1, call(SH, "2026-10-02 10:00")],
      waivers: [waiver(SH, "R-FOLLOWUP-2:T-260901-GD01", "2026-10-12 08:45")],
    },
    expect: { state: "done" },
  },
  // day 14 on a holiday
  {
    name: "day 14 is a holiday (10-01): shown on the last working day before it",
    zone: SH,
    now: "2026-09-30 10:00",
    records: { ...B, contacts: [b1] },
    expect: { state: "due", earliest: "2026-09-24", due: "2026-09-30", deadline: "2026-10-01" },
  },
  {
    name: "on day 14 itself, a holiday, it is still due",
    zone: SH,
    now: "2026-10-01 23:59",
    records: { ...B, contacts: [b1] },
    expect: { state: "due" },
  },
  {
    name: "a call on day 14 itself, a holiday, is on time",
    zone: SH,
    now: "2026-10-08 09:00",
    records: { ...B, contacts: [b1, call(SH, "2026-10-01 10:00")] },
    expect: { state: "done" },
  },
  {
    name: "day 15 (10-02): overdue",
    zone: SH,
    now: "2026-10-02 00:00",
    records: { ...B, contacts: [b1] },
    expect: { state: "overdue", daysLate: 1 },
  },
  // make-up day
  {
    name: "day 7 is the make-up Sunday 09-20: a call that day counts",
    zone: SH,
    now: "2026-09-21 09:00",
    records: { ...C, contacts: [c1, call(SH, "2026-09-20 10:00")] },
    expect: { state: "done", earliest: "2026-09-20", due: "2026-09-24", deadline: "2026-09-27" },
  },
  {
    name: "setting workingDays: true — day 7 and 14 in working days over the holidays",
    zone: SH,
    now: "2026-10-12 09:00",
    records: {
      ...A,
      contacts: [a1],
      settings: { ...SH.settings, rules: { "R-FOLLOWUP-2": { from: 7, to: 14, workingDays: true } } },
    },
    expect: { state: "due", earliest: "2026-10-12", due: "2026-10-21", deadline: "2026-10-21" },
  },
  // the first missed: counts from its due day
  {
    name: "first follow-up missed (technician on site 11:40): day 7 counted from the dispatch day",
    zone: SH,
    now: "2026-10-16 09:00",
    records: {
      tickets: [dispatched(SH, "2026-10-09 09:00", { arrive: "2026-10-09 11:30", arrived: "2026-10-09 11:40" })],
    },
    expect: { state: "due", earliest: "2026-10-16", due: "2026-10-23", deadline: "2026-10-23" },
  },
  {
    name: "first missed, its late call after arrival is not the second",
    zone: SH,
    now: "2026-10-24 09:00",
    records: {
      tickets: [dispatched(SH, "2026-10-09 09:00", { arrive: "2026-10-09 11:30", arrived: "2026-10-09 11:40" })],
      contacts: [call(SH, "2026-10-09 14:00")],
    },
    expect: { state: "overdue", earliest: "2026-10-16", daysLate: 1 },
  },
  // Berlin across the autumn change
  {
    name: "day 6, 23:59 (+02:00): upcoming",
    zone: BER,
    now: "2026-10-24 23:59",
    records: { ...D, contacts: [d1] },
    expect: {
      state: "upcoming",
      earliest: "2026-10-25",
      due: "2026-10-30",
      deadline: "2026-11-01",
      assignee: "Anna Keller",
    },
  },
  {
    name: "day 7, 00:00 on the change Sunday: due",
    zone: BER,
    now: "2026-10-25 00:00",
    records: { ...D, contacts: [d1] },
    expect: { state: "due" },
  },
  {
    name: "a call at 00:30 on day 7 (+02:00, still day 6 in UTC): done",
    zone: BER,
    now: "2026-10-26 09:00",
    records: { ...D, contacts: [d1, call(BER, "2026-10-25 00:30")] },
    expect: { state: "done" },
  },
  {
    name: "a call 23:30 on day 6: too early",
    zone: BER,
    now: "2026-11-02 09:00",
    records: { ...D, contacts: [d1, call(BER, "2026-10-24 23:30")] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "day 14 (Sunday 11-01) 23:59 (+01:00): due",
    zone: BER,
    now: "2026-11-01 23:59",
    records: { ...D, contacts: [d1] },
    expect: { state: "due" },
  },
  {
    name: "day 15: overdue",
    zone: BER,
    now: "2026-11-02 00:00",
    records: { ...D, contacts: [d1] },
    expect: { state: "overdue", daysLate: 1 },
  },
];

describe("R-FOLLOWUP-2: the second follow-up, day 7 to day 14", () => table("R-FOLLOWUP-2", rows));
