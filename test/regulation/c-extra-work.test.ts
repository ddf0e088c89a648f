// C-EXTRA-WORK: extra work found in the workshop is put to the customer at once and answered
// before it is done. From the asking; due 2 hours later, moved to the last working moment before
// that when it falls outside working hours, never less than the grace after asking. Done by the
// customer's answer (approved or declined).
import { describe } from "vitest";
import { BER, SH, table, ticket, type Row, type Zone } from "./table.js";

const KEY = "C-EXTRA-WORK:T-260901-GD01:1";
const asked = (z: Zone, at: string, answered?: string) => [
  ticket(z, at.slice(0, 10) + " 00:30", {
    kind: "shop",
    channel: "visit",
    status: "workshop",
    extras: [
      {
        no: 1,
        item: z.key === "SH" ? "前刹车盘磨损超限，建议更换" : "Bremsscheiben vorne verschlissen",
        safety: true,
        asked: z.at(at),
        ...(answered ? { answer: { approved: true, at: z.at(answered), via: "phone" as const } } : {}),
      },
    ],
  }),
];
// Friday 10-09 10:00 in Shanghai: due 12:00
const fri = asked(SH, "2026-10-09 10:00");

const rows: Row[] = [
  {
    name: "before the asking there is no duty",
    zone: SH,
    now: "2026-10-09 09:59",
    records: { tickets: fri },
    key: KEY,
    expect: null,
  },
  {
    name: "asked 10:00: due until 12:00",
    zone: SH,
    now: "2026-10-09 10:00",
    records: { tickets: fri },
    key: KEY,
    expect: {
      state: "due",
      earliest: "2026-10-09",
      due: "2026-10-09",
      deadline: "2026-10-09",
      earliestAt: SH.at("2026-10-09 10:00"),
      dueAt: SH.at("2026-10-09 12:00"),
      assignee: "孙丽",
    },
  },
  {
    name: "12:00: still due",
    zone: SH,
    now: "2026-10-09 12:00",
    records: { tickets: fri },
    key: KEY,
    expect: { state: "due" },
  },
  {
    name: "12:01: a minute late (minutes, not hours)",
    zone: SH,
    now: "2026-10-09 12:01",
    records: { tickets: fri },
    key: KEY,
    expect: { state: "overdue", minutesLate: 1, hoursLate: 0 },
  },
  {
    name: "answered 11:50: done",
    zone: SH,
    now: "2026-10-09 14:00",
    records: { tickets: asked(SH, "2026-10-09 10:00", "2026-10-09 11:50") },
    key: KEY,
    expect: { state: "done" },
  },
  {
    name: "answered 12:18: 18 minutes late",
    zone: SH,
    now: "2026-10-09 14:00",
    records: { tickets: asked(SH, "2026-10-09 10:00", "2026-10-09 12:18") },
    key: KEY,
    expect: { state: "late", minutesLate: 18, hoursLate: 0 },
  },
  {
    name: "answered 13:30: 1 h 30 min late",
    zone: SH,
    now: "2026-10-09 14:00",
    records: { tickets: asked(SH, "2026-10-09 10:00", "2026-10-09 13:30") },
    key: KEY,
    expect: { state: "late", minutesLate: 90, hoursLate: 1 },
  },
  // outside working hours
  {
    name: "asked 16:30: 18:30 is after hours, due 17:30",
    zone: SH,
    now: "2026-10-09 17:30",
    records: { tickets: asked(SH, "2026-10-09 16:30") },
    key: KEY,
    expect: { state: "due", dueAt: SH.at("2026-10-09 17:30") },
  },
  {
    name: "asked 17:10: due 17:40, the grace after asking",
    zone: SH,
    now: "2026-10-09 17:40",
    records: { tickets: asked(SH, "2026-10-09 17:10") },
    key: KEY,
    expect: { state: "due", dueAt: SH.at("2026-10-09 17:40") },
  },
  {
    name: "asked 17:10: 17:41 is a minute late",
    zone: SH,
    now: "2026-10-09 17:41",
    records: { tickets: asked(SH, "2026-10-09 17:10") },
    key: KEY,
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "asked 16:00 on the make-up Saturday 10-10: due 17:30 that day",
    zone: SH,
    now: "2026-10-10 16:00",
    records: { tickets: asked(SH, "2026-10-10 16:00") },
    key: KEY,
    expect: { state: "due", dueAt: SH.at("2026-10-10 17:30") },
  },
  {
    name: "asked on a holiday (10-03 10:00): the last working moment before is before the asking, so the grace: 10:30",
    zone: SH,
    now: "2026-10-03 10:00",
    records: { tickets: asked(SH, "2026-10-03 10:00") },
    key: KEY,
    expect: { state: "due", dueAt: SH.at("2026-10-03 10:30") },
  },
  {
    name: "asked 08:00 before opening: due 10:00",
    zone: SH,
    now: "2026-10-08 08:00",
    records: { tickets: asked(SH, "2026-10-08 08:00") },
    key: KEY,
    expect: { state: "due", dueAt: SH.at("2026-10-08 10:00") },
  },
  {
    name: "setting graceMinutes: 45 — asked 17:10, due 17:55",
    zone: SH,
    now: "2026-10-09 17:10",
    records: { tickets: asked(SH, "2026-10-09 17:10"), settings: { ...SH.settings, rules: { graceMinutes: 45 } } },
    key: KEY,
    expect: { dueAt: SH.at("2026-10-09 17:55") },
  },
  {
    name: "setting calendar.hours 09:00–18:00 — asked 16:30, due 18:00",
    zone: SH,
    now: "2026-10-09 16:30",
    records: {
      tickets: asked(SH, "2026-10-09 16:30"),
      settings: { ...SH.settings, calendar: { ...SH.settings.calendar, hours: { from: "09:00", to: "18:00" } } },
    },
    key: KEY,
    expect: { dueAt: SH.at("2026-10-09 18:00") },
  },
  // Berlin
  {
    name: "asked Monday 09:00 after the spring change: due 11:00 (+02:00)",
    zone: BER,
    now: "2026-03-30 11:01",
    records: { tickets: asked(BER, "2026-03-30 09:00") },
    key: KEY,
    expect: { state: "overdue", dueAt: "2026-03-30T11:00:00+02:00", minutesLate: 1, assignee: "Anna Keller" },
  },
  {
    name: "asked 01:30 in the spring-change night: the grace is 30 real minutes (03:00 +02:00)",
    zone: BER,
    now: "2026-03-29 03:00",
    records: { tickets: asked(BER, "2026-03-29 01:30") },
    key: KEY,
    expect: { state: "due", dueAt: "2026-03-29T03:00:00+02:00" },
  },
  {
    name: "asked Friday 16:45 before the autumn change: due 17:30 (+02:00)",
    zone: BER,
    now: "2026-10-23 17:31",
    records: { tickets: asked(BER, "2026-10-23 16:45") },
    key: KEY,
    expect: { state: "overdue", dueAt: "2026-10-23T17:30:00+02:00", minutesLate: 1 },
  },
];

describe("C-EXTRA-WORK: the customer's answer within two working hours", () => table("C-EXTRA-WORK", rows));
