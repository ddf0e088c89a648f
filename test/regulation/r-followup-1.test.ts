// R-FOLLOWUP-1: the first follow-up tells the customer when the technician leaves and arrives and
// what to have ready. From the dispatch; due that day, or — when the dispatch has a planned
// arrival — before that moment (at least the grace after the dispatch). Closed by a follow-up
// contact on the ticket (call, visit or letter; inbound only when marked told); missed once the
// technician is on site without it. For the reception desk it counts from the delivery.
import { describe } from "vitest";
import { BER, call, letter, SH, T2, table, ticket, type Row, type Zone } from "./table.js";

const sent = (z: Zone, at: string, more: { arrive?: string; arrived?: string } = {}) =>
  ticket(z, at.slice(0, 10) + " 08:30", {
    status: more.arrived ? "onsite" : "dispatched",
    dispatch: {
      technician: z.tech,
      at: z.at(at),
      ...(more.arrive ? { arrive: z.at(more.arrive) } : {}),
      ...(more.arrived ? { arrived: z.at(more.arrived) } : {}),
    },
  });
// dispatched on the National Day holiday (Saturday 10-03), no planned arrival: a day-based duty
const holiday = [sent(SH, "2026-10-03 09:00")];
// dispatched on the make-up Saturday 10-10 at 09:00, arrival planned 11:30: an hour-based duty
const makeup = [sent(SH, "2026-10-10 09:00", { arrive: "2026-10-10 11:30" })];

const rows: Row[] = [
  {
    name: "before the dispatch there is no duty",
    zone: SH,
    now: "2026-10-03 08:59",
    records: { tickets: holiday },
    expect: null,
  },
  {
    name: "dispatched on a holiday: due that day (the day off itself)",
    zone: SH,
    now: "2026-10-03 09:00",
    records: { tickets: holiday },
    expect: {
      state: "due",
      earliest: "2026-10-03",
      due: "2026-10-03",
      deadline: "2026-10-03",
      dueAt: undefined,
      assignee: "孙丽",
    },
  },
  {
    name: "last moment of the day: due",
    zone: SH,
    now: "2026-10-03 23:59",
    records: { tickets: holiday },
    expect: { state: "due" },
  },
  {
    name: "the next day: overdue",
    zone: SH,
    now: "2026-10-04 00:00",
    records: { tickets: holiday },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "called 20:00 that evening: done",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { tickets: holiday, contacts: [call(SH, "2026-10-03 20:00")] },
    expect: { state: "done" },
  },
  {
    name: "a follow-up letter dated that day: done",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { tickets: holiday, contacts: [letter(SH, "2026-10-03", "notice", { purpose: "followup" })] },
    expect: { state: "done" },
  },
  // with a planned arrival
  {
    name: "planned arrival 11:30: due until then",
    zone: SH,
    now: "2026-10-10 09:00",
    records: { tickets: makeup },
    expect: {
      state: "due",
      earliest: "2026-10-10",
      due: "2026-10-10",
      deadline: "2026-10-10",
      earliestAt: SH.at("2026-10-10 09:00"),
      dueAt: SH.at("2026-10-10 11:30"),
    },
  },
  {
    name: "11:30, the planned arrival: still due",
    zone: SH,
    now: "2026-10-10 11:30",
    records: { tickets: makeup },
    expect: { state: "due" },
  },
  {
    name: "11:31: a minute late",
    zone: SH,
    now: "2026-10-10 11:31",
    records: { tickets: makeup },
    expect: { state: "overdue", minutesLate: 1, hoursLate: 0 },
  },
  {
    name: "called 11:20: done",
    zone: SH,
    now: "2026-10-10 12:00",
    records: { tickets: makeup, contacts: [call(SH, "2026-10-10 11:20")] },
    expect: { state: "done" },
  },
  {
    name: "called 11:48: late by 18 minutes",
    zone: SH,
    now: "2026-10-10 12:00",
    records: { tickets: makeup, contacts: [call(SH, "2026-10-10 11:48")] },
    expect: { state: "late", minutesLate: 18, hoursLate: 0, daysLate: 0 },
  },
  {
    name: "the technician arrived 11:40 and nobody called: missed",
    zone: SH,
    now: "2026-10-10 11:45",
    records: { tickets: [sent(SH, "2026-10-10 09:00", { arrive: "2026-10-10 11:30", arrived: "2026-10-10 11:40" })] },
    expect: { state: "missed", expiresAt: SH.at("2026-10-10 11:40") },
  },
  {
    name: "a follow-up call after the technician arrived is not the first: missed",
    zone: SH,
    now: "2026-10-10 15:00",
    records: {
      tickets: [sent(SH, "2026-10-10 09:00", { arrive: "2026-10-10 11:30", arrived: "2026-10-10 11:40" })],
      contacts: [call(SH, "2026-10-10 14:00")],
    },
    expect: { state: "missed" },
  },
  {
    name: "arrival planned 10 min after dispatch: due after the grace (30 min)",
    zone: SH,
    now: "2026-09-24 10:30",
    records: { tickets: [sent(SH, "2026-09-24 10:00", { arrive: "2026-09-24 10:10" })] },
    expect: { state: "due", dueAt: SH.at("2026-09-24 10:30") },
  },
  // what does not close it
  {
    name: "a call before the dispatch",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { tickets: holiday, contacts: [call(SH, "2026-10-03 08:50")] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a call for another purpose (consultation)",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { tickets: holiday, contacts: [call(SH, "2026-10-03 10:00", { purpose: "consult" })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "an inbound follow-up call not marked told",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { tickets: holiday, contacts: [call(SH, "2026-10-03 10:00", { direction: "in" })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "an inbound follow-up call marked told: done",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { tickets: holiday, contacts: [call(SH, "2026-10-03 10:00", { direction: "in", told: true })] },
    expect: { state: "done" },
  },
  {
    name: "a follow-up call linked to another ticket",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { tickets: holiday, contacts: [call(SH, "2026-10-03 10:00", { ticket: T2 })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  // the reception desk: from the delivery
  {
    name: "a vehicle delivered on the make-up Saturday: due that day",
    zone: SH,
    now: "2026-10-10 16:00",
    records: {
      tickets: [
        ticket(SH, "2026-10-08 09:00", {
          kind: "shop",
          status: "closed",
          delivery: { at: SH.at("2026-10-10 16:00"), paid: 120000 },
        }),
      ],
    },
    expect: { state: "due", earliest: "2026-10-10", due: "2026-10-10", deadline: "2026-10-10" },
  },
  // Berlin across the changes
  {
    name: "dispatched 01:30 on the spring-change Sunday, called 23:59 (+02:00): done",
    zone: BER,
    now: "2026-03-30 08:00",
    records: { tickets: [sent(BER, "2026-03-29 01:30")], contacts: [call(BER, "2026-03-29 23:59")] },
    expect: { state: "done", deadline: "2026-03-29", assignee: "Anna Keller" },
  },
  {
    name: "dispatched on the spring-change Sunday, Monday 00:00: overdue",
    zone: BER,
    now: "2026-03-30 00:00",
    records: { tickets: [sent(BER, "2026-03-29 01:30")] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "dispatched Saturday 22:00, arrival planned Sunday 08:00 after the autumn change",
    zone: BER,
    now: "2026-10-25 08:00",
    records: { tickets: [sent(BER, "2026-10-24 22:00", { arrive: "2026-10-25 08:00" })] },
    expect: {
      state: "due",
      earliest: "2026-10-24",
      deadline: "2026-10-25",
      earliestAt: "2026-10-24T22:00:00+02:00",
      dueAt: "2026-10-25T08:00:00+01:00",
    },
  },
  {
    name: "… 08:01: a minute late",
    zone: BER,
    now: "2026-10-25 08:01",
    records: { tickets: [sent(BER, "2026-10-24 22:00", { arrive: "2026-10-25 08:00" })] },
    expect: { state: "overdue", minutesLate: 1 },
  },
];

describe("R-FOLLOWUP-1: the first follow-up, before the technician arrives", () => table("R-FOLLOWUP-1", rows));
