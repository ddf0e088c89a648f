// Fixing mistakes (issue 13, item 5): ticket edit with flags or in $EDITOR, call edit next to
// call log, undo that steps back one aftercare commit at a time, and redo.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ticketEdit } from "../src/commands/ticket/edit.js";
import { cleanEnv, cli, commits, context, testStore } from "./helpers.js";
import { Context } from "../src/context.js";
import { testIO } from "../src/io.js";
import { ACME, CALL, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const TICKET_PATH = `tickets/2026/11/${TICKET}.yaml`;
const read = (root: string, rel: string) => readFileSync(join(root, rel), "utf8");
const zh = { env: { AFTERCARE_LOCALE: "zh-CN" } };

describe("ticket edit", () => {
  it("changes the fields its flags name, checked as ticket open checks them, in one commit", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, [
      "ticket",
      "edit",
      TICKET,
      "--received",
      "11月19日 16:40",
      "--channel",
      "wechat",
      "--request",
      "尽快上门",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${TICKET}\n`);
    expect(r.stderr).toBe(`ticket ${TICKET} changed: received, channel, request\n`);
    expect(read(root, TICKET_PATH)).toBe(
      RECORDS[TICKET_PATH]!.replace("received: 2026-11-20T09:12:00+08:00", "received: 2026-11-19T16:40:00+08:00")
        .replace("channel: phone", "channel: wechat")
        .replace("request: 上门维修", "request: 尽快上门"),
    );
    const [c] = commits(root);
    expect(c).toEqual({
      subject: `ticket ${TICKET} edited (received, channel, request) — 上海明远机电设备有限公司`,
      author: "王芳",
      body: expect.stringContaining(`Aftercare-Command: aftercare ticket edit ${TICKET} --received "11月19日 16:40"`),
    });
    expect(commits(root)).toHaveLength(2);
  });

  it("says it in Chinese in a Chinese store; the same values again change nothing and write nothing", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["ticket", "edit", TICKET.slice(0, 11), "--kind", "complaint", "--assignee", "李强"], zh);
    expect(r).toMatchObject({ code: 0, stdout: `${TICKET}\n`, stderr: `工单 ${TICKET} 已修改：类型、负责人\n` });
    const again = await cli(root, ["ticket", "edit", TICKET, "--kind", "complaint"], zh);
    expect(again).toMatchObject({ code: 0, stderr: `工单 ${TICKET} 无需修改；未写入任何内容\n` });
    expect(commits(root)).toHaveLength(2);
  });

  it("refuses what ticket open refuses, in one line, and writes nothing", async () => {
    const root = testStore(RECORDS);
    const cases: [string[], number, string][] = [
      [
        ["--received", "2026-11-27 09:00"],
        2,
        "--received 2026-11-27 09:00 is in the future (now 2026-11-26 10:00); record what has happened, when it happened; nothing was written\n",
      ],
      [
        ["--received", "11:00"],
        2,
        '--received 2026-11-26 11:00 is in the future (now 2026-11-26 10:00); record what has happened, when it happened; did you mean yesterday, 2026-11-25 11:00? Give --received "2026-11-25 11:00"; nothing was written\n',
      ],
      [
        ["--received", "2026-11-21 09:00"],
        2,
        `ticket ${TICKET}: received 2026-11-21 09:00 would be after it was filed (2026-11-20 09:15); a request is filed after it comes in; nothing was written\n`,
      ],
      [
        ["--channel", "pigeon"],
        2,
        '--channel "pigeon" is not one of phone, fax, visit, email, web, wechat, sms; nothing was written\n',
      ],
      [
        ["--appointment", "明天 9:00"],
        2,
        `ticket ${TICKET}: an appointment is for vehicles at the reception desk (kind shop); nothing was written\n`,
      ],
      [["--problem", ""], 2, ""],
      [
        ["--assignee", "王小二"],
        1,
        "--assignee \"王小二\" is not on the staff list (王芳, 李强, 赵工, Anna Schmidt); add them with 'aftercare staff add'; nothing was written\n",
      ],
    ];
    for (const [flags, code, message] of cases) {
      const r = await cli(root, ["ticket", "edit", TICKET, ...flags]);
      expect(r.code, `${flags.join(" ")}: ${r.stderr}`).toBe(code);
      if (message) expect(r.stderr).toBe(message);
      else expect(r.stderr.split("\n").length).toBe(2);
    }
    const zhr = await cli(root, ["ticket", "edit", TICKET, "--received", "2026-11-21 09:00"], zh);
    expect(zhr.stderr).toBe(
      `工单 ${TICKET}：受理时间 2026-11-21 09:00 晚于建档时间（2026-11-20 09:15）；应先受理后建档；未写入任何内容\n`,
    );
    // a name one slip away from someone on the list: asked about, in the user's language
    expect(await cli(root, ["ticket", "edit", TICKET, "--assignee", "王方"])).toMatchObject({
      code: 1,
      stderr:
        '--assignee "王方" is not on the staff list; did you mean 王芳? Give --assignee "王芳", or add them with \'aftercare staff add\'; nothing was written\n',
    });
    expect(await cli(root, ["ticket", "edit", TICKET, "--assignee", "王方"], zh)).toMatchObject({
      code: 1,
      stderr:
        "--assignee “王方” 不在员工名单中；是不是 王芳？请写 --assignee \"王芳\"，或用 'aftercare staff add' 添加；未写入任何内容\n",
    });
    expect((await cli(root, ["ticket", "edit", TICKET, "--assignee", "anna schmit"])).stderr).toContain(
      "did you mean Anna Schmidt?",
    );
    expect((await cli(root, ["ticket", "edit", TICKET, "--assignee", "王小二"], zh)).stderr).toBe(
      "--assignee “王小二” 不在员工名单中（王芳, 李强, 赵工, Anna Schmidt）；请先用 'aftercare staff add' 添加；未写入任何内容\n",
    );
    expect(read(root, TICKET_PATH)).toBe(RECORDS[TICKET_PATH]);
    expect(commits(root)).toHaveLength(1);
  });

  it("takes a channel as the clerk says it (微信, WeChat), and refuses one it does not know in the store's language", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["ticket", "edit", TICKET, "--channel", "微信"], zh);
    expect(r).toMatchObject({ code: 0, stdout: `${TICKET}\n`, stderr: `工单 ${TICKET} 已修改：来源\n` });
    expect(read(root, TICKET_PATH)).toBe(RECORDS[TICKET_PATH]!.replace("channel: phone", "channel: wechat"));
    const en = await cli(root, ["ticket", "edit", TICKET, "--channel", "SMS"]);
    expect(en).toMatchObject({ code: 0, stderr: `ticket ${TICKET} changed: channel\n` });
    expect(read(root, TICKET_PATH)).toContain("channel: sms\n");
    const bad = await cli(root, ["ticket", "edit", TICKET, "--channel", "飞鸽"], zh);
    expect(bad).toMatchObject({
      code: 2,
      stdout: "",
      stderr:
        "--channel “飞鸽” 不是可用的来源：请写 phone（电话）、fax（传真）、visit（来访）、email（电子邮件）、web（网站）、wechat（微信）、sms（短信） 之一（其他来源可在 aftercare.yaml 的 channels: 下添加）；未写入任何内容\n",
    });
    expect(commits(root)).toHaveLength(3);
  });

  it("refuses a received time after a step the ticket has taken, as ticket dispatch --at refuses the other way round", async () => {
    const root = testStore(RECORDS);
    expect(
      (await cli(root, ["ticket", "dispatch", TICKET, "--technician", "李强", "--at", "2026-11-20 09:13"])).code,
    ).toBe(0);
    const before = read(root, TICKET_PATH);
    const late = await cli(root, ["ticket", "edit", TICKET, "--received", "2026-11-20 09:14"]);
    expect(late).toMatchObject({
      code: 2,
      stdout: "",
      stderr: `ticket ${TICKET}: received 2026-11-20 09:14 would be after it was dispatched (2026-11-20 09:13); a request is received before anything is done on it; nothing was written\n`,
    });
    const zhr = await cli(root, ["ticket", "edit", TICKET, "--received", "2026-11-20 09:14"], zh);
    expect(zhr.stderr).toBe(
      `工单 ${TICKET}：受理时间 2026-11-20 09:14 晚于派工时间（2026-11-20 09:13）；应先受理后处理；未写入任何内容\n`,
    );
    expect(read(root, TICKET_PATH)).toBe(before);
    expect(commits(root)).toHaveLength(2);
    // earlier is fine; and an edit of another field leaves the order alone
    expect(await cli(root, ["ticket", "edit", TICKET, "--received", "2026-11-20 09:10"])).toMatchObject({
      code: 0,
      stderr: `ticket ${TICKET} changed: received\n`,
    });
    expect(commits(root)).toHaveLength(3);
  });

  it("without flags opens the ticket in $EDITOR, checks it the same way, and commits once", async () => {
    const root = testStore(RECORDS);
    const { ctx, io } = context(root);
    ctx.commandLine = `aftercare ticket edit ${TICKET}`;
    await ticketEdit({ id: TICKET }, ctx, (p) =>
      writeFileSync(p, readFileSync(p, "utf8").replace("kind: repair", "kind: maintenance")),
    );
    expect(read(root, TICKET_PATH)).toBe(RECORDS[TICKET_PATH]!.replace("kind: repair", "kind: maintenance"));
    expect(io.stderr()).toBe(`ticket ${TICKET} changed: kind\n`);
    expect(commits(root)[0]!.subject).toBe(`ticket ${TICKET} edited (kind) — 上海明远机电设备有限公司`);

    const bad = context(root);
    const refused = ticketEdit({ id: TICKET }, bad.ctx, (p) =>
      writeFileSync(p, readFileSync(p, "utf8").replace("channel: phone", "channel: pigeon")),
    );
    await expect(refused).rejects.toThrow(
      new RegExp(
        `^ticket ${TICKET}: channel "pigeon" is not one of phone, fax, visit, email, web, wechat, sms \\(add it under channels: in aftercare.yaml\\); your edit is kept in .*${TICKET}\\.yaml; ${TICKET_PATH} was not changed$`,
      ),
    );
    expect(commits(root)).toHaveLength(2);
  });

  it("in $EDITOR, a refusal in Chinese says where the edit is kept, joined as Chinese joins clauses", async () => {
    const root = testStore(RECORDS);
    expect(
      (await cli(root, ["ticket", "dispatch", TICKET, "--technician", "李强", "--at", "2026-11-20 09:13"])).code,
    ).toBe(0);
    const before = read(root, TICKET_PATH);
    const io = testIO();
    const ctx = new Context(
      { records: root, now: "2026-11-26T10:00:00+08:00", as: "王芳" },
      { io, env: cleanEnv({ AFTERCARE_LOCALE: "zh-CN" }), cwd: root, clock: () => new Date("2026-11-26T02:00:00Z") },
    );
    ctx.commandLine = `aftercare ticket edit ${TICKET}`;
    const refused = ticketEdit({ id: TICKET }, ctx, (p) =>
      writeFileSync(p, readFileSync(p, "utf8").replace(/received: .*/, "received: 2026-11-20T09:14:00+08:00")),
    );
    await expect(refused).rejects.toThrow(
      new RegExp(
        `^工单 ${TICKET}：受理时间 2026-11-20 09:14 晚于派工时间（2026-11-20 09:13）；应先受理后处理；你的编辑保存在 .*${TICKET}\\.yaml；${TICKET_PATH} 未改动$`,
      ),
    );
    expect(read(root, TICKET_PATH)).toBe(before);
  });

  it("call edit corrects a logged call, as contact edit does", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, [
      "call",
      "edit",
      CALL,
      "--summary",
      "客户来电报修：空压机跳闸、有异响",
      "--at",
      "11月20日 09:05",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${CALL}\n`);
    const k = read(root, `contacts/2026/11/${CALL}.yaml`);
    expect(k).toContain("at: 2026-11-20T09:05:00+08:00\n");
    expect(k).toContain("summary: 客户来电报修：空压机跳闸、有异响\n");
    expect(commits(root)[0]!.subject).toMatch(new RegExp(`^contact ${CALL} edited \\(at, summary\\)`));
    // the sentence names the fields in the store's language; the commit subject keeps their names
    const zhr = await cli(root, ["call", "edit", CALL, "--person", "王建军", "--satisfaction", "4"], zh);
    expect(zhr).toMatchObject({
      code: 0,
      stdout: `${CALL}\n`,
      stderr: `联系记录 ${CALL} 已修改：联系人、满意度；未完成任何工作事项\n`,
    });
    expect(commits(root)[0]!.subject).toMatch(new RegExp(`^contact ${CALL} edited \\(person, satisfaction\\)`));
    const nothing = await cli(root, ["call", "edit", CALL], zh);
    expect(nothing).toMatchObject({
      code: 2,
      stdout: "",
      stderr:
        "修改联系记录需要至少指定一项：--at、--direction、--purpose、--summary、--person、--satisfaction、--told、--not-told；未写入任何内容\n",
    });
  });
});

describe("undo and redo", () => {
  const subjects = (root: string, n: number) =>
    commits(root)
      .slice(0, n)
      .map((c) => `${c.author}: ${c.subject}`);

  it("a second undo takes back the change before, not the first undo; redo re-applies them in turn", async () => {
    const root = testStore(RECORDS);
    expect((await cli(root, ["ticket", "edit", TICKET, "--channel", "wechat"])).code).toBe(0);
    expect((await cli(root, ["customer", "edit", ACME, "--tag", "export"])).code).toBe(0);
    const first = await cli(root, ["undo"]);
    expect(first).toMatchObject({ code: 0, stdout: `${ACME}\n` });
    expect(first.stderr).toMatch(
      new RegExp(`^undid "customer ${ACME} edited — Acme Pumps GmbH" \\(\\w{7}\\) with a new commit \\w+\\n$`),
    );
    const second = await cli(root, ["undo"], zh);
    expect(second).toMatchObject({ code: 0, stdout: `${TICKET}\n` });
    expect(second.stderr).toMatch(
      new RegExp(
        `^已撤销 "ticket ${TICKET} edited \\(channel\\) — 上海明远机电设备有限公司"（\\w{7}），新提交 \\w+\\n$`,
      ),
    );
    expect(read(root, TICKET_PATH)).toBe(RECORDS[TICKET_PATH]);
    expect(read(root, `customers/${ACME}.yaml`)).toBe(RECORDS[`customers/${ACME}.yaml`]);
    // nothing of 王芳's is left to undo: the fixture was made by someone else
    const none = await cli(root, ["undo"]);
    expect(none).toMatchObject({
      code: 1,
      stderr: "王芳 has no aftercare commit left to undo in this store's recent history; nothing was changed\n",
    });

    const redo1 = await cli(root, ["redo"]);
    expect(redo1).toMatchObject({ code: 0, stdout: `${TICKET}\n` });
    expect(redo1.stderr).toMatch(
      new RegExp(
        `^redid "ticket ${TICKET} edited \\(channel\\) — 上海明远机电设备有限公司" with a new commit \\w+\\n$`,
      ),
    );
    expect(read(root, TICKET_PATH)).toContain("channel: wechat\n");
    expect((await cli(root, ["redo"])).code).toBe(0);
    expect(read(root, `customers/${ACME}.yaml`)).toContain("  - export\n");
    const more = await cli(root, ["redo"], zh);
    expect(more).toMatchObject({
      code: 1,
      stderr: "王芳 没有可重做的操作：重做只恢复最近一次撤销的内容，且之后没有新的修改；未做任何改动\n",
    });
    expect(subjects(root, 6)).toEqual([
      `王芳: redo: customer ${ACME} edited — Acme Pumps GmbH`,
      `王芳: redo: ticket ${TICKET} edited (channel) — 上海明远机电设备有限公司`,
      `王芳: undo: ticket ${TICKET} edited (channel) — 上海明远机电设备有限公司`,
      `王芳: undo: customer ${ACME} edited — Acme Pumps GmbH`,
      `王芳: customer ${ACME} edited — Acme Pumps GmbH`,
      `王芳: ticket ${TICKET} edited (channel) — 上海明远机电设备有限公司`,
    ]);
    expect(commits(root)[0]!.body).toMatch(
      /^This reverts commit [0-9a-f]{40}\.\n\nAftercare-Redoes: [0-9a-f]{40}\nAftercare-Command: aftercare redo$/,
    );
    // undo after a redo takes back the redone change
    expect((await cli(root, ["undo"])).stdout).toBe(`${ACME}\n`);
    expect(read(root, `customers/${ACME}.yaml`)).toBe(RECORDS[`customers/${ACME}.yaml`]);
  });

  it("a new change after an undo ends what redo can re-apply", async () => {
    const root = testStore(RECORDS);
    await cli(root, ["ticket", "edit", TICKET, "--channel", "sms"]);
    await cli(root, ["undo"]);
    await cli(root, ["customer", "edit", MINGYUAN, "--tag", "华东"]);
    const r = await cli(root, ["redo"]);
    expect(r).toMatchObject({
      code: 1,
      stderr:
        "王芳 has nothing to redo: redo re-applies what your last undo took back, until you make another change; nothing was changed\n",
    });
    expect(read(root, TICKET_PATH)).toBe(RECORDS[TICKET_PATH]);
    expect(commits(root)).toHaveLength(4);
  });

  it("undo skips a change and its undo that lie between: the change before them is taken back", async () => {
    const root = testStore(RECORDS);
    await cli(root, ["ticket", "edit", TICKET, "--channel", "sms"]);
    await cli(root, ["ticket", "edit", TICKET, "--kind", "complaint"]);
    await cli(root, ["undo"]);
    const r = await cli(root, ["undo"]);
    expect(r.code, r.stderr).toBe(0);
    expect(read(root, TICKET_PATH)).toBe(RECORDS[TICKET_PATH]);
    expect(subjects(root, 1)).toEqual([`王芳: undo: ticket ${TICKET} edited (channel) — 上海明远机电设备有限公司`]);
  });
});
