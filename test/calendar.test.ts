// The working calendar beyond 2026 (issue 16): public holidays from a maintained source
// (chinese-days for China, date-holidays elsewhere), the store's own days over them, the loud
// warning when a year has no data, and `holidays add` / `holidays workday`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CHINA_2026,
  calendarSource,
  missingYears,
  resolveCalendar,
  workCalendar,
  yearSpans,
} from "../src/domain/calendar.js";
import { calendarStamp, sourceDays } from "../src/store/calendar-source.js";
import { bin, cli, commits, git, SETTINGS, tempDir, testStore } from "./helpers.js";

/** The State Council's arrangement for 2025 (国办发明电〔2024〕12号), as published. */
const CHINA_2025 = {
  holidays: [
    { name: "元旦", from: "2025-01-01", to: "2025-01-01" },
    { name: "春节", from: "2025-01-28", to: "2025-02-04" },
    { name: "清明节", from: "2025-04-04", to: "2025-04-06" },
    { name: "劳动节", from: "2025-05-01", to: "2025-05-05" },
    { name: "端午节", from: "2025-05-31", to: "2025-06-02" },
    { name: "国庆节、中秋节", from: "2025-10-01", to: "2025-10-08" },
  ],
  // Sunday 01-26, Saturday 02-08, Sunday 04-27, Sunday 09-28, Saturday 10-11
  workdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
};

const daysOf = (list: { from: string; to?: string }[]) => {
  const out: string[] = [];
  for (const h of list)
    for (
      let d = h.from;
      d <= (h.to ?? h.from);
      d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    )
      out.push(d);
  return out.sort();
};

const CUSTOMER = "C-261101-AAAA";
const customer = (name: string, created = "2026-11-01T09:00:00+08:00") => ({
  [`customers/${CUSTOMER}.yaml`]: `name: ${name}\ncreated: ${created}\n`,
});
/** An open ticket received at `at` (the store's offset), not yet escalated: R-ESC-1DAY, one working day. */
const ticket = (id: string, at: string, offset = "+08:00") => ({
  [`tickets/20${id.slice(2, 4)}/${id.slice(4, 6)}/${id}.yaml`]: `customer: ${CUSTOMER}\nreceived: ${at}${offset}\nfiled: ${at}${offset}\nchannel: phone\nkind: repair\nproblem: 空压机跳闸\nstatus: open\nassignee: 王芳\n`,
});
const escDeadline = async (root: string, id: string, now: string) => {
  const r = await cli(root, ["due", "--json", "--within", "30"], { now });
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { key: string; deadline: string }[]).find((d) => d.key === `R-ESC-1DAY:${id}`)
    ?.deadline;
};

const WARN_2027 =
  "warning: no public holidays for 2027 in the working calendar (cn: chinese-days 1.5.7 has 2004–2026), so deadlines there count them as working days: once the State Council publishes them, add them with 'aftercare holidays add NAME --from DATE --to DATE' and 'aftercare holidays workday DATE' (make-up working days), or update aftercare for a newer chinese-days\n";
const WARN_2027_ZH =
  "警告：工作日历中没有 2027 年的法定节假日（cn：chinese-days 1.5.7 收录 2004–2026 年），相关期限会把节假日当作工作日计算：国务院公布后用 'aftercare holidays add 名称 --from 日期 --to 日期' 和 'aftercare holidays workday 日期'（调休上班日）添加，或更新 aftercare 以使用新版 chinese-days\n";

describe("the China dataset (chinese-days)", () => {
  it("has the State Council's 2025 and 2026 arrangements: every day off and every make-up Saturday and Sunday", async () => {
    const cn = await sourceDays("cn", "zh-CN");
    for (const [year, published] of [
      ["2025", CHINA_2025],
      ["2026", CHINA_2026],
    ] as const) {
      expect([...cn.holidays.keys()].filter((d) => d.startsWith(year)).sort()).toEqual(daysOf(published.holidays));
      expect([...cn.workdays.keys()].filter((d) => d.startsWith(year)).sort()).toEqual([...published.workdays].sort());
    }
    // the make-up days fall on weekends: 2026-01-04 Sunday, 02-14 and 02-28 Saturdays, 05-09 Saturday, 09-20 Sunday, 10-10 Saturday
    expect(CHINA_2026.workdays.map((d) => new Date(`${d}T00:00:00Z`).getUTCDay())).toEqual([0, 6, 6, 6, 0, 6]);
    expect(cn.holidays.get("2026-02-17")).toBe("春节");
    expect((await sourceDays("cn", "en")).holidays.get("2026-10-01")).toBe("National Day");
    expect(yearSpans(cn.years)).toBe("2004–2026");
    // the working calendar the rules use: Spring Festival 2026 off, the make-up Saturday on
    const cal = workCalendar(resolveCalendar(undefined, { id: "cn", explicit: true }, cn).settings);
    expect(
      ["2026-02-13", "2026-02-14", "2026-02-15", "2026-02-23", "2026-02-24"].map((d) => cal.isWorkingDay(d)),
    ).toEqual([true, true, false, false, true]);
    expect(cal.addWorkingDays("2025-09-30", 1)).toBe("2025-10-09");
  });

  it("a store without calendar.source takes cn in a Chinese time zone, none elsewhere; the index's basis names the data's version", () => {
    expect(calendarSource({ timezone: "Asia/Shanghai" })).toEqual({ id: "cn", explicit: false });
    expect(calendarSource({ timezone: "Europe/Berlin" })).toEqual({ id: "none", explicit: false });
    expect(calendarSource({ timezone: "Asia/Shanghai", calendar: { source: "none" } })).toEqual({
      id: "none",
      explicit: true,
    });
    expect(calendarStamp({ timezone: "Asia/Shanghai" })).toBe("cn chinese-days 1.5.7");
    expect(calendarStamp({ timezone: "Europe/Berlin", calendar: { source: "DE-BY" } })).toBe(
      "DE-BY date-holidays 3.37.0",
    );
    expect(calendarStamp({ timezone: "UTC" })).toBe("none");
  });
});

describe("the store's own days win over the source", () => {
  it("an own working day cancels a source holiday, an own day off a source make-up day; both are shown with their origin", async () => {
    const cn = await sourceDays("cn", "zh-CN");
    const own = { holidays: [{ name: "公司年会", from: "2026-10-10" }], workdays: ["2026-10-08"] };
    const r = resolveCalendar(own, { id: "cn", explicit: false }, cn);
    const cal = workCalendar(r.settings);
    expect(cal.isWorkingDay("2026-10-08")).toBe(true); // National Day in the dataset, worked here
    expect(cal.isWorkingDay("2026-10-10")).toBe(false); // the dataset's make-up Saturday, a day off here
    expect(r.off.get("2026-10-10")).toEqual({ name: "公司年会", origin: "settings" });
    expect(r.on.get("2026-10-08")).toEqual({ origin: "settings" });
    expect(r.off.get("2026-10-07")).toEqual({ name: "国庆节", origin: "source" });
  });

  it("through the CLI: holidays workday on a source holiday moves a deadline, and the derived index finds it again", async () => {
    const T = "T-261005-AAAA";
    const root = testStore({ ...customer("上海明远机电设备有限公司"), ...ticket(T, "2026-10-05T10:00:00") });
    const now = "2026-10-05T12:00:00+08:00";
    // received on National Day (10-05): one working day later is Thursday 10-08 (10-06 and 10-07 off)
    expect(await escDeadline(root, T, now)).toBe("2026-10-08");
    const w = await cli(root, ["holidays", "workday", "2026-10-06"], { now });
    expect(w).toMatchObject({
      code: 0,
      stdout: "2026-10-06\n",
      stderr:
        "added 2026-10-06 (Tue) to the working calendar in aftercare.yaml as a make-up working day (a day off in chinese-days 1.5.7: National Day)\n",
    });
    expect(await escDeadline(root, T, now)).toBe("2026-10-06");
    const show = await cli(root, ["holidays", "2026"]);
    expect(show.stdout).toContain(
      "2026-10-01 – 2026-10-05  Thu–Mon   National Day          chinese-days 1.5.7\n2026-10-07               Wed       National Day          chinese-days 1.5.7\n",
    );
    expect(show.stdout).toContain("2026-10-06            Tue                       aftercare.yaml\n");
    expect(show.stdout).toContain("2026-10-10            Sat      National Day     chinese-days 1.5.7\n");
  });

  it("an existing Shanghai store keeps its own 2026 days and gains 2025 from the dataset", async () => {
    const settings = `${SETTINGS}calendar:\n  workweek: [1, 2, 3, 4, 5]\n  holidays:\n    - { name: 国庆节, from: 2026-10-01, to: 2026-10-07 }\n  workdays: [2026-10-10]\n`;
    const root = testStore({}, { settings });
    const r = await cli(root, ["holidays", "2025", "--json"]);
    const data = JSON.parse(r.stdout) as {
      source: { id: string; explicit: boolean };
      holidays: { name: string; from: string; to: string; origin: string }[];
      workdays: { day: string }[];
      workingDays: number;
    };
    expect(data.source).toMatchObject({ id: "cn", explicit: false });
    expect(data.holidays.map((h) => [h.from, h.to, h.origin])).toContainEqual([
      "2025-01-28",
      "2025-02-04",
      "chinese-days 1.5.7",
    ]);
    expect(data.workdays.map((w) => w.day)).toEqual(CHINA_2025.workdays);
    expect(data.workingDays).toBe(248);
    const y26 = JSON.parse((await cli(root, ["holidays", "2026", "--json"])).stdout) as typeof data;
    expect(y26.holidays.find((h) => h.from === "2026-10-01")).toEqual({
      name: "国庆节",
      from: "2026-10-01",
      to: "2026-10-07",
      origin: "aftercare.yaml",
    });
  });
});

describe("a year without public holidays is loud", () => {
  const T = "T-261231-BBBB";
  // the store starts in December: no review of November is overdue
  const store = () =>
    testStore({
      ...customer("上海明远机电设备有限公司", "2026-12-31T09:00:00+08:00"),
      ...ticket(T, "2026-12-31T10:00:00"),
    });

  it("due says so once, above the list, when a window reaches into 2027; --fail-if-overdue is unaffected", async () => {
    const root = store();
    const r = await cli(root, ["due", "--fail-if-overdue"], { now: "2026-12-31T11:00:00+08:00" });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(WARN_2027);
    expect(r.stdout).toContain("R-ESC-1DAY");
    // the cron job in Chinese: the same line, once, before the list
    const zh = bin(root, ["due", "--now", "2026-12-31 11:00"], { AFTERCARE_LOCALE: "zh-CN" });
    expect(zh.stdout.startsWith("上海明远机电设备有限公司 — 2026-12-31（星期四）待办（Asia/Shanghai）")).toBe(true);
    expect(zh.stderr).toBe(WARN_2027_ZH);
    // on 2026-12-01 nothing reaches 2027 yet: no warning
    expect((await cli(root, ["due"], { now: "2026-12-01T09:00:00+08:00" })).stderr).toBe("");
  });

  it("in 2027 due, overdue and check warn; holidays add and holidays workday fill the year, one commit each, and the warning is gone", async () => {
    const root = store();
    const now = "2027-01-05T09:00:00+08:00";
    expect((await cli(root, ["overdue"], { now })).stderr).toBe(WARN_2027);
    const check = await cli(root, ["check"], { now });
    expect(check).toMatchObject({ code: 0, stdout: "", stderr: WARN_2027 });
    // the new year's arrangement, typed at the desk in two minutes
    const add = await cli(root, ["holidays", "add", "春节", "--from", "2027-02-06", "--to", "2027-02-13"], { now });
    expect(add).toMatchObject({
      code: 0,
      stdout: "2027-02-06 – 2027-02-13\n",
      stderr: "added 春节 (2027-02-06 – 2027-02-13, 8 days off) to the working calendar in aftercare.yaml\n",
    });
    const work = await cli(root, ["holidays", "workday", "2027-02-20"], { now, env: { AFTERCARE_LOCALE: "zh-CN" } });
    expect(work).toMatchObject({
      code: 0,
      stdout: "2027-02-20\n",
      stderr: "已在 aftercare.yaml 的工作日历中加入调休上班日 2027-02-20（星期六）\n",
    });
    expect(
      commits(root)
        .slice(0, 2)
        .map((c) => [c.author, c.subject]),
    ).toEqual([
      ["王芳", "calendar: 2027-02-20 added as a make-up working day"],
      ["王芳", "calendar: 春节 2027-02-06 – 2027-02-13 added as days off"],
    ]);
    expect(git(root, "status", "--porcelain")).toBe("");
    expect(readFileSync(join(root, "aftercare.yaml"), "utf8")).toContain(
      "calendar:\n  holidays:\n    - name: 春节\n      from: 2027-02-06\n      to: 2027-02-13\n  workdays:\n    - 2027-02-20\n",
    );
    expect((await cli(root, ["due"], { now })).stderr).toBe("");
    expect((await cli(root, ["check"], { now })).stderr).toBe("");
    const shown = await cli(root, ["holidays", "2027"], { env: { AFTERCARE_LOCALE: "zh-CN" } });
    expect(shown.stdout).toBe(
      [
        "每周工作日：星期一 星期二 星期三 星期四 星期五；2027 年共 257 个工作日",
        "法定节假日来源：cn（chinese-days 1.5.7，2004–2026 年），Asia/Shanghai 的默认来源；aftercare.yaml 中的日子优先",
        "",
        "放假日期                 星期           节日  来源",
        "2027-02-06 – 2027-02-13  星期六–星期六  春节  aftercare.yaml",
        "",
        "调休上班日  星期    调休原因  来源",
        "2027-02-20  星期六            aftercare.yaml",
        "",
      ].join("\n"),
    );
  });

  it("check is silent while the current year has data; a store that keeps no public holidays (source none) is never warned", async () => {
    const root = store();
    expect((await cli(root, ["check"], { now: "2026-12-31T11:00:00+08:00" })).stderr).toBe("");
    const none = testStore(
      {},
      { settings: `${SETTINGS.replace("Asia/Shanghai", "Europe/Berlin")}calendar:\n  source: none\n` },
    );
    expect((await cli(none, ["due"], { now: "2027-01-05T09:00:00+01:00" })).stderr).toBe("");
    // without calendar.source outside China: the store is told to choose one
    const unset = testStore({}, { settings: SETTINGS.replace("Asia/Shanghai", "Europe/Berlin") });
    expect((await cli(unset, ["due"], { now: "2027-01-05T09:00:00+01:00" })).stderr).toBe(
      "warning: no public holidays for 2027 in the working calendar (no calendar.source in aftercare.yaml), so deadlines there count them as working days: set calendar.source in aftercare.yaml to the country (such as DE or US-CA; none when no public holiday is kept), or add them with 'aftercare holidays add NAME --from DATE --to DATE'\n",
    );
  });
});

describe("other countries (date-holidays)", () => {
  const berlin = (source: string) =>
    `${SETTINGS.replace("Asia/Shanghai", "Europe/Berlin").replace("locale: zh-CN", "locale: en")}calendar:\n  source: ${source}\n`;

  it("a German store gets Germany's public holidays, Bavaria's with DE-BY, and deadlines skip them", async () => {
    const T = "T-260402-CCCC";
    const root = testStore(
      { ...customer("Acme Pumps GmbH"), ...ticket(T, "2026-04-02T10:00:00", "+02:00") },
      { settings: berlin("DE") },
    );
    const r = await cli(root, ["holidays", "2026", "--json"]);
    const data = JSON.parse(r.stdout) as {
      holidays: { name: string; from: string; origin: string }[];
      workingDays: number;
      missing: boolean;
    };
    expect(data.holidays.map((h) => `${h.from} ${h.name}`)).toEqual([
      "2026-01-01 New Year's Day",
      "2026-04-03 Good Friday",
      "2026-04-06 Easter Monday",
      "2026-05-01 Labour Day",
      "2026-05-14 Ascension Day",
      "2026-05-25 Whit Monday",
      "2026-10-03 National Holiday",
      "2026-12-25 Christmas Day",
      "2026-12-26 Boxing Day",
    ]);
    expect(new Set(data.holidays.map((h) => h.origin))).toEqual(new Set(["date-holidays 3.37.0"]));
    expect(data).toMatchObject({ workingDays: 254, missing: false });
    // received Thursday before Easter: Good Friday and Easter Monday are off, so Tuesday 04-07
    expect(await escDeadline(root, T, "2026-04-02T12:00:00+02:00")).toBe("2026-04-07");
    // the library's days are kept in .aftercare/ for the next run
    expect(readFileSync(join(root, ".aftercare", "cache", "holidays-DE-3.37.0-1990-2060-en.json"), "utf8")).toContain(
      '["2026-04-03","Good Friday"]',
    );
    expect((await cli(root, ["due"], { now: "2031-01-06T09:00:00+01:00" })).stderr).toBe("");

    const by = testStore({}, { settings: berlin("DE-BY") });
    const bavaria = JSON.parse((await cli(by, ["holidays", "2026", "--json"])).stdout) as typeof data;
    expect(bavaria.holidays.map((h) => h.from)).toEqual(
      expect.arrayContaining(["2026-01-06", "2026-06-04", "2026-11-01"]),
    );
    expect(bavaria.holidays).toHaveLength(12);
  });

  it("an unknown country is one line in due and a problem at its line in check; CN is refused for cn", async () => {
    const root = testStore({}, { settings: berlin("XX") });
    const due = await cli(root, ["due"]);
    expect(due).toMatchObject({ code: 1, stdout: "" });
    expect(due.stderr).toBe(
      `calendar.source "XX" in aftercare.yaml is not a country that date-holidays 3.37.0 knows; use cn, none, or a code such as DE, DE-BY or US-CA (https://github.com/commenthol/date-holidays#supported-countries-states-regions)\n`,
    );
    const check = await cli(root, ["check"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /^aftercare\.yaml:\d+:\d+: calendar\.source "XX" is not a country that date-holidays 3\.37\.0 knows; /,
    );
    const cn = await cli(testStore({}, { settings: berlin("CN") }), ["due"]);
    expect(cn.code).toBe(1);
    expect(cn.stderr).toMatch(
      /aftercare\.yaml:\d+:\d+: calendar\.source must be cn \(lower case\) for the State Council's calendar with its make-up working days; CN would be date-holidays' rules without them\n$/,
    );
  });
});

describe("holidays add and holidays workday refuse what does not fit, and write nothing", () => {
  it("overlaps, a stretch too long, --to before --from, a working day, a day listed twice", async () => {
    const root = testStore(
      {},
      {
        settings: `${SETTINGS}calendar:\n  holidays:\n    - { name: 公司年会, from: 2027-01-15 }\n  workdays: [2027-02-20]\n`,
      },
    );
    const before = readFileSync(join(root, "aftercare.yaml"), "utf8");
    const cases: [string[], number, string][] = [
      [
        ["holidays", "add", "春节", "--from", "2027-01-14", "--to", "2027-01-16"],
        1,
        "2027-01-15 is already a day off in aftercare.yaml (公司年会, 2027-01-15); edit that entry instead; nothing was written\n",
      ],
      [
        ["holidays", "add", "春节", "--from", "2027-02-19", "--to", "2027-02-21"],
        1,
        "2027-02-20 is a make-up working day in aftercare.yaml; remove it from calendar.workdays first; nothing was written\n",
      ],
      [
        ["holidays", "add", "春节", "--from", "2027-02-06", "--to", "2028-02-12"],
        2,
        "--from 2027-02-06 --to 2028-02-12 is 372 days: a stretch of days off is at most 31 days (a typo in the year?); add longer ones in parts; nothing was written\n",
      ],
      [
        ["holidays", "add", "春节", "--from", "2027-02-12", "--to", "2027-02-06"],
        2,
        "--to 2027-02-06 is before --from 2027-02-12; nothing was written\n",
      ],
      [["holidays", "add", "春节"], 2, "holidays add needs --from DATE (the first day off); nothing was written\n"],
      [
        ["holidays", "workday", "2027-02-22"],
        1,
        "2027-02-22 (Mon) is a working day already; a make-up working day is a day off made a working day; nothing was written\n",
      ],
      [
        ["holidays", "workday", "2027-02-20"],
        1,
        "2027-02-20 is already a make-up working day in aftercare.yaml; nothing was written\n",
      ],
      [
        ["holidays", "workday", "2027-01-15"],
        1,
        "2027-01-15 is already a day off in aftercare.yaml (公司年会, 2027-01-15); edit that entry instead; nothing was written\n",
      ],
    ];
    for (const [args, code, stderr] of cases)
      expect(await cli(root, args), args.join(" ")).toMatchObject({ code, stdout: "", stderr });
    const zh = await cli(root, ["holidays", "workday", "2027-02-22"], { env: { AFTERCARE_LOCALE: "zh-CN" } });
    expect(zh.stderr).toBe("2027-02-22（星期一）本来就是工作日；调休上班日应是原本休息的日子；未写入任何内容\n");
    const overlap = await cli(root, ["holidays", "add", "春节", "--from", "2027-01-14", "--to", "2027-01-16"], {
      env: { AFTERCARE_LOCALE: "zh-CN" },
    });
    expect(overlap).toMatchObject({
      code: 1,
      stderr:
        "2027-01-15 已是 aftercare.yaml 中的放假日（公司年会，2027-01-15）；请直接在 aftercare.yaml 中修改那一条；未写入任何内容\n",
    });
    expect(readFileSync(join(root, "aftercare.yaml"), "utf8")).toBe(before);
    expect(commits(root)).toHaveLength(1);
  });
});

describe("init names the source", () => {
  it("cn in Shanghai, the country of the zone elsewhere, none when no one country has it", () => {
    const dir = tempDir();
    const sh = bin(dir, ["init", "sh", "--company", "明远", "--timezone", "Asia/Shanghai", "--locale", "zh-CN"]);
    expect(sh.code).toBe(0);
    expect(readFileSync(join(dir, "sh", "aftercare.yaml"), "utf8")).toContain("calendar:\n  source: cn\n  workweek:\n");
    const de = bin(dir, ["init", "de", "--company", "Acme", "--timezone", "Europe/Berlin", "--locale", "en"]);
    expect(readFileSync(join(dir, "de", "aftercare.yaml"), "utf8")).toContain("calendar:\n  source: DE\n");
    expect(de.stderr.split("\n")[0]).toBe(
      "note: public holidays of DE from date-holidays (calendar.source in aftercare.yaml; a state's or region's own with a code such as DE-BY or US-CA); see 'aftercare holidays'",
    );
    const utc = bin(dir, ["init", "utc", "--company", "X", "--timezone", "UTC", "--locale", "en"]);
    expect(readFileSync(join(dir, "utc", "aftercare.yaml"), "utf8")).toContain("calendar:\n  source: none\n");
    expect(utc.stderr.split("\n")[0]).toMatch(
      /^note: no one country has the time zone UTC, so no public holidays are set \(calendar\.source: none\)/,
    );
  });
});

describe("missing years", () => {
  it("are the years without data among those asked, when worth a warning", async () => {
    const cn = resolveCalendar(undefined, { id: "cn", explicit: true }, await sourceDays("cn", "en"));
    expect(missingYears(cn, [2026, 2027, 2027, 2003])).toEqual([2003, 2027]);
    const own = resolveCalendar(
      { holidays: [{ name: "x", from: "2027-05-01" }] },
      { id: "cn", explicit: true },
      await sourceDays("cn", "en"),
    );
    expect(missingYears(own, [2027, 2028])).toEqual([2028]);
  });
});
