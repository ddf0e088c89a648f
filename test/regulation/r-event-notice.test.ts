// R-EVENT-NOTICE: each customer in an event's audience is phoned two weeks ahead, then mailed a
// notice letter within two days of the call. The call: deadline the event date − 14 days (the day
// recorded when that is later); the list shows it from 7 days before that (not before the event
// is recorded), due on the working day on or before the deadline; closed by a call or visit about
// the event from the day it is recorded (inbound only when marked told); missed from the event day. The letter: from the call
// day to 2 calendar days after it, a letter of kind notice or invitation about the event.
import { describe } from "vitest";
import { BER, C1, C2, call, customer, E1, event, letter, SH, table, type Row } from "./table.js";

const CALL = `R-EVENT-NOTICE:${E1}:${C1}:call`;
const LETTER = `R-EVENT-NOTICE:${E1}:${C1}:letter`;
// Sunday 10-18: 14 days before is 10-04 (National Day) → shown 09-30; window opens 09-27 (a holiday Sunday)
const ev = [event(SH, "2026-10-18", "2026-09-01 10:00")];
const phone = (when: string, over = {}) =>
  call(SH, when, { ticket: undefined, event: E1, purpose: "notice", staff: "何平", ...over });
const phoned = phone("2026-09-29 10:00");
// Berlin: Sunday 11-08 → 14 days before is Sunday 10-25 (the autumn change) → shown Friday 10-23
const bev = [event(BER, "2026-11-08", "2026-09-01 10:00")];

const rows: Row[] = [
  {
    name: "the day before the window: upcoming",
    zone: SH,
    now: "2026-09-26 23:59",
    records: { events: ev },
    key: CALL,
    expect: {
      state: "upcoming",
      earliest: "2026-09-27",
      due: "2026-09-30",
      deadline: "2026-10-04",
      owner: "何平",
      assignee: "何平",
    },
  },
  {
    name: "first moment (a holiday Sunday): due",
    zone: SH,
    now: "2026-09-27 00:00",
    records: { events: ev },
    key: CALL,
    expect: { state: "due" },
  },
  {
    name: "the deadline itself, a holiday: still due",
    zone: SH,
    now: "2026-10-04 23:59",
    records: { events: ev },
    key: CALL,
    expect: { state: "due" },
  },
  {
    name: "the day after the deadline: overdue",
    zone: SH,
    now: "2026-10-05 00:00",
    records: { events: ev },
    key: CALL,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "the event day: missed",
    zone: SH,
    now: "2026-10-18 00:00",
    records: { events: ev },
    key: CALL,
    expect: { state: "missed", expires: "2026-10-17" },
  },
  {
    name: "phoned on 09-27 (holiday), the first day: done",
    zone: SH,
    now: "2026-10-05 09:00",
    records: { events: ev, contacts: [phone("2026-09-27 11:00")] },
    key: CALL,
    expect: { state: "done" },
  },
  {
    name: "phoned on the deadline, a holiday: done",
    zone: SH,
    now: "2026-10-05 09:00",
    records: { events: ev, contacts: [phone("2026-10-04 11:00")] },
    key: CALL,
    expect: { state: "done" },
  },
  {
    name: "phoned 10-08: 4 days late",
    zone: SH,
    now: "2026-10-08 12:00",
    records: { events: ev, contacts: [phone("2026-10-08 10:00")] },
    key: CALL,
    expect: { state: "late", daysLate: 4 },
  },
  {
    name: "an inbound call marked told: done",
    zone: SH,
    now: "2026-10-05 09:00",
    records: { events: ev, contacts: [phone("2026-09-28 11:00", { direction: "in", purpose: "consult", told: true })] },
    key: CALL,
    expect: { state: "done" },
  },
  // what does not close it
  {
    name: "a call before the list shows it, after the event was recorded: done",
    zone: SH,
    now: "2026-10-05 09:00",
    records: { events: ev, contacts: [phone("2026-09-10 11:00")] },
    key: CALL,
    expect: { state: "done" },
  },
  {
    name: "a call the day before the event was recorded does not count",
    zone: SH,
    now: "2026-10-05 09:00",
    records: { events: ev, contacts: [phone("2026-08-31 11:00")] },
    key: CALL,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "an inbound consultation about the event, not marked told",
    zone: SH,
    now: "2026-10-05 09:00",
    records: { events: ev, contacts: [phone("2026-09-28 11:00", { direction: "in", purpose: "consult" })] },
    key: CALL,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a letter where a call is needed",
    zone: SH,
    now: "2026-10-05 09:00",
    records: { events: ev, contacts: [letter(SH, "2026-09-28", "invitation", { ticket: undefined, event: E1 })] },
    key: CALL,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a call not linked to the event",
    zone: SH,
    now: "2026-10-05 09:00",
    records: { events: ev, contacts: [phone("2026-09-28 11:00", { event: undefined })] },
    key: CALL,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a customer outside the audience gets no duty",
    zone: SH,
    now: "2026-09-28 09:00",
    records: {
      customers: [customer(SH), customer(SH, C2, { tags: ["vip"] })],
      events: [event(SH, "2026-10-18", "2026-09-01 10:00", { audience: "tag:vip" })],
    },
    key: CALL,
    expect: null,
  },
  // the letter
  {
    name: "letter: from the call day, 2 days after (10-01, a holiday), shown 09-30",
    zone: SH,
    now: "2026-09-29 12:00",
    records: { events: ev, contacts: [phoned] },
    key: LETTER,
    expect: { state: "due", earliest: "2026-09-29", due: "2026-09-30", deadline: "2026-10-01" },
  },
  {
    name: "letter dated 10-01 (a holiday): done",
    zone: SH,
    now: "2026-10-02 09:00",
    records: {
      events: ev,
      contacts: [phoned, letter(SH, "2026-10-01", "invitation", { ticket: undefined, event: E1 })],
    },
    key: LETTER,
    expect: { state: "done" },
  },
  {
    name: "letter 10-02: a day late",
    zone: SH,
    now: "2026-10-02 09:00",
    records: { events: ev, contacts: [phoned, letter(SH, "2026-10-02", "notice", { ticket: undefined, event: E1 })] },
    key: LETTER,
    expect: { state: "late", daysLate: 1 },
  },
  {
    name: "letter of kind reply does not count",
    zone: SH,
    now: "2026-10-02 09:00",
    records: { events: ev, contacts: [phoned, letter(SH, "2026-09-30", "reply", { ticket: undefined, event: E1 })] },
    key: LETTER,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "letter never sent: missed on the event day",
    zone: SH,
    now: "2026-10-18 00:00",
    records: { events: ev, contacts: [phoned] },
    key: LETTER,
    expect: { state: "missed" },
  },
  {
    name: "no letter duty before the call",
    zone: SH,
    now: "2026-09-28 09:00",
    records: { events: ev },
    key: LETTER,
    expect: null,
  },
  // make-up day; an event recorded late
  {
    name: "event Saturday 10-24: deadline the make-up Saturday 10-10",
    zone: SH,
    now: "2026-10-10 09:00",
    records: { events: [event(SH, "2026-10-24", "2026-09-01 10:00")] },
    key: CALL,
    expect: { state: "due", earliest: "2026-10-03", due: "2026-10-10", deadline: "2026-10-10" },
  },
  {
    name: "event 10-20 recorded 10-12: phoned the day recorded",
    zone: SH,
    now: "2026-10-12 15:00",
    records: { events: [event(SH, "2026-10-20", "2026-10-12 14:00")] },
    key: CALL,
    expect: { state: "due", earliest: "2026-10-12", due: "2026-10-12", deadline: "2026-10-12" },
  },
  {
    name: "before the event is recorded there is no duty",
    zone: SH,
    now: "2026-10-12 13:59",
    records: { events: [event(SH, "2026-10-20", "2026-10-12 14:00")] },
    key: CALL,
    expect: null,
  },
  // Berlin
  {
    name: "window opens 10-18: upcoming the day before",
    zone: BER,
    now: "2026-10-17 23:59",
    records: { events: bev },
    key: CALL,
    expect: {
      state: "upcoming",
      earliest: "2026-10-18",
      due: "2026-10-23",
      deadline: "2026-10-25",
      assignee: "Jonas Brandt",
    },
  },
  {
    name: "a call 23:30 on the change Sunday (+01:00): done",
    zone: BER,
    now: "2026-10-26 09:00",
    records: {
      events: bev,
      contacts: [call(BER, "2026-10-25 23:30", { ticket: undefined, event: E1, purpose: "notice" })],
    },
    key: CALL,
    expect: { state: "done" },
  },
  {
    name: "Monday 00:00 after the change: overdue",
    zone: BER,
    now: "2026-10-26 00:00",
    records: { events: bev },
    key: CALL,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "event Monday 04-20: deadline Easter Monday, shown Thursday 04-02",
    zone: BER,
    now: "2026-04-02 09:00",
    records: { events: [event(BER, "2026-04-20", "2026-03-01 10:00")] },
    key: CALL,
    expect: { state: "due", earliest: "2026-03-30", due: "2026-04-02", deadline: "2026-04-06" },
  },
];

describe("R-EVENT-NOTICE: phone two weeks ahead, then a letter within two days", () => table("R-EVENT-NOTICE", rows));
