// The rules engine at the edges of every window, in two time zones, with the clock pinned.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHINA_2026 } from "../src/domain/calendar.js";
import { duties, type Duty, type DutyInput, type Judged } from "../src/domain/duties/index.js";
import { wordDuties, worded } from "../src/format/duty-words.js";
import { translator } from "../src/i18n.js";
import type { Contact, Customer, CustomerEvent, Settings, Ticket } from "../src/domain/schema.js";

const STAFF: Settings["staff"] = [
  { name: "王芳", role: "clerk" },
  { name: "陈静", role: "clerk" },
  { name: "李强", role: "technician" },
  { name: "赵建国", role: "engineering" },
  { name: "周敏", role: "supervisor" },
];
const settings = (over: Partial<Settings> = {}): Settings => ({
  version: 1,
  company: "明远",
  timezone: "Asia/Shanghai",
  locale: "en",
  staff: STAFF,
  ...over,
});
const C1 = "C-261001-AAAA";
const C2 = "C-261001-BBBB";
const T1 = "T-261102-CCCC";
const customer = (name: string, tags?: string[]): Customer => ({
  name,
  tags,
  contacts: [{ name: "张伟", phones: ["021-5555 1234"] }],
  created: "2026-10-01T09:00:00+08:00",
});
const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  customer: C1,
  received: "2026-11-02T09:00:00+08:00",
  filed: "2026-11-02T09:05:00+08:00",
  channel: "phone",
  kind: "repair",
  problem: "空压机跳闸",
  status: "open",
  assignee: "王芳",
  ...over,
});
let n = 0;
const call = (at: string, over: Partial<Contact> = {}): { id: string; value: Contact } => ({
  id: `K-261101-${(n++)
    .toString(32)
    .toUpperCase()
    .padStart(4, "0")
    .replace(/[ILOU]/g, "X")}`,
  value: {
    customer: C1,
    ticket: T1,
    at,
    channel: "call",
    direction: "out",
    purpose: "followup",
    staff: "王芳",
    ...over,
  },
});

type Parts = Partial<Omit<DutyInput, "now" | "settings">> & { settings?: Settings };
/** The engine's duties at `now`: data, no words. */
function judgedAt(now: string, parts: Parts = {}): Judged[] {
  return duties({
    settings: parts.settings ?? settings(),
    customers: parts.customers ?? [{ id: C1, value: customer("上海华东制冷") }],
    tickets: parts.tickets ?? [],
    contacts: parts.contacts ?? [],
    events: parts.events ?? [],
    reports: parts.reports ?? [{ kind: "monthly", period: "2026-10", saved: "2026-11-01T10:00:00+08:00" }],
    now: new Date(now),
  });
}
/** The duties at `now` as shown in English (src/format/duty-words.ts). */
const run = (now: string, parts: Parts = {}): Duty[] => wordDuties(judgedAt(now, parts), translator("en"));
const find = (ds: Duty[], rule: string) => ds.filter((d) => d.rule === rule);
const one = (ds: Duty[], rule: string) => {
  const f = find(ds, rule);
  expect(f, rule).toHaveLength(1);
  return f[0]!;
};
const brief = (d: Duty) => ({
  state: d.state,
  earliest: d.earliest,
  due: d.due,
  daysLate: d.daysLate,
  assignee: d.assignee,
});

// A ticket dispatched on Monday 2 November 2026, the first follow-up call the same day.
const dispatched = ticket({
  status: "dispatched",
  dispatch: {
    technician: "李强",
    at: "2026-11-02T10:00:00+08:00",
    depart: "2026-11-02T10:30:00+08:00",
    arrive: "2026-11-02T11:40:00+08:00",
  },
});
const fu1 = call("2026-11-02T10:20:00+08:00");

describe("R-FOLLOWUP-2: the second call from day 7 to day 14 after the first", () => {
  const at = (day: string, time = "10:00:00") => `${day}T${time}+08:00`;
  it.each([
    ["day 6: not yet open", "2026-11-08", "upcoming"],
    ["day 7: open", "2026-11-09", "due"],
    ["day 14: last day", "2026-11-16", "due"],
    ["day 15: overdue", "2026-11-17", "overdue"],
  ])("%s", (_, day, state) => {
    const d = one(run(at(day), { tickets: [{ id: T1, value: dispatched }], contacts: [fu1] }), "R-FOLLOWUP-2");
    expect(d).toMatchObject({ state, earliest: "2026-11-09", due: "2026-11-16", assignee: "王芳" });
  });

  it("the last minute of day 14 is still on time; the first minute of day 15 is a day late", () => {
    const input = { tickets: [{ id: T1, value: dispatched }], contacts: [fu1] };
    expect(one(run("2026-11-16T23:59:59+08:00", input), "R-FOLLOWUP-2").state).toBe("due");
    expect(brief(one(run("2026-11-17T00:00:00+08:00", input), "R-FOLLOWUP-2"))).toMatchObject({
      state: "overdue",
      daysLate: 1,
    });
  });

  it("a call on day 3 is not the second follow-up; one on day 7 is; one on day 15 is late", () => {
    const base = { tickets: [{ id: T1, value: dispatched }] };
    const day3 = one(run(at("2026-11-10"), { ...base, contacts: [fu1, call(at("2026-11-05"))] }), "R-FOLLOWUP-2");
    expect(day3.state).toBe("due");
    const day7 = call(at("2026-11-09"));
    expect(one(run(at("2026-11-20"), { ...base, contacts: [fu1, day7] }), "R-FOLLOWUP-2")).toMatchObject({
      state: "done",
      done: { record: day7.id },
    });
    expect(
      brief(one(run(at("2026-11-20"), { ...base, contacts: [fu1, call(at("2026-11-17"))] }), "R-FOLLOWUP-2")),
    ).toMatchObject({ state: "late", daysLate: 1 });
  });

  it("counts days in the store's zone: a cron in UTC at 01:30 Shanghai time sees Shanghai's day", () => {
    const input = { tickets: [{ id: T1, value: dispatched }], contacts: [fu1] };
    // 2026-11-16T17:30Z is 01:30 on the 17th in Shanghai, still the 16th in UTC
    expect(brief(one(run("2026-11-16T17:30:00Z", input), "R-FOLLOWUP-2"))).toMatchObject({
      state: "overdue",
      daysLate: 1,
    });
    const berlin = settings({ timezone: "Europe/Berlin" });
    const bTicket = {
      ...dispatched,
      received: "2026-11-02T09:00:00+01:00",
      filed: "2026-11-02T09:05:00+01:00",
      dispatch: { ...dispatched.dispatch!, at: "2026-11-02T10:00:00+01:00" },
    };
    const bCall = call("2026-11-02T10:20:00+01:00");
    // 2026-11-16T22:30Z is 23:30 on the 16th in Berlin: still on time there
    expect(
      one(
        run("2026-11-16T22:30:00Z", { settings: berlin, tickets: [{ id: T1, value: bTicket }], contacts: [bCall] }),
        "R-FOLLOWUP-2",
      ).state,
    ).toBe("due");
    expect(
      one(
        run("2026-11-16T23:30:00Z", { settings: berlin, tickets: [{ id: T1, value: bTicket }], contacts: [bCall] }),
        "R-FOLLOWUP-2",
      ).state,
    ).toBe("overdue");
  });
});

describe("R-FOLLOWUP-1: a call on the day of dispatch, before the technician arrives", () => {
  it("is due that day, done by a follow-up call for the ticket, not by one the day before", () => {
    const t = [{ id: T1, value: dispatched }];
    expect(one(run("2026-11-02T11:00:00+08:00", { tickets: t }), "R-FOLLOWUP-1")).toMatchObject({
      state: "due",
      earliest: "2026-11-02",
      due: "2026-11-02",
      dueAt: "2026-11-02T11:40:00+08:00",
    });
    // the planned arrival was 11:40: at 12:00 the customer was not told in time
    expect(one(run("2026-11-02T12:00:00+08:00", { tickets: t }), "R-FOLLOWUP-1")).toMatchObject({
      state: "overdue",
      minutesLate: 20,
    });
    expect(one(run("2026-11-02T12:00:00+08:00", { tickets: t, contacts: [fu1] }), "R-FOLLOWUP-1").state).toBe("done");
    expect(
      one(
        run("2026-11-03T12:00:00+08:00", { tickets: t, contacts: [call("2026-11-01T16:00:00+08:00")] }),
        "R-FOLLOWUP-1",
      ),
    ).toMatchObject({ state: "overdue", daysLate: 1 });
    expect(one(run("2026-11-02T12:00:00+08:00", { tickets: t }), "R-FOLLOWUP-1").topic).toBe(
      "first follow-up call: 李强 leaves 2026-11-02 10:30, arrives 2026-11-02 11:40; what to have ready; their opinion of our service",
    );
  });
});

describe("R-ESC-1DAY: escalate within a day of receipt", () => {
  it("is done by an escalation to the engineering supervisor, or a solution, within the day; late after it", () => {
    const esc = (at: string) => [{ id: T1, value: ticket({ status: "escalated", escalation: { to: "赵建国", at } }) }];
    expect(
      one(run("2026-11-02T12:00:00+08:00", { tickets: [{ id: T1, value: ticket() }] }), "R-ESC-1DAY"),
    ).toMatchObject({ state: "due", earliest: "2026-11-02", due: "2026-11-03" });
    expect(
      one(run("2026-11-05T12:00:00+08:00", { tickets: esc("2026-11-03T17:00:00+08:00") }), "R-ESC-1DAY").state,
    ).toBe("done");
    expect(
      brief(one(run("2026-11-05T12:00:00+08:00", { tickets: esc("2026-11-04T09:00:00+08:00") }), "R-ESC-1DAY")),
    ).toMatchObject({ state: "late", daysLate: 1 });
    // a dispatch is not an escalation; an escalation to a clerk is not one to the engineering supervisor
    expect(
      one(run("2026-11-05T12:00:00+08:00", { tickets: [{ id: T1, value: dispatched }] }), "R-ESC-1DAY").state,
    ).toBe("overdue");
    expect(
      one(
        run("2026-11-05T12:00:00+08:00", {
          tickets: [
            {
              id: T1,
              value: ticket({ status: "escalated", escalation: { to: "陈静", at: "2026-11-02T10:00:00+08:00" } }),
            },
          ],
        }),
        "R-ESC-1DAY",
      ).state,
    ).toBe("overdue");
    expect(
      one(
        run("2026-11-05T12:00:00+08:00", {
          tickets: [
            {
              id: T1,
              value: ticket({ status: "resolved", resolution: { at: "2026-11-02T15:00:00+08:00", note: "复位" } }),
            },
          ],
        }),
        "R-ESC-1DAY",
      ).state,
    ).toBe("done");
    expect(
      brief(one(run("2026-11-05T12:00:00+08:00", { tickets: [{ id: T1, value: ticket() }] }), "R-ESC-1DAY")),
    ).toMatchObject({ state: "overdue", daysLate: 2 });
  });

  it("moves a due day that falls on a weekend to Monday, or counts working days when set", () => {
    const friday = [
      { id: T1, value: ticket({ received: "2026-11-06T16:00:00+08:00", filed: "2026-11-06T16:00:00+08:00" }) },
    ];
    expect(one(run("2026-11-06T17:00:00+08:00", { tickets: friday }), "R-ESC-1DAY").due).toBe("2026-11-09");
    const twoDays = settings({ rules: { "R-ESC-1DAY": { days: 2, workingDays: true } } });
    expect(one(run("2026-11-06T17:00:00+08:00", { tickets: friday, settings: twoDays }), "R-ESC-1DAY").due).toBe(
      "2026-11-10",
    );
  });

  it("knows public holidays and make-up working days", () => {
    const china = settings({ calendar: CHINA_2026 });
    const beforeNationalDay = [
      { id: T1, value: ticket({ received: "2026-09-30T10:00:00+08:00", filed: "2026-09-30T10:00:00+08:00" }) },
    ];
    expect(
      one(run("2026-09-30T12:00:00+08:00", { tickets: beforeNationalDay, settings: china }), "R-ESC-1DAY").due,
    ).toBe("2026-10-08");
    // Saturday 10 October 2026 is a make-up working day
    const friday = [
      { id: T1, value: ticket({ received: "2026-10-09T10:00:00+08:00", filed: "2026-10-09T10:00:00+08:00" }) },
    ];
    expect(one(run("2026-10-09T12:00:00+08:00", { tickets: friday, settings: china }), "R-ESC-1DAY").due).toBe(
      "2026-10-10",
    );
  });

  it("does not apply to a cancelled ticket", () => {
    const cancelled = [
      { id: T1, value: ticket({ status: "cancelled", cancelled: { at: "2026-11-02T11:00:00+08:00" } }) },
    ];
    const ds = run("2026-11-05T12:00:00+08:00", { tickets: cancelled });
    expect(find(ds, "R-ESC-1DAY")).toEqual([]);
    expect(one(ds, "R-FILE-SAME-DAY").state).toBe("done");
  });
});

describe("R-ANSWER-SAME-DAY: tell the customer the solution the day it is known", () => {
  const solved = ticket({
    status: "resolved",
    escalation: { to: "赵建国", at: "2026-11-02T11:00:00+08:00" },
    resolution: { at: "2026-11-05T16:00:00+08:00", note: "更换接触器" },
  });
  it("is not done by a call before the solution, done by one after it, late the next day", () => {
    const t = [{ id: T1, value: solved }];
    expect(
      one(
        run("2026-11-05T18:00:00+08:00", {
          tickets: t,
          contacts: [call("2026-11-05T15:00:00+08:00", { purpose: "other" })],
        }),
        "R-ANSWER-SAME-DAY",
      ),
    ).toMatchObject({ state: "due", due: "2026-11-05" });
    expect(
      one(
        run("2026-11-05T18:00:00+08:00", {
          tickets: t,
          contacts: [call("2026-11-05T17:00:00+08:00", { purpose: "other" })],
        }),
        "R-ANSWER-SAME-DAY",
      ).state,
    ).toBe("done");
    const letter = call("2026-11-06", { channel: "letter", letter: { kind: "reply", subject: "处理结果" } });
    expect(
      brief(one(run("2026-11-09T09:00:00+08:00", { tickets: t, contacts: [letter] }), "R-ANSWER-SAME-DAY")),
    ).toMatchObject({ state: "late", daysLate: 1 });
    expect(one(run("2026-11-06T09:00:00+08:00", { tickets: t }), "R-ANSWER-SAME-DAY").topic).toBe(
      "tell the customer the solution: 更换接触器",
    );
  });

  it("applies only to escalated tickets", () => {
    const direct = ticket({ status: "resolved", resolution: { at: "2026-11-02T10:00:00+08:00", note: "远程复位" } });
    expect(
      find(run("2026-11-05T18:00:00+08:00", { tickets: [{ id: T1, value: direct }] }), "R-ANSWER-SAME-DAY"),
    ).toEqual([]);
  });
});

describe("R-NEXT-SERVICE: the planned next contact falls due on its date", () => {
  const planned = call("2026-11-02T10:00:00+08:00", {
    ticket: undefined,
    next: { date: "2026-12-10", topic: "年度保养提醒" },
  });
  it.each([
    ["2026-12-09T12:00:00+08:00", "upcoming", undefined],
    ["2026-12-10T12:00:00+08:00", "due", undefined],
    ["2026-12-11T08:00:00+08:00", "overdue", 1],
  ])("at %s it is %s", (now, state, daysLate) => {
    expect(brief(one(run(now, { contacts: [planned] }), "R-NEXT-SERVICE"))).toMatchObject({
      state,
      daysLate,
      assignee: "王芳",
      due: "2026-12-10",
    });
  });
  it("is done by an outbound contact on or after the date, not by one before it", () => {
    const early = call("2026-12-08T10:00:00+08:00", { ticket: undefined, purpose: "reminder" });
    const onTime = call("2026-12-10T10:00:00+08:00", { ticket: undefined, purpose: "reminder" });
    expect(one(run("2026-12-11T08:00:00+08:00", { contacts: [planned, early] }), "R-NEXT-SERVICE").state).toBe(
      "overdue",
    );
    expect(one(run("2026-12-11T08:00:00+08:00", { contacts: [planned, onTime] }), "R-NEXT-SERVICE").state).toBe("done");
  });
});

describe("R-EVENT-NOTICE: phone the audience two weeks ahead, then a letter within two days", () => {
  const E = "E-261101-EEEE";
  const event: CustomerEvent = {
    title: "客户答谢会",
    date: "2026-12-12",
    kind: "gathering",
    audience: "tag:vip",
    owner: "陈静",
    created: "2026-11-01T10:00:00+08:00",
  };
  const customers = [
    { id: C1, value: customer("上海华东制冷", ["vip"]) },
    { id: C2, value: customer("Acme Pumps GmbH") },
  ];
  it("gives a call duty for each customer in the audience, due 14 days before (shown on the working day before a weekend)", () => {
    const ds = find(
      run("2026-11-20T09:00:00+08:00", { customers, events: [{ id: E, value: event }] }),
      "R-EVENT-NOTICE",
    );
    expect(ds.map((d) => [d.key, d.state, d.earliest, d.due, d.deadline, d.assignee])).toEqual([
      [`R-EVENT-NOTICE:${E}:${C1}:call`, "upcoming", "2026-11-21", "2026-11-27", "2026-11-28", "陈静"],
    ]);
  });
  it("after the call, the letter follows within two days", () => {
    const phoned = call("2026-11-25T10:00:00+08:00", { ticket: undefined, event: E, purpose: "notice", staff: "陈静" });
    const ds = find(
      run("2026-11-28T09:00:00+08:00", { customers, events: [{ id: E, value: event }], contacts: [phoned] }),
      "R-EVENT-NOTICE",
    );
    expect(ds.map((d) => [d.key.split(":").pop(), d.state, d.due])).toEqual([
      ["letter", "overdue", "2026-11-27"],
      ["call", "done", "2026-11-27"],
    ]);
    const letter = call("2026-11-27", {
      ticket: undefined,
      event: E,
      channel: "letter",
      purpose: "notice",
      letter: { kind: "invitation", subject: "邀请函" },
    });
    expect(
      find(
        run("2026-11-28T09:00:00+08:00", { customers, events: [{ id: E, value: event }], contacts: [phoned, letter] }),
        "R-EVENT-NOTICE",
      ).map((d) => d.state),
    ).toEqual(["done", "done"]);
  });
  it("a notice never made is missed once the event has begun", () => {
    expect(
      one(run("2026-12-12T09:00:00+08:00", { customers, events: [{ id: E, value: event }] }), "R-EVENT-NOTICE").state,
    ).toBe("missed");
  });
});

describe("R-MONTHLY: the supervisor's review after each month and year", () => {
  it("is due after the month ends, done when the report is saved", () => {
    const ds = find(
      run("2026-11-10T09:00:00+08:00", {
        reports: [{ kind: "monthly", period: "2026-10", saved: "2026-11-03T09:00:00+08:00" }],
      }),
      "R-MONTHLY",
    );
    expect(ds.map((d) => [d.source, d.state, d.due, d.assignee])).toEqual([["2026-10", "done", "2026-11-06", "周敏"]]);
    const late = find(run("2027-01-20T09:00:00+08:00", { reports: [] }), "R-MONTHLY");
    expect(late.map((d) => [d.source, d.state, d.due])).toEqual([
      ["2026-10", "overdue", "2026-11-06"],
      ["2026-11", "overdue", "2026-12-04"],
      ["2026-12", "overdue", "2027-01-06"],
      ["2026", "overdue", "2027-01-15"],
    ]);
  });
});

describe("R-COVER: an absent person's duties go to the cover", () => {
  it("goes to the cover only while the owner is away, and back when they return", () => {
    const away = settings({
      staff: STAFF.map((s) =>
        s.name === "王芳" ? { ...s, absences: [{ from: "2026-11-16", to: "2026-11-20", cover: "陈静" }] } : s,
      ),
    });
    const input = { settings: away, tickets: [{ id: T1, value: dispatched }], contacts: [fu1] };
    expect(one(run("2026-11-12T09:00:00+08:00", input), "R-FOLLOWUP-2")).toMatchObject({
      owner: "王芳",
      assignee: "王芳",
      due: "2026-11-16",
    });
    expect(one(run("2026-11-16T09:00:00+08:00", input), "R-FOLLOWUP-2")).toMatchObject({
      owner: "王芳",
      assignee: "陈静",
    });
    const esc = one(
      run("2026-11-17T09:00:00+08:00", { settings: away, tickets: [{ id: T1, value: ticket() }] }),
      "R-ESC-1DAY",
    );
    expect(esc).toMatchObject({ state: "overdue", owner: "王芳", assignee: "陈静" });
    expect(
      one(run("2026-11-23T09:00:00+08:00", { settings: away, tickets: [{ id: T1, value: ticket() }] }), "R-ESC-1DAY")
        .assignee,
    ).toBe("王芳");
  });
});

describe("R-FILE-SAME-DAY", () => {
  it("a request filed the day after it came in was filed late", () => {
    const t = ticket({ received: "2026-11-03T22:10:00+08:00", filed: "2026-11-04T08:40:00+08:00" });
    expect(
      brief(one(run("2026-11-04T09:00:00+08:00", { tickets: [{ id: T1, value: t }] }), "R-FILE-SAME-DAY")),
    ).toMatchObject({ state: "late", daysLate: 1 });
  });
});

describe("replaying a past day", () => {
  it("ignores what was recorded after the moment", () => {
    const second = call("2026-11-10T10:00:00+08:00");
    const input = { tickets: [{ id: T1, value: dispatched }], contacts: [fu1, second] };
    expect(one(run("2026-11-09T18:00:00+08:00", input), "R-FOLLOWUP-2").state).toBe("due");
    expect(one(run("2026-11-10T18:00:00+08:00", input), "R-FOLLOWUP-2").state).toBe("done");
    expect(run("2026-11-01T18:00:00+08:00", input).filter((d) => d.ticket === T1)).toEqual([]);
  });
});

describe("properties over random timelines", () => {
  const DAY = 86_400_000;
  const base = Date.parse("2026-11-02T01:00:00Z");
  const timeline = fc.record({
    dispatchAfter: fc.option(fc.integer({ min: 0, max: 3 * DAY }), { nil: undefined }),
    calls: fc.array(
      fc.record({
        offset: fc.integer({ min: -DAY, max: 30 * DAY }),
        purpose: fc.constantFrom("followup", "other", "consult"),
      }),
      { maxLength: 6 },
    ),
    nowOffset: fc.integer({ min: 0, max: 40 * DAY }),
  });
  const build = (tl: {
    dispatchAfter?: number;
    calls: { offset: number; purpose: Contact["purpose"] }[];
    nowOffset: number;
  }) => {
    const iso = (ms: number) =>
      new Date(ms)
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z")
        .replace("Z", "+00:00");
    const t = ticket({
      received: iso(base),
      filed: iso(base),
      ...(tl.dispatchAfter !== undefined
        ? { status: "dispatched" as const, dispatch: { technician: "李强", at: iso(base + tl.dispatchAfter) } }
        : {}),
    });
    const contacts = tl.calls.map((c, i) => ({
      id: `K-261101-${String(i).padStart(4, "0")}`,
      value: {
        customer: C1,
        ticket: T1,
        at: iso(base + c.offset),
        channel: "call" as const,
        direction: "out" as const,
        purpose: c.purpose,
        staff: "王芳",
      },
    }));
    return { t, contacts, now: new Date(base + tl.nowOffset).toISOString() };
  };

  it("a duty is never both open and done", () => {
    fc.assert(
      fc.property(timeline, (tl) => {
        const { t, contacts, now } = build(tl);
        for (const d of run(now, { tickets: [{ id: T1, value: t }], contacts })) {
          expect(Boolean(d.done)).toBe(d.state === "done" || d.state === "late");
          // overdue by days, or for a duty timed to the hour by minutes
          if (d.state === "overdue") expect(d.dueAt ? d.minutesLate : d.daysLate).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("fulfilment never depends on the order files are read", () => {
    fc.assert(
      fc.property(timeline, fc.integer(), (tl, seed) => {
        const { t, contacts, now } = build(tl);
        const shuffled = [...contacts].sort(
          (a, b) => ((a.id.charCodeAt(9) * seed) % 7) - ((b.id.charCodeAt(9) * seed) % 7),
        );
        expect(run(now, { tickets: [{ id: T1, value: t }], contacts: shuffled })).toEqual(
          run(now, { tickets: [{ id: T1, value: t }], contacts }),
        );
      }),
    );
  });

  it("one call never fulfils both follow-ups", () => {
    fc.assert(
      fc.property(timeline, (tl) => {
        const { t, contacts, now } = build(tl);
        const ds = run(now, { tickets: [{ id: T1, value: t }], contacts });
        const f1 = ds.find((d) => d.rule === "R-FOLLOWUP-1")?.done?.record;
        const f2 = ds.find((d) => d.rule === "R-FOLLOWUP-2")?.done?.record;
        if (f1 && f2) expect(f1).not.toBe(f2);
      }),
    );
  });
});

describe("the engine gives data; src/format/duty-words.ts words it (issue 13, item 1)", () => {
  const zh = translator("zh-CN");
  const en = translator("en");
  const t = [{ id: T1, value: dispatched }];
  // the day before dispatch a call without the ticket, an inbound letter, and a visit for another ticket
  const letter = call("2026-11-02T10:10:00+08:00", {
    ticket: undefined,
    channel: "letter",
    direction: "in",
    letter: { kind: "reply", subject: "收到" },
  });
  const other = call("2026-11-02T10:15:00+08:00", { ticket: "T-261102-DDDD", purpose: "notice" });

  it("returns what a duty asks as the rule's parameters and moments, in no language", () => {
    const d = judgedAt("2026-11-02T11:00:00+08:00", { tickets: t, contacts: [letter, other] });
    const first = d.find((x) => x.rule === "R-FOLLOWUP-1")!;
    expect(first.about).toEqual({
      what: "followup1",
      technician: "李强",
      depart: "2026-11-02T10:30:00+08:00",
      arrive: "2026-11-02T11:40:00+08:00",
    });
    expect(first.considered).toEqual([
      {
        record: letter.id,
        reasons: [
          { why: "unlinked", id: letter.id, ticket: T1 },
          { why: "inboundLetter", id: letter.id, task: { task: "followup1" } },
        ],
      },
      {
        record: other.id,
        reasons: [
          { why: "otherTicket", id: other.id, other: "T-261102-DDDD", ticket: T1 },
          { why: "purpose", id: other.id, purpose: "notice", purposes: ["followup"] },
        ],
      },
    ]);
    expect(d.find((x) => x.rule === "R-FILE-SAME-DAY")!.about).toEqual({ what: "file", channel: "phone" });
    expect(d.find((x) => x.rule === "R-ESC-1DAY")!.about).toEqual({ what: "escalate", problem: "空压机跳闸" });
  });

  it("words the same duties in Chinese and in English, reasons joined as each language does", () => {
    const d = judgedAt("2026-11-02T11:00:00+08:00", { tickets: t, contacts: [letter, other] });
    const first = d.find((x) => x.rule === "R-FOLLOWUP-1")!;
    expect(worded(first, zh).topic).toBe(
      "第一次跟踪服务：告知李强 2026-11-02 10:30 出发，2026-11-02 11:40 到达，客户需准备的人员和设备，征询意见",
    );
    expect(worded(first, zh).considered).toEqual([
      {
        record: letter.id,
        why: `${letter.id} 未关联 ${T1}：aftercare contact link ${letter.id} --ticket ${T1}；${letter.id} 是客户来函；第一次跟踪服务须通过去电、上门或去函告知`,
      },
      {
        record: other.id,
        why: `${other.id} 属于 T-261102-DDDD，不是 ${T1}；${other.id} 的目的是通知；此项须为跟踪回访`,
      },
    ]);
    expect(worded(first, en).considered![1]!.why).toBe(
      `${other.id} is about T-261102-DDDD, not ${T1}; ${other.id} is a notice contact; this takes follow-up`,
    );
    // every field but the words is the engine's, in the engine's order (--json keeps its shape)
    const { about: _about, considered: _considered, ...rest } = first;
    const { topic: _topic, considered: _why, ...shown } = worded(first, en);
    expect(shown).toEqual(rest);
    expect(Object.keys(worded(first, en))).toEqual(Object.keys(first).map((k) => (k === "about" ? "topic" : k)));
  });

  it("words a plan made on a ticket and the contact it already counted for, with the plan's day", () => {
    const planned = ticket({ plans: [{ date: "2026-11-10", topic: "回访保养", at: "2026-11-02T09:10:00+08:00" }] });
    const twice = ticket({
      plans: [
        { date: "2026-11-10", topic: "回访保养", at: "2026-11-02T09:10:00+08:00" },
        { date: "2026-11-10", topic: "寄送报价", at: "2026-11-02T09:10:00+08:00" },
      ],
    });
    const c = call("2026-11-10T10:00:00+08:00");
    expect(
      judgedAt("2026-11-10T09:00:00+08:00", { tickets: [{ id: T1, value: planned }] }).find(
        (x) => x.rule === "R-NEXT-SERVICE",
      )!.about,
    ).toEqual({ what: "plan", text: "回访保养" });
    const second = judgedAt("2026-11-12T09:00:00+08:00", { tickets: [{ id: T1, value: twice }], contacts: [c] }).find(
      (x) => x.key === `R-NEXT-SERVICE:${T1}:2`,
    )!;
    expect(second.considered).toEqual([
      { record: c.id, reasons: [{ why: "used", id: c.id, rule: "R-NEXT-SERVICE", date: "2026-11-10" }] },
    ]);
    expect(worded(second, zh)).toMatchObject({
      topic: "寄送报价",
      considered: [{ record: c.id, why: `${c.id} 已计为 R-NEXT-SERVICE（2026-11-10）` }],
    });
    expect(worded(second, en).considered![0]!.why).toBe(`${c.id} already counts for R-NEXT-SERVICE (2026-11-10)`);
  });
});
