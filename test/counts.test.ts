// Which contact closes a duty (domain/duties/counts.ts): firstCounting asks, for every contact of
// the customer, whether it counts without wording why not; the answer must be the one reasons()
// gives (the words `due --explain` shows), whatever the window, the channel and the record linked.
import { describe, expect, it } from "vitest";
import { firstCounting, reasons, type Counts } from "../src/domain/duties/counts.js";
import type { Rec, RuleContext } from "../src/domain/duties/types.js";
import type { Contact } from "../src/domain/schema.js";
import { dayCache } from "../src/domain/time.js";

const TZ = "Asia/Shanghai";
const contact = (id: string, c: Partial<Contact>): Rec<Contact> => ({
  id,
  value: {
    customer: "C-1",
    at: "2026-11-10T10:00:00+08:00",
    channel: "call",
    direction: "out",
    purpose: "followup",
    ...c,
  } as Contact,
});
const CONTACTS: Rec<Contact>[] = [
  contact("K-early-call", { at: "2026-11-09T23:59:00+08:00" }),
  contact("K-letter-before", {
    at: "2026-11-09",
    channel: "letter",
    letter: { kind: "reply", subject: "回复" },
  }),
  contact("K-inbound", { at: "2026-11-10T11:00:00+08:00", direction: "in" }),
  contact("K-other-ticket", { at: "2026-11-10T12:00:00+08:00", ticket: "T-2" }),
  contact("K-letter-from-day", {
    at: "2026-11-10",
    channel: "letter",
    letter: { kind: "reply", subject: "处理结果" },
  }),
  contact("K-visit", { at: "2026-11-11T09:00:00+08:00", channel: "visit", ticket: "T-1" }),
  contact("K-plan", { at: "2026-11-01T09:00:00+08:00", channel: "letter", plan: "P-1" }),
  contact("K-after-end", { at: "2026-11-20T09:00:00+08:00", ticket: "T-1" }),
  contact("K-letter-end-day", {
    at: "2026-11-20",
    channel: "letter",
    ticket: "T-1",
    letter: { kind: "reply", subject: "Result" },
  }),
];

/** The part of the rules' context firstCounting and reasons read: the customer's contacts, the zone's days. */
function context(contacts: Rec<Contact>[]): RuleContext {
  return { ofCustomer: () => contacts, dayOf: dayCache(TZ), tz: TZ } as unknown as RuleContext;
}
const spec = (s: Partial<Counts>): Counts =>
  ({
    customer: "C-1",
    channels: ["call", "visit", "letter"],
    tell: true,
    from: Date.parse("2026-11-10T00:00:00+08:00"),
    what: "the solution",
    ...s,
  }) as Counts;

const SPECS: [string, Counts][] = [
  ["any channel from the 10th", spec({})],
  ["linked to T-1", spec({ ticket: "T-1" })],
  ["calls and visits only", spec({ channels: ["call", "visit"] })],
  [
    "ended on the 20th",
    spec({
      ticket: "T-1",
      until: Date.parse("2026-11-20T00:00:00+08:00"),
      from: Date.parse("2026-11-12T00:00:00+08:00"),
    }),
  ],
  ["the plan P-1", spec({ plan: "P-1", from: Date.parse("2026-11-15T00:00:00+08:00") })],
  [
    "the letter of the 10th used already",
    spec({ not: new Map([["K-letter-from-day", { rule: "R-FOLLOWUP-1" as const }]]) }),
  ],
  ["a purpose no contact has", spec({ purposes: ["notice"] as Counts["purposes"] })],
  ["inbound calls told count", spec({ tell: false, channels: ["call"] })],
];

describe("firstCounting: the first contact reasons() finds nothing against", () => {
  it("finds the contact the reasons name for every kind of window, link and channel, in any order", () => {
    for (const [, s] of SPECS)
      for (const order of [CONTACTS, [...CONTACTS].reverse()]) {
        const rx = context(order);
        const expected = order.find((k) => reasons(rx, k, s, true).length === 0)?.id;
        expect(firstCounting(rx, s).found?.id).toBe(expected);
      }
  });

  it("names the contacts the store's reasons point at", () => {
    const found = (name: string) => firstCounting(context(CONTACTS), SPECS.find(([n]) => n === name)![1]).found?.id;
    expect(found("any channel from the 10th")).toBe("K-other-ticket");
    expect(found("linked to T-1")).toBe("K-visit");
    expect(found("calls and visits only")).toBe("K-other-ticket");
    expect(found("ended on the 20th")).toBeUndefined();
    expect(found("the plan P-1")).toBe("K-plan");
    expect(found("the letter of the 10th used already")).toBe("K-other-ticket");
    expect(found("a purpose no contact has")).toBeUndefined();
    expect(found("inbound calls told count")).toBe("K-inbound");
  });

  it("words why none counts, the letter dated the day the duty ended among them", () => {
    const s = SPECS.find(([n]) => n === "ended on the 20th")![1];
    const { considered } = firstCounting(context(CONTACTS), s);
    expect(considered.map((u) => [u.record, u.reasons.map((r) => r.why)])).toEqual([
      ["K-after-end", ["ended"]],
      ["K-letter-end-day", ["ended"]],
    ]);
  });
});
