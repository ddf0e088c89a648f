// The reviews and the registers: figures worked out by hand, every built-in template in both
// locales, and every report checked by a real Markdown parser and a real Mermaid parser.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { monthPeriod } from "../src/domain/kpi.js";
import { periodView } from "../src/report/view.js";
import { dutyInput } from "../src/store/duty-input.js";
import { Store } from "../src/store/store.js";
import { cli, commits, testStore } from "./helpers.js";
import { NOVEMBER } from "./report-fixtures.js";
import { checkMarkdown } from "./markdown.js";

const DEC1 = "2026-12-01T09:00:00+08:00";

let mermaid: { parse: (text: string) => Promise<unknown> };
beforeAll(async () => {
  const dom = new JSDOM("<!doctype html><html><body></body></html>");
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import("mermaid")).default;
});

async function checkMermaid(text: string): Promise<number> {
  const blocks = [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
  for (const b of blocks) await expect(mermaid.parse(b), b).resolves.toBeTruthy();
  return blocks.length;
}

describe("the review's figures, worked out by hand", () => {
  it("November 2026", async () => {
    const root = testStore(NOVEMBER);
    const store = await Store.open(root);
    const view = periodView(await dutyInput(store, new Date(DEC1), () => undefined), monthPeriod("2026-11"), {
      company: "x",
      timezone: "Asia/Shanghai",
      locale: "en",
      generated: DEC1,
      generated_by: null,
    });
    // T001, T002, T003 came in; T001 (32 h) and T002 (2 h) were resolved, T001 closed; T003 is still open.
    expect(view.tickets).toMatchObject({
      received: 3,
      resolved: 2,
      closed: 1,
      cancelled: 0,
      open_at_end: 1,
      filed_late: 1,
    });
    expect(view.tickets.by_kind).toEqual([
      { key: "complaint", received: 1, resolved: 0, open_at_end: 1 },
      { key: "consult", received: 1, resolved: 1, open_at_end: 0 },
      { key: "repair", received: 1, resolved: 1, open_at_end: 0 },
    ]);
    expect(view.tickets.by_channel).toEqual([
      { key: "phone", count: 2 },
      { key: "email", count: 1 },
    ]);
    // T001 was dispatched 5 h after it came in; resolutions took 2 h and 32 h (nearest-rank median 2, p90 32)
    expect(view.tickets.to_dispatch).toEqual({ count: 1, median_hours: 5, p90_hours: 5 });
    expect(view.tickets.to_resolution).toEqual({ count: 2, median_hours: 2, p90_hours: 32 });
    // Due in November: T001's six duties (all on time: dispatched at 14:00, after the four working
    // hours of R-DISPATCH but within that day) and the plan after its close (made only on 11-12 with
    // K004: late), T002's filing and escalation (its same-day solution counts), T003's filing (filed
    // the next morning: late) and escalation (due Monday 23rd after a Friday-night call, never
    // done), October's review (due 6 Nov, never saved).
    expect(view.compliance.total).toEqual({
      due: 12,
      on_time: 8,
      late: 2,
      open: 2,
      missed: 0,
      waived: 0,
      rate: 8 / 12,
    });
    expect(view.compliance.rules.map((r) => [r.rule, r.due, r.on_time, r.late, r.open])).toEqual([
      ["R-FILE-SAME-DAY", 3, 2, 1, 0],
      ["R-ESC-1DAY", 3, 2, 0, 1],
      ["R-ANSWER-SAME-DAY", 1, 1, 0, 0],
      ["R-DISPATCH", 1, 1, 0, 0],
      ["R-FOLLOWUP-1", 1, 1, 0, 0],
      ["R-FOLLOWUP-2", 1, 1, 0, 0],
      ["R-NEXT-SERVICE", 1, 0, 1, 0],
      ["R-MONTHLY", 1, 0, 0, 1],
    ]);
    expect(view.compliance.people.map((p) => [p.name, p.due, p.on_time, p.late, p.open])).toEqual([
      ["Anna Schmidt", 1, 0, 0, 1],
      ["王芳", 11, 8, 2, 1],
    ]);
    // six calls: K001, K005, K007 in; K002, K003, K004 out; one letter (K006)
    expect(view.calls.total).toBe(6);
    expect(view.calls.by_direction).toEqual([
      { key: "in", count: 3 },
      { key: "out", count: 3 },
    ]);
    expect(view.calls.by_purpose).toEqual([
      { key: "followup", count: 2 },
      { key: "consult", count: 1 },
      { key: "complaint", count: 2 },
      { key: "other", count: 1 },
    ]);
    expect(view.calls.per_week.map((w) => [w.week, w.count])).toEqual([
      ["2026-10-26", 0],
      ["2026-11-02", 3],
      ["2026-11-09", 2],
      ["2026-11-16", 1],
      ["2026-11-23", 0],
      ["2026-11-30", 0],
    ]);
    expect(view.letters).toEqual({ total: 1, by_kind: [{ key: "reply", count: 1 }] });
    expect(view.consultations).toBe(1);
    expect(view.complaints.map((c) => [c.id, c.text, c.ticket, c.status])).toEqual([
      ["K-261102-K001", "停机影响生产", "T-261102-T001", "closed"],
      ["K-261121-K007", "Noise\nagain", "T-261121-T003", "open"],
    ]);
    expect(view.satisfaction).toEqual({
      count: 2,
      average: 4.5,
      distribution: [
        { score: 5, count: 1 },
        { score: 4, count: 1 },
        { score: 3, count: 0 },
        { score: 2, count: 0 },
        { score: 1, count: 0 },
      ],
    });
    // at the month's end: October's review 24 days overdue, T003's escalation 7 days
    expect(view.overdue_at_end.map((p) => [p.name, p.duties.map((d) => [d.rule, d.days_late])])).toEqual([
      ["Anna Schmidt", [["R-MONTHLY", 24]]],
      ["王芳", [["R-ESC-1DAY", 7]]],
    ]);
    // each customer had five touches; a tie goes alphabetically
    expect(view.top_customers.map((c) => [c.name, c.tickets, c.contacts])).toEqual([
      ["Acme Pumps GmbH", 2, 3],
      ["上海明远机电设备有限公司", 1, 4],
    ]);
  });
});

const REPORTS: [string, string[]][] = [
  ["monthly", ["report", "monthly", "2026-11"]],
  ["annual", ["report", "annual", "2026"]],
  ["calls", ["report", "calls", "--month", "2026-11"]],
  ["letters", ["report", "letters", "--month", "2026-11"]],
  ["call", ["report", "call", "K-261112-K004"]],
  ["customer", ["report", "customer", "C-261002-BBBB"]],
];

describe("built-in templates", () => {
  for (const locale of ["en", "zh-CN"])
    for (const [name, args] of REPORTS)
      it(`${name} in ${locale}: snapshot, valid GFM, valid Mermaid`, async () => {
        const root = testStore(NOVEMBER);
        const r = await cli(root, [...args, "--locale", locale], {
          now: name === "annual" ? "2027-01-04T09:00:00+08:00" : DEC1,
        });
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/${name}.${locale}.md`);
        checkMarkdown(r.stdout);
        const charts = await checkMermaid(r.stdout);
        if (name === "monthly") expect(charts).toBe(2);
        if (name === "annual") expect(charts).toBe(4);
      });

  it("record text with | and line breaks stays inside its table cell", async () => {
    const r = await cli(testStore(NOVEMBER), ["report", "monthly", "2026-11", "--locale", "en"], { now: DEC1 });
    expect(r.stdout).toContain("| 2026-11-20 | Acme Pumps GmbH | Noise<br>again | T-261121-T003 open |");
    const letters = await cli(testStore(NOVEMBER), ["report", "letters", "--locale", "en"], { now: DEC1 });
    expect(letters.stdout).toContain("| Manual \\| quick start |");
  });
});

describe("saving the review", () => {
  it("--save archives the report, commits it, and closes the R-MONTHLY duty", async () => {
    const root = testStore(NOVEMBER);
    const before = JSON.parse((await cli(root, ["due", "--json"], { now: DEC1, as: "Anna Schmidt" })).stdout);
    expect(
      before.filter((d: { rule: string }) => d.rule === "R-MONTHLY").map((d: { source: string }) => d.source),
    ).toEqual(["2026-10", "2026-11"]);
    const r = await cli(root, ["report", "monthly", "2026-10", "--save"], { now: DEC1, as: "Anna Schmidt" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("reports/2026-10-monthly.md\n");
    const text = readFileSync(join(root, "reports/2026-10-monthly.md"), "utf8");
    expect(text.split("\n")[0]).toBe(
      "<!-- aftercare report monthly 2026-10, saved 2026-12-01T09:00:00+08:00 by Anna Schmidt -->",
    );
    expect(text).toContain("# 上海明远机电设备有限公司 售后服务月度总结（2026-10）");
    expect(commits(root)[0]).toMatchObject({
      subject: "report 2026-10 monthly saved — 上海明远机电设备有限公司",
      author: "Anna Schmidt",
    });
    const after = JSON.parse((await cli(root, ["due", "--json"], { now: DEC1 })).stdout);
    expect(
      after.filter((d: { rule: string }) => d.rule === "R-MONTHLY").map((d: { source: string }) => d.source),
    ).toEqual(["2026-11"]);
    const again = await cli(root, ["report", "monthly", "2026-10", "--save"], { now: DEC1, as: "Anna Schmidt" });
    expect(again).toMatchObject({
      code: 1,
      stderr:
        "reports/2026-10-monthly.md is already archived; pass --force to write it again (git keeps the old one); nothing was written\n",
    });
    expect(
      (await cli(root, ["report", "monthly", "2026-10", "--save", "--force"], { now: DEC1, as: "Anna Schmidt" })).code,
    ).toBe(0);
  });

  it("defaults to last month, in the store's zone", async () => {
    const r = await cli(testStore(NOVEMBER), ["report", "monthly", "--locale", "en"], { now: "2026-11-30T17:00:00Z" });
    expect(r.stdout.split("\n")[0]).toBe("# 上海明远机电设备有限公司: after-sales review 2026-11");
  });
});

describe("templates a company writes", () => {
  it("a store's own template overrides the built-in one of the same name, and may include built-in parts", async () => {
    const root = testStore({
      ...NOVEMBER,
      "templates/monthly.en.md.liquid":
        "# {{ company }} — {{ period.label }}\n{{ tickets.received }} tickets; {{ compliance.total.rate | pct }} on time\n",
    });
    const r = await cli(root, ["report", "monthly", "2026-11", "--locale", "en"], { now: DEC1 });
    expect(r.stdout).toBe("# 上海明远机电设备有限公司 — 2026-11\n3 tickets; 67% on time\n");
  });

  it("--template FILE renders any file; an error names the file and line", async () => {
    const root = testStore(NOVEMBER);
    writeFileSync(join(root, "mine.liquid"), "Calls: {{ calls.total }}\n{{ calls.total | dollars }}\n");
    const r = await cli(root, ["report", "monthly", "2026-11", "--template", "mine.liquid"], { now: DEC1 });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "mine.liquid:2:1: undefined filter: dollars\nthe report could not be written: fix the template; nothing was written\n",
    );
  });

  it("runs sandboxed: no includes from outside the template folders, no runaway loops", async () => {
    const root = testStore(NOVEMBER);
    writeFileSync(join(root, "escape.liquid"), '{% include "../../aftercare.yaml" %}\n');
    const esc = await cli(root, ["report", "calls", "--template", "escape.liquid"], { now: DEC1 });
    expect(esc.code).toBe(1);
    expect(esc.stderr).toMatch(/^escape.liquid:1:1: ENOENT: Failed to lookup "..\/..\/aftercare.yaml"/);
    writeFileSync(join(root, "loop.liquid"), "{% for i in (1..100000000) %}{{ i }}{% endfor %}\n");
    const loop = await cli(root, ["report", "calls", "--template", "loop.liquid"], { now: DEC1 });
    expect(loop.code).toBe(1);
    expect(loop.stderr).toMatch(/^loop.liquid:1:1: (memory alloc limit exceeded|template render limit exceeded)/);
  });
});

describe("docs/templates.md", () => {
  it("its example template renders as documented", async () => {
    const doc = readFileSync(join(import.meta.dirname, "..", "docs", "templates.md"), "utf8");
    const example = /```liquid\n([\s\S]*?)```/.exec(doc)![1]!;
    const root = testStore({ ...NOVEMBER, "templates/monthly.en.md.liquid": example });
    const r = await cli(root, ["report", "monthly", "2026-11", "--locale", "en"], { now: DEC1 });
    expect(r.stdout).toBe(
      [
        "# 上海明远机电设备有限公司: 2026-11 at a glance",
        "",
        "- 3 requests, 2 solved; median time to a solution 2 h",
        "- 67% of the regulation's deadlines kept (8 of 12)",
        "- R-FILE-SAME-DAY (file the request the same day): 1 late, 0 still open",
        "- R-ESC-1DAY (escalate within one day): 0 late, 1 still open",
        "- R-NEXT-SERVICE (planned next contact): 1 late, 0 still open",
        "- R-MONTHLY (monthly and year-end review): 0 late, 1 still open",
        "",
        "| customer | complaint |",
        "| --- | --- |",
        "| 上海明远机电设备有限公司 | 停机影响生产 |",
        "| Acme Pumps GmbH | Noise<br>again |",
        "",
      ].join("\n"),
    );
    checkMarkdown(r.stdout);
  });
});
