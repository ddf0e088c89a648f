// R-DISPATCH: on-site work (repair, install, maintenance) is sent at once; when nobody has been
// sent within 4 working hours of receipt, the customer is told why and when. The window opens
// after those working hours and closes at the end of that working day (never less than the grace
// after opening). Done by a dispatch, or by a schedule plus a telling contact on the ticket (the
// later of the two); missed when the ticket is solved without a dispatch.
import { describe } from "vitest";
import { BER, call, SH, table, ticket, type Row, type Zone } from "./table.js";

const sched = (z: Zone, at: string, date: string) => ({
  schedule: { date, reason: z.key === "SH" ? "两名技术员都在外地" : "Techniker im Urlaub", at: z.at(at) },
});
const dispatch = (z: Zone, at: string) => ({
  status: "dispatched" as const,
  dispatch: { technician: z.tech, at: z.at(at) },
});
// Wednesday 09-30 14:00: 3.5 h that day, the last 30 min after National Day → opens 10-08 09:00
const wed = "2026-09-30 14:00";
const opened = {
  earliest: "2026-10-08",
  due: "2026-10-08",
  deadline: "2026-10-08",
  earliestAt: SH.at("2026-10-08 09:00"),
  dueAt: SH.at("2026-10-08 17:30"),
};

const rows: Row[] = [
  {
    name: "before the 4 working hours are up: upcoming",
    zone: SH,
    now: "2026-10-08 08:59",
    records: { tickets: [ticket(SH, wed)] },
    expect: { state: "upcoming", ...opened, assignee: "孙丽" },
  },
  {
    name: "first moment (after the holiday): due",
    zone: SH,
    now: "2026-10-08 09:00",
    records: { tickets: [ticket(SH, wed)] },
    expect: { state: "due", ...opened },
  },
  {
    name: "last moment: the end of that working day",
    zone: SH,
    now: "2026-10-08 17:30",
    records: { tickets: [ticket(SH, wed)] },
    expect: { state: "due" },
  },
  {
    name: "first minute after: 1 minute late",
    zone: SH,
    now: "2026-10-08 17:31",
    records: { tickets: [ticket(SH, wed)] },
    expect: { state: "overdue", minutesLate: 1, hoursLate: 0, daysLate: 0 },
  },
  {
    name: "the next morning: overdue by hours and a day",
    zone: SH,
    now: "2026-10-09 09:00",
    records: { tickets: [ticket(SH, wed)] },
    expect: { state: "overdue", minutesLate: 930, hoursLate: 15, daysLate: 1 },
  },
  {
    name: "dispatched before the hours were up: no duty",
    zone: SH,
    now: "2026-10-08 12:00",
    records: { tickets: [ticket(SH, wed, dispatch(SH, "2026-10-08 08:50"))] },
    expect: null,
  },
  {
    name: "dispatched at the very moment it opens: no duty",
    zone: SH,
    now: "2026-10-08 12:00",
    records: { tickets: [ticket(SH, wed, dispatch(SH, "2026-10-08 09:00"))] },
    expect: null,
  },
  {
    name: "dispatched at 10:00 that day: done",
    zone: SH,
    now: "2026-10-08 12:00",
    records: { tickets: [ticket(SH, wed, dispatch(SH, "2026-10-08 10:00"))] },
    expect: { state: "done", done: { at: SH.at("2026-10-08 10:00") } },
  },
  {
    name: "dispatched the next day: late",
    zone: SH,
    now: "2026-10-09 12:00",
    records: { tickets: [ticket(SH, wed, dispatch(SH, "2026-10-09 09:00"))] },
    expect: { state: "late", minutesLate: 930, daysLate: 1 },
  },
  {
    name: "scheduled and the customer told by an outbound call: done at the call",
    zone: SH,
    now: "2026-10-08 12:00",
    records: {
      tickets: [ticket(SH, wed, sched(SH, "2026-10-08 10:00", "2026-10-12"))],
      contacts: [call(SH, "2026-10-08 11:00", { purpose: "notice" })],
    },
    expect: { state: "done", done: { at: SH.at("2026-10-08 11:00") } },
  },
  {
    name: "customer told first, the schedule recorded after: done at the schedule",
    zone: SH,
    now: "2026-10-08 16:00",
    records: {
      tickets: [ticket(SH, wed, sched(SH, "2026-10-08 15:00", "2026-10-12"))],
      contacts: [call(SH, "2026-10-08 11:00", { purpose: "notice" })],
    },
    expect: { state: "done", done: { at: SH.at("2026-10-08 15:00") } },
  },
  // what does not close it
  {
    name: "a schedule the customer was not told of",
    zone: SH,
    now: "2026-10-08 17:31",
    records: { tickets: [ticket(SH, wed, sched(SH, "2026-10-08 10:00", "2026-10-12"))] },
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "a call with no schedule recorded",
    zone: SH,
    now: "2026-10-08 17:31",
    records: { tickets: [ticket(SH, wed)], contacts: [call(SH, "2026-10-08 11:00", { purpose: "notice" })] },
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "a schedule and an inbound call not marked told",
    zone: SH,
    now: "2026-10-08 17:31",
    records: {
      tickets: [ticket(SH, wed, sched(SH, "2026-10-08 10:00", "2026-10-12"))],
      contacts: [call(SH, "2026-10-08 11:00", { direction: "in", purpose: "consult" })],
    },
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "a schedule and a call about another ticket",
    zone: SH,
    now: "2026-10-08 17:31",
    records: {
      tickets: [ticket(SH, wed, sched(SH, "2026-10-08 10:00", "2026-10-12"))],
      contacts: [call(SH, "2026-10-08 11:00", { purpose: "notice", ticket: "T-260901-GD02" })],
    },
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "solved without anyone sent: missed",
    zone: SH,
    now: "2026-10-08 12:00",
    records: {
      tickets: [
        ticket(SH, wed, { status: "resolved", resolution: { at: SH.at("2026-10-08 11:30"), note: "电话指导复位" } }),
      ],
    },
    expect: { state: "missed" },
  },
  {
    name: "a consultation is not on-site work: no duty",
    zone: SH,
    now: "2026-10-08 12:00",
    records: { tickets: [ticket(SH, wed, { kind: "consult" })] },
    expect: null,
  },
  // grace, make-up days
  {
    name: "opens 17:10: due 30 min later (grace), past the end of the day",
    zone: SH,
    now: "2026-09-22 17:40",
    records: { tickets: [ticket(SH, "2026-09-22 13:10")] },
    expect: { state: "due", earliestAt: SH.at("2026-09-22 17:10"), dueAt: SH.at("2026-09-22 17:40") },
  },
  {
    name: "opens 17:10: 17:41 is a minute late",
    zone: SH,
    now: "2026-09-22 17:41",
    records: { tickets: [ticket(SH, "2026-09-22 13:10")] },
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "received Friday 16:00: opens on the make-up Saturday 10-10 at 11:00",
    zone: SH,
    now: "2026-10-10 10:59",
    records: { tickets: [ticket(SH, "2026-10-09 16:00")] },
    expect: {
      state: "upcoming",
      earliest: "2026-10-10",
      earliestAt: SH.at("2026-10-10 11:00"),
      dueAt: SH.at("2026-10-10 17:30"),
    },
  },
  {
    name: "received on the make-up Saturday 15:00: opens Monday 10:00",
    zone: SH,
    now: "2026-10-12 10:00",
    records: { tickets: [ticket(SH, "2026-10-10 15:00")] },
    expect: { state: "due", earliestAt: SH.at("2026-10-12 10:00"), dueAt: SH.at("2026-10-12 17:30") },
  },
  {
    name: "received on a holiday (10-03 10:00): the hours count from 10-08 08:30 — opens 12:30",
    zone: SH,
    now: "2026-10-08 12:30",
    records: { tickets: [ticket(SH, "2026-10-03 10:00")] },
    expect: {
      state: "due",
      earliest: "2026-10-08",
      earliestAt: SH.at("2026-10-08 12:30"),
      dueAt: SH.at("2026-10-08 17:30"),
    },
  },
  {
    name: "cancelled after the window opened, undone: no duty",
    zone: SH,
    now: "2026-10-08 12:00",
    records: {
      tickets: [
        ticket(SH, wed, {
          status: "cancelled",
          cancelled: { at: SH.at("2026-10-08 11:00"), reason: "客户已找他人维修" },
        }),
      ],
    },
    expect: null,
  },
  {
    name: "setting hours: 2 — opens 2 working hours after receipt",
    zone: SH,
    now: "2026-09-22 11:10",
    records: {
      settings: { ...SH.settings, rules: { "R-DISPATCH": { hours: 2 } } },
      tickets: [ticket(SH, "2026-09-22 09:10")],
    },
    expect: { state: "due", earliestAt: SH.at("2026-09-22 11:10"), dueAt: SH.at("2026-09-22 17:30") },
  },
  // Berlin across the spring change: Friday 15:00 (+01:00) → Monday 10:00 (+02:00)
  {
    name: "Monday 09:59 after the spring change: upcoming",
    zone: BER,
    now: "2026-03-30 09:59",
    records: { tickets: [ticket(BER, "2026-03-27 15:00")] },
    expect: {
      state: "upcoming",
      earliest: "2026-03-30",
      earliestAt: "2026-03-30T10:00:00+02:00",
      dueAt: "2026-03-30T17:30:00+02:00",
      assignee: "Anna Keller",
    },
  },
  {
    name: "Monday 10:00: due",
    zone: BER,
    now: "2026-03-30 10:00",
    records: { tickets: [ticket(BER, "2026-03-27 15:00")] },
    expect: { state: "due" },
  },
  {
    name: "Monday 17:31: a minute late",
    zone: BER,
    now: "2026-03-30 17:31",
    records: { tickets: [ticket(BER, "2026-03-27 15:00")] },
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "received Friday 16:30 before the autumn change: opens Monday 11:30 (+01:00)",
    zone: BER,
    now: "2026-10-26 11:30",
    records: { tickets: [ticket(BER, "2026-10-23 16:30")] },
    expect: { state: "due", earliestAt: "2026-10-26T11:30:00+01:00", dueAt: "2026-10-26T17:30:00+01:00" },
  },
  {
    name: "received the day before Ascension 14:30: opens Friday 05-15 09:30",
    zone: BER,
    now: "2026-05-15 09:30",
    records: { tickets: [ticket(BER, "2026-05-13 14:30", { kind: "install" })] },
    expect: { state: "due", earliest: "2026-05-15", earliestAt: BER.at("2026-05-15 09:30") },
  },
];

describe("R-DISPATCH: nobody sent within the working hours set: tell the customer why and when", () =>
  table("R-DISPATCH", rows));
