// R-NEXT-SERVICE: the next contact planned while talking to the customer (a call's `next`, owned
// by whoever made the call) or while filing/closing a ticket (`plans`, owned by the ticket's
// owner) falls due on its date; a date that is a day off opens on the working day before (when
// that is after the plan was made). Closed by a contact naming the plan (any channel), or by an
// outbound call or visit (or an inbound call marked told) with purpose follow-up, reminder or
// notice to the customer from the day the window opens; a letter only when it names the plan.
// And: a closed ticket whose customer has no contact planned after the close day gets a duty to
// plan one, due the close day.
import { describe } from "vitest";
import { BER, call, letter, SH, T1, table, ticket, waiver, type Row, type Zone } from "./table.js";

const plan = (z: Zone, madeAt: string, date: string, staff = z.clerk2) =>
  call(z, madeAt, {
    ticket: undefined,
    staff,
    next: { date, topic: z.key === "SH" ? "冬季保养提醒" : "Wartungserinnerung" },
  });
// made 09-15 for Saturday 10-03 (National Day): opens Wednesday 09-30
const p1 = plan(SH, "2026-09-15 10:00", "2026-10-03");
const K1 = p1.id;
const out = (when: string, over = {}) => call(SH, when, { ticket: undefined, purpose: "reminder", ...over });
const closed = (z: Zone, at: string, over = {}) =>
  ticket(z, "2026-10-08 09:00", {
    status: "closed",
    resolution: { at: z.at("2026-10-08 15:00"), note: "更换密封件" },
    closed: z.at(at),
    ...over,
  });

const rows: Row[] = [
  {
    name: "the working day before the window: upcoming",
    zone: SH,
    now: "2026-09-29 23:59",
    records: { contacts: [p1] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: {
      state: "upcoming",
      earliest: "2026-09-30",
      due: "2026-09-30",
      deadline: "2026-10-03",
      owner: "何平",
      assignee: "何平",
    },
  },
  {
    name: "planned for a holiday: opens the working day before",
    zone: SH,
    now: "2026-09-30 00:00",
    records: { contacts: [p1] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "due" },
  },
  {
    name: "on the planned day itself, a holiday: still due",
    zone: SH,
    now: "2026-10-03 23:59",
    records: { contacts: [p1] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "due" },
  },
  {
    name: "the day after: overdue",
    zone: SH,
    now: "2026-10-04 00:00",
    records: { contacts: [p1] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a reminder call on 09-30: done",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { contacts: [p1, out("2026-09-30 10:00")] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "done" },
  },
  {
    name: "a follow-up visit on 10-02 (holiday): done",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { contacts: [p1, out("2026-10-02 10:00", { channel: "visit", purpose: "followup" })] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "done" },
  },
  {
    name: "a reminder call on 10-08: 5 days late",
    zone: SH,
    now: "2026-10-08 12:00",
    records: { contacts: [p1, out("2026-10-08 10:00")] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "late", daysLate: 5 },
  },
  {
    name: "a letter naming the plan: done",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { contacts: [p1, letter(SH, "2026-10-01", "notice", { ticket: undefined, plan: K1 })] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "done" },
  },
  {
    name: "a call naming the plan, even before the window: done",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { contacts: [p1, out("2026-09-25 10:00", { purpose: "other", plan: K1 })] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "done" },
  },
  // what does not close it
  {
    name: "a reminder call before the window opens",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { contacts: [p1, out("2026-09-29 10:00")] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a notice letter that does not name the plan",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { contacts: [p1, letter(SH, "2026-09-30", "notice", { ticket: undefined })] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "an inbound reminder call not marked told",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { contacts: [p1, out("2026-09-30 10:00", { direction: "in" })] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a consultation call in the window",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { contacts: [p1, out("2026-09-30 10:00", { purpose: "consult" })] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a reminder call to another customer",
    zone: SH,
    now: "2026-10-04 09:00",
    records: { contacts: [p1, out("2026-09-30 10:00", { customer: "C-260105-KH02" })] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "waived: waived",
    zone: SH,
    now: "2026-10-09 09:00",
    records: { contacts: [p1], waivers: [waiver(SH, `R-NEXT-SERVICE:${K1}`, "2026-10-09 08:00")] },
    key: `R-NEXT-SERVICE:${K1}`,
    expect: { state: "waived" },
  },
  // make-up working days, and a plan made on the day off itself
  {
    name: "planned for the make-up Saturday 10-10: due that day",
    zone: SH,
    now: "2026-10-10 09:00",
    records: { contacts: [plan(SH, "2026-09-15 10:00", "2026-10-10")] },
    expect: { state: "due", earliest: "2026-10-10", due: "2026-10-10", deadline: "2026-10-10" },
  },
  {
    name: "planned for Sunday 10-11: opens the make-up Saturday 10-10",
    zone: SH,
    now: "2026-10-09 23:59",
    records: { contacts: [plan(SH, "2026-09-15 10:00", "2026-10-11")] },
    expect: { state: "upcoming", earliest: "2026-10-10", due: "2026-10-10", deadline: "2026-10-11" },
  },
  {
    name: "made on 10-03 for 10-04 (both holidays): opens on the planned day, not before it was made",
    zone: SH,
    now: "2026-10-03 12:00",
    records: { contacts: [plan(SH, "2026-10-03 10:00", "2026-10-04")] },
    expect: { state: "upcoming", earliest: "2026-10-04", due: "2026-10-04", deadline: "2026-10-04" },
  },
  // plans on a ticket: owned by the ticket's owner
  {
    name: "a plan made while filing: owned by the ticket's owner",
    zone: SH,
    now: "2026-10-12 09:00",
    records: {
      tickets: [
        ticket(SH, "2026-09-21 09:00", {
          plans: [{ date: "2026-10-12", topic: "回访保养情况", at: SH.at("2026-09-21 09:10") }],
        }),
      ],
    },
    key: `R-NEXT-SERVICE:${T1}:1`,
    expect: { state: "due", earliest: "2026-10-12", due: "2026-10-12", owner: "孙丽", assignee: "孙丽" },
  },
  // after closing: plan the next contact
  {
    name: "closed with no plan: due the close day",
    zone: SH,
    now: "2026-10-09 17:00",
    records: { tickets: [closed(SH, "2026-10-09 16:00")] },
    key: `R-NEXT-SERVICE:${T1}:plan`,
    expect: { state: "due", earliest: "2026-10-09", due: "2026-10-09", deadline: "2026-10-09" },
  },
  {
    name: "closed with no plan: overdue the day after",
    zone: SH,
    now: "2026-10-10 00:00",
    records: { tickets: [closed(SH, "2026-10-09 16:00")] },
    key: `R-NEXT-SERVICE:${T1}:plan`,
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "a call before the close planned a contact in 2027: done at the close",
    zone: SH,
    now: "2026-10-10 09:00",
    records: { tickets: [closed(SH, "2026-10-09 16:00")], contacts: [plan(SH, "2026-10-09 15:30", "2027-03-01")] },
    key: `R-NEXT-SERVICE:${T1}:plan`,
    expect: { state: "done", done: { at: SH.at("2026-10-09 16:00") } },
  },
  {
    name: "a plan made 3 days after the close: late",
    zone: SH,
    now: "2026-10-12 12:00",
    records: { tickets: [closed(SH, "2026-10-09 16:00")], contacts: [plan(SH, "2026-10-12 10:00", "2027-03-01")] },
    key: `R-NEXT-SERVICE:${T1}:plan`,
    expect: { state: "late", daysLate: 3 },
  },
  {
    name: "a plan dated on the close day itself is not a future contact",
    zone: SH,
    now: "2026-10-10 09:00",
    records: { tickets: [closed(SH, "2026-10-09 16:00")], contacts: [plan(SH, "2026-10-08 10:00", "2026-10-09")] },
    key: `R-NEXT-SERVICE:${T1}:plan`,
    expect: { state: "overdue", daysLate: 1 },
  },
  // Berlin: a Sunday on the spring change, and Easter
  {
    name: "planned for the spring-change Sunday: opens Friday 03-27",
    zone: BER,
    now: "2026-03-27 00:00",
    records: { contacts: [plan(BER, "2026-03-20 10:00", "2026-03-29")] },
    expect: {
      state: "due",
      earliest: "2026-03-27",
      due: "2026-03-27",
      deadline: "2026-03-29",
      assignee: "Jonas Brandt",
    },
  },
  {
    name: "a reminder call 23:30 on that Sunday (+02:00): done",
    zone: BER,
    now: "2026-03-30 09:00",
    records: {
      contacts: [
        plan(BER, "2026-03-20 10:00", "2026-03-29"),
        call(BER, "2026-03-29 23:30", { ticket: undefined, purpose: "reminder" }),
      ],
    },
    expect: { state: "done" },
  },
  {
    name: "Monday 00:00: overdue",
    zone: BER,
    now: "2026-03-30 00:00",
    records: { contacts: [plan(BER, "2026-03-20 10:00", "2026-03-29")] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "planned for Easter Monday: opens Thursday 04-02",
    zone: BER,
    now: "2026-04-01 23:59",
    records: { contacts: [plan(BER, "2026-03-20 10:00", "2026-04-06")] },
    expect: { state: "upcoming", earliest: "2026-04-02", due: "2026-04-02", deadline: "2026-04-06" },
  },
];

describe("R-NEXT-SERVICE: the planned next contact, on its date", () => table("R-NEXT-SERVICE", rows));
