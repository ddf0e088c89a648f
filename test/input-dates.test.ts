// Dates and times as people type them (issue 13, item 2) at the command line, and channels and customers
// as they are (item 3), with the clock pinned. Reading the forms themselves is in input-read.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, commits, testStore, SETTINGS } from "./helpers.js";
import { MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const read = (root: string, rel: string) => readFileSync(join(root, rel), "utf8");

describe("--received, --at, --next-date, --date, --now at the command line", () => {
  const opened = (r: { stdout: string }) => r.stdout.trim();

  it("ticket open --received as people write it is stored with the company's offset", async () => {
    const root = testStore(RECORDS);
    const cases: [string, string][] = [
      ["2026/11/25 08:55", "2026-11-25T08:55:00+08:00"],
      ["昨天 15:30", "2026-11-25T15:30:00+08:00"],
      ["11-24 10:00", "2026-11-24T10:00:00+08:00"],
      ["上午9点", "2026-11-26T09:00:00+08:00"],
      ["前天", "2026-11-24T00:00:00+08:00"],
    ];
    for (const [typed, stored] of cases) {
      const r = await cli(root, ["ticket", "open", "--customer", MINGYUAN, "--problem", "x", "--received", typed]);
      expect(r.code, `${typed}: ${r.stderr}`).toBe(0);
      expect(read(root, `tickets/2026/11/${opened(r)}.yaml`)).toContain(
        `received: ${stored}\nfiled: 2026-11-26T10:00:00+08:00\n`,
      );
    }
  });

  it("--received 09:10 typed at 08:55 is refused with yesterday 09:10, in English and Chinese; nothing is written", async () => {
    const root = testStore(RECORDS);
    const before = commits(root).length;
    const now = "2026-11-26T08:55:00+08:00";
    const en = await cli(root, ["ticket", "open", "--customer", MINGYUAN, "--problem", "x", "--received", "09:10"], {
      now,
    });
    expect(en).toMatchObject({ code: 2, stdout: "" });
    expect(en.stderr).toBe(
      '--received 2026-11-26 09:10 is in the future (now 2026-11-26 08:55); record what has happened, when it happened; did you mean yesterday, 2026-11-25 09:10? Give --received "2026-11-25 09:10"; nothing was written\n',
    );
    const zh = await cli(root, ["ticket", "open", "--customer", MINGYUAN, "--problem", "x", "--received", "09:10"], {
      now,
      env: { AFTERCARE_LOCALE: "zh-CN" },
    });
    expect(zh.stderr).toBe(
      '--received 2026-11-26 09:10 晚于现在（2026-11-26 08:55）；请按实际发生的时间登记；是否指昨天 2026-11-25 09:10？请写 --received "2026-11-25 09:10"；未写入任何内容\n',
    );
    const ok = await cli(
      root,
      ["ticket", "open", "--customer", MINGYUAN, "--problem", "x", "--received", "2026-11-25 09:10"],
      { now },
    );
    expect(ok.code).toBe(0);
    expect(commits(root).length).toBe(before + 1);
  });

  it("an ambiguous hour lists its readings; a form that does not parse says what is accepted", async () => {
    const root = testStore(RECORDS);
    const late = await cli(
      root,
      ["call", "log", "--ticket", TICKET, "--direction", "in", "--purpose", "consult", "--summary", "x", "--at", "9点"],
      { now: "2026-11-26T22:00:00+08:00" },
    );
    expect(late).toMatchObject({
      code: 2,
      stderr:
        '--at "9点" can mean 2026-11-26 09:00 or 2026-11-26 21:00; give the one you mean: --at "2026-11-26 09:00" or --at "2026-11-26 21:00"; nothing was written\n',
    });
    const zh = await cli(
      root,
      ["call", "log", "--ticket", TICKET, "--direction", "in", "--purpose", "consult", "--summary", "x", "--at", "9点"],
      { now: "2026-11-26T22:00:00+08:00", env: { AFTERCARE_LOCALE: "zh-CN" } },
    );
    expect(zh.stderr).toBe(
      '--at "9点" 可理解为 2026-11-26 09:00 或 2026-11-26 21:00；请写明所指：--at "2026-11-26 09:00" 或 --at "2026-11-26 21:00"；未写入任何内容\n',
    );
    const bad = await cli(root, ["event", "add", "--title", "答谢会", "--date", "下下下周"], {
      env: { AFTERCARE_LOCALE: "zh-CN" },
    });
    expect(bad).toMatchObject({
      code: 2,
      stderr:
        '--date "下下下周" 不是日期：请写 2026-12-07、2026/12/07、12-07、12/7、12月7日、今天、昨天、明天、前天、周一、下周一；未写入任何内容\n',
    });
    expect(commits(root)).toHaveLength(1);
  });

  it("--next-date 下周一, --date 12月7日 and call --at 昨天 15:30 are stored as the days and moments they name", async () => {
    const root = testStore(RECORDS);
    const call = await cli(root, [
      "call",
      "log",
      "--ticket",
      TICKET,
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "回访",
      "--at",
      "昨天 15:30",
      "--next-date",
      "下周一",
      "--next-topic",
      "保养提醒",
    ]);
    expect(call.code, call.stderr).toBe(0);
    const k = read(root, `contacts/2026/11/${call.stdout.trim()}.yaml`);
    expect(k).toContain("at: 2026-11-25T15:30:00+08:00\n");
    expect(k).toContain("next:\n  date: 2026-11-30\n  topic: 保养提醒\n");
    const ev = await cli(root, ["event", "add", "--title", "答谢会", "--date", "12月7日"]);
    expect(ev.code, ev.stderr).toBe(0);
    expect(read(root, `events/${ev.stdout.trim()}.yaml`)).toContain("date: 2026-12-07\n");
    const sched = await cli(root, ["ticket", "schedule", TICKET, "--date", "周一", "--reason", "技术员在外地"]);
    expect(sched.code, sched.stderr).toBe(0);
    expect(read(root, `tickets/2026/11/${TICKET}.yaml`)).toContain("schedule:\n  date: 2026-11-30\n");
  });

  it("--now as people write it sets the day the morning list is for", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["due", "--now", "下周一 08:30"], { env: { AFTERCARE_NOW: "" } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("上海明远机电设备有限公司 — due on Mon 2026-11-30 (Asia/Shanghai)");
    const bad = await cli(root, ["due", "--now", "someday"], { env: { AFTERCARE_NOW: "" } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^--now "someday" is not a date-time: use YYYY-MM-DD HH:MM \(2026-12-07 08:55\), 2026\/12\/07 08:55/,
    );
  });

  it("--help of every command with a date flag says which forms it takes", async () => {
    const root = testStore(RECORDS);
    for (const cmd of [
      ["ticket", "open"],
      ["call", "log"],
      ["ticket", "close"],
      ["event", "add"],
      ["ticket", "edit"],
    ]) {
      // wide enough that the text is not wrapped (test/help-wrap.test.ts wraps it)
      const r = await cli(root, ["--locale", "en", ...cmd, "--help"], { env: { COLUMNS: "200" } });
      expect(r.stdout, cmd.join(" ")).toContain(
        "Dates and times as people write them, always in the store's time zone:\n  dates  2026-12-07, 2026/12/07, 12-07, 12/7, 12月7日, today, yesterday, tomorrow, 今天, 昨天, 明天, 前天, 周一, 下周一, Monday, next Monday\n  times  15:30, 上午9点, 下午3点半, 3pm (today)\n",
      );
    }
  });
});

describe("channels and customers as they are", () => {
  const CHANNELS_SETTINGS = SETTINGS + "channels:\n  - name: douyin\n    zh-CN: 抖音\n    en: Douyin\n";

  it("a request by WeChat or SMS, and by a channel the store adds, is filed and shown in words", async () => {
    const root = testStore(RECORDS, { settings: CHANNELS_SETTINGS });
    for (const [channel, zh] of [
      ["wechat", "微信"],
      ["sms", "短信"],
      ["douyin", "抖音"],
    ] as const) {
      const r = await cli(root, [
        "ticket",
        "open",
        "--customer",
        "明远",
        "--problem",
        "空压机异响",
        "--channel",
        channel,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const id = r.stdout.trim();
      expect(read(root, `tickets/2026/11/${id}.yaml`)).toContain(`channel: ${channel}\n`);
      expect((await cli(root, ["ticket", "show", id], { env: { AFTERCARE_LOCALE: "zh-CN" } })).stdout).toContain(
        `受理:   2026-11-26 10:00 来自 ${zh}\n`,
      );
      expect((await cli(root, ["ticket", "show", id])).stdout).toContain(`received: 2026-11-26 10:00 by ${channel}\n`);
    }
    expect((await cli(root, ["check"])).code).toBe(0);
  });

  it("a channel is taken as the clerk says it: 微信, 短信, WeChat, a store's own 抖音", async () => {
    const root = testStore(RECORDS, { settings: CHANNELS_SETTINGS });
    for (const [typed, channel] of [
      ["微信", "wechat"],
      ["短信", "sms"],
      ["WeChat", "wechat"],
      ["抖音", "douyin"],
      ["Douyin", "douyin"],
    ] as const) {
      const r = await cli(root, [
        "ticket",
        "open",
        "--customer",
        "明远",
        "--problem",
        "空压机异响",
        "--channel",
        typed,
      ]);
      expect(r.code, `${typed}: ${r.stderr}`).toBe(0);
      expect(read(root, `tickets/2026/11/${r.stdout.trim()}.yaml`)).toContain(`channel: ${channel}\n`);
    }
    const zh = await cli(root, ["ticket", "open", "--customer", "明远", "--problem", "x", "--channel", "飞鸽"], {
      env: { AFTERCARE_LOCALE: "zh-CN" },
    });
    expect(zh).toMatchObject({
      code: 2,
      stdout: "",
      stderr:
        "--channel “飞鸽” 不是可用的来源：请写 phone（电话）、fax（传真）、visit（来访）、email（电子邮件）、web（网站）、wechat（微信）、sms（短信）、douyin（抖音） 之一（其他来源可在 aftercare.yaml 的 channels: 下添加）；未写入任何内容\n",
    });
    expect(commits(root)).toHaveLength(6);
  });

  it("a channel the store has not added is refused, naming the ones it takes", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["ticket", "open", "--customer", "明远", "--problem", "x", "--channel", "douyin"]);
    expect(r).toMatchObject({
      code: 2,
      stderr: '--channel "douyin" is not one of phone, fax, visit, email, web, wechat, sms; nothing was written\n',
    });
    const bad = testStore(RECORDS, { settings: SETTINGS + "channels:\n  - name: WeChat Work\n" });
    const c = await cli(bad, ["check"]);
    expect(c.code).toBe(1);
    expect(c.stdout + c.stderr).toContain(
      "must be lower-case letters, digits and hyphens, such as douyin or hotline-2",
    );
  });

  it("a private person is a customer with their own phone, no organisation and no separate contact", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["customer", "add", "周先生", "--phone", "138 1234 5678"], {
      env: { AFTERCARE_LOCALE: "zh-CN" },
    });
    expect(r.code, r.stderr).toBe(0);
    const id = r.stdout.trim();
    expect(r.stderr).toBe(`已建立客户档案 ${id} 周先生\n`);
    expect(read(root, `customers/${id}.yaml`)).toBe(
      "name: 周先生\ncontacts:\n  - name: 周先生\n    phones:\n      - 138 1234 5678\ncreated: 2026-11-26T10:00:00+08:00\n",
    );
    const t = await cli(
      root,
      ["ticket", "open", "--customer", "13812345678", "--problem", "热水器不加热", "--channel", "wechat"],
      { env: { AFTERCARE_LOCALE: "zh-CN" } },
    );
    expect(t.code, t.stderr).toBe(0);
    expect(t.stderr).toBe(`已为 周先生 (138 1234 5678) 建立工单 ${t.stdout.trim()}\n`);
    expect(
      commits(root)
        .map((c) => c.subject)
        .slice(0, 2),
    ).toEqual([`ticket ${t.stdout.trim()} opened (repair) — 周先生`, `customer ${id} added — 周先生`]);
  });
});
