// C-READY-NOTICE: once the job is done the customer is told to collect the vehicle, 1 hour before
// the promised time, 4 hours for jobs of two days or more (counted in calendar days in the store's
// zone, from the hand-over day to the promise day). Never before the vehicle is ready; moved to
// the last working moment before when outside working time; at least the grace after ready.
// Closed by a call or visit on the ticket from ready (inbound only when marked told; a letter
// cannot tell a time an hour ahead); missed once the vehicle is delivered.
import { describe } from "vitest";
import { BER, call, letter, SH, T2, table, ticket, type Row, type Zone } from "./table.js";

const job = (z: Zone, handover: string, promise: string, ready: string, more: { delivered?: string } = {}) => [
  ticket(z, handover.slice(0, 10) + " 08:00", {
    kind: "shop",
    channel: "visit",
    status: more.delivered ? "closed" : "ready",
    handover: { at: z.at(handover), receiver: z.tech, promise: z.at(promise) },
    ready: { at: z.at(ready), belongings: true, bill: 152000 },
    ...(more.delivered ? { delivery: { at: z.at(more.delivered), paid: 152000 } } : {}),
  }),
];
const tell = (z: Zone, at: string, over = {}) => call(z, at, { purpose: "notice", ...over });
// a short job: Friday 10-09 09:00 → the make-up Saturday 10-10 17:00; ready 14:00; notice due 16:00
const short = job(SH, "2026-10-09 09:00", "2026-10-10 17:00", "2026-10-10 14:00");

const rows: Row[] = [
  {
    name: "before the vehicle is ready there is no duty",
    zone: SH,
    now: "2026-10-10 13:59",
    records: { tickets: short },
    expect: null,
  },
  {
    name: "ready 14:00: due, 1 h before the promise",
    zone: SH,
    now: "2026-10-10 14:00",
    records: { tickets: short },
    expect: {
      state: "due",
      earliest: "2026-10-10",
      due: "2026-10-10",
      deadline: "2026-10-10",
      earliestAt: SH.at("2026-10-10 14:00"),
      dueAt: SH.at("2026-10-10 16:00"),
      assignee: "孙丽",
    },
  },
  { name: "16:00: due", zone: SH, now: "2026-10-10 16:00", records: { tickets: short }, expect: { state: "due" } },
  {
    name: "16:01: a minute late",
    zone: SH,
    now: "2026-10-10 16:01",
    records: { tickets: short },
    expect: { state: "overdue", minutesLate: 1, hoursLate: 0 },
  },
  {
    name: "16:18: 18 minutes late, not an hour",
    zone: SH,
    now: "2026-10-10 16:18",
    records: { tickets: short },
    expect: { state: "overdue", minutesLate: 18, hoursLate: 0 },
  },
  {
    name: "called 15:50: done",
    zone: SH,
    now: "2026-10-10 16:30",
    records: { tickets: short, contacts: [tell(SH, "2026-10-10 15:50")] },
    expect: { state: "done" },
  },
  {
    name: "called 16:25: late",
    zone: SH,
    now: "2026-10-10 16:30",
    records: { tickets: short, contacts: [tell(SH, "2026-10-10 16:25")] },
    expect: { state: "late", minutesLate: 25 },
  },
  {
    name: "delivered 16:40 without a call: missed",
    zone: SH,
    now: "2026-10-10 17:00",
    records: {
      tickets: job(SH, "2026-10-09 09:00", "2026-10-10 17:00", "2026-10-10 14:00", { delivered: "2026-10-10 16:40" }),
    },
    expect: { state: "missed" },
  },
  {
    name: "delivered 16:40, a follow-up call at 17:30: still missed (the notice cannot come after the hand-back)",
    zone: SH,
    now: "2026-10-10 18:00",
    records: {
      tickets: job(SH, "2026-10-09 09:00", "2026-10-10 17:00", "2026-10-10 14:00", { delivered: "2026-10-10 16:40" }),
      contacts: [tell(SH, "2026-10-10 17:30", { purpose: "followup" })],
    },
    expect: { state: "missed" },
  },
  // what does not close it
  {
    name: "a call before the vehicle was ready",
    zone: SH,
    now: "2026-10-10 16:01",
    records: { tickets: short, contacts: [tell(SH, "2026-10-10 13:30")] },
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "an inbound call not marked told",
    zone: SH,
    now: "2026-10-10 16:01",
    records: { tickets: short, contacts: [tell(SH, "2026-10-10 15:00", { direction: "in", purpose: "consult" })] },
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "a letter where a call is needed",
    zone: SH,
    now: "2026-10-10 16:01",
    records: { tickets: short, contacts: [letter(SH, "2026-10-10", "notice")] },
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "a call about another ticket",
    zone: SH,
    now: "2026-10-10 16:01",
    records: { tickets: short, contacts: [tell(SH, "2026-10-10 15:00", { ticket: T2 })] },
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "an inbound call marked told: done",
    zone: SH,
    now: "2026-10-10 16:30",
    records: { tickets: short, contacts: [tell(SH, "2026-10-10 15:00", { direction: "in", told: true })] },
    expect: { state: "done" },
  },
  // the window is never shorter than the grace
  {
    name: "ready 16:30 for a 17:30 promise: due 17:00, not 16:30",
    zone: SH,
    now: "2026-09-22 17:00",
    records: { tickets: job(SH, "2026-09-22 09:00", "2026-09-22 17:30", "2026-09-22 16:30") },
    expect: { state: "due", earliestAt: SH.at("2026-09-22 16:30"), dueAt: SH.at("2026-09-22 17:00") },
  },
  {
    name: "… 17:01: a minute late",
    zone: SH,
    now: "2026-09-22 17:01",
    records: { tickets: job(SH, "2026-09-22 09:00", "2026-09-22 17:30", "2026-09-22 16:30") },
    expect: { state: "overdue", minutesLate: 1 },
  },
  // long jobs: calendar days
  {
    name: "two calendar days (Mon 09:20 → Wed 10:10): 4 h before is 06:10, moved to Tuesday 17:30",
    zone: SH,
    now: "2026-09-22 17:30",
    records: { tickets: job(SH, "2026-09-21 09:20", "2026-09-23 10:10", "2026-09-22 15:00") },
    expect: { state: "due", due: "2026-09-22", dueAt: SH.at("2026-09-22 17:30") },
  },
  {
    name: "41.5 hours but two calendar days, to the make-up Saturday: long — due Friday 17:30",
    zone: SH,
    now: "2026-10-09 17:31",
    records: { tickets: job(SH, "2026-10-08 17:00", "2026-10-10 10:30", "2026-10-09 16:00") },
    expect: { state: "overdue", dueAt: SH.at("2026-10-09 17:30"), minutesLate: 1 },
  },
  {
    name: "promised after National Day, ready before it: due the last working moment before the holiday",
    zone: SH,
    now: "2026-09-30 17:30",
    records: { tickets: job(SH, "2026-09-29 10:00", "2026-10-08 09:20", "2026-09-30 15:00") },
    expect: { state: "due", due: "2026-09-30", dueAt: SH.at("2026-09-30 17:30") },
  },
  // Berlin: two calendar days across the spring change though only 46.5 hours
  {
    name: "Saturday 14:00 → Monday 13:30 (+02:00): 46.5 h, two calendar days — 4 h before, 09:30",
    zone: BER,
    now: "2026-03-30 09:30",
    records: { tickets: job(BER, "2026-03-28 14:00", "2026-03-30 13:30", "2026-03-30 08:45") },
    expect: {
      state: "due",
      earliestAt: "2026-03-30T08:45:00+02:00",
      dueAt: "2026-03-30T09:30:00+02:00",
      assignee: "Anna Keller",
    },
  },
  {
    name: "… 09:31: a minute late",
    zone: BER,
    now: "2026-03-30 09:31",
    records: { tickets: job(BER, "2026-03-28 14:00", "2026-03-30 13:30", "2026-03-30 08:45") },
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "Friday 12:00 → Sunday 11:30 over the autumn change (48.5 h): long; Sunday → Friday 17:30 (+02:00)",
    zone: BER,
    now: "2026-10-23 17:30",
    records: { tickets: job(BER, "2026-10-23 12:00", "2026-10-25 11:30", "2026-10-23 16:00") },
    expect: { state: "due", dueAt: "2026-10-23T17:30:00+02:00" },
  },
];

describe("C-READY-NOTICE: tell the customer to collect, 1 h (or 4 h) ahead", () => table("C-READY-NOTICE", rows));
