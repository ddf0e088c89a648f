// Edge cases across the rules, from an audit against docs/rules.md and the regulation: reopened
// tickets, several tickets of one customer, waivers, revised promises, events recorded late,
// covers who left, year ends without a calendar, DST in round-the-clock stores, custom settings.
import { describe, expect, it } from "vitest";
import type { ReportRecord } from "../../src/domain/duties/index.js";
import type { Settings, Ticket } from "../../src/domain/schema.js";
import {
  BER,
  C1,
  C2,
  call,
  customer,
  dutyOf,
  E1,
  event,
  letter,
  SH,
  staffWith,
  T1,
  T2,
  table,
  ticket,
  waiver,
  type Zone,
} from "./table.js";

const withRules = (
  z: Zone,
  rules: Settings["rules"],
  cal: Partial<NonNullable<Settings["calendar"]>> = {},
): Settings => ({ ...z.settings, rules, calendar: { ...z.settings.calendar, ...cal } });
const hours9to18 = (z: Zone, rules: Settings["rules"] = {}) =>
  withRules(z, rules, { hours: { from: "09:00", to: "18:00" } });
// a Berlin workshop open every day round the clock, so the DST changes fall inside working time
const berAllDay = withRules(BER, {}, { workweek: [1, 2, 3, 4, 5, 6, 7], hours: { from: "00:00", to: "23:59" } });

// ───────────────────────────── R-FILE-SAME-DAY ─────────────────────────────
describe("audit R-FILE-SAME-DAY", () =>
  table("R-FILE-SAME-DAY", [
    {
      name: "received 23:59:59, filed 00:00 the next day: late by a day",
      zone: SH,
      now: "2026-09-23 09:00",
      records: { tickets: [ticket(SH, "2026-09-22 23:59:59", { filed: SH.at("2026-09-23 00:00") })] },
      expect: { state: "late", deadline: "2026-09-22", daysLate: 1 },
    },
    {
      name: "BER: received 00:30 (+02:00) on the autumn-change Sunday, filed 23:30 (+01:00): done",
      zone: BER,
      now: "2026-10-26 09:00",
      records: { tickets: [ticket(BER, "2026-10-25 00:30", { filed: "2026-10-25T23:30:00+01:00" })] },
      expect: { state: "done", deadline: "2026-10-25" },
    },
    {
      name: "before it is filed there is no duty (received 09-30 22:40, filed 10-08)",
      zone: SH,
      now: "2026-10-05 09:00",
      records: { tickets: [ticket(SH, "2026-09-30 22:40", { filed: SH.at("2026-10-08 09:00") })] },
      expect: null,
    },
    {
      name: "rules.since 10-01 drops a filing whose deadline (09-30) is before it",
      zone: SH,
      now: "2026-10-08 09:00",
      records: { settings: withRules(SH, { since: "2026-10-01" }), tickets: [ticket(SH, "2026-09-30 10:00")] },
      expect: null,
    },
    {
      name: "rules.since 10-01 keeps a filing whose deadline is 10-01 itself",
      zone: SH,
      now: "2026-10-08 09:00",
      records: { settings: withRules(SH, { since: "2026-10-01" }), tickets: [ticket(SH, "2026-10-01 10:00")] },
      expect: { state: "done", deadline: "2026-10-01" },
    },
  ]));

// ───────────────────────────── R-ESC-1DAY ─────────────────────────────
// resolved on the phone the day it came in, reopened, solved again days later: how the record looks
// after `ticket resolve → reopen → resolve` (reopen clears the first resolution and keeps `reopened`)
const reopenedTicket = (over: Partial<Ticket> = {}) =>
  ticket(SH, "2026-09-21 10:00", {
    status: "resolved",
    resolution: { at: SH.at("2026-09-25 10:00"), note: "更换油泵" },
    reopened: [
      {
        at: SH.at("2026-09-23 09:00"),
        note: "又报警",
        resolution: { at: SH.at("2026-09-21 11:00"), note: "电话指导复位" },
      },
    ],
    ...over,
  });

describe("audit R-ESC-1DAY", () =>
  table("R-ESC-1DAY", [
    {
      name: "received on the make-up Sunday 09-20: +1 working day is Monday 09-21",
      zone: SH,
      now: "2026-09-21 23:59",
      records: { tickets: [ticket(SH, "2026-09-20 16:00")] },
      expect: { state: "due", earliest: "2026-09-20", due: "2026-09-21", deadline: "2026-09-21" },
    },
    {
      name: "received on a National Day holiday 10-03: +1 working day is 10-08",
      zone: SH,
      now: "2026-10-08 23:59",
      records: { tickets: [ticket(SH, "2026-10-03 10:00")] },
      expect: { state: "due", earliest: "2026-10-03", due: "2026-10-08", deadline: "2026-10-08" },
    },
    {
      name: "… 10-09 00:00: overdue by a day",
      zone: SH,
      now: "2026-10-09 00:00",
      records: { tickets: [ticket(SH, "2026-10-03 10:00")] },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "setting days 2: Thursday 09-24 + 2 working days is Tuesday 09-29",
      zone: SH,
      now: "2026-09-29 23:59",
      records: { settings: withRules(SH, { "R-ESC-1DAY": { days: 2 } }), tickets: [ticket(SH, "2026-09-24 10:00")] },
      expect: { state: "due", due: "2026-09-29", deadline: "2026-09-29" },
    },
    {
      name: "setting days 2, Friday 10-09: the make-up Saturday then Monday 10-12",
      zone: SH,
      now: "2026-10-13 00:00",
      records: { settings: withRules(SH, { "R-ESC-1DAY": { days: 2 } }), tickets: [ticket(SH, "2026-10-09 10:00")] },
      expect: { state: "overdue", deadline: "2026-10-12", daysLate: 1 },
    },
    {
      name: "escalated 23:59:59 on the deadline day: done",
      zone: SH,
      now: "2026-10-09 09:00",
      records: {
        tickets: [
          ticket(SH, "2026-09-30 10:00", {
            status: "escalated",
            escalation: { to: "高峰", at: SH.at("2026-10-08 23:59:59") },
          }),
        ],
      },
      expect: { state: "done" },
    },
    {
      name: "year end: received Thursday 12-31, no 2027 calendar — due Friday 2027-01-01 (weekday fallback)",
      zone: SH,
      now: "2026-12-31 10:00",
      records: { tickets: [ticket(SH, "2026-12-31 10:00")] },
      expect: { state: "due", deadline: "2027-01-01", due: "2027-01-01" },
    },
    {
      name: "BER received Saturday 10-24 23:30 (+02:00): due Monday 10-26",
      zone: BER,
      now: "2026-10-26 23:59",
      records: { tickets: [ticket(BER, "2026-10-24 23:30")] },
      expect: { state: "due", deadline: "2026-10-26" },
    },
    {
      name: "reopened: solved on the phone the day it came in (09-21), reopened 09-23, solved again 09-25 — the request was solved within the day",
      zone: SH,
      now: "2026-09-28 09:00",
      records: { tickets: [reopenedTicket()] },
      expect: { state: "done" },
    },
    {
      name: "reopened ticket replayed on 09-23 00:00 (before the reopen): the request had been solved on 09-21",
      zone: SH,
      now: "2026-09-23 00:00",
      records: { tickets: [reopenedTicket()] },
      expect: { state: "done" },
    },
    {
      name: "several tickets: an escalation of T2 does not close T1's",
      zone: SH,
      now: "2026-09-23 00:00",
      key: `R-ESC-1DAY:${T1}`,
      records: {
        tickets: [
          ticket(SH, "2026-09-21 10:00"),
          ticket(
            SH,
            "2026-09-21 10:00",
            { status: "escalated", escalation: { to: "高峰", at: SH.at("2026-09-21 11:00") } },
            T2,
          ),
        ],
      },
      expect: { state: "overdue", daysLate: 1 },
    },
  ]));

// ───────────────────────────── R-ANSWER-SAME-DAY ─────────────────────────────
const solved = (z: Zone, escAt: string, solvedAt: string, over: Partial<Ticket> = {}, id = T1) =>
  ticket(
    z,
    escAt.slice(0, 10) + " 08:30",
    {
      kind: "consult",
      status: "resolved",
      escalation: { to: z.eng, at: z.at(escAt) },
      resolution: { at: z.at(solvedAt), note: "固件升级" },
      ...over,
    },
    id,
  );
// resolve → reopen → resolve: first solution 09-22 10:00, told 11:00; reopened 09-23; solved again 09-28 10:00
const reSolved = solved(SH, "2026-09-21 10:00", "2026-09-28 10:00", { reopened: [{ at: SH.at("2026-09-23 09:00") }] });

describe("audit R-ANSWER-SAME-DAY", () =>
  table("R-ANSWER-SAME-DAY", [
    {
      name: "a call at the very moment of the resolution: done",
      zone: SH,
      now: "2026-09-23 09:00",
      records: {
        tickets: [solved(SH, "2026-09-21 10:00", "2026-09-22 10:00")],
        contacts: [call(SH, "2026-09-22 10:00", { purpose: "other" })],
      },
      expect: { state: "done" },
    },
    {
      name: "a letter dated the resolution day, solved at 23:00: done (bare date)",
      zone: SH,
      now: "2026-09-23 09:00",
      records: {
        tickets: [solved(SH, "2026-09-21 10:00", "2026-09-22 23:00")],
        contacts: [letter(SH, "2026-09-22", "reply")],
      },
      expect: { state: "done" },
    },
    {
      name: "a letter dated the day before the resolution does not count",
      zone: SH,
      now: "2026-09-23 09:00",
      records: {
        tickets: [solved(SH, "2026-09-21 10:00", "2026-09-22 10:00")],
        contacts: [letter(SH, "2026-09-21", "reply")],
      },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "solved on the make-up Sunday 09-20: due that day",
      zone: SH,
      now: "2026-09-20 23:59",
      records: { tickets: [solved(SH, "2026-09-19 10:00", "2026-09-20 15:00")] },
      expect: { state: "due", earliest: "2026-09-20", due: "2026-09-20", deadline: "2026-09-20" },
    },
    {
      name: "BER solved 01:30 (+01:00) on the spring Sunday, told 23:59 (+02:00): done",
      zone: BER,
      now: "2026-03-30 09:00",
      records: {
        tickets: [solved(BER, "2026-03-27 10:00", "2026-03-29 01:30")],
        contacts: [call(BER, "2026-03-29 23:59")],
      },
      expect: { state: "done", deadline: "2026-03-29" },
    },
    {
      name: "an unlinked call (no ticket) after the solution does not count",
      zone: SH,
      now: "2026-09-23 00:00",
      records: {
        tickets: [solved(SH, "2026-09-21 10:00", "2026-09-22 10:00")],
        contacts: [call(SH, "2026-09-22 11:00", { ticket: undefined })],
      },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "several tickets: a call on T2 closes T2's, not T1's",
      zone: SH,
      now: "2026-09-23 00:00",
      key: `R-ANSWER-SAME-DAY:${T1}`,
      records: {
        tickets: [
          solved(SH, "2026-09-21 10:00", "2026-09-22 10:00"),
          solved(SH, "2026-09-21 10:00", "2026-09-22 10:00", {}, T2),
        ],
        contacts: [call(SH, "2026-09-22 11:00", { ticket: T2 })],
      },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "… and T2's is done",
      zone: SH,
      now: "2026-09-23 00:00",
      key: `R-ANSWER-SAME-DAY:${T2}`,
      records: {
        tickets: [
          solved(SH, "2026-09-21 10:00", "2026-09-22 10:00"),
          solved(SH, "2026-09-21 10:00", "2026-09-22 10:00", {}, T2),
        ],
        contacts: [call(SH, "2026-09-22 11:00", { ticket: T2 })],
      },
      expect: { state: "done" },
    },
    {
      name: "reopened and solved again 09-28: the call after the first solution does not tell the second — due 09-28",
      zone: SH,
      now: "2026-09-28 23:59",
      records: { tickets: [reSolved], contacts: [call(SH, "2026-09-22 11:00", { purpose: "other" })] },
      expect: { state: "due", earliest: "2026-09-28", deadline: "2026-09-28" },
    },
    {
      name: "… 09-29 00:00: overdue",
      zone: SH,
      now: "2026-09-29 00:00",
      records: { tickets: [reSolved], contacts: [call(SH, "2026-09-22 11:00", { purpose: "other" })] },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "a cancelled ticket's undone answer is gone",
      zone: SH,
      now: "2026-09-24 09:00",
      records: {
        tickets: [
          solved(SH, "2026-09-21 10:00", "2026-09-22 10:00", {
            status: "cancelled",
            cancelled: { at: SH.at("2026-09-23 10:00"), reason: "客户撤回" },
          }),
        ],
      },
      expect: null,
    },
    {
      name: "a cancelled ticket's done answer stays done",
      zone: SH,
      now: "2026-09-24 09:00",
      records: {
        tickets: [
          solved(SH, "2026-09-21 10:00", "2026-09-22 10:00", {
            status: "cancelled",
            cancelled: { at: SH.at("2026-09-23 10:00"), reason: "客户撤回" },
          }),
        ],
        contacts: [call(SH, "2026-09-22 11:00")],
      },
      expect: { state: "done" },
    },
  ]));

// ───────────────────────────── R-DISPATCH ─────────────────────────────
describe("audit R-DISPATCH", () =>
  table("R-DISPATCH", [
    {
      name: "dispatched exactly when the 4 working hours are up (13:00): no duty",
      zone: SH,
      now: "2026-09-22 14:00",
      records: {
        tickets: [
          ticket(SH, "2026-09-22 09:00", {
            status: "dispatched",
            dispatch: { technician: "马超", at: SH.at("2026-09-22 13:00") },
          }),
        ],
      },
      expect: null,
    },
    {
      name: "dispatched 13:01: a duty, done by the dispatch",
      zone: SH,
      now: "2026-09-22 14:00",
      records: {
        tickets: [
          ticket(SH, "2026-09-22 09:00", {
            status: "dispatched",
            dispatch: { technician: "马超", at: SH.at("2026-09-22 13:01") },
          }),
        ],
      },
      expect: { state: "done", earliestAt: SH.at("2026-09-22 13:00"), dueAt: SH.at("2026-09-22 17:30") },
    },
    {
      name: "12:59: upcoming",
      zone: SH,
      now: "2026-09-22 12:59",
      records: { tickets: [ticket(SH, "2026-09-22 09:00")] },
      expect: { state: "upcoming" },
    },
    {
      name: "received Saturday 09-19: counted from the make-up Sunday 08:30, opens 12:30",
      zone: SH,
      now: "2026-09-20 12:30",
      records: { tickets: [ticket(SH, "2026-09-19 10:00")] },
      expect: {
        state: "due",
        earliestAt: SH.at("2026-09-20 12:30"),
        dueAt: SH.at("2026-09-20 17:30"),
        earliest: "2026-09-20",
        deadline: "2026-09-20",
      },
    },
    {
      name: "received Thursday 09-24 15:00: 2.5 h then Mid-Autumn, opens Monday 09-28 10:00",
      zone: SH,
      now: "2026-09-28 09:59",
      records: { tickets: [ticket(SH, "2026-09-24 15:00")] },
      expect: { state: "upcoming", earliestAt: SH.at("2026-09-28 10:00"), dueAt: SH.at("2026-09-28 17:30") },
    },
    {
      name: "BER received Saturday 10-24 (before the autumn change): opens Monday 12:30 (+01:00)",
      zone: BER,
      now: "2026-10-26 17:30",
      records: { tickets: [ticket(BER, "2026-10-24 11:00")] },
      expect: { state: "due", earliestAt: "2026-10-26T12:30:00+01:00", dueAt: "2026-10-26T17:30:00+01:00" },
    },
    {
      name: "hours 09:00–18:00: received 14:00, opens 18:00, due 18:30 (the grace)",
      zone: SH,
      now: "2026-09-22 18:30",
      records: { settings: hours9to18(SH), tickets: [ticket(SH, "2026-09-22 14:00")] },
      expect: { state: "due", earliestAt: SH.at("2026-09-22 18:00"), dueAt: SH.at("2026-09-22 18:30") },
    },
    {
      name: "hours 09:00–18:00 and graceMinutes 0: due 18:00, 18:01 overdue by a minute",
      zone: SH,
      now: "2026-09-22 18:01",
      records: { settings: hours9to18(SH, { graceMinutes: 0 }), tickets: [ticket(SH, "2026-09-22 14:00")] },
      expect: { state: "overdue", dueAt: SH.at("2026-09-22 18:00"), minutesLate: 1, hoursLate: 0 },
    },
    {
      name: "the customer told at 14:00, the schedule recorded 16:00: done (at the later of the two)",
      zone: SH,
      now: "2026-09-22 18:00",
      records: {
        tickets: [
          ticket(SH, "2026-09-22 09:00", {
            schedule: { date: "2026-09-24", reason: "技师外出", at: SH.at("2026-09-22 16:00") },
          }),
        ],
        contacts: [call(SH, "2026-09-22 14:00", { purpose: "other" })],
      },
      expect: { state: "done", done: { at: SH.at("2026-09-22 16:00") } },
    },
    {
      name: "scheduled 17:00, told 17:45: 15 minutes late",
      zone: SH,
      now: "2026-09-22 18:00",
      records: {
        tickets: [
          ticket(SH, "2026-09-22 09:00", {
            schedule: { date: "2026-09-24", reason: "技师外出", at: SH.at("2026-09-22 17:00") },
          }),
        ],
        contacts: [call(SH, "2026-09-22 17:45", { purpose: "other" })],
      },
      expect: { state: "late", minutesLate: 15, hoursLate: 0 },
    },
    {
      name: "cancelled after the hours were up, never told: gone",
      zone: SH,
      now: "2026-09-23 09:00",
      records: {
        tickets: [
          ticket(SH, "2026-09-22 09:00", {
            status: "cancelled",
            cancelled: { at: SH.at("2026-09-22 15:00"), reason: "客户撤回" },
          }),
        ],
      },
      expect: null,
    },
    {
      name: "BER open round the clock: received 00:30 (+01:00) on the spring Sunday, 4 elapsed hours later is 05:30 (+02:00)",
      zone: BER,
      now: "2026-03-29 05:30",
      records: { settings: berAllDay, tickets: [ticket(BER, "2026-03-29 00:30")] },
      expect: { state: "due", earliestAt: "2026-03-29T05:30:00+02:00", dueAt: "2026-03-29T23:59:00+02:00" },
    },
    {
      name: "BER open round the clock: received 00:30 (+02:00) on the autumn Sunday, opens 03:30 (+01:00)",
      zone: BER,
      now: "2026-10-25 05:00",
      records: { settings: berAllDay, tickets: [ticket(BER, "2026-10-25 00:30")] },
      expect: { state: "due", earliestAt: "2026-10-25T03:30:00+01:00" },
    },
    {
      name: "solved without a visit after the hours were up, never told: missed",
      zone: SH,
      now: "2026-09-23 09:00",
      records: {
        tickets: [
          ticket(SH, "2026-09-22 09:00", {
            status: "resolved",
            resolution: { at: SH.at("2026-09-22 15:00"), note: "电话指导" },
          }),
        ],
      },
      expect: { state: "missed" },
    },
  ]));

describe("audit R-DISPATCH: reopened tickets", () => {
  // solved by phone at 10:00 on 09-22 (within the 4 hours: no duty that day), reopened 09-23 09:00, solved again by phone 09-24 11:00
  const reopened = ticket(SH, "2026-09-22 09:00", {
    status: "resolved",
    resolution: { at: SH.at("2026-09-24 11:00"), note: "电话指导" },
    reopened: [{ at: SH.at("2026-09-23 09:00"), resolution: { at: SH.at("2026-09-22 10:00"), note: "电话指导" } }],
  });
  it("a ticket solved within the hours on 09-22, reopened and solved again, had no R-DISPATCH duty (`ticket reopen` keeps the solution it took back)", () => {
    const d = dutyOf(
      { name: "", zone: SH, now: "2026-09-25 09:00", records: { tickets: [reopened] }, expect: null },
      "R-DISPATCH",
    );
    // either no duty, or one counted from the reopen — never a window on 09-22
    expect(d === undefined || d.earliest >= "2026-09-23").toBe(true);
  });
});

// ───────────────────────────── R-FOLLOWUP-1 ─────────────────────────────
const sent = (
  z: Zone,
  at: string,
  more: { arrive?: string; arrived?: string; id?: string; over?: Partial<Ticket> } = {},
) =>
  ticket(
    z,
    at.slice(0, 10) + " 08:00",
    {
      status: more.arrived ? "onsite" : "dispatched",
      dispatch: {
        technician: z.tech,
        at: at.includes("T") ? at : z.at(at),
        ...(more.arrive ? { arrive: more.arrive.includes("T") ? more.arrive : z.at(more.arrive) } : {}),
        ...(more.arrived ? { arrived: z.at(more.arrived) } : {}),
      },
      ...more.over,
    },
    more.id,
  );

// received and filed 00:10 on the autumn-change Sunday, before the dispatches at 02:xx
const early = { received: BER.at("2026-10-25 00:10"), filed: BER.at("2026-10-25 00:10") };
describe("audit R-FOLLOWUP-1", () =>
  table("R-FOLLOWUP-1", [
    {
      name: "a call at the very moment of the dispatch: done",
      zone: SH,
      now: "2026-09-22 12:00",
      records: { tickets: [sent(SH, "2026-09-22 10:00")], contacts: [call(SH, "2026-09-22 10:00")] },
      expect: { state: "done" },
    },
    {
      name: "dispatched on the make-up Sunday 09-20: due that day",
      zone: SH,
      now: "2026-09-20 23:59",
      records: { tickets: [sent(SH, "2026-09-20 10:00")] },
      expect: { state: "due", due: "2026-09-20", deadline: "2026-09-20" },
    },
    {
      name: "a call at the very moment the technician arrived does not count: missed",
      zone: SH,
      now: "2026-10-10 12:00",
      records: {
        tickets: [sent(SH, "2026-10-10 09:00", { arrive: "2026-10-10 11:30", arrived: "2026-10-10 11:40" })],
        contacts: [call(SH, "2026-10-10 11:40")],
      },
      expect: { state: "missed" },
    },
    {
      name: "a call a minute before he arrived, after the planned arrival: late by 9 minutes",
      zone: SH,
      now: "2026-10-10 12:00",
      records: {
        tickets: [sent(SH, "2026-10-10 09:00", { arrive: "2026-10-10 11:30", arrived: "2026-10-10 11:40" })],
        contacts: [call(SH, "2026-10-10 11:39")],
      },
      expect: { state: "late", minutesLate: 9 },
    },
    {
      name: "a follow-up letter dated the dispatch day, with a planned arrival: done",
      zone: SH,
      now: "2026-10-10 12:00",
      records: {
        tickets: [sent(SH, "2026-10-10 09:00", { arrive: "2026-10-10 11:30" })],
        contacts: [letter(SH, "2026-10-10", "notice", { purpose: "followup" })],
      },
      expect: { state: "done" },
    },
    {
      name: "a follow-up letter dated the arrival day, the technician on site at 08:50 that day: not before the arrival, so missed",
      zone: SH,
      now: "2026-09-23 12:00",
      records: {
        tickets: [sent(SH, "2026-09-22 10:00", { arrive: "2026-09-23 09:00", arrived: "2026-09-23 08:50" })],
        contacts: [letter(SH, "2026-09-23", "notice", { purpose: "followup" })],
      },
      expect: { state: "missed" },
    },
    {
      name: "BER spring: dispatched Saturday 23:00 (+01:00), arrival planned 03:30 (+02:00): dueAt as planned",
      zone: BER,
      now: "2026-03-29 03:30",
      records: { tickets: [sent(BER, "2026-03-28 23:00", { arrive: "2026-03-29 03:30" })] },
      expect: {
        state: "due",
        earliest: "2026-03-28",
        deadline: "2026-03-29",
        earliestAt: "2026-03-28T23:00:00+01:00",
        dueAt: "2026-03-29T03:30:00+02:00",
      },
    },
    {
      name: "… 03:31: a minute late",
      zone: BER,
      now: "2026-03-29 03:31",
      records: { tickets: [sent(BER, "2026-03-28 23:00", { arrive: "2026-03-29 03:30" })] },
      expect: { state: "overdue", minutesLate: 1 },
    },
    {
      name: "BER autumn: dispatched 02:40 (+02:00), arrival planned 02:50 (+01:00) — 70 minutes, no grace needed",
      zone: BER,
      now: "2026-10-25 04:00",
      records: {
        tickets: [sent(BER, "2026-10-25T02:40:00+02:00", { arrive: "2026-10-25T02:50:00+01:00", over: early })],
      },
      expect: { state: "overdue", dueAt: "2026-10-25T02:50:00+01:00", minutesLate: 70, hoursLate: 1 },
    },
    {
      name: "BER autumn: dispatched 02:50 (+02:00), arrival planned 02:10 (+01:00) — 20 minutes, the grace makes it 02:20 (+01:00)",
      zone: BER,
      now: "2026-10-25 04:00",
      records: {
        tickets: [sent(BER, "2026-10-25T02:50:00+02:00", { arrive: "2026-10-25T02:10:00+01:00", over: early })],
      },
      expect: { state: "overdue", dueAt: "2026-10-25T02:20:00+01:00", minutesLate: 100 },
    },
    {
      name: "graceMinutes 0: arrival planned 10 minutes after dispatch is the deadline",
      zone: SH,
      now: "2026-09-24 10:11",
      records: {
        settings: withRules(SH, { graceMinutes: 0 }),
        tickets: [sent(SH, "2026-09-24 10:00", { arrive: "2026-09-24 10:10" })],
      },
      expect: { state: "overdue", dueAt: SH.at("2026-09-24 10:10"), minutesLate: 1 },
    },
    {
      name: "several tickets of one customer: a follow-up on T2 leaves T1's due",
      zone: SH,
      now: "2026-09-22 23:59",
      key: `R-FOLLOWUP-1:${T1}`,
      records: {
        tickets: [sent(SH, "2026-09-22 10:00"), sent(SH, "2026-09-22 10:00", { id: T2 })],
        contacts: [call(SH, "2026-09-22 11:00", { ticket: T2 })],
      },
      expect: { state: "due" },
    },
    {
      name: "cancelled after the first follow-up: stays done",
      zone: SH,
      now: "2026-09-23 09:00",
      records: {
        tickets: [
          sent(SH, "2026-09-22 10:00", {
            over: { status: "cancelled", cancelled: { at: SH.at("2026-09-22 15:00"), reason: "客户撤回" } },
          }),
        ],
        contacts: [call(SH, "2026-09-22 11:00")],
      },
      expect: { state: "done" },
    },
    {
      name: "cancelled before the first follow-up: gone",
      zone: SH,
      now: "2026-09-23 09:00",
      records: {
        tickets: [
          sent(SH, "2026-09-22 10:00", {
            over: { status: "cancelled", cancelled: { at: SH.at("2026-09-22 15:00"), reason: "客户撤回" } },
          }),
        ],
      },
      expect: null,
    },
    {
      name: "a waiver on a first follow-up already done: still done",
      zone: SH,
      now: "2026-09-23 09:00",
      records: {
        tickets: [sent(SH, "2026-09-22 10:00")],
        contacts: [call(SH, "2026-09-22 11:00")],
        waivers: [waiver(SH, `R-FOLLOWUP-1:${T1}`, "2026-09-23 08:00")],
      },
      expect: { state: "done" },
    },
    {
      name: "a waiver on an overdue one: waived, no lateness",
      zone: SH,
      now: "2026-09-23 09:00",
      records: {
        tickets: [sent(SH, "2026-09-22 10:00")],
        waivers: [waiver(SH, `R-FOLLOWUP-1:${T1}`, "2026-09-23 08:00")],
      },
      expect: { state: "waived", daysLate: undefined },
    },
    {
      name: "a waiver dated after the moment is not there yet: overdue",
      zone: SH,
      now: "2026-09-23 07:59",
      records: {
        tickets: [sent(SH, "2026-09-22 10:00")],
        waivers: [waiver(SH, `R-FOLLOWUP-1:${T1}`, "2026-09-23 08:00")],
      },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "a waiver on a duty done late: still late",
      zone: SH,
      now: "2026-09-24 09:00",
      records: {
        tickets: [sent(SH, "2026-09-22 10:00")],
        contacts: [call(SH, "2026-09-23 10:00")],
        waivers: [waiver(SH, `R-FOLLOWUP-1:${T1}`, "2026-09-23 08:00")],
      },
      expect: { state: "late", daysLate: 1 },
    },
    {
      name: "a waiver recorded by a clerk, not a supervisor, excuses nothing",
      zone: SH,
      now: "2026-09-23 09:00",
      records: {
        tickets: [sent(SH, "2026-09-22 10:00")],
        waivers: [
          {
            id: "W-260923-WV02",
            value: { duty: `R-FOLLOWUP-1:${T1}`, reason: "联系不上", by: "何平", at: SH.at("2026-09-23 08:00") },
          },
        ],
      },
      expect: { state: "overdue", daysLate: 1 },
    },
  ]));

// ───────────────────────────── R-FOLLOWUP-2 ─────────────────────────────
const firstOn = (day: string, id = T1) => [sent(SH, day + " 09:00", { id })];
describe("audit R-FOLLOWUP-2", () =>
  table("R-FOLLOWUP-2", [
    // first on Sunday 09-13: day 7 = 09-20 (make-up Sunday), day 14 = 09-27 (Mid-Autumn Sunday) → shown Thursday 09-24
    {
      name: "first Sunday 09-13: 09-19 23:59 upcoming",
      zone: SH,
      now: "2026-09-19 23:59",
      records: { tickets: firstOn("2026-09-13"), contacts: [call(SH, "2026-09-13 10:00")] },
      expect: { state: "upcoming", earliest: "2026-09-20", due: "2026-09-24", deadline: "2026-09-27" },
    },
    {
      name: "… 09-20 00:00 (make-up Sunday, day 7): due",
      zone: SH,
      now: "2026-09-20 00:00",
      records: { tickets: firstOn("2026-09-13"), contacts: [call(SH, "2026-09-13 10:00")] },
      expect: { state: "due" },
    },
    {
      name: "… a call on day 14, 09-27 (a holiday): done",
      zone: SH,
      now: "2026-09-28 09:00",
      records: {
        tickets: firstOn("2026-09-13"),
        contacts: [call(SH, "2026-09-13 10:00"), call(SH, "2026-09-27 10:00")],
      },
      expect: { state: "done" },
    },
    {
      name: "… 09-28 00:00 without: overdue by a day",
      zone: SH,
      now: "2026-09-28 00:00",
      records: { tickets: firstOn("2026-09-13"), contacts: [call(SH, "2026-09-13 10:00")] },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "first on holiday Saturday 09-26: day 14 is the make-up Saturday 10-10, shown that day",
      zone: SH,
      now: "2026-10-03 00:00",
      records: { tickets: firstOn("2026-09-26"), contacts: [call(SH, "2026-09-26 10:00")] },
      expect: { state: "due", earliest: "2026-10-03", due: "2026-10-10", deadline: "2026-10-10" },
    },
    {
      name: "a call at 23:59:59 on day 6 does not count",
      zone: SH,
      now: "2026-10-09 00:00",
      records: {
        tickets: firstOn("2026-09-24"),
        contacts: [call(SH, "2026-09-24 10:00"), call(SH, "2026-09-30 23:59:59")],
      },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "a call at 00:00 on day 7 counts",
      zone: SH,
      now: "2026-10-09 00:00",
      records: {
        tickets: firstOn("2026-09-24"),
        contacts: [call(SH, "2026-09-24 10:00"), call(SH, "2026-10-01 00:00")],
      },
      expect: { state: "done" },
    },
    {
      name: "an unlinked follow-up call (no ticket) on day 8 does not count",
      zone: SH,
      now: "2026-10-09 00:00",
      records: {
        tickets: firstOn("2026-09-24"),
        contacts: [call(SH, "2026-09-24 10:00"), call(SH, "2026-10-02 10:00", { ticket: undefined })],
      },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "the first was a letter dated 09-24: day 7 is 10-01",
      zone: SH,
      now: "2026-10-01 00:00",
      records: {
        tickets: firstOn("2026-09-24"),
        contacts: [letter(SH, "2026-09-24", "notice", { purpose: "followup" })],
      },
      expect: { state: "due", earliest: "2026-10-01", deadline: "2026-10-08" },
    },
    // workingDays: true — from Thursday 09-24: +7 working days = 10-12, +14 = 10-21
    {
      name: "workingDays true: 10-11 23:59 upcoming",
      zone: SH,
      now: "2026-10-11 23:59",
      records: {
        settings: withRules(SH, { "R-FOLLOWUP-2": { workingDays: true } }),
        tickets: firstOn("2026-09-24"),
        contacts: [call(SH, "2026-09-24 10:00")],
      },
      expect: { state: "upcoming", earliest: "2026-10-12", due: "2026-10-21", deadline: "2026-10-21" },
    },
    {
      name: "workingDays true: 10-12 00:00 due",
      zone: SH,
      now: "2026-10-12 00:00",
      records: {
        settings: withRules(SH, { "R-FOLLOWUP-2": { workingDays: true } }),
        tickets: firstOn("2026-09-24"),
        contacts: [call(SH, "2026-09-24 10:00")],
      },
      expect: { state: "due" },
    },
    {
      name: "workingDays true: a call 10-11 (Sunday before day 7) does not count",
      zone: SH,
      now: "2026-10-22 00:00",
      records: {
        settings: withRules(SH, { "R-FOLLOWUP-2": { workingDays: true } }),
        tickets: firstOn("2026-09-24"),
        contacts: [call(SH, "2026-09-24 10:00"), call(SH, "2026-10-11 10:00")],
      },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "several tickets: the second call on T2 closes only T2's",
      zone: SH,
      now: "2026-10-09 00:00",
      key: `R-FOLLOWUP-2:${T1}`,
      records: {
        tickets: [...firstOn("2026-09-24"), ...firstOn("2026-09-24", T2)],
        contacts: [
          call(SH, "2026-09-24 10:00"),
          call(SH, "2026-09-24 10:05", { ticket: T2 }),
          call(SH, "2026-10-02 10:00", { ticket: T2 }),
        ],
      },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "the first missed (planned arrival 09-28 09:00, arrived 09:10, nobody called): the second counts from 09-28",
      zone: SH,
      now: "2026-10-05 00:00",
      records: { tickets: [sent(SH, "2026-09-24 17:00", { arrive: "2026-09-28 09:00", arrived: "2026-09-28 09:10" })] },
      expect: { state: "due", earliest: "2026-10-05", deadline: "2026-10-12" },
    },
    // docs silent: no second follow-up at all while the first is merely overdue (no arrival recorded), or when it was waived
    {
      name: "(docs silent) first follow-up never made, no arrival recorded: no R-FOLLOWUP-2 at all, three weeks on",
      zone: SH,
      now: "2026-10-20 09:00",
      records: { tickets: firstOn("2026-09-24") },
      expect: null,
    },
    {
      name: "(docs silent) first follow-up waived: no R-FOLLOWUP-2 at all",
      zone: SH,
      now: "2026-10-20 09:00",
      records: { tickets: firstOn("2026-09-24"), waivers: [waiver(SH, `R-FOLLOWUP-1:${T1}`, "2026-09-25 09:00")] },
      expect: null,
    },
    {
      name: "year end: first 12-24, window 12-31 … 2027-01-07",
      zone: SH,
      now: "2026-12-31 00:00",
      records: { tickets: firstOn("2026-12-24"), contacts: [call(SH, "2026-12-24 10:00")] },
      expect: { state: "due", earliest: "2026-12-31", deadline: "2027-01-07", due: "2027-01-07" },
    },
    {
      name: "BER: first Sunday 03-22; day 7 is the spring-change Sunday 03-29 — a call at 00:30 (+01:00) counts",
      zone: BER,
      now: "2026-04-06 09:00",
      records: {
        tickets: [sent(BER, "2026-03-22 09:00")],
        contacts: [call(BER, "2026-03-22 10:00"), call(BER, "2026-03-29 00:30")],
      },
      expect: { state: "done", earliest: "2026-03-29", deadline: "2026-04-05" },
    },
  ]));

// ───────────────────────────── R-EVENT-NOTICE ─────────────────────────────
const ev = (z: Zone, date: string, recorded: string) => [event(z, date, recorded)];
const evCall = (z: Zone, at: string, over = {}) =>
  call(z, at, { ticket: undefined, event: E1, purpose: "notice", ...over });
const evLetter = (z: Zone, day: string, over = {}) =>
  letter(z, day, "notice", { ticket: undefined, event: E1, ...over });
const CALL = `R-EVENT-NOTICE:${E1}:${C1}:call`;
const LETTER = `R-EVENT-NOTICE:${E1}:${C1}:letter`;

describe("audit R-EVENT-NOTICE", () =>
  table("R-EVENT-NOTICE", [
    {
      name: "event 10-15: deadline 10-01 (a holiday), shown 09-30; 09-23 23:59 upcoming",
      zone: SH,
      now: "2026-09-23 23:59",
      key: CALL,
      records: { events: ev(SH, "2026-10-15", "2026-09-01 09:00") },
      expect: { state: "upcoming", earliest: "2026-09-24", due: "2026-09-30", deadline: "2026-10-01" },
    },
    {
      name: "… 09-24 00:00: due",
      zone: SH,
      now: "2026-09-24 00:00",
      key: CALL,
      records: { events: ev(SH, "2026-10-15", "2026-09-01 09:00") },
      expect: { state: "due" },
    },
    {
      name: "… a call on 10-01 (the holiday deadline): done",
      zone: SH,
      now: "2026-10-02 09:00",
      key: CALL,
      records: { events: ev(SH, "2026-10-15", "2026-09-01 09:00"), contacts: [evCall(SH, "2026-10-01 10:00")] },
      expect: { state: "done" },
    },
    {
      name: "… 10-02 00:00: overdue",
      zone: SH,
      now: "2026-10-02 00:00",
      key: CALL,
      records: { events: ev(SH, "2026-10-15", "2026-09-01 09:00") },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "event Saturday 10-24: deadline the make-up Saturday 10-10, shown that day",
      zone: SH,
      now: "2026-10-03 00:00",
      key: CALL,
      records: { events: ev(SH, "2026-10-24", "2026-09-01 09:00") },
      expect: { state: "due", earliest: "2026-10-03", due: "2026-10-10", deadline: "2026-10-10" },
    },
    {
      name: "recorded 10 days before (10-10 for 10-20): due the day recorded",
      zone: SH,
      now: "2026-10-10 12:00",
      key: CALL,
      records: { events: ev(SH, "2026-10-20", "2026-10-10 09:00") },
      expect: { state: "due", earliest: "2026-10-10", due: "2026-10-10", deadline: "2026-10-10" },
    },
    {
      name: "… 10-11 00:00: overdue",
      zone: SH,
      now: "2026-10-11 00:00",
      key: CALL,
      records: { events: ev(SH, "2026-10-20", "2026-10-10 09:00") },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "recorded on Sunday 10-11 for 10-20: due that Sunday (the day off itself)",
      zone: SH,
      now: "2026-10-11 12:00",
      key: CALL,
      records: { events: ev(SH, "2026-10-20", "2026-10-11 09:00") },
      expect: { state: "due", due: "2026-10-11", deadline: "2026-10-11" },
    },
    {
      name: "a call on the event day does not count: missed",
      zone: SH,
      now: "2026-10-20 12:00",
      key: CALL,
      records: { events: ev(SH, "2026-10-20", "2026-10-11 09:00"), contacts: [evCall(SH, "2026-10-20 08:00")] },
      expect: { state: "missed" },
    },
    {
      name: "a call earlier on the day the event was recorded (logged afterwards with --at) does not count",
      zone: SH,
      now: "2026-09-02 00:00",
      key: CALL,
      records: { events: ev(SH, "2026-10-15", "2026-09-01 15:00"), contacts: [evCall(SH, "2026-09-01 10:00")] },
      expect: { state: "upcoming" },
    },
    {
      name: "letter: called Friday 10-09, deadline Sunday 10-11, shown the make-up Saturday 10-10",
      zone: SH,
      now: "2026-10-10 09:00",
      key: LETTER,
      records: { events: ev(SH, "2026-11-01", "2026-09-01 09:00"), contacts: [evCall(SH, "2026-10-09 10:00")] },
      expect: { state: "due", earliest: "2026-10-09", due: "2026-10-10", deadline: "2026-10-11" },
    },
    {
      name: "letter dated the call day (bare date) before the call's hour: done",
      zone: SH,
      now: "2026-10-10 09:00",
      key: LETTER,
      records: {
        events: ev(SH, "2026-11-01", "2026-09-01 09:00"),
        contacts: [evCall(SH, "2026-10-09 16:00"), evLetter(SH, "2026-10-09")],
      },
      expect: { state: "done" },
    },
    {
      name: "a reply letter does not count as the notice",
      zone: SH,
      now: "2026-10-12 00:00",
      key: LETTER,
      records: {
        events: ev(SH, "2026-11-01", "2026-09-01 09:00"),
        contacts: [evCall(SH, "2026-10-09 10:00"), letter(SH, "2026-10-10", "reply", { ticket: undefined, event: E1 })],
      },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "a late call on 10-16 for an event on 10-18; a notice letter dated the event day itself",
      zone: SH,
      now: "2026-10-18 12:00",
      key: LETTER,
      records: {
        events: ev(SH, "2026-10-18", "2026-09-01 09:00"),
        contacts: [evCall(SH, "2026-10-16 10:00"), evLetter(SH, "2026-10-18")],
      },
      expect: { state: "missed" },
    },
    {
      name: "a call on Saturday 10-17 for Sunday 10-18: the letter is due that Saturday, before the event",
      zone: SH,
      now: "2026-10-17 12:00",
      key: LETTER,
      records: { events: ev(SH, "2026-10-18", "2026-09-01 09:00"), contacts: [evCall(SH, "2026-10-17 10:00")] },
      expect: { state: "due", due: "2026-10-17", deadline: "2026-10-17", expires: "2026-10-17" },
    },
    {
      name: "(docs silent) a customer filed on the event day: the call duty is missed at once",
      zone: SH,
      now: "2026-10-18 12:00",
      key: `R-EVENT-NOTICE:${E1}:${C2}:call`,
      records: {
        customers: [customer(SH), customer(SH, C2, { created: SH.at("2026-10-18 09:00") })],
        events: ev(SH, "2026-10-18", "2026-09-01 09:00"),
      },
      expect: { state: "missed" },
    },
    {
      name: "workingDays true: event 10-15, 14 working days before is the make-up Sunday 09-20",
      zone: SH,
      now: "2026-09-13 00:00",
      key: CALL,
      records: {
        settings: withRules(SH, { "R-EVENT-NOTICE": { workingDays: true } }),
        events: ev(SH, "2026-10-15", "2026-09-01 09:00"),
      },
      expect: { state: "due", earliest: "2026-09-13", due: "2026-09-20", deadline: "2026-09-20" },
    },
    {
      name: "BER: event Sunday 11-08, call deadline 10-25; a call 23:30 (+01:00) that Sunday: done",
      zone: BER,
      now: "2026-10-26 09:00",
      key: CALL,
      records: { events: ev(BER, "2026-11-08", "2026-09-01 09:00"), contacts: [evCall(BER, "2026-10-25 23:30")] },
      expect: { state: "done", deadline: "2026-10-25" },
    },
    {
      name: "BER: … no call, Monday 10-26 00:00 (+01:00): overdue",
      zone: BER,
      now: "2026-10-26 00:00",
      key: CALL,
      records: { events: ev(BER, "2026-11-08", "2026-09-01 09:00") },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "two customers: the call to C1 leaves C2's due",
      zone: SH,
      now: "2026-09-30 12:00",
      key: `R-EVENT-NOTICE:${E1}:${C2}:call`,
      records: {
        customers: [customer(SH), customer(SH, C2)],
        events: ev(SH, "2026-10-15", "2026-09-01 09:00"),
        contacts: [evCall(SH, "2026-09-30 10:00")],
      },
      expect: { state: "due" },
    },
    {
      name: "the event owner (何平) away 09-28..10-09, 林涛 covers: the call is 林涛's",
      zone: SH,
      now: "2026-09-30 12:00",
      key: CALL,
      records: {
        settings: staffWith(SH, "何平", { absences: [{ from: "2026-09-28", to: "2026-10-09", cover: "林涛" }] }),
        events: ev(SH, "2026-10-15", "2026-09-01 09:00"),
      },
      expect: { state: "due", owner: "何平", assignee: "林涛" },
    },
  ]));

// ───────────────────────────── R-MONTHLY: year end ─────────────────────────────
const rep = (z: Zone, kind: ReportRecord["kind"], period: string, saved: string, by = z.sup): ReportRecord => ({
  kind,
  period,
  saved,
  by,
});
describe("audit R-MONTHLY at the year end", () =>
  table("R-MONTHLY", [
    {
      name: "12-31 23:59: no annual review owed yet",
      zone: SH,
      now: "2026-12-31 23:59",
      key: "R-MONTHLY:2026",
      records: {},
      expect: null,
    },
    {
      name: "12-31 23:59: no December review owed yet",
      zone: SH,
      now: "2026-12-31 23:59",
      key: "R-MONTHLY:2026-12",
      records: {},
      expect: null,
    },
    {
      name: "2027-01-01 00:00: the annual review is due; deadline Saturday 01-16, shown Friday 01-15",
      zone: SH,
      now: "2027-01-01 00:00",
      key: "R-MONTHLY:2026",
      records: {},
      expect: { state: "due", earliest: "2027-01-01", due: "2027-01-15", deadline: "2027-01-16", owner: "郑红" },
    },
    {
      name: "2027-01-01 00:00: December due, deadline 01-06",
      zone: SH,
      now: "2027-01-01 00:00",
      key: "R-MONTHLY:2026-12",
      records: {},
      expect: { state: "due", earliest: "2027-01-01", due: "2027-01-06", deadline: "2027-01-06" },
    },
    {
      name: "2027-01-16 23:59: the annual review still due",
      zone: SH,
      now: "2027-01-16 23:59",
      key: "R-MONTHLY:2026",
      records: {},
      expect: { state: "due" },
    },
    {
      name: "2027-01-17 00:00: overdue by a day",
      zone: SH,
      now: "2027-01-17 00:00",
      key: "R-MONTHLY:2026",
      records: {},
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "saved 12-31 23:59 (the year not over): not the review",
      zone: SH,
      now: "2027-01-17 00:00",
      key: "R-MONTHLY:2026",
      records: { reports: [rep(SH, "annual", "2026", SH.at("2026-12-31 23:59"))] },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "saved 2026-12-31T16:30:00Z (00:30 on 01-01 in Shanghai): done",
      zone: SH,
      now: "2027-01-17 00:00",
      key: "R-MONTHLY:2026",
      records: { reports: [rep(SH, "annual", "2026", "2026-12-31T16:30:00Z")] },
      expect: { state: "done" },
    },
    {
      name: "BER saved 2026-12-31T23:30:00Z (00:30 on 01-01 in Berlin): done",
      zone: BER,
      now: "2027-01-02 09:00",
      key: "R-MONTHLY:2026",
      records: { reports: [rep(BER, "annual", "2026", "2026-12-31T23:30:00Z")] },
      expect: { state: "done", deadline: "2027-01-16", due: "2027-01-15" },
    },
    {
      name: "the supervisor away 2027-01-04..01-20, 何平 covers the annual review",
      zone: SH,
      now: "2027-01-05 09:00",
      key: "R-MONTHLY:2026",
      records: {
        settings: staffWith(SH, "郑红", { absences: [{ from: "2027-01-04", to: "2027-01-20", cover: "何平" }] }),
      },
      expect: { state: "due", owner: "郑红", assignee: "何平" },
    },
    {
      name: "rules.since 09-10 drops August's review (deadline 09-06)",
      zone: SH,
      now: "2026-09-10 09:00",
      key: "R-MONTHLY:2026-08",
      records: { settings: withRules(SH, { since: "2026-09-10" }) },
      expect: null,
    },
  ]));

// ───────────────────────────── R-NEXT-SERVICE ─────────────────────────────
const planCall = (z: Zone, madeAt: string, date: string, over = {}) =>
  call(z, madeAt, { ticket: undefined, staff: z.clerk2, next: { date, topic: "保养提醒" }, ...over });
const pSun = planCall(SH, "2026-09-10 10:00", "2026-09-20");
const pSun2 = planCall(SH, "2026-10-08 10:00", "2026-10-11");
const twoPlans = ticket(SH, "2026-09-21 09:00", {
  status: "closed",
  resolution: { at: SH.at("2026-09-22 15:00"), note: "更换密封件" },
  closed: SH.at("2026-09-22 16:00"),
  plans: [
    { date: "2026-10-15", topic: "冬季保养提醒", at: SH.at("2026-09-22 16:00") },
    { date: "2027-03-01", topic: "软件升级通知", at: SH.at("2026-09-22 16:00") },
  ],
});

describe("audit R-NEXT-SERVICE", () =>
  table("R-NEXT-SERVICE", [
    {
      name: "planned for the make-up Sunday 09-20: it is a working day, opens that day",
      zone: SH,
      now: "2026-09-20 00:00",
      key: `R-NEXT-SERVICE:${pSun.id}`,
      records: { contacts: [pSun] },
      expect: { state: "due", earliest: "2026-09-20", due: "2026-09-20", deadline: "2026-09-20" },
    },
    {
      name: "planned for Sunday 10-11 on 10-08: opens the make-up Saturday 10-10",
      zone: SH,
      now: "2026-10-10 00:00",
      key: `R-NEXT-SERVICE:${pSun2.id}`,
      records: { contacts: [pSun2] },
      expect: { state: "due", earliest: "2026-10-10", due: "2026-10-10", deadline: "2026-10-11" },
    },
    {
      name: "… a reminder call 10-10 00:00 (the first moment): done",
      zone: SH,
      now: "2026-10-12 09:00",
      key: `R-NEXT-SERVICE:${pSun2.id}`,
      records: { contacts: [pSun2, call(SH, "2026-10-10 00:00", { ticket: undefined, purpose: "reminder" })] },
      expect: { state: "done" },
    },
    {
      name: "… a reminder call 10-09 23:59 (before the window): overdue",
      zone: SH,
      now: "2026-10-12 09:00",
      key: `R-NEXT-SERVICE:${pSun2.id}`,
      records: { contacts: [pSun2, call(SH, "2026-10-09 23:59", { ticket: undefined, purpose: "reminder" })] },
      expect: { state: "overdue", daysLate: 1 },
    },
    {
      name: "the planner (何平) away 10-09..10-12, 林涛 covers",
      zone: SH,
      now: "2026-10-10 09:00",
      key: `R-NEXT-SERVICE:${pSun2.id}`,
      records: {
        settings: staffWith(SH, "何平", { absences: [{ from: "2026-10-09", to: "2026-10-12", cover: "林涛" }] }),
        contacts: [pSun2],
      },
      expect: { state: "due", owner: "何平", assignee: "林涛" },
    },
    {
      name: "a ticket with two plans: a letter naming T1 on 10-15 carries out the 10-15 plan",
      zone: SH,
      now: "2026-10-16 09:00",
      key: `R-NEXT-SERVICE:${T1}:1`,
      records: { tickets: [twoPlans], contacts: [letter(SH, "2026-10-15", "notice", { ticket: undefined, plan: T1 })] },
      expect: { state: "done" },
    },
    {
      name: "… but not the 2027-03-01 upgrade notice planned on the same ticket",
      zone: SH,
      now: "2026-10-16 09:00",
      key: `R-NEXT-SERVICE:${T1}:2`,
      records: { tickets: [twoPlans], contacts: [letter(SH, "2026-10-15", "notice", { ticket: undefined, plan: T1 })] },
      expect: { state: "upcoming" },
    },
    {
      name: "a plan made when filing, carried out (contact naming it), then the ticket cancelled: stays done",
      zone: SH,
      now: "2026-10-20 09:00",
      key: `R-NEXT-SERVICE:${T1}:1`,
      records: {
        tickets: [
          ticket(SH, "2026-09-21 09:00", {
            status: "cancelled",
            cancelled: { at: SH.at("2026-10-16 10:00"), reason: "客户撤回" },
            plans: [{ date: "2026-10-15", topic: "保养提醒", at: SH.at("2026-09-21 09:00") }],
          }),
        ],
        contacts: [call(SH, "2026-10-15 10:00", { purpose: "reminder", plan: T1 })],
      },
      expect: { state: "done" },
    },
    {
      name: "plan-after-close: a plan on the customer's other ticket T2 dated after the close counts",
      zone: SH,
      now: "2026-09-23 09:00",
      key: `R-NEXT-SERVICE:${T2}:plan`,
      records: {
        tickets: [
          twoPlans,
          ticket(
            SH,
            "2026-09-21 09:00",
            {
              status: "closed",
              resolution: { at: SH.at("2026-09-22 15:00"), note: "x" },
              closed: SH.at("2026-09-22 17:00"),
            },
            T2,
          ),
        ],
      },
      expect: { state: "done" },
    },
    {
      name: "plan-after-close: a ticket reopened after closing has none",
      zone: SH,
      now: "2026-09-24 09:00",
      key: `R-NEXT-SERVICE:${T1}:plan`,
      records: {
        tickets: [ticket(SH, "2026-09-21 09:00", { status: "open", reopened: [{ at: SH.at("2026-09-23 09:00") }] })],
      },
      expect: null,
    },
  ]));

// ───────────────────────────── R-COVER ─────────────────────────────
const openT = { tickets: [ticket(SH, "2026-09-30 10:00")] };
const chain = (links: [string, string, string, string][]): Settings => ({
  ...SH.settings,
  staff: SH.settings.staff.map((s) => {
    const mine = links.filter((l) => l[0] === s.name);
    return mine.length ? { ...s, absences: mine.map(([, from, to, cover]) => ({ from, to, cover })) } : s;
  }),
});

describe("audit R-COVER", () => {
  table("R-ESC-1DAY", [
    {
      name: "a chain 孙丽→何平→林涛: 林涛 on 10-06",
      zone: SH,
      now: "2026-10-06 09:00",
      records: {
        ...openT,
        settings: chain([
          ["孙丽", "2026-10-01", "2026-10-07", "何平"],
          ["何平", "2026-10-05", "2026-10-09", "林涛"],
        ]),
      },
      expect: { state: "due", owner: "孙丽", assignee: "林涛" },
    },
    {
      name: "a circle 孙丽→何平→林涛→孙丽 (hand-edited), all away: a clerk present, else the supervisor (郑红)",
      zone: SH,
      now: "2026-10-06 09:00",
      records: {
        ...openT,
        settings: chain([
          ["孙丽", "2026-10-01", "2026-10-07", "何平"],
          ["何平", "2026-10-05", "2026-10-09", "林涛"],
          ["林涛", "2026-10-06", "2026-10-06", "孙丽"],
        ]),
      },
      expect: { assignee: "郑红" },
    },
    {
      name: "何平 back 10-10: 孙丽's ticket goes back to her on 10-08 (何平 still away but she is back)",
      zone: SH,
      now: "2026-10-08 00:00",
      records: {
        ...openT,
        settings: chain([
          ["孙丽", "2026-10-01", "2026-10-07", "何平"],
          ["何平", "2026-10-05", "2026-10-09", "林涛"],
        ]),
      },
      expect: { assignee: "孙丽" },
    },
    {
      name: "done by the cover during the absence: credited to the owner",
      zone: SH,
      now: "2026-10-03 09:00",
      records: {
        tickets: [
          ticket(SH, "2026-09-30 10:00", {
            status: "escalated",
            escalation: { to: "高峰", at: SH.at("2026-10-02 10:00"), by: "何平" },
          }),
        ],
        settings: chain([["孙丽", "2026-10-01", "2026-10-07", "何平"]]),
      },
      expect: { state: "done", owner: "孙丽", assignee: "孙丽" },
    },
    {
      name: "an assignee who left hands to the follow-up clerk; the clerk away: her cover",
      zone: SH,
      now: "2026-10-03 09:00",
      records: {
        tickets: [ticket(SH, "2026-09-30 10:00", { assignee: "林涛" })],
        settings: {
          ...chain([["孙丽", "2026-10-01", "2026-10-07", "何平"]]),
          staff: chain([["孙丽", "2026-10-01", "2026-10-07", "何平"]]).staff.map((s) =>
            s.name === "林涛" ? { ...s, left: "2026-10-01" } : s,
          ),
        },
      },
      expect: { owner: "林涛", assignee: "何平" },
    },
    {
      name: "the follow-up clerk has left (09-30) and the ticket has no assignee: a clerk present does it",
      zone: SH,
      now: "2026-10-08 09:00",
      records: { ...openT, settings: staffWith(SH, "孙丽", { left: "2026-09-30" }) },
      expect: { assignee: "何平" },
    },
  ]);
  it("the owner (follow-up clerk 孙丽) away 10-01..07 with a cover who has left (何平, left 09-30): someone present takes it", () => {
    const settings: Settings = {
      ...SH.settings,
      staff: SH.settings.staff.map((s) =>
        s.name === "孙丽"
          ? { ...s, absences: [{ from: "2026-10-01", to: "2026-10-07", cover: "何平" }] }
          : s.name === "何平"
            ? { ...s, left: "2026-09-30" }
            : s,
      ),
    };
    const d = dutyOf(
      { name: "", zone: SH, now: "2026-10-03 09:00", records: { ...openT, settings }, expect: null },
      "R-ESC-1DAY",
    );
    expect(["孙丽", "何平"]).not.toContain(d?.assignee);
  });
});

// ───────────────────────────── the reception desk ─────────────────────────────
const shop = (
  z: Zone,
  handover: string,
  promise: string,
  more: {
    ready?: string;
    delivered?: string;
    progress?: string[];
    promises?: { promise: string; at: string }[];
    extras?: { asked: string; answered?: string }[];
    over?: Partial<Ticket>;
  } = {},
) =>
  ticket(z, handover.slice(0, 10) + " 00:00", {
    kind: "shop",
    channel: "visit",
    status: more.delivered ? "closed" : more.ready ? "ready" : "workshop",
    handover: {
      at: handover.includes("T") ? handover : z.at(handover),
      receiver: z.tech,
      promise: promise.includes("T") ? promise : z.at(promise),
    },
    ...(more.promises
      ? { promises: more.promises.map((p) => ({ promise: z.at(p.promise), at: z.at(p.at), reason: "增项" })) }
      : {}),
    ...(more.progress ? { progress: more.progress.map((at) => ({ at: z.at(at) })) } : {}),
    ...(more.ready
      ? { ready: { at: more.ready.includes("T") ? more.ready : z.at(more.ready), belongings: true, bill: 86000 } }
      : {}),
    ...(more.delivered ? { delivery: { at: z.at(more.delivered), paid: 86000 } } : {}),
    ...(more.extras
      ? {
          extras: more.extras.map((x, i) => ({
            no: i + 1,
            item: "刹车盘",
            asked: x.asked.includes("T") ? x.asked : z.at(x.asked),
            ...(x.answered ? { answer: { approved: true, at: z.at(x.answered), via: "phone" as const } } : {}),
          })),
        }
      : {}),
    ...more.over,
  });
const X1 = `C-EXTRA-WORK:${T1}:1`;

describe("audit C-EXTRA-WORK", () =>
  table("C-EXTRA-WORK", [
    {
      name: "asked 16:00 on the make-up Saturday 10-10: due 17:30 that day",
      zone: SH,
      now: "2026-10-10 17:30",
      key: X1,
      records: {
        tickets: [shop(SH, "2026-10-10 09:00", "2026-10-12 17:00", { extras: [{ asked: "2026-10-10 16:00" }] })],
      },
      expect: { state: "due", dueAt: SH.at("2026-10-10 17:30") },
    },
    {
      name: "asked 10:00 on holiday 10-03: the last working moment (09-30 17:30) is before the asking — due after the grace, 10:30",
      zone: SH,
      now: "2026-10-03 10:31",
      key: X1,
      records: {
        tickets: [shop(SH, "2026-10-03 09:00", "2026-10-08 17:00", { extras: [{ asked: "2026-10-03 10:00" }] })],
      },
      expect: { state: "overdue", dueAt: SH.at("2026-10-03 10:30"), minutesLate: 1 },
    },
    {
      name: "hours 09:00–18:00: asked 16:30, due 18:00",
      zone: SH,
      now: "2026-09-22 18:00",
      key: X1,
      records: {
        settings: hours9to18(SH),
        tickets: [shop(SH, "2026-09-22 09:00", "2026-09-23 17:00", { extras: [{ asked: "2026-09-22 16:30" }] })],
      },
      expect: { state: "due", dueAt: SH.at("2026-09-22 18:00") },
    },
    {
      name: "graceMinutes 0: asked 17:45 (after hours), the window is the moment itself",
      zone: SH,
      now: "2026-09-22 17:46",
      key: X1,
      records: {
        settings: withRules(SH, { graceMinutes: 0 }),
        tickets: [shop(SH, "2026-09-22 09:00", "2026-09-23 17:00", { extras: [{ asked: "2026-09-22 17:45" }] })],
      },
      expect: { state: "overdue", dueAt: SH.at("2026-09-22 17:45"), minutesLate: 1 },
    },
    {
      name: "answered exactly at dueAt: done",
      zone: SH,
      now: "2026-09-22 18:00",
      key: X1,
      records: {
        tickets: [
          shop(SH, "2026-09-22 09:00", "2026-09-23 17:00", {
            extras: [{ asked: "2026-09-22 10:00", answered: "2026-09-22 12:00" }],
          }),
        ],
      },
      expect: { state: "done" },
    },
    {
      name: "answered 61 minutes late: minutesLate 61, hoursLate 1",
      zone: SH,
      now: "2026-09-22 14:00",
      key: X1,
      records: {
        tickets: [
          shop(SH, "2026-09-22 09:00", "2026-09-23 17:00", {
            extras: [{ asked: "2026-09-22 10:00", answered: "2026-09-22 13:01" }],
          }),
        ],
      },
      expect: { state: "late", minutesLate: 61, hoursLate: 1 },
    },
    {
      name: "BER open round the clock: asked 01:30 (+01:00) on the spring Sunday, 2 h later is 04:30 (+02:00)",
      zone: BER,
      now: "2026-03-29 04:30",
      key: X1,
      records: {
        settings: berAllDay,
        tickets: [shop(BER, "2026-03-29 00:10", "2026-03-29 20:00", { extras: [{ asked: "2026-03-29 01:30" }] })],
      },
      expect: { state: "due", dueAt: "2026-03-29T04:30:00+02:00" },
    },
    {
      name: "BER open round the clock: asked 01:30 (+02:00) on the autumn Sunday, 2 h later is 02:30 (+01:00)",
      zone: BER,
      now: "2026-10-25 10:00",
      key: X1,
      records: {
        settings: berAllDay,
        tickets: [shop(BER, "2026-10-25 00:10", "2026-10-25 20:00", { extras: [{ asked: "2026-10-25 01:30" }] })],
      },
      expect: { state: "overdue", dueAt: "2026-10-25T02:30:00+01:00" },
    },
    {
      name: "a cancelled job's answered extra work stays done",
      zone: SH,
      now: "2026-09-23 09:00",
      key: X1,
      records: {
        tickets: [
          shop(SH, "2026-09-22 09:00", "2026-09-23 17:00", {
            extras: [{ asked: "2026-09-22 10:00", answered: "2026-09-22 11:00" }],
            over: { status: "cancelled", cancelled: { at: SH.at("2026-09-22 15:00"), reason: "客户取车" } },
          }),
        ],
      },
      expect: { state: "done" },
    },
  ]));

// Monday 09-21 08:30 → 18:30 (10 h); revised at 12:00 to Tuesday 09-22 18:30 (34 h: 70 % Tue 08:18, 80 % Tue 11:42)
const revised = (more = {}) =>
  shop(SH, "2026-09-21 08:30", "2026-09-21 18:30", {
    promises: [{ promise: "2026-09-22 18:30", at: "2026-09-21 12:00" }],
    ...more,
  });
describe("audit C-PROGRESS-CHECK", () =>
  table("C-PROGRESS-CHECK", [
    {
      name: "a revised promise moves the window: earliestAt Tue 08:18, dueAt 11:42",
      zone: SH,
      now: "2026-09-21 16:31",
      records: { tickets: [revised()] },
      expect: { state: "upcoming", earliestAt: SH.at("2026-09-22 08:18"), dueAt: SH.at("2026-09-22 11:42") },
    },
    {
      name: "… 11:43 Tuesday: a minute late",
      zone: SH,
      now: "2026-09-22 11:43",
      records: { tickets: [revised()] },
      expect: { state: "overdue", minutesLate: 1 },
    },
    {
      name: "the revision recorded later (12:00) is not there at 11:00: the original window 15:30–16:30",
      zone: SH,
      now: "2026-09-21 11:00",
      records: { tickets: [revised()] },
      expect: { state: "upcoming", earliestAt: SH.at("2026-09-21 15:30"), dueAt: SH.at("2026-09-21 16:30") },
    },
    {
      name: "a progress entry exactly at earliestAt: done",
      zone: SH,
      now: "2026-09-22 12:00",
      records: { tickets: [revised({ progress: ["2026-09-22 08:18"] })] },
      expect: { state: "done" },
    },
    // checked inside the original window (15:40), promise revised at 17:00 to Tuesday 18:30: docs read literally
    {
      name: "checked 15:40 in the window of the day, then the promise revised at 17:00: the check is before the new window (docs, literally)",
      zone: SH,
      now: "2026-09-22 12:00",
      records: {
        tickets: [
          shop(SH, "2026-09-21 08:30", "2026-09-21 18:30", {
            promises: [{ promise: "2026-09-22 18:30", at: "2026-09-21 17:00" }],
            progress: ["2026-09-21 15:40"],
          }),
        ],
      },
      expect: { state: "overdue" },
    },
    {
      name: "BER spring: Friday 03-27 09:00 (+01:00) → Monday 03-30 09:00 (+02:00): 80 % on Sunday → window Friday 17:00–17:30 (+01:00)",
      zone: BER,
      now: "2026-03-27 17:00",
      records: { tickets: [shop(BER, "2026-03-27 09:00", "2026-03-30 09:00")] },
      expect: { state: "due", earliestAt: "2026-03-27T17:00:00+01:00", dueAt: "2026-03-27T17:30:00+01:00" },
    },
    {
      name: "BER round the clock: Sat 10-24 12:00 (+02:00) → Sun 10-25 12:00 (+01:00) is 25 h: window 04:30–07:00 (+01:00)",
      zone: BER,
      now: "2026-10-25 07:00",
      records: { settings: berAllDay, tickets: [shop(BER, "2026-10-24 12:00", "2026-10-25 12:00")] },
      expect: { state: "due", earliestAt: "2026-10-25T04:30:00+01:00", dueAt: "2026-10-25T07:00:00+01:00" },
    },
    {
      name: "hours 09:00–18:00: 80 % at 08:45 Tuesday moves to Monday 18:00",
      zone: SH,
      now: "2026-09-21 18:00",
      records: { settings: hours9to18(SH), tickets: [shop(SH, "2026-09-21 09:00", "2026-09-22 05:45")] },
      expect: { state: "due", dueAt: SH.at("2026-09-21 18:00"), earliestAt: SH.at("2026-09-21 17:30") },
    },
    {
      name: "ready exactly when the window opens (15:30): missed, not 'no duty'",
      zone: SH,
      now: "2026-09-21 16:00",
      records: { tickets: [shop(SH, "2026-09-21 08:30", "2026-09-21 18:30", { ready: "2026-09-21 15:30" })] },
      expect: { state: "missed" },
    },
    {
      name: "ready 15:29, before the window: no duty",
      zone: SH,
      now: "2026-09-21 16:00",
      records: { tickets: [shop(SH, "2026-09-21 08:30", "2026-09-21 18:30", { ready: "2026-09-21 15:29" })] },
      expect: null,
    },
  ]));

describe("audit C-READY-NOTICE", () =>
  table("C-READY-NOTICE", [
    {
      name: "revised promise to Wednesday 12:00 makes the job long (Mon → Wed): 4 h before is 08:00 Wed → Tue 17:30",
      zone: SH,
      now: "2026-09-22 17:30",
      records: {
        tickets: [
          shop(SH, "2026-09-21 09:00", "2026-09-21 17:00", {
            promises: [{ promise: "2026-09-23 12:00", at: "2026-09-21 12:00" }],
            ready: "2026-09-22 15:00",
          }),
        ],
      },
      expect: { state: "due", dueAt: SH.at("2026-09-22 17:30") },
    },
    {
      name: "graceMinutes 0: ready 16:30 for a 17:30 promise: due 16:30, 16:31 overdue",
      zone: SH,
      now: "2026-09-22 16:31",
      records: {
        settings: withRules(SH, { graceMinutes: 0 }),
        tickets: [shop(SH, "2026-09-22 09:00", "2026-09-22 17:30", { ready: "2026-09-22 16:30" })],
      },
      expect: { state: "overdue", dueAt: SH.at("2026-09-22 16:30"), minutesLate: 1 },
    },
    {
      name: "hours 09:00–18:00: ready Tue 15:00, promised Wed 08:00 (short): 07:00 → Tue 18:00",
      zone: SH,
      now: "2026-09-22 18:00",
      records: {
        settings: hours9to18(SH),
        tickets: [shop(SH, "2026-09-22 09:00", "2026-09-23 08:00", { ready: "2026-09-22 15:00" })],
      },
      expect: { state: "due", dueAt: SH.at("2026-09-22 18:00") },
    },
    {
      name: "a call at the very moment it was ready: done",
      zone: SH,
      now: "2026-09-22 17:00",
      records: {
        tickets: [shop(SH, "2026-09-22 09:00", "2026-09-22 17:30", { ready: "2026-09-22 15:00" })],
        contacts: [call(SH, "2026-09-22 15:00", { purpose: "notice" })],
      },
      expect: { state: "done" },
    },
    {
      name: "a call at the very moment of delivery: missed",
      zone: SH,
      now: "2026-09-22 17:30",
      records: {
        tickets: [
          shop(SH, "2026-09-22 09:00", "2026-09-22 17:30", {
            ready: "2026-09-22 15:00",
            delivered: "2026-09-22 17:00",
          }),
        ],
        contacts: [call(SH, "2026-09-22 17:00", { purpose: "notice" })],
      },
      expect: { state: "missed" },
    },
    // DST: "two days or more" in calendar days
    {
      name: "BER round the clock: Sat 10-24 00:10 (+02:00) → Sun 10-25 23:50 (+01:00): 48 h 40 min but one calendar day — short, 1 h before",
      zone: BER,
      now: "2026-10-25 12:00",
      records: {
        settings: berAllDay,
        tickets: [shop(BER, "2026-10-24 00:10", "2026-10-25 23:50", { ready: "2026-10-25 12:00" })],
      },
      expect: { state: "due", dueAt: "2026-10-25T22:50:00+01:00" },
    },
    {
      name: "BER round the clock: Sat 03-28 00:10 (+01:00) → Mon 03-30 00:05 (+02:00): 46 h 55 min but two calendar days — long, 4 h before",
      zone: BER,
      now: "2026-03-29 12:00",
      records: {
        settings: berAllDay,
        tickets: [shop(BER, "2026-03-28 00:10", "2026-03-30 00:05", { ready: "2026-03-29 10:00" })],
      },
      expect: { state: "due", dueAt: "2026-03-29T20:05:00+02:00" },
    },
    {
      name: "several jobs of one customer: a call on T2 does not tell T1's customer to collect",
      zone: SH,
      now: "2026-09-22 17:01",
      key: `C-READY-NOTICE:${T1}`,
      records: {
        tickets: [
          shop(SH, "2026-09-22 09:00", "2026-09-22 17:30", { ready: "2026-09-22 15:00" }),
          { ...shop(SH, "2026-09-22 09:00", "2026-09-22 17:30", { ready: "2026-09-22 15:00" }), id: T2 },
        ],
        contacts: [call(SH, "2026-09-22 15:30", { purpose: "notice", ticket: T2 })],
      },
      expect: { state: "overdue", dueAt: SH.at("2026-09-22 16:30"), minutesLate: 31 },
    },
  ]));

// ───────────────────────────── C-APPOINTMENT ─────────────────────────────
const booked = (z: Zone, at: string, appt: string, over: Partial<Ticket> = {}) =>
  ticket(z, at, { kind: "shop", channel: "phone", appointment: z.at(appt), ...over });
describe("audit C-APPOINTMENT", () =>
  table("C-APPOINTMENT", [
    {
      name: "booked on holiday 10-06 for 10-08 09:00: shown 10-06 (the booking day), deadline 10-07",
      zone: SH,
      now: "2026-10-06 12:00",
      records: { tickets: [booked(SH, "2026-10-06 10:00", "2026-10-08 09:00")] },
      expect: { state: "due", earliest: "2026-10-06", due: "2026-10-06", deadline: "2026-10-07" },
    },
    {
      name: "booked Friday 09-18 for Monday 09-21: the reminder day is the make-up Sunday 09-20",
      zone: SH,
      now: "2026-09-20 09:00",
      records: { tickets: [booked(SH, "2026-09-18 10:00", "2026-09-21 09:00")] },
      expect: { state: "due", earliest: "2026-09-20", due: "2026-09-20", deadline: "2026-09-20" },
    },
    {
      name: "a reminder at the very moment of the appointment: missed",
      zone: SH,
      now: "2026-09-21 10:00",
      records: {
        tickets: [booked(SH, "2026-09-18 10:00", "2026-09-21 09:00")],
        contacts: [call(SH, "2026-09-21 09:00", { purpose: "reminder" })],
      },
      expect: { state: "missed" },
    },
    {
      name: "a reminder on the appointment day before it: late by a day",
      zone: SH,
      now: "2026-09-21 10:00",
      records: {
        tickets: [booked(SH, "2026-09-18 10:00", "2026-09-21 09:00")],
        contacts: [call(SH, "2026-09-21 08:00", { purpose: "reminder" })],
      },
      expect: { state: "late", daysLate: 1 },
    },
  ]));
