// Output that does not break as the store grows (issue 12, part 3): no spread of a large array into
// a call (Math.max(...rows) overflows the stack past ~125k items), no grouping that copies a
// person's list for every duty. Run with counts past that limit; no timing is asserted.
import { describe, expect, it } from "vitest";
import type { Duty, DutyInput } from "../src/domain/duties/index.js";
import { monthPeriod, periodFigures, recordsOf } from "../src/domain/kpi.js";
import type { Customer } from "../src/domain/schema.js";
import { pickCustomer, searchCustomers } from "../src/domain/search.js";
import { dutyList, MORNING_LIMIT, shownDuties, summary } from "../src/format/duties.js";
import { fields, table } from "../src/format/table.js";
import { translator } from "../src/i18n.js";
import { testIO } from "../src/io.js";

const N = 200_000;
const PEOPLE = ["王芳", "李强", "Anna Schmidt"];

/** Cheap duties, most of them one person's (past the ~125k of a spread into a call), overdue first. */
function manyDuties(n: number): Duty[] {
  const out: Duty[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const overdue = i < n / 2;
    const ticket = `T-261101-${(i % 10_000).toString().padStart(4, "0")}`;
    const assignee = i % 10 === 9 ? undefined : i % 10 >= 7 ? PEOPLE[1 + (i % 2)] : PEOPLE[0];
    out[i] = {
      key: `R-FOLLOWUP-2:${ticket}:${i}`,
      rule: "R-FOLLOWUP-2",
      source: ticket,
      ticket,
      customer: "C-261101-AAAA",
      owner: assignee,
      assignee,
      earliest: "2026-11-02",
      due: "2026-11-16",
      deadline: "2026-11-16",
      state: overdue ? "overdue" : "due",
      daysLate: overdue ? 10 : undefined,
      topic: "second follow-up",
    };
  }
  return out;
}

const customer = {
  name: "上海明远机电设备有限公司",
  contacts: [{ name: "张伟", phones: ["021-5555 1234"] }],
} as unknown as Customer;
const lookup = { customer: () => customer, timezone: "Asia/Shanghai", say: translator("en") };

describe("output at 200k duties", () => {
  const list = manyDuties(N);

  it("the morning list shows every row with no limit, without a RangeError", () => {
    const out = dutyList(testIO(), list, "2026-11-26", lookup, { limit: undefined });
    const lines = out.split("\n");
    // each person: a heading, the table's heading, the rows; a blank line between people
    expect(lines.filter((l) => l.includes("R-FOLLOWUP-2")).length).toBe(N);
    expect(lines.filter((l) => /^\S/.test(l))).toEqual([
      "Anna Schmidt — 10000 overdue, 10000 due",
      "李强 — 10000 overdue, 10000 due",
      "王芳 — 70000 overdue, 70000 due",
      "(unassigned) — 10000 overdue, 10000 due",
    ]);
    expect(out).not.toContain("more");
  });

  it("with the default limit it shows MORNING_LIMIT rows per person and counts the rest", () => {
    const out = dutyList(testIO(), list, "2026-11-26", lookup, { limit: MORNING_LIMIT });
    const lines = out.split("\n");
    expect(lines.filter((l) => l.includes("R-FOLLOWUP-2")).length).toBe(4 * MORNING_LIMIT);
    expect(lines).toContain(`  … and ${140_000 - MORNING_LIMIT} more (--all shows them all)`);
    expect(lines).toContain(`  … and ${20_000 - MORNING_LIMIT} more (--all shows them all)`);
    expect(shownDuties(list, MORNING_LIMIT).length).toBe(4 * MORNING_LIMIT);
    expect(summary(list)).toBe("100000 overdue, 100000 due");
  });

  it("a table of 200k rows, and fields, render without a RangeError", () => {
    const rows = Array.from({ length: N }, (_, i) => [String(i), i % 2 ? "上海明远" : "Acme", "x"]);
    const out = table(testIO(), ["n", "name", "note"], rows);
    const lines = out.split("\n");
    expect(lines.length).toBe(N + 2);
    expect(lines[1]).toBe("0       Acme      x");
    expect(lines[N]).toBe("199999  上海明远  x");
    expect(
      fields(
        testIO(),
        Array.from({ length: N }, (_, i): [string, string] => [`k${i}`, "v"]),
      ).split("\n").length,
    ).toBe(N + 1);
  });

  it("a review's figures group 200k duties in one pass", () => {
    const input = {
      settings: { timezone: "Asia/Shanghai", locale: "en", staff: [], company: "x" },
      customers: [],
      tickets: [],
      contacts: [],
      events: [],
      reports: [],
      waivers: [],
      now: new Date("2026-12-05T00:00:00Z"),
    } as unknown as DutyInput;
    const f = periodFigures({ records: recordsOf(input), now: list, atEnd: list, period: monthPeriod("2026-11") });
    expect(f.compliance.total).toMatchObject({ due: N, open: N });
    expect(f.compliance.people.map((p) => [p.name, p.due])).toEqual([
      [null, 20_000],
      ["Anna Schmidt", 20_000],
      ["李强", 20_000],
      ["王芳", 140_000],
    ]);
    expect(f.overdue_at_end.map((p) => [p.name, p.duties.length])).toEqual([
      [null, 10_000],
      ["Anna Schmidt", 10_000],
      ["李强", 10_000],
      ["王芳", 70_000],
    ]);
  });

  it("picking among 150k matching customers does not spread them into a call", () => {
    const customers = Array.from({ length: 150_000 }, (_, i) => ({
      id: `C-${i}`,
      value: { name: `明远${i}号公司` } as Customer,
    }));
    const found = searchCustomers(customers, "公司");
    expect(found.length).toBe(150_000);
    expect(pickCustomer(found, "公司")).toBeUndefined();
    expect(pickCustomer(found, "明远42号公司")?.id).toBe("C-42");
  });
});
