// The morning list cut to each person's most urgent rows (issue 12, part 3): the rows shown, the
// line with the count of the rest in English and Chinese, and everything with no limit.
import { describe, expect, it } from "vitest";
import { byUrgency, type Duty } from "../src/domain/duties/index.js";
import type { Customer } from "../src/domain/schema.js";
import { dutyList, MORNING_LIMIT, shownDuties, type Lookup } from "../src/format/duties.js";
import { translator } from "../src/i18n.js";
import { testIO } from "../src/io.js";

const TODAY = "2026-11-26";
const CUSTOMER = {
  name: "上海明远机电设备有限公司",
  contacts: [{ name: "张伟", phones: ["021-5555 1234"] }],
} as unknown as Customer;
const lookup = (locale = "en"): Lookup => ({
  customer: (id) => (id === "C-261101-AAAA" ? CUSTOMER : undefined),
  timezone: "Asia/Shanghai",
  say: translator(locale),
});

/** A duty as the engine makes one: overdue by `late` days, else due by `due`. */
function duty(
  n: number,
  assignee: string | undefined,
  s: { late?: number; due?: string; upcoming?: string } = {},
): Duty {
  const ticket = `T-261101-${String(n).padStart(4, "0")}`;
  const base = {
    key: `R-FOLLOWUP-1:${ticket}`,
    rule: "R-FOLLOWUP-1" as const,
    source: ticket,
    ticket,
    customer: "C-261101-AAAA",
    owner: assignee,
    assignee,
    topic: `call back ${n}`,
  };
  if (s.late !== undefined)
    return {
      ...base,
      earliest: "2026-11-01",
      due: "2026-11-10",
      deadline: "2026-11-10",
      state: "overdue",
      daysLate: s.late,
    };
  if (s.upcoming) return { ...base, earliest: s.upcoming, due: s.upcoming, deadline: s.upcoming, state: "upcoming" };
  return { ...base, earliest: "2026-11-20", due: s.due ?? TODAY, deadline: s.due ?? TODAY, state: "due" };
}

const HEAD = "  when        rule          customer                  phone               record         what to do";

describe("the morning list with a limit per person", () => {
  // 王芳: four overdue (9, 7, 5, 3 days) and one due; 李强: one due. Most urgent first, as the engine gives them.
  const list = [
    duty(1, "王芳", { late: 3 }),
    duty(2, "李强", { due: "2026-11-27" }),
    duty(3, "王芳", { late: 9 }),
    duty(4, "王芳"),
    duty(5, "王芳", { late: 5 }),
    duty(6, "王芳", { late: 7 }),
  ].sort(byUrgency);

  it("shows the most urgent rows, then how many more and how to see them (English)", () => {
    const io = testIO();
    const out = dutyList(io, list, TODAY, lookup(), { limit: 2 });
    expect(out).toBe(
      [
        "王芳 — 4 overdue, 1 due",
        HEAD,
        "  overdue 9d  R-FOLLOWUP-1  上海明远机电设备有限公司  021-5555 1234 张伟  T-261101-0003  call back 3",
        "  overdue 7d  R-FOLLOWUP-1  上海明远机电设备有限公司  021-5555 1234 张伟  T-261101-0006  call back 6",
        "  … and 3 more (--all shows them all)",
        "",
        "李强 — 1 due",
        "  when           rule          customer                  phone               record         what to do",
        "  by 11-27 (1d)  R-FOLLOWUP-1  上海明远机电设备有限公司  021-5555 1234 张伟  T-261101-0002  call back 2",
        "",
      ].join("\n"),
    );
  });

  it("says it in Chinese", () => {
    const io = testIO();
    const out = dutyList(io, list, TODAY, lookup("zh-CN"), { limit: 1 });
    expect(out).toBe(
      [
        "王芳 — 逾期 4 项，待办 1 项",
        "  时间       条款          客户                      电话                记录           工作内容",
        "  逾期 9 天  R-FOLLOWUP-1  上海明远机电设备有限公司  021-5555 1234 张伟  T-261101-0003  call back 3",
        "  ……另有 4 项（加 --all 显示全部）",
        "",
        "李强 — 待办 1 项",
        "  时间              条款          客户                      电话                记录           工作内容",
        "  11-27 前（1 天）  R-FOLLOWUP-1  上海明远机电设备有限公司  021-5555 1234 张伟  T-261101-0002  call back 2",
        "",
      ].join("\n"),
    );
  });

  it("shows every row when the limit is undefined, or not reached", () => {
    const all = dutyList(testIO(), list, TODAY, lookup(), { limit: undefined });
    expect(all).toBe(dutyList(testIO(), list, TODAY, lookup()));
    expect(all).toBe(dutyList(testIO(), list, TODAY, lookup(), { limit: 5 }));
    expect(all).not.toContain("more");
    // every duty once, in the engine's order (most urgent first)
    const rows = all
      .split("\n")
      .filter((l) => /T-261101-/.test(l))
      .map((l) => /T-261101-(\d{4})/.exec(l)![1]);
    expect(rows).toEqual(["0003", "0006", "0005", "0001", "0004", "0002"]);
  });

  it("keeps the list's order: the rows shown are each person's most urgent", () => {
    // shuffled records, put in order by the engine's byUrgency: the 20 most overdue of 30 are shown
    const many = Array.from({ length: 30 }, (_, i) => duty(i + 1, "王芳", { late: ((i * 7) % 30) + 1 })).sort(
      byUrgency,
    );
    const out = dutyList(testIO(), many, TODAY, lookup(), { limit: MORNING_LIMIT });
    const shown = out
      .split("\n")
      .filter((l) => l.startsWith("  overdue"))
      .map((l) => Number(/overdue (\d+)d/.exec(l)![1]));
    expect(MORNING_LIMIT).toBe(20);
    expect(shown).toEqual(Array.from({ length: 20 }, (_, i) => 30 - i));
    expect(out.split("\n")[0]).toBe("王芳 — 30 overdue");
    expect(out).toContain("\n  … and 10 more (--all shows them all)\n");
    expect(out.endsWith("  … and 10 more (--all shows them all)\n")).toBe(true);
  });

  it("puts the most pressing person first and nobody's duties last, whatever the limit", () => {
    const mixed = [
      duty(1, undefined, { late: 20 }),
      duty(2, "Anna", { due: TODAY }),
      duty(3, "王芳", { late: 2 }),
      duty(4, "Bert", { upcoming: "2026-11-28" }),
    ].sort(byUrgency);
    const heads = (out: string) => out.split("\n").filter((l) => /^\S/.test(l));
    expect(heads(dutyList(testIO(), mixed, TODAY, lookup(), { limit: 1 }))).toEqual([
      "王芳 — 1 overdue",
      "Anna — 1 due",
      "Bert — 1 coming up",
      "(unassigned) — 1 overdue",
    ]);
    // a limit of 0: the headings and the counts only
    expect(dutyList(testIO(), mixed, TODAY, lookup("zh-CN"), { limit: 0 })).toBe(
      [
        "王芳 — 逾期 1 项",
        "  ……另有 1 项（加 --all 显示全部）",
        "",
        "Anna — 待办 1 项",
        "  ……另有 1 项（加 --all 显示全部）",
        "",
        "Bert — 即将到期 1 项",
        "  ……另有 1 项（加 --all 显示全部）",
        "",
        "（未指派） — 逾期 1 项",
        "  ……另有 1 项（加 --all 显示全部）",
        "",
      ].join("\n"),
    );
  });

  it("shownDuties gives the rows shown, in the list's order, for --explain", () => {
    expect(shownDuties(list, 2).map((d) => d.ticket)).toEqual(["T-261101-0003", "T-261101-0006", "T-261101-0002"]);
    expect(shownDuties(list, undefined)).toBe(list);
    expect(shownDuties(list, 0)).toEqual([]);
  });
});
