// R-ANSWER-SAME-DAY: once the solution of an escalated ticket is known, the customer is told the
// same day. From the resolution moment to the end of its calendar day; closed by a call, visit or
// letter about the ticket at or after the resolution — outbound, a visit, or an inbound call in
// which the clerk marked the customer told.
import { describe } from "vitest";
import { BER, call, letter, SH, T2, table, ticket, type Row, type Zone } from "./table.js";

const solved = (z: Zone, escalated: string, resolved: string, over = {}) => [
  ticket(z, escalated, {
    status: "resolved",
    escalation: { to: z.eng, at: z.at(escalated) },
    resolution: { at: z.at(resolved), note: z.key === "SH" ? "更换液压油冷却器" : "Drucksensor getauscht" },
    ...over,
  }),
];
// Mid-Autumn: solved on the holiday Friday 09-25
const sh = solved(SH, "2026-09-24 10:00", "2026-09-25 10:00");
// Berlin: solved Saturday evening before the autumn change
const ber = solved(BER, "2026-10-23 10:00", "2026-10-24 18:00");

const rows: Row[] = [
  {
    name: "before the solution there is no duty",
    zone: SH,
    now: "2026-09-25 09:59",
    records: { tickets: sh },
    expect: null,
  },
  {
    name: "first moment: due the day solved, even a holiday",
    zone: SH,
    now: "2026-09-25 10:00",
    records: { tickets: sh },
    expect: { state: "due", earliest: "2026-09-25", due: "2026-09-25", deadline: "2026-09-25", assignee: "孙丽" },
  },
  {
    name: "last moment of the day: due",
    zone: SH,
    now: "2026-09-25 23:59",
    records: { tickets: sh },
    expect: { state: "due" },
  },
  {
    name: "next day 00:00: overdue",
    zone: SH,
    now: "2026-09-26 00:00",
    records: { tickets: sh },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "an outbound call that evening: done",
    zone: SH,
    now: "2026-09-26 09:00",
    records: { tickets: sh, contacts: [call(SH, "2026-09-25 20:15", { purpose: "other" })] },
    expect: { state: "done", done: { at: SH.at("2026-09-25 20:15") } },
  },
  {
    name: "a reply letter dated the day: done",
    zone: SH,
    now: "2026-09-26 09:00",
    records: { tickets: sh, contacts: [letter(SH, "2026-09-25", "reply")] },
    expect: { state: "done" },
  },
  {
    name: "a call on Monday after the holiday: 3 days late",
    zone: SH,
    now: "2026-09-28 10:00",
    records: { tickets: sh, contacts: [call(SH, "2026-09-28 09:00", { purpose: "other" })] },
    expect: { state: "late", daysLate: 3 },
  },
  {
    name: "an inbound call marked told: done",
    zone: SH,
    now: "2026-09-26 09:00",
    records: {
      tickets: sh,
      contacts: [call(SH, "2026-09-25 11:00", { direction: "in", purpose: "consult", told: true })],
    },
    expect: { state: "done" },
  },
  // what does not close it
  {
    name: "an inbound call not marked told does not tell the solution",
    zone: SH,
    now: "2026-09-26 09:00",
    records: { tickets: sh, contacts: [call(SH, "2026-09-25 11:00", { direction: "in", purpose: "complaint" })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a call before the solution does not tell it",
    zone: SH,
    now: "2026-09-26 09:00",
    records: { tickets: sh, contacts: [call(SH, "2026-09-25 09:30", { purpose: "other" })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a call linked to another ticket does not count",
    zone: SH,
    now: "2026-09-26 09:00",
    records: { tickets: sh, contacts: [call(SH, "2026-09-25 15:00", { ticket: T2, purpose: "other" })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a call linked to no ticket does not count",
    zone: SH,
    now: "2026-09-26 09:00",
    records: { tickets: sh, contacts: [call(SH, "2026-09-25 15:00", { ticket: undefined, purpose: "other" })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "an inbound letter (the customer writing to us) does not tell them the solution",
    zone: SH,
    now: "2026-09-26 09:00",
    records: { tickets: sh, contacts: [letter(SH, "2026-09-25", "reply", { direction: "in", purpose: "complaint" })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a ticket never escalated has no such duty",
    zone: SH,
    now: "2026-09-26 09:00",
    records: {
      tickets: [
        ticket(SH, "2026-09-24 10:00", {
          status: "resolved",
          resolution: { at: SH.at("2026-09-25 10:00"), note: "电话指导" },
        }),
      ],
    },
    expect: null,
  },
  // make-up Saturday
  {
    name: "solved on the make-up Saturday 10-10, called 17:10: done",
    zone: SH,
    now: "2026-10-12 09:00",
    records: {
      tickets: solved(SH, "2026-10-09 10:00", "2026-10-10 16:00"),
      contacts: [call(SH, "2026-10-10 17:10", { purpose: "other" })],
    },
    expect: { state: "done", due: "2026-10-10", deadline: "2026-10-10" },
  },
  // Berlin, the autumn change: 00:30 on 10-25 is still +02:00 and already the next day
  {
    name: "first moment: due Saturday 10-24",
    zone: BER,
    now: "2026-10-24 18:00",
    records: { tickets: ber },
    expect: {
      state: "due",
      earliest: "2026-10-24",
      due: "2026-10-24",
      deadline: "2026-10-24",
      assignee: "Anna Keller",
    },
  },
  {
    name: "called 23:50 Saturday: done",
    zone: BER,
    now: "2026-10-25 09:00",
    records: { tickets: ber, contacts: [call(BER, "2026-10-24 23:50", { purpose: "other" })] },
    expect: { state: "done" },
  },
  {
    name: "called 00:30 Sunday (+02:00, 22:30 UTC Saturday): a day late",
    zone: BER,
    now: "2026-10-25 09:00",
    records: { tickets: ber, contacts: [call(BER, "2026-10-25 00:30", { purpose: "other" })] },
    expect: { state: "late", daysLate: 1 },
  },
  {
    name: "Sunday 00:00: overdue",
    zone: BER,
    now: "2026-10-25 00:00",
    records: { tickets: ber },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "the customer came in (an inbound visit) after the solution: done",
    zone: BER,
    now: "2026-10-25 09:00",
    records: {
      tickets: ber,
      contacts: [call(BER, "2026-10-24 18:30", { channel: "visit", direction: "in", purpose: "consult" })],
    },
    expect: { state: "done" },
  },
];

describe("R-ANSWER-SAME-DAY: tell the solution the day it is known", () => table("R-ANSWER-SAME-DAY", rows));
