// C-APPOINTMENT: an appointment records the agreed time and the customer is reminded of it. The
// reminder is due the day before the appointment (calendar), shown on the last working day on or
// before that, never before the booking; none when booked the same day or when the vehicle came
// in before. Closed by a reminder-purpose call, visit or letter on the ticket after the booking
// (inbound only when marked told); missed from the appointment moment.
import { describe } from "vitest";
import { BER, call, SH, table, ticket, type Row, type Zone } from "./table.js";

const booked = (z: Zone, at: string, appointment: string, over = {}) => [
  ticket(z, at, {
    kind: "shop",
    channel: "visit",
    problem: z.key === "SH" ? "更换刹车片" : "Inspektion",
    appointment: z.at(appointment),
    ...over,
  }),
];
const remind = (z: Zone, at: string, over = {}) => call(z, at, { purpose: "reminder", ...over });
// booked Tuesday 09-22 for Thursday 10-08 09:00: the day before is 10-07 (National Day) → shown 09-30
const sh = booked(SH, "2026-09-22 10:00", "2026-10-08 09:00");
// Berlin: booked 03-25 for Monday 03-30 08:00 (after the spring change) → day before Sunday 03-29, shown Friday 03-27
const ber = booked(BER, "2026-03-25 10:00", "2026-03-30 08:00");

const rows: Row[] = [
  {
    name: "the day before the list shows it: upcoming",
    zone: SH,
    now: "2026-09-29 23:59",
    records: { tickets: sh },
    expect: { state: "upcoming", earliest: "2026-09-30", due: "2026-09-30", deadline: "2026-10-07", assignee: "孙丽" },
  },
  {
    name: "first moment: due on the last working day before the holiday",
    zone: SH,
    now: "2026-09-30 00:00",
    records: { tickets: sh },
    expect: { state: "due" },
  },
  {
    name: "10-07 23:59, the deadline (a holiday): due",
    zone: SH,
    now: "2026-10-07 23:59",
    records: { tickets: sh },
    expect: { state: "due" },
  },
  {
    name: "10-08 00:00: overdue",
    zone: SH,
    now: "2026-10-08 00:00",
    records: { tickets: sh },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "10-08 09:00, the appointment: missed",
    zone: SH,
    now: "2026-10-08 09:00",
    records: { tickets: sh },
    expect: { state: "missed", expiresAt: SH.at("2026-10-08 09:00") },
  },
  {
    name: "a reminder the day after booking: done (any time after booking counts)",
    zone: SH,
    now: "2026-10-08 09:00",
    records: { tickets: sh, contacts: [remind(SH, "2026-09-23 10:00")] },
    expect: { state: "done" },
  },
  {
    name: "a reminder on 10-07 (holiday): done",
    zone: SH,
    now: "2026-10-08 09:00",
    records: { tickets: sh, contacts: [remind(SH, "2026-10-07 18:00")] },
    expect: { state: "done" },
  },
  {
    name: "a reminder 08:00 on the day: a day late",
    zone: SH,
    now: "2026-10-08 09:00",
    records: { tickets: sh, contacts: [remind(SH, "2026-10-08 08:00")] },
    expect: { state: "late", daysLate: 1 },
  },
  // what does not close it
  {
    name: "a follow-up call is not a reminder",
    zone: SH,
    now: "2026-10-08 08:30",
    records: { tickets: sh, contacts: [call(SH, "2026-09-30 10:00")] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "an inbound reminder call not marked told",
    zone: SH,
    now: "2026-10-08 08:30",
    records: { tickets: sh, contacts: [remind(SH, "2026-09-30 10:00", { direction: "in" })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a reminder before the booking",
    zone: SH,
    now: "2026-10-08 08:30",
    records: { tickets: sh, contacts: [remind(SH, "2026-09-22 09:50")] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a reminder about another ticket",
    zone: SH,
    now: "2026-10-08 08:30",
    records: { tickets: sh, contacts: [remind(SH, "2026-09-30 10:00", { ticket: "T-260901-GD02" })] },
    expect: { state: "overdue", daysLate: 1 },
  },
  // no duty
  {
    name: "booked the same day as the appointment: no reminder",
    zone: SH,
    now: "2026-10-10 12:00",
    records: { tickets: booked(SH, "2026-10-10 09:00", "2026-10-10 15:00") },
    expect: null,
  },
  {
    name: "the vehicle came in before the appointment: no reminder",
    zone: SH,
    now: "2026-10-07 12:00",
    records: {
      tickets: sh.map((t) => ({
        ...t,
        value: {
          ...t.value,
          intake: {
            at: SH.at("2026-09-29 14:00"),
            by: "孙丽",
            plate: "苏E·5K2M7",
            odometer: 42000,
            fuel: "1/2",
            keyTag: "K-17",
            papers: { ok: true },
          },
        },
      })),
    },
    expect: null,
  },
  // make-up day; booked the day before
  {
    name: "appointment Sunday 10-11: reminder due the make-up Saturday 10-10",
    zone: SH,
    now: "2026-10-10 09:00",
    records: { tickets: booked(SH, "2026-10-08 10:00", "2026-10-11 10:00") },
    expect: { state: "due", earliest: "2026-10-10", due: "2026-10-10", deadline: "2026-10-10" },
  },
  {
    name: "booked 09-30 for 10-01: due the booking day",
    zone: SH,
    now: "2026-09-30 16:00",
    records: { tickets: booked(SH, "2026-09-30 15:00", "2026-10-01 10:00") },
    expect: { state: "due", earliest: "2026-09-30", due: "2026-09-30", deadline: "2026-09-30" },
  },
  // Berlin across the spring change
  {
    name: "Thursday 23:59: upcoming",
    zone: BER,
    now: "2026-03-26 23:59",
    records: { tickets: ber },
    expect: {
      state: "upcoming",
      earliest: "2026-03-27",
      due: "2026-03-27",
      deadline: "2026-03-29",
      assignee: "Anna Keller",
    },
  },
  {
    name: "a reminder Sunday 20:00 (+02:00): done",
    zone: BER,
    now: "2026-03-30 08:00",
    records: { tickets: ber, contacts: [remind(BER, "2026-03-29 20:00")] },
    expect: { state: "done" },
  },
  {
    name: "Monday 07:59 without a reminder: overdue",
    zone: BER,
    now: "2026-03-30 07:59",
    records: { tickets: ber },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "Monday 08:00 (+02:00), the appointment: missed",
    zone: BER,
    now: "2026-03-30 08:00",
    records: { tickets: ber },
    expect: { state: "missed" },
  },
];

describe("C-APPOINTMENT: remind the customer of the appointment", () => table("C-APPOINTMENT", rows));
