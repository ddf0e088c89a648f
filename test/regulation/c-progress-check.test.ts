// C-PROGRESS-CHECK: the desk asks the workshop how the job stands when 70–80 % of the time from
// hand-over to the promised completion has passed (the latest revised promise counts). The end of
// the window moves to the last working moment before it; the window moves earlier as a whole
// (it opens at the 70 % point or the grace before its end, whichever is earlier, never before the
// hand-over). Done by a progress entry from the opening; missed once the vehicle is ready or
// delivered; no duty when the job was finished before the window opened.
import { describe } from "vitest";
import { BER, SH, table, ticket, type Row, type Zone } from "./table.js";

const job = (
  z: Zone,
  handover: string,
  promise: string,
  more: { progress?: string[]; ready?: string; promises?: { promise: string; at: string }[] } = {},
) => [
  ticket(z, handover.slice(0, 10) + " 08:00", {
    kind: "shop",
    channel: "visit",
    status: more.ready ? "ready" : "workshop",
    handover: { at: z.at(handover), receiver: z.tech, promise: z.at(promise) },
    ...(more.promises
      ? {
          promises: more.promises.map((p) => ({
            promise: z.at(p.promise),
            at: z.at(p.at),
            reason: "增项：更换刹车盘",
          })),
        }
      : {}),
    ...(more.progress ? { progress: more.progress.map((at) => ({ at: z.at(at) })) } : {}),
    ...(more.ready ? { ready: { at: z.at(more.ready), belongings: true, bill: 86000 } } : {}),
  }),
];
// Monday 09-21 08:30 → 18:30 (10 h): 70 % 15:30, 80 % 16:30
const day = (more = {}) => job(SH, "2026-09-21 08:30", "2026-09-21 18:30", more);
// over National Day: 09-30 09:00 → 10-08 17:00; 80 % falls on 10-06 (holiday) → 09-30 17:30; window 17:00–17:30
const holiday = job(SH, "2026-09-30 09:00", "2026-10-08 17:00");

const rows: Row[] = [
  {
    name: "15:29: upcoming",
    zone: SH,
    now: "2026-09-21 15:29",
    records: { tickets: day() },
    expect: {
      state: "upcoming",
      earliest: "2026-09-21",
      due: "2026-09-21",
      earliestAt: SH.at("2026-09-21 15:30"),
      dueAt: SH.at("2026-09-21 16:30"),
      assignee: "孙丽",
    },
  },
  {
    name: "15:30, 70 %: due",
    zone: SH,
    now: "2026-09-21 15:30",
    records: { tickets: day() },
    expect: { state: "due" },
  },
  {
    name: "16:30, 80 %: due",
    zone: SH,
    now: "2026-09-21 16:30",
    records: { tickets: day() },
    expect: { state: "due" },
  },
  {
    name: "16:31: a minute late",
    zone: SH,
    now: "2026-09-21 16:31",
    records: { tickets: day() },
    expect: { state: "overdue", minutesLate: 1, hoursLate: 0 },
  },
  {
    name: "checked 15:40: done",
    zone: SH,
    now: "2026-09-21 17:00",
    records: { tickets: day({ progress: ["2026-09-21 15:40"] }) },
    expect: { state: "done" },
  },
  {
    name: "checked 16:48: 18 minutes late",
    zone: SH,
    now: "2026-09-21 17:00",
    records: { tickets: day({ progress: ["2026-09-21 16:48"] }) },
    expect: { state: "late", minutesLate: 18 },
  },
  // what does not close it, and how it ends
  {
    name: "a check at 15:20, before the window, does not count",
    zone: SH,
    now: "2026-09-21 16:31",
    records: { tickets: day({ progress: ["2026-09-21 15:20"] }) },
    expect: { state: "overdue", minutesLate: 1 },
  },
  {
    name: "… and once the vehicle is ready it is missed, not overdue for ever",
    zone: SH,
    now: "2026-09-22 09:00",
    records: { tickets: day({ progress: ["2026-09-21 15:20"], ready: "2026-09-21 17:10" }) },
    expect: { state: "missed", expiresAt: SH.at("2026-09-21 17:10") },
  },
  {
    name: "finished at 15:00, before the window: no duty",
    zone: SH,
    now: "2026-09-21 16:00",
    records: { tickets: day({ ready: "2026-09-21 15:00" }) },
    expect: null,
  },
  {
    name: "a revised promise counts: 12:30 revised to 18:30 at 10:00",
    zone: SH,
    now: "2026-09-21 15:30",
    records: {
      tickets: job(SH, "2026-09-21 08:30", "2026-09-21 12:30", {
        promises: [{ promise: "2026-09-21 18:30", at: "2026-09-21 10:00" }],
      }),
    },
    expect: { state: "due", earliestAt: SH.at("2026-09-21 15:30"), dueAt: SH.at("2026-09-21 16:30") },
  },
  // over a holiday: the window moves before it as a whole
  {
    name: "over National Day: 16:59 on 09-30 upcoming",
    zone: SH,
    now: "2026-09-30 16:59",
    records: { tickets: holiday },
    expect: {
      state: "upcoming",
      earliest: "2026-09-30",
      due: "2026-09-30",
      earliestAt: SH.at("2026-09-30 17:00"),
      dueAt: SH.at("2026-09-30 17:30"),
    },
  },
  {
    name: "over National Day: 17:00 due",
    zone: SH,
    now: "2026-09-30 17:00",
    records: { tickets: holiday },
    expect: { state: "due" },
  },
  {
    name: "over National Day: 17:30 due",
    zone: SH,
    now: "2026-09-30 17:30",
    records: { tickets: holiday },
    expect: { state: "due" },
  },
  {
    name: "over National Day: 17:31 a minute late",
    zone: SH,
    now: "2026-09-30 17:31",
    records: { tickets: holiday },
    expect: { state: "overdue", minutesLate: 1 },
  },
  // make-up Saturday: Friday 10-09 08:30 → Saturday 10-10 17:30 (33 h): 70 % 07:36, 80 % 10:54 on the make-up day
  {
    name: "to the make-up Saturday: 07:35 upcoming",
    zone: SH,
    now: "2026-10-10 07:35",
    records: { tickets: job(SH, "2026-10-09 08:30", "2026-10-10 17:30") },
    expect: {
      state: "upcoming",
      earliest: "2026-10-10",
      earliestAt: SH.at("2026-10-10 07:36"),
      dueAt: SH.at("2026-10-10 10:54"),
    },
  },
  {
    name: "to the make-up Saturday: 10:55 a minute late",
    zone: SH,
    now: "2026-10-10 10:55",
    records: { tickets: job(SH, "2026-10-09 08:30", "2026-10-10 17:30") },
    expect: { state: "overdue", minutesLate: 1 },
  },
  // Berlin over the autumn change: Friday 08:30 (+02:00) → Monday 17:30 (+01:00); 80 % on Sunday night → Friday 17:30
  {
    name: "over the autumn-change weekend: window Friday 17:00–17:30 (+02:00)",
    zone: BER,
    now: "2026-10-23 16:59",
    records: { tickets: job(BER, "2026-10-23 08:30", "2026-10-26 17:30") },
    expect: {
      state: "upcoming",
      earliest: "2026-10-23",
      due: "2026-10-23",
      earliestAt: "2026-10-23T17:00:00+02:00",
      dueAt: "2026-10-23T17:30:00+02:00",
      assignee: "Anna Keller",
    },
  },
  {
    name: "… Friday 17:31: a minute late",
    zone: BER,
    now: "2026-10-23 17:31",
    records: { tickets: job(BER, "2026-10-23 08:30", "2026-10-26 17:30") },
    expect: { state: "overdue", minutesLate: 1 },
  },
  // Berlin over the spring change, elapsed time: Monday 03-30 08:30 → 17:30 (+02:00), 9 h: 70 % 14:48, 80 % 15:42
  {
    name: "a day after the spring change: 70 % at 14:48",
    zone: BER,
    now: "2026-03-30 14:48",
    records: { tickets: job(BER, "2026-03-30 08:30", "2026-03-30 17:30") },
    expect: { state: "due", earliestAt: "2026-03-30T14:48:00+02:00", dueAt: "2026-03-30T15:42:00+02:00" },
  },
];

describe("C-PROGRESS-CHECK: ask the workshop at 70–80 % of the job", () => table("C-PROGRESS-CHECK", rows));
