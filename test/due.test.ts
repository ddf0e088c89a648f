// aftercare due / overdue / holidays / staff absent / event, through the CLI and the real binary.
import { describe, expect, it } from "vitest";
import { bin, cli, commits, testStore } from "./helpers.js";
import { ACME, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const ALL = { ...RECORDS };

describe("aftercare due", () => {
  it("lists what is due and overdue per person, in plain text for a pipe", async () => {
    const root = testStore(ALL);
    // the fixture ticket came in on Friday 20 Nov, nobody escalated it: due Monday 23rd; nobody
    // was sent within four working hours (R-DISPATCH), and nobody told the customer why. It has
    // no assignee: its duties belong to the store's clerk.
    const r = await cli(root, ["due"], { now: "2026-11-26T08:00:00+08:00" });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "上海明远机电设备有限公司 — due on Thu 2026-11-26 (Asia/Shanghai)",
        "",
        "王芳 — 2 overdue",
        "  when        rule        customer                  phone               record         what to do",
        `  overdue 6d  R-DISPATCH  上海明远机电设备有限公司  021-5555 1234 张伟  ${TICKET}  nobody sent yet: tell the customer why and when (aftercare ticket schedule ID --date … --reason …): 空压机启动后跳闸 ⏎ 第二次启动有异响`,
        `  overdue 3d  R-ESC-1DAY  上海明远机电设备有限公司  021-5555 1234 张伟  ${TICKET}  escalate to the engineering supervisor: 空压机启动后跳闸 ⏎ 第二次启动有异响`,
        "",
      ].join("\n"),
    );
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it("says so when nothing is due, and exits 0", async () => {
    const root = testStore(ALL);
    await cli(root, ["ticket", "escalate", TICKET, "--at", "2026-11-20 10:00"]);
    await cli(root, ["ticket", "resolve", TICKET, "--note", "复位过载继电器", "--at", "2026-11-20 11:00"]);
    await cli(root, [
      "call",
      "log",
      "--ticket",
      TICKET,
      "--direction",
      "out",
      "--purpose",
      "other",
      "--summary",
      "告知解决方法",
      "--at",
      "2026-11-20 11:10",
    ]);
    const r = await cli(root, ["due"], { now: "2026-11-26T08:00:00+08:00" });
    expect(r).toMatchObject({
      code: 0,
      stdout: "上海明远机电设备有限公司 — due on Thu 2026-11-26 (Asia/Shanghai)\nnothing due.\n",
    });
  });

  it("--fail-if-overdue exits 1 when something is overdue; --overdue and overdue show only those", async () => {
    const root = testStore(ALL);
    expect((await cli(root, ["due", "--fail-if-overdue"])).code).toBe(1);
    expect((await cli(root, ["overdue", "--json"])).stdout).toContain('"rule": "R-ESC-1DAY"');
    const none = await cli(root, ["due", "--fail-if-overdue"], { now: "2026-11-20T12:00:00+08:00" });
    expect(none.code).toBe(0);
  });

  it("--within adds what opens in the coming days; --for filters by person; --json gives the data", async () => {
    const root = testStore(ALL);
    await cli(
      root,
      [
        "call",
        "log",
        "--customer",
        ACME,
        "--direction",
        "out",
        "--purpose",
        "followup",
        "--summary",
        "Pump runs fine",
        "--next-date",
        "2026-12-01",
        "--next-topic",
        "Offer the winter maintenance package",
        "--at",
        "2026-11-25 10:00",
      ],
      { as: "Anna Schmidt" },
    );
    const soon = JSON.parse((await cli(root, ["due", "--within", "7", "--for", "Anna Schmidt", "--json"])).stdout);
    expect(soon).toEqual([
      expect.objectContaining({
        rule: "R-NEXT-SERVICE",
        state: "upcoming",
        earliest: "2026-12-01",
        due: "2026-12-01",
        customer: ACME,
        customerName: "Acme Pumps GmbH",
        phone: "+49 30 1234567 Hans Weber",
        assignee: "Anna Schmidt",
        owner: "Anna Schmidt",
        topic: "Offer the winter maintenance package",
      }),
    ]);
    expect(JSON.parse((await cli(root, ["due", "--for", "Anna Schmidt", "--json"])).stdout)).toEqual([]);
    expect((await cli(root, ["due", "--for", "Nobody"])).code).toBe(1);
    expect((await cli(root, ["due", "--within", "soon"])).code).toBe(2);
  });

  it("colours the list on a terminal", async () => {
    const root = testStore(ALL);
    const { main } = await import("../src/cli.js");
    const { testIO } = await import("../src/io.js");
    const { cleanEnv } = await import("./helpers.js");
    const io = testIO({ tty: true, color: true });
    await main(["due"], {
      io,
      env: cleanEnv({ AFTERCARE_NOW: "2026-11-26T08:00:00+08:00" }),
      cwd: root,
      clock: () => new Date(),
    });
    expect(io.stdout()).toContain("\u001b[31moverdue 3d\u001b[39m");
  });

  it("ticket show lists the ticket's duties and their states", async () => {
    const root = testStore(ALL);
    const r = await cli(root, ["ticket", "show", TICKET]);
    expect(r.stdout).toContain(
      [
        "duties (3)",
        "rule             state       window                    who   what to do",
        "R-DISPATCH       overdue 6d  2026-11-20 13:12 – 17:30  王芳  nobody sent yet: tell the customer why and when (aftercare…",
        "R-ESC-1DAY       overdue 3d  2026-11-20 – 2026-11-23   王芳  escalate to the engineering supervisor: 空压机启动后跳闸 ⏎…",
        "R-FILE-SAME-DAY  done        2026-11-20                王芳  file the phone request the day it came in",
        "",
      ].join("\n"),
    );
  });
});

describe("a timeline through the real binary", () => {
  it("due --json at several moments lists exactly the expected duties", () => {
    const root = testStore(ALL);
    const env = (now: string) => ({ AFTERCARE_NOW: now, AFTERCARE_USER: "王芳" });
    const ok = (now: string, args: string[]) => {
      const r = bin(root, args, env(now));
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim();
    };
    const open = (now: string) =>
      JSON.parse(bin(root, ["due", "--json"], env(now)).stdout).map(
        (d: { rule: string; state: string; assignee?: string }) => `${d.rule} ${d.state} ${d.assignee ?? "-"}`,
      );

    const t = ok("2026-12-01T09:00:00+08:00", [
      "ticket",
      "open",
      "--customer",
      "Acme",
      "--problem",
      "Chiller trips",
      "--assignee",
      "王芳",
    ]);
    // the fixture's ticket was never escalated, nor anyone sent (both overdue, with the store's
    // clerk); November's review falls due on 1 December; the new ticket needs a technician by 13:00
    const old = ["R-DISPATCH overdue 王芳", "R-ESC-1DAY overdue 王芳"];
    expect(open("2026-12-01T09:05:00+08:00")).toEqual([
      ...old,
      "R-ESC-1DAY due 王芳",
      "R-MONTHLY due Anna Schmidt",
      "R-DISPATCH upcoming 王芳",
    ]);
    ok("2026-12-01T11:00:00+08:00", [
      "ticket",
      "dispatch",
      t,
      "--technician",
      "李强",
      "--depart",
      "13:00",
      "--arrive",
      "15:00",
    ]);
    // the customer hears the times before the technician arrives at 15:00
    expect(open("2026-12-01T11:05:00+08:00")).toEqual([
      ...old,
      "R-FOLLOWUP-1 due 王芳",
      "R-ESC-1DAY due 王芳",
      "R-MONTHLY due Anna Schmidt",
    ]);
    ok("2026-12-01T11:10:00+08:00", [
      "call",
      "log",
      "--ticket",
      t,
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "Technician leaves 13:00, arrives 15:00",
    ]);
    ok("2026-12-01T11:20:00+08:00", ["ticket", "escalate", t]);
    expect(open("2026-12-01T12:00:00+08:00")).toEqual([...old, "R-MONTHLY due Anna Schmidt"]);
    // the second follow-up opens on day 7 (8 Dec) and closes on day 14 (15 Dec)
    expect(open("2026-12-07T09:00:00+08:00")).toEqual([...old, "R-MONTHLY overdue Anna Schmidt"]);
    expect(open("2026-12-08T09:00:00+08:00")).toEqual([
      ...old,
      "R-MONTHLY overdue Anna Schmidt",
      "R-FOLLOWUP-2 due 王芳",
    ]);
    expect(open("2026-12-16T09:00:00+08:00")).toEqual([
      ...old,
      "R-MONTHLY overdue Anna Schmidt",
      "R-FOLLOWUP-2 overdue 王芳",
    ]);
    ok("2026-12-10T16:00:00+08:00", [
      "call",
      "log",
      "--ticket",
      t,
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "Running well since the repair",
      "--satisfaction",
      "5",
    ]);
    expect(open("2026-12-16T09:00:00+08:00")).toEqual([...old, "R-MONTHLY overdue Anna Schmidt"]);
    const shown = JSON.parse(bin(root, ["ticket", "show", t, "--json"], env("2026-12-16T09:00:00+08:00")).stdout);
    expect(shown.duties.map((d: { rule: string; state: string }) => `${d.rule} ${d.state}`)).toEqual([
      "R-FILE-SAME-DAY done",
      "R-FOLLOWUP-1 done",
      "R-ESC-1DAY done",
      "R-FOLLOWUP-2 done",
    ]);
  });
});

describe("R-COVER, events and the calendar through the CLI", () => {
  it("staff absent hands an absent person's duties to the cover", async () => {
    const root = testStore(ALL);
    await cli(root, [
      "ticket",
      "open",
      "--customer",
      "Acme",
      "--problem",
      "Noise",
      "--assignee",
      "王芳",
      "--received",
      "2026-11-26 09:00",
    ]);
    const r = await cli(root, [
      "staff",
      "absent",
      "王芳",
      "--from",
      "2026-11-26",
      "--to",
      "2026-11-30",
      "--cover",
      "Anna Schmidt",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("王芳 is away 2026-11-26 to 2026-11-30; Anna Schmidt covers their duties (R-COVER)\n");
    expect(commits(root)[0]!.subject).toBe("staff 王芳 absent 2026-11-26–2026-11-30, covered by Anna Schmidt");
    const due = await cli(root, ["due", "--for", "Anna Schmidt"]);
    expect(due.stdout).toContain("Anna Schmidt — 2 overdue, 1 due, 1 coming up (covering for 王芳)");
    expect(
      (await cli(root, ["staff", "absent", "王芳", "--from", "2026-12-05", "--to", "2026-12-01", "--cover", "李强"]))
        .code,
    ).toBe(2);
  });

  it("event add gives each customer in the audience a phone duty two weeks ahead, event list counts them", async () => {
    const root = testStore(ALL);
    const add = await cli(
      root,
      ["event", "add", "--title", "客户答谢会", "--date", "2026-12-12", "--audience", "tag:vip", "--owner", "王芳"],
      { now: "2026-11-20T10:00:00+08:00" },
    );
    expect(add.code, add.stderr).toBe(0);
    const e = add.stdout.trim();
    expect(add.stderr).toBe(
      `added event ${e} "客户答谢会" on 2026-12-12; 1 customer to phone two weeks ahead (R-EVENT-NOTICE), by 王芳\n`,
    );
    const due = JSON.parse((await cli(root, ["due", "--json"], { now: "2026-11-24T10:00:00+08:00" })).stdout);
    expect(due.filter((d: { rule: string }) => d.rule === "R-EVENT-NOTICE")).toEqual([
      expect.objectContaining({
        customer: MINGYUAN,
        due: "2026-11-27",
        deadline: "2026-11-28",
        state: "due",
        assignee: "王芳",
      }),
    ]);
    await cli(
      root,
      [
        "call",
        "log",
        "--customer",
        MINGYUAN,
        "--event",
        e,
        "--direction",
        "out",
        "--purpose",
        "notice",
        "--summary",
        "已电话邀请",
      ],
      { now: "2026-11-24T11:00:00+08:00" },
    );
    const list = await cli(root, ["event", "list"], { now: "2026-11-24T12:00:00+08:00" });
    expect(list.stdout).toBe(
      `ID             date        kind       title       audience  owner  phoned  letters\n${e}  2026-12-12  gathering  客户答谢会  tag:vip   王芳   1/1     0\n`,
    );
    const after = JSON.parse((await cli(root, ["due", "--json"], { now: "2026-11-24T12:00:00+08:00" })).stdout).filter(
      (d: { rule: string }) => d.rule === "R-EVENT-NOTICE",
    );
    expect(
      after.map((d: { key: string; due: string; state: string }) => [d.key.split(":").pop(), d.due, d.state]),
    ).toEqual([["letter", "2026-11-26", "due"]]);
  });

  it("holidays shows the working calendar", async () => {
    const { CHINA_2026 } = await import("../src/domain/calendar.js");
    const { stringifyRecord } = await import("../src/store/yaml.js");
    const { SETTINGS } = await import("./helpers.js");
    const root = testStore(ALL, {
      settings: SETTINGS + stringifyRecord({ calendar: { workweek: [1, 2, 3, 4, 5], ...CHINA_2026 } }),
    });
    const r = await cli(root, ["holidays", "2026"]);
    expect(r.stdout).toBe(
      [
        "working week: Mon Tue Wed Thu Fri; 248 working days in 2026",
        "public holidays: cn (chinese-days 1.5.7, 2004–2026), the default for Asia/Shanghai; the days in aftercare.yaml win over it",
        "",
        "days off                 weekdays  holiday  from",
        "2026-01-01 – 2026-01-03  Thu–Sat   元旦     aftercare.yaml",
        "2026-02-15 – 2026-02-23  Sun–Mon   春节     aftercare.yaml",
        "2026-04-04 – 2026-04-06  Sat–Mon   清明节   aftercare.yaml",
        "2026-05-01 – 2026-05-05  Fri–Tue   劳动节   aftercare.yaml",
        "2026-06-19 – 2026-06-21  Fri–Sun   端午节   aftercare.yaml",
        "2026-09-25 – 2026-09-27  Fri–Sun   中秋节   aftercare.yaml",
        "2026-10-01 – 2026-10-07  Thu–Wed   国庆节   aftercare.yaml",
        "",
        "make-up working days  weekday  for  from",
        "2026-01-04            Sun           aftercare.yaml",
        "2026-02-14            Sat           aftercare.yaml",
        "2026-02-28            Sat           aftercare.yaml",
        "2026-05-09            Sat           aftercare.yaml",
        "2026-09-20            Sun           aftercare.yaml",
        "2026-10-10            Sat           aftercare.yaml",
        "",
      ].join("\n"),
    );
  });
});

describe("in the store's language", () => {
  it("a zh-CN store shows the morning list, headings and duty descriptions in Chinese; --locale en switches", async () => {
    const root = testStore(ALL);
    const zh = await cli(root, ["due"], { now: "2026-11-26T08:00:00+08:00", env: { AFTERCARE_LOCALE: "" } });
    expect(zh.stdout).toBe(
      [
        "上海明远机电设备有限公司 — 2026-11-26（星期四）待办（Asia/Shanghai）",
        "",
        "王芳 — 逾期 2 项",
        "  时间       条款        客户                      电话                记录           工作内容",
        `  逾期 6 天  R-DISPATCH  上海明远机电设备有限公司  021-5555 1234 张伟  ${TICKET}  尚未派工：告知客户原因和安排时间（aftercare ticket schedule 工单号 --date … --reason …）：空压机启动后跳闸 ⏎ 第二次启动有异响`,
        `  逾期 3 天  R-ESC-1DAY  上海明远机电设备有限公司  021-5555 1234 张伟  ${TICKET}  上报工程部主管：空压机启动后跳闸 ⏎ 第二次启动有异响`,
        "",
      ].join("\n"),
    );
    const en = await cli(root, ["due", "--locale", "en"], {
      now: "2026-11-26T08:00:00+08:00",
      env: { AFTERCARE_LOCALE: "" },
    });
    expect(en.stdout.split("\n")[0]).toBe("上海明远机电设备有限公司 — due on Thu 2026-11-26 (Asia/Shanghai)");
    const show = await cli(root, ["ticket", "show", TICKET], { env: { AFTERCARE_LOCALE: "zh-CN" } });
    expect(show.stdout.split("\n").slice(0, 3)).toEqual([
      `${TICKET}  维修 · 待处理`,
      "客户:     C-261101-AAAA 上海明远机电设备有限公司  021-5555 1234",
      "受理:     2026-11-20 09:12 来自 电话",
    ]);
    const opened = await cli(root, ["ticket", "open", "--customer", "Acme", "--problem", "泵漏水"], {
      env: { AFTERCARE_LOCALE: "zh-CN" },
    });
    expect(opened.stderr).toBe(`已为 Acme Pumps GmbH (+49 30 1234567) 建立工单 ${opened.stdout.trim()}\n`);
  });
});
