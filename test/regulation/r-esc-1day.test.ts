// R-ESC-1DAY: what cannot be solved is reported to the engineering supervisor within one working
// day of receipt. Closed only by an escalation to someone of role engineering, or by a
// resolution (nothing is left to escalate). Not for the reception desk (kind shop).
import { describe } from "vitest";
import { BER, SH, table, ticket, type Row, type Zone } from "./table.js";

const esc = (z: Zone, received: string, to: string, at: string) => [
  ticket(z, received, { status: "escalated", escalation: { to, at: z.at(at) } }),
];
const wed0930 = "2026-09-30 10:00"; // Wednesday before National Day: one working day later is 10-08

const rows: Row[] = [
  {
    name: "before the request is received there is no duty",
    zone: SH,
    now: "2026-09-30 09:59",
    records: { tickets: [ticket(SH, wed0930)] },
    expect: null,
  },
  {
    name: "first moment: due; one working day after 09-30 is 10-08 (National Day)",
    zone: SH,
    now: "2026-09-30 10:00",
    records: { tickets: [ticket(SH, wed0930)] },
    expect: { state: "due", earliest: "2026-09-30", due: "2026-10-08", deadline: "2026-10-08", assignee: "孙丽" },
  },
  {
    name: "during the holiday it is still due",
    zone: SH,
    now: "2026-10-04 12:00",
    records: { tickets: [ticket(SH, wed0930)] },
    expect: { state: "due", due: "2026-10-08" },
  },
  {
    name: "last moment of 10-08: due",
    zone: SH,
    now: "2026-10-08 23:59",
    records: { tickets: [ticket(SH, wed0930)] },
    expect: { state: "due" },
  },
  {
    name: "first moment after: overdue by a day",
    zone: SH,
    now: "2026-10-09 00:00",
    records: { tickets: [ticket(SH, wed0930)] },
    expect: { state: "overdue", daysLate: 1, assignee: "孙丽" },
  },
  {
    name: "escalated to the engineering supervisor on 10-08: done",
    zone: SH,
    now: "2026-10-09 09:00",
    records: { tickets: esc(SH, wed0930, "高峰", "2026-10-08 16:00") },
    expect: { state: "done", done: { at: SH.at("2026-10-08 16:00") } },
  },
  {
    name: "solved on 10-08 without escalation: done (nothing left to escalate)",
    zone: SH,
    now: "2026-10-09 09:00",
    records: {
      tickets: [
        ticket(SH, wed0930, {
          status: "resolved",
          resolution: { at: SH.at("2026-10-08 11:00"), note: "远程指导更换滤芯" },
        }),
      ],
    },
    expect: { state: "done" },
  },
  {
    name: "solved on 10-09: late by a day",
    zone: SH,
    now: "2026-10-09 12:00",
    records: {
      tickets: [
        ticket(SH, wed0930, {
          status: "resolved",
          resolution: { at: SH.at("2026-10-09 11:00"), note: "远程指导更换滤芯" },
        }),
      ],
    },
    expect: { state: "late", daysLate: 1 },
  },
  // what does not close it
  {
    name: "a dispatch is not an escalation",
    zone: SH,
    now: "2026-10-09 09:00",
    records: {
      tickets: [
        ticket(SH, wed0930, { status: "dispatched", dispatch: { technician: "马超", at: SH.at("2026-09-30 11:00") } }),
      ],
    },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "escalated to a clerk, not the engineering supervisor",
    zone: SH,
    now: "2026-10-09 09:00",
    records: { tickets: esc(SH, wed0930, "何平", "2026-09-30 11:00") },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "the reception desk (kind shop) has no escalation duty",
    zone: SH,
    now: "2026-10-09 09:00",
    records: { tickets: [ticket(SH, wed0930, { kind: "shop" })] },
    expect: null,
  },
  {
    name: "a cancelled ticket has none",
    zone: SH,
    now: "2026-10-09 09:00",
    records: {
      tickets: [
        ticket(SH, wed0930, {
          status: "cancelled",
          cancelled: { at: SH.at("2026-09-30 12:00"), reason: "客户自行解决" },
        }),
      ],
    },
    expect: null,
  },
  // make-up working days (调休)
  {
    name: "received Friday 10-09: due the make-up Saturday 10-10",
    zone: SH,
    now: "2026-10-09 15:00",
    records: { tickets: [ticket(SH, "2026-10-09 15:00")] },
    expect: { state: "due", due: "2026-10-10", deadline: "2026-10-10" },
  },
  {
    name: "escalated Monday 10-12 after the make-up Saturday: 2 days late",
    zone: SH,
    now: "2026-10-12 10:00",
    records: { tickets: esc(SH, "2026-10-09 15:00", "高峰", "2026-10-12 09:00") },
    expect: { state: "late", deadline: "2026-10-10", daysLate: 2 },
  },
  {
    name: "received Saturday 09-19: due the make-up Sunday 09-20",
    zone: SH,
    now: "2026-09-19 10:00",
    records: { tickets: [ticket(SH, "2026-09-19 10:00")] },
    expect: { state: "due", earliest: "2026-09-19", due: "2026-09-20", deadline: "2026-09-20" },
  },
  {
    name: "received Thursday 09-24: due Monday 09-28 after Mid-Autumn",
    zone: SH,
    now: "2026-09-24 10:00",
    records: { tickets: [ticket(SH, "2026-09-24 10:00")] },
    expect: { state: "due", due: "2026-09-28", deadline: "2026-09-28" },
  },
  {
    name: "setting workingDays: false — calendar day 09-25 (a holiday) is the deadline, shown 09-24",
    zone: SH,
    now: "2026-09-26 10:00",
    records: {
      settings: { ...SH.settings, rules: { "R-ESC-1DAY": { days: 1, workingDays: false } } },
      tickets: [ticket(SH, "2026-09-24 10:00")],
    },
    expect: { state: "overdue", due: "2026-09-24", deadline: "2026-09-25", daysLate: 1 },
  },
  // Berlin: Easter, and the spring change
  {
    name: "received Thursday before Easter: due Tuesday 04-07",
    zone: BER,
    now: "2026-04-02 16:00",
    records: { tickets: [ticket(BER, "2026-04-02 16:00")] },
    expect: {
      state: "due",
      earliest: "2026-04-02",
      due: "2026-04-07",
      deadline: "2026-04-07",
      assignee: "Anna Keller",
    },
  },
  {
    name: "last moment of Tuesday 04-07: due",
    zone: BER,
    now: "2026-04-07 23:59",
    records: { tickets: [ticket(BER, "2026-04-02 16:00")] },
    expect: { state: "due" },
  },
  {
    name: "Wednesday 04-08 00:00: overdue",
    zone: BER,
    now: "2026-04-08 00:00",
    records: { tickets: [ticket(BER, "2026-04-02 16:00")] },
    expect: { state: "overdue", daysLate: 1 },
  },
  {
    name: "received Friday before the spring change, escalated Monday 23:30 (+02:00): done",
    zone: BER,
    now: "2026-03-31 08:00",
    records: { tickets: esc(BER, "2026-03-27 17:00", "Eva Roth", "2026-03-30 23:30") },
    expect: { state: "done", deadline: "2026-03-30" },
  },
  {
    name: "escalated Tuesday 00:10 (+02:00, still Monday in UTC): a day late",
    zone: BER,
    now: "2026-03-31 08:00",
    records: { tickets: esc(BER, "2026-03-27 17:00", "Eva Roth", "2026-03-31 00:10") },
    expect: { state: "late", daysLate: 1 },
  },
  {
    name: "the ticket's assignee owns it",
    zone: BER,
    now: "2026-03-31 08:00",
    records: { tickets: [ticket(BER, "2026-03-27 17:00", { assignee: "Jonas Brandt" })] },
    expect: { state: "overdue", daysLate: 1, owner: "Jonas Brandt", assignee: "Jonas Brandt" },
  },
];

describe("R-ESC-1DAY: to the engineering supervisor within one working day", () => table("R-ESC-1DAY", rows));
