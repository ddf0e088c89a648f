// R-COVER: while a duty's owner is absent, it goes to the cover the supervisor named; a cover who
// is away too passes it on to theirs, until someone present. Only while today (in the store's
// zone) is inside the absence: it comes back when the owner returns. Someone who has left hands
// their duties to the follow-up clerk. The owner never changes; the assignee does.
import { describe } from "vitest";
import type { Settings } from "../../src/domain/schema.js";
import { BER, call, event, SH, staffWith, table, ticket, type Row, type Zone } from "./table.js";

// an open ticket received 09-24 (Berlin: 03-26) with nobody named: the follow-up clerk owns its R-ESC-1DAY
const open = (z: Zone, over = {}) => ({
  tickets: [ticket(z, z.key === "SH" ? "2026-09-24 10:00" : "2026-03-26 10:00", over)],
});
const away = (z: Zone, name: string, from: string, to: string, cover: string) =>
  staffWith(z, name, { absences: [{ from, to, cover }] });
const both = (z: Zone, a: [string, string, string, string], b: [string, string, string, string]): Settings => {
  const s = away(z, a[0], a[1], a[2], a[3]);
  return {
    ...s,
    staff: s.staff.map((p) => (p.name === b[0] ? { ...p, absences: [{ from: b[1], to: b[2], cover: b[3] }] } : p)),
  };
};
// 孙丽 away over National Day, 何平 covers
const shAway = away(SH, "孙丽", "2026-10-01", "2026-10-07", "何平");
// Anna Keller away the week after the spring change, Jonas Brandt covers
const berAway = away(BER, "Anna Keller", "2026-03-30", "2026-04-03", "Jonas Brandt");

const rows: Row[] = [
  {
    name: "the last moment before the absence: the owner",
    zone: SH,
    now: "2026-09-30 23:59",
    rule: "R-ESC-1DAY",
    records: { ...open(SH), settings: shAway },
    expect: { owner: "孙丽", assignee: "孙丽" },
  },
  {
    name: "first moment of the absence: the cover",
    zone: SH,
    now: "2026-10-01 00:00",
    rule: "R-ESC-1DAY",
    records: { ...open(SH), settings: shAway },
    expect: { owner: "孙丽", assignee: "何平" },
  },
  {
    name: "last moment of the absence: the cover",
    zone: SH,
    now: "2026-10-07 23:59",
    rule: "R-ESC-1DAY",
    records: { ...open(SH), settings: shAway },
    expect: { owner: "孙丽", assignee: "何平" },
  },
  {
    name: "the owner is back: the owner again",
    zone: SH,
    now: "2026-10-08 00:00",
    rule: "R-ESC-1DAY",
    records: { ...open(SH), settings: shAway },
    expect: { owner: "孙丽", assignee: "孙丽" },
  },
  {
    name: "a duty already done stays with its owner (reviews credit who did it)",
    zone: SH,
    now: "2026-10-02 09:00",
    rule: "R-FILE-SAME-DAY",
    records: { ...open(SH), settings: shAway },
    expect: { state: "done", assignee: "孙丽" },
  },
  {
    name: "a chain: the cover is away too, their cover takes it",
    zone: SH,
    now: "2026-10-05 09:00",
    rule: "R-ESC-1DAY",
    records: {
      ...open(SH),
      settings: both(SH, ["孙丽", "2026-10-01", "2026-10-07", "何平"], ["何平", "2026-10-05", "2026-10-09", "林涛"]),
    },
    expect: { assignee: "林涛" },
  },
  {
    name: "the chain ends when the first cover is back",
    zone: SH,
    now: "2026-10-10 09:00",
    rule: "R-ESC-1DAY",
    records: {
      ...open(SH),
      settings: both(SH, ["孙丽", "2026-10-01", "2026-10-12", "何平"], ["何平", "2026-10-05", "2026-10-09", "林涛"]),
    },
    expect: { assignee: "何平" },
  },
  {
    name: "someone else's absence does not move the duty",
    zone: SH,
    now: "2026-10-05 09:00",
    rule: "R-ESC-1DAY",
    records: { ...open(SH), settings: away(SH, "何平", "2026-10-01", "2026-10-07", "林涛") },
    expect: { assignee: "孙丽" },
  },
  {
    name: "the ticket's assignee away: their cover",
    zone: SH,
    now: "2026-10-05 09:00",
    rule: "R-ESC-1DAY",
    records: { ...open(SH, { assignee: "林涛" }), settings: away(SH, "林涛", "2026-10-05", "2026-10-05", "何平") },
    expect: { owner: "林涛", assignee: "何平" },
  },
  {
    name: "the assignee has left: the follow-up clerk",
    zone: SH,
    now: "2026-10-09 09:00",
    rule: "R-ESC-1DAY",
    records: { ...open(SH, { assignee: "林涛" }), settings: staffWith(SH, "林涛", { left: "2026-10-09" }) },
    expect: { owner: "林涛", assignee: "孙丽" },
  },
  {
    name: "the assignee leaves tomorrow: still theirs",
    zone: SH,
    now: "2026-10-08 09:00",
    rule: "R-ESC-1DAY",
    records: { ...open(SH, { assignee: "林涛" }), settings: staffWith(SH, "林涛", { left: "2026-10-09" }) },
    expect: { assignee: "林涛" },
  },
  {
    name: "the supervisor away: the monthly review goes to the cover",
    zone: SH,
    now: "2026-10-02 09:00",
    rule: "R-MONTHLY",
    key: "R-MONTHLY:2026-09",
    records: { settings: away(SH, "郑红", "2026-10-01", "2026-10-07", "何平") },
    expect: { owner: "郑红", assignee: "何平" },
  },
  {
    name: "a planned contact of a caller who is away: the cover",
    zone: SH,
    now: "2026-10-10 09:00",
    rule: "R-NEXT-SERVICE",
    records: {
      contacts: [
        call(SH, "2026-09-21 10:00", { ticket: undefined, staff: "林涛", next: { date: "2026-10-10", topic: "回访" } }),
      ],
      settings: away(SH, "林涛", "2026-10-10", "2026-10-10", "孙丽"),
    },
    expect: { owner: "林涛", assignee: "孙丽" },
  },
  {
    name: "the owner has left and the follow-up clerk is away: the follow-up clerk's cover",
    zone: SH,
    now: "2026-10-05 09:00",
    rule: "R-ESC-1DAY",
    records: {
      ...open(SH, { assignee: "林涛" }),
      settings: { ...shAway, staff: shAway.staff.map((p) => (p.name === "林涛" ? { ...p, left: "2026-10-01" } : p)) },
    },
    expect: { owner: "林涛", assignee: "何平" },
  },
  {
    name: "the cover has left: not someone present — the follow-up clerk",
    zone: SH,
    now: "2026-10-05 09:00",
    rule: "R-ESC-1DAY",
    records: {
      ...open(SH, { assignee: "林涛" }),
      settings: {
        ...away(SH, "林涛", "2026-10-01", "2026-10-07", "何平"),
        staff: away(SH, "林涛", "2026-10-01", "2026-10-07", "何平").staff.map((p) =>
          p.name === "何平" ? { ...p, left: "2026-10-02" } : p,
        ),
      },
    },
    expect: { owner: "林涛", assignee: "孙丽" },
  },
  // Berlin: "today" is the store's day, across the spring change
  {
    name: "Sunday 23:59 (+02:00) before the absence: the owner",
    zone: BER,
    now: "2026-03-29 23:59",
    rule: "R-ESC-1DAY",
    records: { ...open(BER), settings: berAway },
    expect: { owner: "Anna Keller", assignee: "Anna Keller" },
  },
  {
    name: "Monday 00:00 (+02:00, Sunday 22:00 UTC): the cover",
    zone: BER,
    now: "2026-03-30 00:00",
    rule: "R-ESC-1DAY",
    records: { ...open(BER), settings: berAway },
    expect: { assignee: "Jonas Brandt" },
  },
  {
    name: "Good Friday, the last day: the cover",
    zone: BER,
    now: "2026-04-03 23:59",
    rule: "R-ESC-1DAY",
    records: { ...open(BER), settings: berAway },
    expect: { assignee: "Jonas Brandt" },
  },
  {
    name: "back on Saturday: the owner",
    zone: BER,
    now: "2026-04-04 00:00",
    rule: "R-ESC-1DAY",
    records: { ...open(BER), settings: berAway },
    expect: { assignee: "Anna Keller" },
  },
  {
    name: "an event's owner away: the cover phones the audience",
    zone: BER,
    now: "2026-03-31 09:00",
    rule: "R-EVENT-NOTICE",
    key: "R-EVENT-NOTICE:E-260801-HD01:C-260105-KH01:call",
    records: {
      events: [event(BER, "2026-04-14", "2026-03-02 09:00", { owner: "Mia Vogel" })],
      settings: away(BER, "Mia Vogel", "2026-03-30", "2026-04-10", "Anna Keller"),
    },
    expect: { owner: "Mia Vogel", assignee: "Anna Keller" },
  },
];

describe("R-COVER: an absent person's duties go to the cover while they are away", () => table("R-COVER", rows));
