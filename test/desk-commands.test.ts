// Issue 10, the desk's side: every ticket has an owner from the moment it is opened, covers who
// are there, escalations to the engineering supervisor, reasons for cancelling, the intake before
// the hand-over, revised promises, scheduled dispatches and the next contact planned while filing
// or closing. Through the in-process CLI with a pinned clock (2026-11-26 10:00, Asia/Shanghai).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { testIO } from "../src/io.js";
import { scripted, type ScriptedAnswer } from "../src/prompt.js";
import { cleanEnv, cli, commits, SETTINGS, testStore } from "./helpers.js";
import { ACME, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const read = (root: string, rel: string) => readFileSync(join(root, rel), "utf8");
const ticketFile = (root: string, id: string) => read(root, `tickets/20${id.slice(2, 4)}/${id.slice(4, 6)}/${id}.yaml`);
const zh = { env: { AFTERCARE_LOCALE: "zh-CN" } };

/** The CLI at a terminal, with scripted answers. */
async function ask(root: string, args: string[], answers: ScriptedAnswer[], as = "王芳") {
  const io = testIO({ tty: true });
  const prompter = scripted(answers);
  const code = await main(args, {
    io,
    env: cleanEnv({ AFTERCARE_USER: as, AFTERCARE_NOW: "2026-11-26T10:00:00+08:00" }),
    cwd: root,
    clock: () => new Date(),
    prompter,
  });
  return { code, stdout: io.stdout(), stderr: io.stderr(), asked: prompter.asked };
}

/** Run and expect success; the ID on stdout. */
async function ok(root: string, args: string[], opts: Parameters<typeof cli>[2] = {}): Promise<string> {
  const r = await cli(root, args, opts);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
}

const withStaff = (extra: string) => SETTINGS + extra;

describe("every ticket has an owner from the moment it is opened", () => {
  it("without --assignee, the person who opens it owns it", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["ticket", "open", "--customer", "Acme", "--problem", "Pump leaks"], {
      as: "Anna Schmidt",
    });
    expect(r.code, r.stderr).toBe(0);
    const id = r.stdout.trim();
    expect(r.stderr).toBe(`opened ticket ${id} for Acme Pumps GmbH (+49 30 1234567)\n`);
    expect(ticketFile(root, id)).toBe(
      `customer: ${ACME}\nreceived: 2026-11-26T10:00:00+08:00\nfiled: 2026-11-26T10:00:00+08:00\nchannel: phone\nkind: repair\nproblem: Pump leaks\nstatus: open\nassignee: Anna Schmidt\n`,
    );
    expect(commits(root)[0]).toMatchObject({
      subject: `ticket ${id} opened (repair) — Acme Pumps GmbH`,
      author: "Anna Schmidt",
    });
  });

  it("goes to the designated follow-up clerk, and says so, in English and Chinese", async () => {
    const root = testStore(RECORDS, { settings: withStaff("  - name: 陈静\n    role: clerk\nfollowupClerk: 陈静\n") });
    const en = await cli(root, ["ticket", "open", "--customer", "Acme", "--problem", "Pump leaks"]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toBe(
      `opened ticket ${en.stdout.trim()} for Acme Pumps GmbH (+49 30 1234567); assigned to 陈静\n`,
    );
    expect(ticketFile(root, en.stdout.trim())).toContain("status: open\nassignee: 陈静\n");
    const cn = await cli(root, ["ticket", "open", "--customer", "明远", "--problem", "空压机跳闸"], zh);
    expect(cn.stderr).toBe(`已为 上海明远机电设备有限公司 (021-5555 1234) 建立工单 ${cn.stdout.trim()}，负责人 陈静\n`);
    expect(ticketFile(root, cn.stdout.trim())).toContain("assignee: 陈静\n");
    // the clerk opening it themselves: nothing to say; --assignee still wins
    const own = await cli(root, ["ticket", "open", "--customer", "Acme", "--problem", "Noise"], { as: "陈静" });
    expect(own.stderr).toBe(`opened ticket ${own.stdout.trim()} for Acme Pumps GmbH (+49 30 1234567)\n`);
    const given = await ok(root, ["ticket", "open", "--customer", "Acme", "--problem", "Valve", "--assignee", "李强"]);
    expect(ticketFile(root, given)).toContain("assignee: 李强\n");
  });

  it("a follow-up clerk who left, or is not on the staff list, is passed over for the person opening it", async () => {
    for (const extra of [
      "  - name: 陈静\n    role: clerk\n    left: 2026-11-01\nfollowupClerk: 陈静\n",
      "followupClerk: 刘洋\n",
    ]) {
      const root = testStore(RECORDS, { settings: withStaff(extra) });
      const id = await ok(root, ["ticket", "open", "--customer", "Acme", "--problem", "Pump leaks"]);
      expect(ticketFile(root, id)).toContain("assignee: 王芳\n");
    }
  });
});

describe("staff followup and staff list", () => {
  it("appoints the follow-up clerk in aftercare.yaml, keeping its layout and comments, in one commit", async () => {
    const settings = `# 售后服务部
version: 1
company: 上海明远机电设备有限公司 # 公司全称
timezone: Asia/Shanghai
locale: zh-CN
staff:
  - name: 王芳
    role: clerk
    email: wangfang@example.com
  - name: 陈静
    role: clerk
  - name: 赵工
    role: engineering
currency: CNY
`;
    const root = testStore(RECORDS, { settings });
    const r = await cli(root, ["staff", "followup", "陈静"], { as: "赵工" });
    expect([r.code, r.stdout, r.stderr]).toEqual([
      0,
      "陈静\n",
      "陈静 is now the follow-up clerk: a ticket opened without --assignee is theirs (A1)\n",
    ]);
    expect(read(root, "aftercare.yaml")).toBe(
      settings.replace("currency: CNY\n", "followupClerk: 陈静\ncurrency: CNY\n"),
    );
    expect(commits(root)).toHaveLength(2);
    expect(commits(root)[0]).toMatchObject({
      subject: "staff 陈静 appointed follow-up clerk",
      author: "赵工",
      body: "Aftercare-Command: aftercare staff followup 陈静",
    });
    const again = await cli(root, ["staff", "followup", "王芳"], { as: "赵工" });
    expect(again.stderr).toBe(
      "王芳 is now the follow-up clerk (was 陈静): a ticket opened without --assignee is theirs (A1)\n",
    );
    expect(read(root, "aftercare.yaml")).toContain("followupClerk: 王芳\ncurrency: CNY\n");
    expect(commits(root)[0]!.subject).toBe("staff 王芳 appointed follow-up clerk (was 陈静)");
  });

  it("refuses someone not on the list, someone who left, and the clerk already appointed; nothing written", async () => {
    const root = testStore(RECORDS, {
      settings: withStaff("  - name: 刘洋\n    role: clerk\n    left: 2026-10-31\nfollowupClerk: 王芳\n"),
    });
    const before = read(root, "aftercare.yaml");
    expect(await cli(root, ["staff", "followup", "Mallory"])).toMatchObject({
      code: 1,
      stdout: "",
      stderr:
        "NAME \"Mallory\" is not on the staff list (王芳, 李强, 赵工, Anna Schmidt, 刘洋); add them with 'aftercare staff add'; nothing was written\n",
    });
    expect(await cli(root, ["staff", "followup", "刘洋"])).toMatchObject({
      code: 1,
      stderr: "刘洋 left on 2026-10-31; appoint someone still on the staff; nothing was written\n",
    });
    expect(await cli(root, ["staff", "followup", "王芳"])).toMatchObject({
      code: 1,
      stderr: "王芳 is already the follow-up clerk; nothing was written\n",
    });
    expect(read(root, "aftercare.yaml")).toBe(before);
    expect(commits(root)).toHaveLength(1);
  });

  it("staff list marks the follow-up clerk; --json says so too", async () => {
    const root = testStore(RECORDS, { settings: withStaff("followupClerk: 王芳\n") });
    const r = await cli(root, ["staff", "list"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toBe(
      [
        "name          role                     phone  email                 absences",
        "王芳          clerk (follow-up clerk)         wangfang@example.com",
        "李强          technician",
        "赵工          engineering",
        "Anna Schmidt  supervisor",
        "",
      ].join("\n"),
    );
    const j = JSON.parse((await cli(root, ["staff", "list", "--json"])).stdout);
    const none = { phone: null, email: null, left: null, absences: null };
    expect(j[0]).toEqual({ ...none, name: "王芳", role: "clerk", email: "wangfang@example.com", followupClerk: true });
    expect(j[1]).toEqual({ ...none, name: "李强", role: "technician", followupClerk: false });
  });

  it("staff list says once when no supervisor owns the monthly review", async () => {
    const root = testStore(RECORDS, {
      settings: SETTINGS.replace(
        "  - name: Anna Schmidt\n    role: supervisor\n",
        "  - name: Anna Schmidt\n    role: supervisor\n    left: 2026-11-20\n",
      ),
    });
    const r = await cli(root, ["staff", "list"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Anna Schmidt  supervisor (left 2026-11-20)");
    expect(r.stderr).toBe(
      "no supervisor on the staff list: the monthly review (R-MONTHLY) has no owner; add one with 'aftercare staff add NAME --role supervisor'\n",
    );
    expect((await cli(root, ["staff", "list", "--json"])).stderr).toBe(r.stderr);
  });
});

describe("staff absent: a cover who is there", () => {
  const five = withStaff("  - name: 陈静\n    role: clerk\n  - name: 刘洋\n    role: clerk\n");

  it("refuses a cover who is away on some of the days, naming the days and someone present", async () => {
    const root = testStore(RECORDS, { settings: five });
    await ok(root, ["staff", "absent", "刘洋", "--from", "2026-11-30", "--to", "2026-12-04", "--cover", "陈静"]);
    const before = read(root, "aftercare.yaml");
    const r = await cli(root, [
      "staff",
      "absent",
      "王芳",
      "--from",
      "2026-12-03",
      "--to",
      "2026-12-08",
      "--cover",
      "刘洋",
    ]);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      1,
      "",
      "刘洋 is away too (2026-12-03 to 2026-12-04), so cannot cover 王芳 2026-12-03 to 2026-12-08; name someone present on all those days with --cover, such as 陈静 or Anna Schmidt; nothing was written\n",
    ]);
    // one day of overlap is enough to refuse, and the chain 王芳 → 刘洋 → 陈静 → 王芳 cannot close
    expect(
      (await cli(root, ["staff", "absent", "陈静", "--from", "2026-12-04", "--to", "2026-12-04", "--cover", "刘洋"]))
        .stderr,
    ).toBe(
      "刘洋 is away too (2026-12-04), so cannot cover 陈静 2026-12-04 to 2026-12-04; name someone present on all those days with --cover, such as 王芳 or Anna Schmidt; nothing was written\n",
    );
    expect(read(root, "aftercare.yaml")).toBe(before);
    expect(commits(root)).toHaveLength(2);
  });

  it("refuses a cover who has left, and covering oneself (usage)", async () => {
    const root = testStore(RECORDS, { settings: withStaff("  - name: 刘洋\n    role: clerk\n    left: 2026-12-01\n") });
    expect(
      await cli(root, ["staff", "absent", "王芳", "--from", "2026-11-30", "--to", "2026-12-02", "--cover", "刘洋"]),
    ).toMatchObject({
      code: 1,
      stderr:
        "刘洋 left on 2026-12-01, so cannot cover 王芳 2026-11-30 to 2026-12-02; name someone present on all those days with --cover, such as Anna Schmidt or 赵工; nothing was written\n",
    });
    expect(
      await cli(root, ["staff", "absent", "王芳", "--from", "2026-11-30", "--to", "2026-12-02", "--cover", "王芳"]),
    ).toMatchObject({
      code: 2,
      stderr: "王芳 cannot cover for themselves; name a colleague with --cover; nothing was written\n",
    });
    expect(commits(root)).toHaveLength(1);
  });

  it("accepts a cover who is present, even one away on other days, in one commit", async () => {
    const root = testStore(RECORDS, { settings: five });
    await ok(root, ["staff", "absent", "陈静", "--from", "2026-11-27", "--to", "2026-11-29", "--cover", "刘洋"]);
    const r = await cli(root, [
      "staff",
      "absent",
      "王芳",
      "--from",
      "2026-11-30",
      "--to",
      "2026-12-04",
      "--cover",
      "陈静",
    ]);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      0,
      "王芳\n",
      "王芳 is away 2026-11-30 to 2026-12-04; 陈静 covers their duties (R-COVER)\n",
    ]);
    expect(read(root, "aftercare.yaml")).toContain(
      "  - name: 王芳\n    role: clerk\n    email: wangfang@example.com\n    absences:\n      - from: 2026-11-30\n        to: 2026-12-04\n        cover: 陈静\n",
    );
    expect(commits(root)[0]).toMatchObject({
      subject: "staff 王芳 absent 2026-11-30–2026-12-04, covered by 陈静",
      author: "王芳",
    });
    expect(commits(root)).toHaveLength(3);
  });
});

describe("ticket escalate goes to the engineering supervisor (R-ESC-1DAY)", () => {
  it("refuses --to someone who is not, naming who is; nothing written", async () => {
    const root = testStore(RECORDS);
    const before = read(root, `tickets/2026/11/${TICKET}.yaml`);
    expect(await cli(root, ["ticket", "escalate", TICKET, "--to", "王芳"])).toMatchObject({
      code: 1,
      stdout: "",
      stderr:
        "--to 王芳: 王芳 is a clerk, not the engineering supervisor; an escalation goes to the engineering supervisor (R-ESC-1DAY): use --to 赵工, or leave out --to; nothing was written\n",
    });
    expect((await cli(root, ["ticket", "escalate", TICKET, "--to", "Anna Schmidt"])).stderr).toBe(
      "--to Anna Schmidt: Anna Schmidt is a supervisor, not the engineering supervisor; an escalation goes to the engineering supervisor (R-ESC-1DAY): use --to 赵工, or leave out --to; nothing was written\n",
    );
    expect(read(root, `tickets/2026/11/${TICKET}.yaml`)).toBe(before);
    expect(commits(root)).toHaveLength(1);
  });

  it("names every engineering supervisor when there are several, and says how to add one when there is none", async () => {
    const two = testStore(RECORDS, { settings: withStaff("  - name: 钱工\n    role: engineering\n") });
    expect((await cli(two, ["ticket", "escalate", TICKET, "--to", "李强"])).stderr).toBe(
      "--to 李强: 李强 is a technician, not the engineering supervisor; an escalation goes to the engineering supervisor (R-ESC-1DAY): use --to with one of 赵工, 钱工; nothing was written\n",
    );
    const none = testStore(RECORDS, { settings: SETTINGS.replace("  - name: 赵工\n    role: engineering\n", "") });
    expect((await cli(none, ["ticket", "escalate", TICKET, "--to", "王芳"])).stderr).toBe(
      "--to 王芳: 王芳 is a clerk, not the engineering supervisor, and nobody on the staff list has the role engineering; add the engineering supervisor with 'aftercare staff add NAME --role engineering'; nothing was written\n",
    );
  });

  it("escalates to the engineering supervisor named or implied", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["ticket", "escalate", TICKET, "--to", "赵工"], zh);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      0,
      `${TICKET}\n`,
      `工单 ${TICKET} 已上报给赵工（待处理 → 已上报）\n`,
    ]);
    expect(read(root, `tickets/2026/11/${TICKET}.yaml`)).toContain(
      "status: escalated\nescalation:\n  to: 赵工\n  at: 2026-11-26T10:00:00+08:00\n  by: 王芳\n",
    );
    expect(commits(root)[0]!.subject).toBe(`ticket ${TICKET} escalated to 赵工 — 上海明远机电设备有限公司`);
  });
});

describe("ticket cancel needs a reason", () => {
  it("without --reason is a usage error, nothing written; with one, the reason is kept", async () => {
    const root = testStore(RECORDS);
    for (const args of [[], ["--reason", "  "]])
      expect(await cli(root, ["ticket", "cancel", TICKET, ...args])).toMatchObject({
        code: 2,
        stdout: "",
        stderr: "ticket cancel needs --reason; nothing was written\n",
      });
    expect(commits(root)).toHaveLength(1);
    const r = await cli(root, ["ticket", "cancel", TICKET, "--reason", "客户已自行修好"]);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      0,
      `${TICKET}\n`,
      `ticket ${TICKET} cancelled (was open, now cancelled)\n`,
    ]);
    expect(read(root, `tickets/2026/11/${TICKET}.yaml`)).toContain(
      "status: cancelled\ncancelled:\n  at: 2026-11-26T10:00:00+08:00\n  reason: 客户已自行修好\n",
    );
    expect(commits(root)[0]!.subject).toBe(`ticket ${TICKET} cancelled — 上海明远机电设备有限公司`);
  });

  it("at a terminal asks for the reason, after checking the ticket can be cancelled", async () => {
    const root = testStore(RECORDS);
    const r = await ask(root, ["ticket", "cancel", TICKET], ["duplicate of another ticket"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.asked).toEqual(["Why is the ticket cancelled"]);
    expect(read(root, `tickets/2026/11/${TICKET}.yaml`)).toContain("  reason: duplicate of another ticket\n");
    const again = await ask(root, ["ticket", "cancel", TICKET], []);
    expect(again).toMatchObject({
      code: 1,
      asked: [],
      stderr: `ticket ${TICKET} is cancelled; it cannot be cancelled; reopen it first with 'aftercare ticket reopen ${TICKET}'; nothing was written\n`,
    });
  });
});

/** A vehicle at the reception desk, opened at 08:00 today. */
async function shopTicket(root: string): Promise<string> {
  return ok(root, [
    "ticket",
    "open",
    "--kind",
    "shop",
    "--customer",
    MINGYUAN,
    "--problem",
    "更换刹车片",
    "--received",
    "08:00",
  ]);
}
const intake = (t: string) => [
  "ticket",
  "intake",
  t,
  "--plate",
  "沪A12345",
  "--odometer",
  "48210",
  "--fuel",
  "1/2",
  "--key-tag",
  "12",
  "--papers",
  "ok",
  "--at",
  "08:30",
];

describe("the reception desk: the intake before the hand-over, revised promises", () => {
  it("refuses the hand-over until the intake is recorded", async () => {
    const root = testStore(RECORDS);
    const t = await shopTicket(root);
    const r = await cli(root, ["ticket", "handover", t, "--receiver", "张师傅", "--promise", "17:00"]);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      1,
      "",
      `ticket ${t} has no intake yet: take the vehicle in first (C-INTAKE) with 'aftercare ticket intake ${t} --plate PLATE --odometer KM --fuel LEVEL --key-tag N --papers ok'; nothing was written\n`,
    ]);
    expect(ticketFile(root, t)).not.toContain("handover");
    expect(commits(root)).toHaveLength(2);
    // at a terminal, refused before anything is asked
    expect(await ask(root, ["ticket", "handover", t], [])).toMatchObject({ code: 1, asked: [] });
    await ok(root, intake(t));
    await ok(root, ["ticket", "handover", t, "--receiver", "张师傅", "--promise", "17:00", "--at", "08:47"]);
    expect(ticketFile(root, t)).toContain("status: workshop\n");
  });

  it("ticket promise appends a revised promise with who, when and why; the ID on stdout, a sentence on stderr", async () => {
    const root = testStore(RECORDS);
    const t = await shopTicket(root);
    await ok(root, intake(t));
    await ok(root, ["ticket", "handover", t, "--receiver", "张师傅", "--promise", "17:00", "--at", "08:47"]);
    const r = await cli(root, [
      "ticket",
      "promise",
      t,
      "--promise",
      "2026-11-27 12:00",
      "--reason",
      "approved extra work: brake discs",
    ]);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      0,
      `${t}\n`,
      `ticket ${t} given a revised promise of 2026-11-27 12:00 (was 2026-11-26 17:00)\n`,
    ]);
    const cn = await cli(
      root,
      ["ticket", "promise", t, "--promise", "2026-11-27 15:00", "--reason", "配件晚到", "--at", "11:00"],
      { ...zh, now: "2026-11-26T11:30:00+08:00" },
    );
    expect([cn.code, cn.stdout, cn.stderr]).toEqual([
      0,
      `${t}\n`,
      `工单 ${t} 已修改承诺完工时间为 2026-11-27 15:00（原为 2026-11-27 12:00）\n`,
    ]);
    expect(ticketFile(root, t)).toContain(
      `handover:
  at: 2026-11-26T08:50:00+08:00
  receiver: 张师傅
  by: 王芳
  promise: 2026-11-26T17:00:00+08:00
promises:
  - promise: 2026-11-27T12:00:00+08:00
    at: 2026-11-26T10:00:00+08:00
    by: 王芳
    reason: "approved extra work: brake discs"
  - promise: 2026-11-27T15:00:00+08:00
    at: 2026-11-26T11:00:00+08:00
    by: 王芳
    reason: 配件晚到
`,
    );
    expect(
      commits(root)
        .slice(0, 2)
        .map((c) => c.subject),
    ).toEqual([
      `ticket ${t} given a revised promise (2026-11-27 15:00) — 上海明远机电设备有限公司`,
      `ticket ${t} given a revised promise (2026-11-27 12:00) — 上海明远机电设备有限公司`,
    ]);
  });

  it("refuses a promise in the past or before the hand-over, before the hand-over, after the job is done, and on another kind of ticket", async () => {
    const root = testStore(RECORDS);
    const t = await shopTicket(root);
    await ok(root, intake(t));
    expect(await cli(root, ["ticket", "promise", t, "--promise", "2026-11-27 12:00", "--reason", "x"])).toMatchObject({
      code: 1,
      stderr: `ticket ${t} is open; only a vehicle in the workshop can be given a revised promise (hand it over first: aftercare ticket handover ${t}); nothing was written\n`,
    });
    await ok(root, ["ticket", "handover", t, "--receiver", "张师傅", "--promise", "17:00", "--at", "08:47"]);
    const n = commits(root).length;
    expect(await cli(root, ["ticket", "promise", t, "--promise", "09:30", "--reason", "x"])).toMatchObject({
      code: 2,
      stderr:
        "--promise 2026-11-26 09:30 is in the past (it is 2026-11-26 10:00); promise a time still to come; nothing was written\n",
    });
    expect(
      await cli(root, ["ticket", "promise", t, "--promise", "08:40", "--reason", "x", "--at", "08:30"]),
    ).toMatchObject({
      code: 2,
      stderr: "--at 2026-11-26 08:30 is before the hand-over to the workshop (2026-11-26 08:50); nothing was written\n",
    });
    expect(
      await cli(root, ["ticket", "promise", t, "--promise", "09:30", "--reason", "x", "--at", "09:40"]),
    ).toMatchObject({
      code: 2,
      stderr: "--promise 2026-11-26 09:30 is before --at 2026-11-26 09:40, when it was given; nothing was written\n",
    });
    expect(await cli(root, ["ticket", "promise", t, "--promise", "2026-11-27 12:00"])).toMatchObject({
      code: 2,
      stderr: "ticket promise needs --reason; nothing was written\n",
    });
    expect(
      await cli(root, ["ticket", "promise", TICKET, "--promise", "2026-11-27 12:00", "--reason", "x"]),
    ).toMatchObject({
      code: 1,
      stderr: `ticket ${TICKET} is a repair ticket; promise is for vehicles at the reception desk (kind shop); nothing was written\n`,
    });
    await ok(root, ["ticket", "ready", t, "--bill", "800"]);
    expect(await cli(root, ["ticket", "promise", t, "--promise", "2026-11-27 12:00", "--reason", "x"])).toMatchObject({
      code: 1,
      stderr: `ticket ${t} is ready; only a vehicle in the workshop can be given a revised promise; nothing was written\n`,
    });
    expect(commits(root)).toHaveLength(n + 1);
    expect(ticketFile(root, t)).not.toContain("promises:");
  });
});

describe("ticket schedule (R-DISPATCH)", () => {
  it("records when an on-site job is scheduled and why, in one commit", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, [
      "ticket",
      "schedule",
      TICKET.slice(0, 10),
      "--date",
      "2026-11-30",
      "--reason",
      "两名技术员都在外地",
    ]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `${TICKET}\n`, `ticket ${TICKET} scheduled for 2026-11-30\n`]);
    expect(read(root, `tickets/2026/11/${TICKET}.yaml`)).toBe(`customer: ${MINGYUAN}
received: 2026-11-20T09:12:00+08:00
filed: 2026-11-20T09:15:00+08:00
channel: phone
kind: repair
problem: |-
  空压机启动后跳闸
  第二次启动有异响
request: 上门维修
status: open
schedule:
  date: 2026-11-30
  reason: 两名技术员都在外地
  at: 2026-11-26T10:00:00+08:00
  by: 王芳
`);
    expect(commits(root)[0]).toMatchObject({
      subject: `ticket ${TICKET} scheduled for 2026-11-30 — 上海明远机电设备有限公司`,
      author: "王芳",
    });
    // today is fine, and a later schedule replaces it; in Chinese too
    const cn = await cli(root, ["ticket", "schedule", TICKET, "--date", "today", "--reason", "技术员提前返回"], zh);
    expect(cn.stderr).toBe(`工单 ${TICKET} 已安排派工，计划 2026-11-26 派工\n`);
    expect(read(root, `tickets/2026/11/${TICKET}.yaml`)).toContain(
      "schedule:\n  date: 2026-11-26\n  reason: 技术员提前返回\n",
    );
  });

  it("refuses a date in the past, a missing reason, a ticket already dispatched, and work that is not on site", async () => {
    const root = testStore(RECORDS);
    expect(await cli(root, ["ticket", "schedule", TICKET, "--date", "2026-11-25", "--reason", "x"])).toMatchObject({
      code: 2,
      stderr:
        "--date 2026-11-25 is in the past (today is 2026-11-26); schedule the dispatch for today or later; nothing was written\n",
    });
    expect(await cli(root, ["ticket", "schedule", TICKET, "--date", "2026-11-30"])).toMatchObject({
      code: 2,
      stderr: "ticket schedule needs --reason; nothing was written\n",
    });
    const consult = await ok(root, [
      "ticket",
      "open",
      "--customer",
      "Acme",
      "--problem",
      "Which oil?",
      "--kind",
      "consult",
    ]);
    expect(await cli(root, ["ticket", "schedule", consult, "--date", "2026-11-30", "--reason", "x"])).toMatchObject({
      code: 1,
      stderr: `ticket ${consult} is a consult ticket; only on-site work (repair, install, maintenance) is scheduled for a dispatch; nothing was written\n`,
    });
    const shop = await shopTicket(root);
    expect((await cli(root, ["ticket", "schedule", shop, "--date", "2026-11-30", "--reason", "x"])).stderr).toBe(
      `ticket ${shop} is a vehicle at the reception desk; use ticket handover / ready / deliver; nothing was written\n`,
    );
    await ok(root, ["ticket", "dispatch", TICKET, "--technician", "李强"]);
    expect(await cli(root, ["ticket", "schedule", TICKET, "--date", "2026-11-30", "--reason", "x"])).toMatchObject({
      code: 1,
      stderr: `ticket ${TICKET} is dispatched; only a ticket not yet dispatched (open or escalated) can be scheduled; nothing was written\n`,
    });
    expect(read(root, `tickets/2026/11/${TICKET}.yaml`)).not.toContain("schedule:");
    expect(commits(root)).toHaveLength(4);
  });
});

describe("the next contact planned while filing or closing (R-NEXT-SERVICE)", () => {
  it("ticket open --next-date --next-topic appends a plan, said on stderr and in the commit", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, [
      "ticket",
      "open",
      "--customer",
      "Acme",
      "--problem",
      "Pump leaks",
      "--next-date",
      "2027-03-15",
      "--next-topic",
      "Offer the spring maintenance",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const t = r.stdout.trim();
    expect(r.stderr).toBe(
      `opened ticket ${t} for Acme Pumps GmbH (+49 30 1234567); next contact planned for 2027-03-15\n`,
    );
    expect(ticketFile(root, t)).toBe(
      `customer: ${ACME}\nreceived: 2026-11-26T10:00:00+08:00\nfiled: 2026-11-26T10:00:00+08:00\nchannel: phone\nkind: repair\nproblem: Pump leaks\nstatus: open\nassignee: 王芳\nplans:\n  - date: 2027-03-15\n    topic: Offer the spring maintenance\n    at: 2026-11-26T10:00:00+08:00\n    by: 王芳\n`,
    );
    expect(commits(root)[0]!.subject).toBe(`ticket ${t} opened (repair, next contact 2027-03-15) — Acme Pumps GmbH`);
    const cn = await cli(
      root,
      [
        "ticket",
        "open",
        "--customer",
        "明远",
        "--problem",
        "空压机异响",
        "--next-date",
        "today",
        "--next-topic",
        "制冷季前年度保养提醒",
      ],
      zh,
    );
    expect(cn.stderr).toBe(
      `已为 上海明远机电设备有限公司 (021-5555 1234) 建立工单 ${cn.stdout.trim()}；下次联系定于 2026-11-26\n`,
    );
  });

  it("ticket close --next-date --next-topic appends a plan to the ticket's plans", async () => {
    const root = testStore(RECORDS);
    await ok(root, ["ticket", "resolve", TICKET, "--note", "更换启动电容"]);
    const r = await cli(
      root,
      ["ticket", "close", TICKET, "--next-date", "2027-04-15", "--next-topic", "制冷季前年度保养提醒"],
      { ...zh, now: "2026-11-26T16:00:00+08:00" },
    );
    expect([r.code, r.stdout, r.stderr]).toEqual([
      0,
      `${TICKET}\n`,
      `工单 ${TICKET} 已关闭（已解决 → 已关闭）；下次联系定于 2027-04-15\n`,
    ]);
    const file = read(root, `tickets/2026/11/${TICKET}.yaml`);
    expect(file).toContain("status: closed\n");
    expect(file).toContain("\nclosed: 2026-11-26T16:00:00+08:00\n");
    expect(file).toContain(
      "\nplans:\n  - date: 2027-04-15\n    topic: 制冷季前年度保养提醒\n    at: 2026-11-26T16:00:00+08:00\n    by: 王芳\n",
    );
    expect(commits(root)[0]!.subject).toBe(
      `ticket ${TICKET} closed (next contact 2027-04-15) — 上海明远机电设备有限公司`,
    );
  });

  it("refuses one flag without the other, a date before today in the store's zone, and an appointment in the past", async () => {
    const root = testStore(RECORDS);
    const open = ["ticket", "open", "--customer", "Acme", "--problem", "x"];
    const together =
      "--next-date and --next-topic go together: the planned next contact needs its date and what it is about; nothing was written\n";
    expect(await cli(root, [...open, "--next-date", "2026-12-01"])).toMatchObject({ code: 2, stderr: together });
    expect(await cli(root, ["ticket", "close", TICKET, "--next-topic", "x"])).toMatchObject({
      code: 2,
      stderr: together,
    });
    // 00:30 on 11-27 in Shanghai is still 11-26 in UTC: "today" is Shanghai's
    expect(
      await cli(root, [...open, "--next-date", "2026-11-26", "--next-topic", "x"], {
        now: "2026-11-27T00:30:00+08:00",
      }),
    ).toMatchObject({
      code: 2,
      stderr:
        "--next-date 2026-11-26 is in the past (today is 2026-11-27); plan the next contact for today or later; nothing was written\n",
    });
    expect(await cli(root, [...open, "--next-date", "2027-01-10", "--next-topic", " "])).toMatchObject({
      code: 2,
      stderr: "--next-topic is empty: say what the next contact is about; nothing was written\n",
    });
    expect(
      await cli(root, [
        "ticket",
        "open",
        "--kind",
        "shop",
        "--customer",
        MINGYUAN,
        "--problem",
        "保养",
        "--appointment",
        "2026-11-26 09:00",
      ]),
    ).toMatchObject({
      code: 2,
      stderr:
        "--appointment 2026-11-26 09:00 is in the past; give the time the vehicle is to come in; nothing was written\n",
    });
    expect(commits(root)).toHaveLength(1);
    const t = await ok(root, [
      "ticket",
      "open",
      "--kind",
      "shop",
      "--customer",
      MINGYUAN,
      "--problem",
      "保养",
      "--appointment",
      "2026-11-26 14:00",
    ]);
    expect(ticketFile(root, t)).toContain("appointment: 2026-11-26T14:00:00+08:00\n");
  });

  it("at a terminal, ticket open and close ask for the next contact; an empty date plans none", async () => {
    const root = testStore(RECORDS);
    const a = await ask(
      root,
      ["ticket", "open", "--customer", "Acme", "--problem", "Pump leaks"],
      ["2027-01-10", "New seal kit offer"],
    );
    expect(a.code, a.stderr).toBe(0);
    expect(a.asked).toEqual([
      "Next contact planned for (YYYY-MM-DD; empty for none)",
      "Next contact: what it is about",
    ]);
    expect(ticketFile(root, a.stdout.trim())).toContain(
      "plans:\n  - date: 2027-01-10\n    topic: New seal kit offer\n",
    );
    const none = await ask(root, ["ticket", "open", "--customer", "Acme", "--problem", "Noise"], [""]);
    expect(none.code, none.stderr).toBe(0);
    expect(ticketFile(root, none.stdout.trim())).not.toContain("plans:");
    // close: an open ticket is refused before anything is asked
    expect(await ask(root, ["ticket", "close", TICKET], [])).toMatchObject({ code: 1, asked: [] });
    await ok(root, ["ticket", "resolve", TICKET, "--note", "更换启动电容"]);
    const c = await ask(root, ["ticket", "close", TICKET, "--next-date", "2027-04-15"], ["年度保养提醒"]);
    expect(c.code, c.stderr).toBe(0);
    expect(c.asked).toEqual(["Next contact: what it is about"]);
    expect(read(root, `tickets/2026/11/${TICKET}.yaml`)).toContain(
      "plans:\n  - date: 2027-04-15\n    topic: 年度保养提醒\n",
    );
  });
});
