// Reviews and registers (issue 10, item 7): a review is saved only once its period has ended and
// only by the supervisor; a corrected review keeps its first save; a delivered vehicle counts as
// resolved; every month is the company's calendar month in its zone, whatever offset a time was
// written with. All with a pinned clock, in English and Chinese. The same reviews from the derived
// index: test/reviews-index.test.ts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { monthPeriod, yearPeriod } from "../src/domain/kpi.js";
import { periodView } from "../src/report/view.js";
import { dutyInput, savedReports } from "../src/store/duty-input.js";
import { Store } from "../src/store/store.js";
import { cli, commits, git, SETTINGS, testStore } from "./helpers.js";
import { MONTH_EDGE, NOVEMBER, VEHICLES } from "./report-fixtures.js";

const DEC1 = "2026-12-01T09:00:00+08:00";
const ZH = { AFTERCARE_LOCALE: "zh-CN" };
const WITH_ZHOU = SETTINGS + "  - name: 周敏\n    role: supervisor\n";
const NO_SUPERVISOR = SETTINGS.replace("  - name: Anna Schmidt\n    role: supervisor\n", "");

/** Nothing was written: no review file, no commit beyond the fixture's. */
function untouched(root: string, path = "reports/2026-11-monthly.md") {
  expect(existsSync(join(root, path))).toBe(false);
  expect(commits(root)).toHaveLength(1);
  expect(git(root, "status", "--porcelain")).toBe("");
}

describe("saving a review: only once its period has ended", () => {
  it("November cannot be saved on 11-20, nor at 23:59:59 on 11-30 Shanghai; it can at 00:00 on 12-01 Shanghai (16:00 UTC)", async () => {
    const root = testStore(NOVEMBER);
    const early = await cli(root, ["report", "monthly", "2026-11", "--save"], {
      now: "2026-11-20T10:00:00+08:00",
      as: "Anna Schmidt",
    });
    expect(early).toMatchObject({
      code: 1,
      stdout: "",
      stderr:
        "the monthly review 2026-11 cannot be saved before its period has ended (2026-12-01 00:00, Asia/Shanghai); without --save it prints as a preview; nothing was written\n",
    });
    untouched(root);
    const lastSecond = await cli(root, ["report", "monthly", "2026-11", "--save"], {
      now: "2026-11-30T23:59:59+08:00",
      as: "Anna Schmidt",
    });
    expect(lastSecond.code).toBe(1);
    untouched(root);
    // the same moment written in UTC: 16:00Z on 11-30 is 00:00 on 12-01 in Shanghai
    const first = await cli(root, ["report", "monthly", "2026-11", "--save"], {
      now: "2026-11-30T16:00:00Z",
      as: "Anna Schmidt",
    });
    expect(first).toMatchObject({
      code: 0,
      stdout: "reports/2026-11-monthly.md\n",
      stderr: "saved the monthly review 2026-11 to reports/2026-11-monthly.md (R-MONTHLY)\n",
    });
    expect(readFileSync(join(root, "reports/2026-11-monthly.md"), "utf8").split("\n")[0]).toBe(
      "<!-- aftercare report monthly 2026-11, saved 2026-12-01T00:00:00+08:00 by Anna Schmidt -->",
    );
  });

  it("in Chinese", async () => {
    const root = testStore(NOVEMBER);
    const r = await cli(root, ["report", "monthly", "2026-11", "--save"], {
      now: "2026-11-20T10:00:00+08:00",
      as: "Anna Schmidt",
      env: ZH,
    });
    expect(r).toMatchObject({
      code: 1,
      stdout: "",
      stderr:
        "2026-11 月度总结须在该期间结束（2026-12-01 00:00，Asia/Shanghai）后才能存档；不加 --save 可先预览；未写入任何内容\n",
    });
    untouched(root);
    const ok = await cli(root, ["report", "monthly", "2026-11", "--save"], { now: DEC1, as: "Anna Schmidt", env: ZH });
    expect(ok).toMatchObject({
      code: 0,
      stdout: "reports/2026-11-monthly.md\n",
      stderr: "已将 2026-11 月度总结存档为 reports/2026-11-monthly.md（R-MONTHLY）\n",
    });
  });

  it("a future month, and the year-end review before the new year, are refused; the year after, it is saved", async () => {
    const root = testStore(NOVEMBER);
    const future = await cli(root, ["report", "monthly", "2027-03", "--save"], { now: DEC1, as: "Anna Schmidt" });
    expect(future).toMatchObject({
      code: 1,
      stderr:
        "the monthly review 2027-03 cannot be saved before its period has ended (2027-04-01 00:00, Asia/Shanghai); without --save it prints as a preview; nothing was written\n",
    });
    untouched(root, "reports/2027-03-monthly.md");
    const year = await cli(root, ["report", "annual", "2026", "--save"], {
      now: "2026-12-31T23:00:00+08:00",
      as: "Anna Schmidt",
    });
    expect(year).toMatchObject({
      code: 1,
      stderr:
        "the year-end review 2026 cannot be saved before its period has ended (2027-01-01 00:00, Asia/Shanghai); without --save it prints as a preview; nothing was written\n",
    });
    untouched(root, "reports/2026-annual.md");
    const yearZh = await cli(root, ["report", "annual", "2026", "--save"], {
      now: "2026-12-31T23:00:00+08:00",
      as: "Anna Schmidt",
      env: ZH,
    });
    expect(yearZh.stderr).toBe(
      "2026 年终总结须在该期间结束（2027-01-01 00:00，Asia/Shanghai）后才能存档；不加 --save 可先预览；未写入任何内容\n",
    );
    const saved = await cli(root, ["report", "annual", "2026", "--save"], {
      now: "2027-01-04T09:00:00+08:00",
      as: "Anna Schmidt",
    });
    expect(saved).toMatchObject({
      code: 0,
      stdout: "reports/2026-annual.md\n",
      stderr: "saved the year-end review 2026 to reports/2026-annual.md (R-MONTHLY)\n",
    });
  });

  it("without --save it is a preview: anyone, any time, nothing written", async () => {
    const root = testStore(NOVEMBER);
    const r = await cli(root, ["report", "monthly", "2026-11", "--locale", "en"], {
      now: "2026-11-20T10:00:00+08:00",
      as: "王芳",
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toBe("# 上海明远机电设备有限公司: after-sales review 2026-11");
    const y = await cli(root, ["report", "annual", "2026", "--locale", "en"], {
      now: "2026-11-20T10:00:00+08:00",
      as: "",
    });
    expect(y.code).toBe(0);
    untouched(root);
  });

  it("a malformed period is wrong usage (exit 2), before anything else", async () => {
    const root = testStore(NOVEMBER);
    const r = await cli(root, ["report", "monthly", "2026-13", "--save"], { now: DEC1, as: "王芳" });
    expect(r).toMatchObject({ code: 2, stderr: 'month "2026-13" must look like 2026-11\n' });
    untouched(root);
  });
});

describe("saving a review: only by the department supervisor (R-MONTHLY)", () => {
  it("a clerk is refused, and told whom to ask", async () => {
    const root = testStore(NOVEMBER);
    const r = await cli(root, ["report", "monthly", "2026-11", "--save"], { now: DEC1, as: "王芳" });
    expect(r).toMatchObject({
      code: 1,
      stdout: "",
      stderr:
        "only the department supervisor saves the monthly review (R-MONTHLY); 王芳 is on the staff list as clerk: ask Anna Schmidt; without --save it prints as a preview; nothing was written\n",
    });
    untouched(root);
    const zh = await cli(root, ["report", "annual", "2026", "--save"], {
      now: "2027-01-04T09:00:00+08:00",
      as: "赵工",
      env: ZH,
    });
    expect(zh).toMatchObject({
      code: 1,
      stderr:
        "年终总结只能由部门主管存档（R-MONTHLY）；赵工 在员工名单中是工程部主管：请由 Anna Schmidt 存档；不加 --save 可先预览；未写入任何内容\n",
    });
    untouched(root, "reports/2026-annual.md");
  });

  it("a store without a supervisor says how to name one", async () => {
    const root = testStore(NOVEMBER, { settings: NO_SUPERVISOR });
    const r = await cli(root, ["report", "monthly", "2026-11", "--save"], { now: DEC1, as: "王芳" });
    expect(r.stderr).toBe(
      "only the department supervisor saves the monthly review (R-MONTHLY); 王芳 is on the staff list as clerk, and no supervisor is on the staff list: add one with 'aftercare staff add NAME --role supervisor'; without --save it prints as a preview; nothing was written\n",
    );
    const zh = await cli(root, ["report", "monthly", "2026-11", "--save"], { now: DEC1, as: "王芳", env: ZH });
    expect(zh.stderr).toBe(
      "月度总结只能由部门主管存档（R-MONTHLY）；王芳 在员工名单中是售后客服，员工名单中没有部门主管：用 'aftercare staff add 姓名 --role supervisor' 添加；不加 --save 可先预览；未写入任何内容\n",
    );
    untouched(root);
  });

  it("a supervisor who has left is no longer one", async () => {
    const root = testStore(NOVEMBER, {
      settings: SETTINGS.replace("    role: supervisor\n", "    role: supervisor\n    left: 2026-11-30\n"),
    });
    const r = await cli(root, ["report", "monthly", "2026-11", "--save"], { now: DEC1, as: "Anna Schmidt" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^only the department supervisor saves the monthly review \(R-MONTHLY\); Anna Schmidt is on the staff list as supervisor, and no supervisor is on the staff list/,
    );
    untouched(root);
  });
});

describe("a corrected review keeps the date of its first save", () => {
  it("re-saved with --force: saved <first> by <first>, revised <now> by <name>; savedReports() still gives the first", async () => {
    const root = testStore(NOVEMBER, { settings: WITH_ZHOU });
    const path = join(root, "reports/2026-11-monthly.md");
    expect((await cli(root, ["report", "monthly", "2026-11", "--save"], { now: DEC1, as: "Anna Schmidt" })).code).toBe(
      0,
    );
    const again = await cli(root, ["report", "monthly", "2026-11", "--save", "--force"], {
      now: "2026-12-09T15:00:00+08:00",
      as: "周敏",
    });
    expect(again).toMatchObject({
      code: 0,
      stdout: "reports/2026-11-monthly.md\n",
      stderr:
        "revised the monthly review 2026-11 in reports/2026-11-monthly.md; it keeps its first save, 2026-12-01 09:00 by Anna Schmidt (R-MONTHLY)\n",
    });
    expect(readFileSync(path, "utf8").split("\n")[0]).toBe(
      "<!-- aftercare report monthly 2026-11, saved 2026-12-01T09:00:00+08:00 by Anna Schmidt, revised 2026-12-09T15:00:00+08:00 by 周敏 -->",
    );
    expect(commits(root)[0]).toMatchObject({
      subject: "report 2026-11 monthly revised — 上海明远机电设备有限公司",
      author: "周敏",
    });
    // a third save: still the first, and the latest revision
    const third = await cli(root, ["report", "monthly", "2026-11", "--save", "--force"], {
      now: "2026-12-20T10:00:00+08:00",
      as: "Anna Schmidt",
      env: ZH,
    });
    expect(third.stderr).toBe(
      "已修订 2026-11 月度总结（reports/2026-11-monthly.md）；仍以首次存档为准：2026-12-01 09:00（Anna Schmidt）（R-MONTHLY）\n",
    );
    expect(readFileSync(path, "utf8").split("\n")[0]).toBe(
      "<!-- aftercare report monthly 2026-11, saved 2026-12-01T09:00:00+08:00 by Anna Schmidt, revised 2026-12-20T10:00:00+08:00 by Anna Schmidt -->",
    );
    expect(await savedReports(await Store.open(root))).toEqual([
      { kind: "monthly", period: "2026-11", saved: "2026-12-01T09:00:00+08:00", by: "Anna Schmidt" },
    ]);
  });

  it("without --force an archived review is left as it is", async () => {
    const root = testStore(NOVEMBER);
    expect((await cli(root, ["report", "monthly", "2026-11", "--save"], { now: DEC1, as: "Anna Schmidt" })).code).toBe(
      0,
    );
    const before = readFileSync(join(root, "reports/2026-11-monthly.md"), "utf8");
    const r = await cli(root, ["report", "monthly", "2026-11", "--save"], {
      now: "2026-12-09T15:00:00+08:00",
      as: "Anna Schmidt",
    });
    expect(r).toMatchObject({
      code: 1,
      stdout: "",
      stderr:
        "reports/2026-11-monthly.md is already archived; pass --force to write it again (git keeps the old one); nothing was written\n",
    });
    const zh = await cli(root, ["report", "monthly", "2026-11", "--save"], {
      now: "2026-12-09T15:00:00+08:00",
      as: "Anna Schmidt",
      env: ZH,
    });
    expect(zh.stderr).toBe(
      "reports/2026-11-monthly.md 已存档；如需重写请加 --force（git 保留旧版本）；未写入任何内容\n",
    );
    expect(readFileSync(join(root, "reports/2026-11-monthly.md"), "utf8")).toBe(before);
    expect(commits(root)).toHaveLength(2);
  });

  it("a file whose first save could not count (made before the month ended, by a clerk) gets the supervisor's save as its first", async () => {
    const early = "<!-- aftercare report monthly 2026-11, saved 2026-11-20T10:00:00+08:00 by 王芳 -->\n# draft\n";
    const root = testStore({ ...NOVEMBER, "reports/2026-11-monthly.md": early });
    const r = await cli(root, ["report", "monthly", "2026-11", "--save", "--force"], { now: DEC1, as: "Anna Schmidt" });
    expect(r).toMatchObject({
      code: 0,
      stderr: "saved the monthly review 2026-11 to reports/2026-11-monthly.md (R-MONTHLY)\n",
    });
    expect(readFileSync(join(root, "reports/2026-11-monthly.md"), "utf8").split("\n")[0]).toBe(
      "<!-- aftercare report monthly 2026-11, saved 2026-12-01T09:00:00+08:00 by Anna Schmidt -->",
    );
    expect(commits(root)[0]!.subject).toBe("report 2026-11 monthly saved — 上海明远机电设备有限公司");
  });

  it("savedReports() reads a stamp in any offset, with or without a name, and ignores files without one", async () => {
    const root = testStore({
      "reports/2026-09-monthly.md": "<!-- aftercare report monthly 2026-09, saved 2026-10-08T01:00:00Z -->\n",
      "reports/2026-10-monthly.md":
        "<!-- aftercare report monthly 2026-10, saved 2026-11-02T09:00:00+08:00 by 周敏, revised 2026-11-05T09:00:00+08:00 by Anna Schmidt -->\n",
      "reports/2025-annual.md": "# written by hand\n",
      "reports/notes.md": "<!-- aftercare saved 2026-11-02T09:00:00+08:00 -->\n",
    });
    expect(await savedReports(await Store.open(root))).toEqual([
      { kind: "annual", period: "2025", saved: undefined },
      { kind: "monthly", period: "2026-09", saved: "2026-10-08T01:00:00Z" },
      { kind: "monthly", period: "2026-10", saved: "2026-11-02T09:00:00+08:00", by: "周敏" },
    ]);
  });

  it("a name that would end the comment cannot break the stamp", async () => {
    const root = testStore(NOVEMBER, { settings: SETTINGS + "  - name: A --> B\n    role: supervisor\n" });
    expect((await cli(root, ["report", "monthly", "2026-11", "--save"], { now: DEC1, as: "A --> B" })).code).toBe(0);
    expect(readFileSync(join(root, "reports/2026-11-monthly.md"), "utf8").split("\n")[0]).toBe(
      "<!-- aftercare report monthly 2026-11, saved 2026-12-01T09:00:00+08:00 by A -- B -->",
    );
  });
});

const common = { company: "x", timezone: "Asia/Shanghai", locale: "en", generated: DEC1, generated_by: null };

describe("a vehicle delivered at the reception desk counts as resolved", () => {
  it("in the monthly figures: resolved, not open at the month's end", async () => {
    const store = await Store.open(testStore(VEHICLES));
    const view = periodView(await dutyInput(store, new Date(DEC1), () => undefined), monthPeriod("2026-11"), common);
    expect(view.tickets).toMatchObject({ received: 2, resolved: 1, closed: 1, open_at_end: 1 });
    expect(view.tickets.by_kind).toEqual([{ key: "shop", received: 2, resolved: 1, open_at_end: 1 }]);
    // from receipt at 09:00 to delivery at 18:00
    expect(view.tickets.to_resolution).toEqual({ count: 1, median_hours: 9, p90_hours: 9 });
    expect(view.desk).toMatchObject({ delivered: 1, completed: 1, on_promise: 1 });
  });

  it("in the annual figures, month by month", async () => {
    const store = await Store.open(testStore(VEHICLES));
    const view = periodView(
      await dutyInput(store, new Date("2027-01-04T09:00:00+08:00"), () => undefined),
      yearPeriod("2026"),
      common,
    );
    expect(view.tickets).toMatchObject({ received: 2, resolved: 1, open_at_end: 1 });
    expect(view.months.find((m) => m.label === "2026-11")).toMatchObject({ received: 2, resolved: 1 });
  });

  it("as the review reads, in English and Chinese", async () => {
    const root = testStore(VEHICLES);
    const en = await cli(root, ["report", "monthly", "2026-11", "--locale", "en"], { now: DEC1 });
    expect(en.stdout).toContain(
      "| tickets received | 2 |\n| tickets resolved | 1 |\n| tickets still open at the end | 1 |\n",
    );
    expect(en.stdout).toContain("| workshop | 2 | 1 | 1 |\n");
    const zh = await cli(root, ["report", "monthly", "2026-11", "--locale", "zh-CN"], { now: DEC1 });
    expect(zh.stdout).toContain("| 受理工单 | 2 |\n| 解决工单 | 1 |\n| 月末未结工单 | 1 |\n");
    const annual = await cli(root, ["report", "annual", "2026", "--locale", "en"], {
      now: "2027-01-04T09:00:00+08:00",
    });
    expect(annual.stdout).toContain("| tickets resolved | 1 |\n| tickets still open at the end | 1 |\n");
  });

  it("a delivered vehicle reopened afterwards is open again", async () => {
    const reopened = VEHICLES["tickets/2026/11/T-261125-V001.yaml"]!.replace("status: closed", "status: open").replace(
      "closed: 2026-11-25T18:00:00+08:00\n",
      "reopened:\n  - at: 2026-11-28T10:00:00+08:00\n    note: brakes squeal again\n",
    );
    const store = await Store.open(testStore({ ...VEHICLES, "tickets/2026/11/T-261125-V001.yaml": reopened }));
    const view = periodView(await dutyInput(store, new Date(DEC1), () => undefined), monthPeriod("2026-11"), common);
    expect(view.tickets).toMatchObject({ received: 2, resolved: 0, open_at_end: 2 });
  });
});

describe("a month is the company's calendar month in its zone, whatever offset a time was written with", () => {
  it("the call register: the 00:30 call on 12-01 Shanghai is December's, never November's", async () => {
    const root = testStore(MONTH_EDGE);
    const nov = await cli(root, ["report", "calls", "--month", "2026-11", "--json"], { now: DEC1 });
    expect(JSON.parse(nov.stdout).calls.map((c: { id: string }) => c.id)).toEqual(["K-261130-E001"]);
    const dec = await cli(root, ["report", "calls", "--month", "2026-12", "--json"], { now: DEC1 });
    expect(JSON.parse(dec.stdout).calls.map((c: { id: string; no: number }) => [c.no, c.id])).toEqual([
      [1, "K-261201-E002"],
      [2, "K-261201-E003"],
    ]);
    const en = await cli(root, ["report", "calls", "--month", "2026-11", "--locale", "en"], { now: DEC1 });
    expect(en.stdout).toContain("| 1 | 2026-11-30 23:30 | 上海明远机电设备有限公司 |");
    expect(en.stdout).not.toContain("K-261201-E002");
    expect(en.stdout).not.toContain("2026-12-01 00:30");
    const zh = await cli(root, ["report", "calls", "--month", "2026-12", "--locale", "zh-CN"], { now: DEC1 });
    expect(zh.stdout).toContain("| 1 | 2026-12-01 00:30 | 上海明远机电设备有限公司 |");
    expect(zh.stdout).toContain("| 2 | 2026-12-01 00:30 | Acme Pumps GmbH |");
    expect(zh.stdout).not.toContain("K-261130-E001");
  });

  it("the letter register: a letter's bare date is that day", async () => {
    const root = testStore(MONTH_EDGE);
    const nov = await cli(root, ["report", "letters", "--month", "2026-11", "--json"], { now: DEC1 });
    expect(JSON.parse(nov.stdout).letters.map((c: { id: string }) => c.id)).toEqual(["K-261130-E004"]);
    const dec = await cli(root, ["report", "letters", "--month", "2026-12", "--locale", "zh-CN"], { now: DEC1 });
    expect(dec.stdout).toContain("| 1 | 2026-12-01 | Acme Pumps GmbH | 通知 | Sent on the 1st |");
    expect(dec.stdout).not.toContain("Sent on the 30th");
  });

  it("the reviews: November counts one call and one letter, December the rest", async () => {
    const store = await Store.open(testStore(MONTH_EDGE));
    const input = await dutyInput(store, new Date("2027-01-04T09:00:00+08:00"), () => undefined);
    const nov = periodView(input, monthPeriod("2026-11"), common);
    expect([nov.calls.total, nov.letters.total, nov.complaints.length, nov.consultations]).toEqual([1, 1, 0, 0]);
    expect(nov.calls.per_week.at(-1)).toEqual({ week: "2026-11-30", count: 1 });
    const dec = periodView(input, monthPeriod("2026-12"), common);
    expect([dec.calls.total, dec.letters.total, dec.complaints.length, dec.consultations]).toEqual([2, 1, 1, 1]);
    const year = periodView(input, yearPeriod("2026"), common);
    expect(year.months.slice(10).map((m) => [m.label, m.calls, m.letters])).toEqual([
      ["2026-11", 1, 1],
      ["2026-12", 2, 1],
    ]);
    const en = await cli(store.root, ["report", "monthly", "2026-11", "--locale", "en"], {
      now: "2027-01-04T09:00:00+08:00",
    });
    expect(en.stdout).toContain("| calls / letters | 1 / 1 |");
    const zh = await cli(store.root, ["report", "monthly", "2026-12", "--locale", "zh-CN"], {
      now: "2027-01-04T09:00:00+08:00",
    });
    expect(zh.stdout).toContain("| 电话 / 信函 | 2 / 1 |");
  });

  it("export --month: the same days", async () => {
    const root = testStore(MONTH_EDGE);
    const nov = await cli(root, ["export", "contacts", "--month", "2026-11", "--format", "json"], { now: DEC1 });
    expect(JSON.parse(nov.stdout).map((c: { id: string }) => c.id)).toEqual(["K-261130-E004", "K-261130-E001"]);
    const dec = await cli(root, ["export", "contacts", "--month", "2026-12", "--format", "json"], { now: DEC1 });
    // the letter dated 12-01 stands at 00:00 that day, before the calls at 00:30
    expect(JSON.parse(dec.stdout).map((c: { id: string }) => c.id)).toEqual([
      "K-261201-E005",
      "K-261201-E002",
      "K-261201-E003",
    ]);
  });
});

describe("the registers list contacts in the order they happened", () => {
  it("whatever offset each was written with", async () => {
    // 09:00Z is 17:00 in Shanghai: after a call at 10:00 +08:00 the same day, though its text sorts first
    const call = (at: string, summary: string) =>
      `customer: C-261001-AAAA\nat: ${at}\nchannel: call\ndirection: out\npurpose: other\nstaff: 王芳\nsummary: ${summary}\n`;
    const root = testStore({
      ...MONTH_EDGE,
      "contacts/2026/11/K-261110-S001.yaml": call("2026-11-10T09:00:00Z", "seventeen"),
      "contacts/2026/11/K-261110-S002.yaml": call("2026-11-10T10:00:00+08:00", "ten"),
    });
    const r = await cli(root, ["report", "calls", "--month", "2026-11", "--json"], { now: DEC1 });
    expect(JSON.parse(r.stdout).calls.map((c: { summary: string }) => c.summary)).toEqual([
      "ten",
      "seventeen",
      "23:30 Shanghai on 11-30",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The reviews from the derived index (issue 12) are those of a full read, byte for byte: the
// index gives the period's records and the duties due in it, and finds again, as of the period's
// end, the duties of the records that can have been overdue then (report/source.ts).
