// Each command through its function (and the in-process CLI for flags), with a pinned clock.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commits, cli, testStore } from "./helpers.js";
import { ACME, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const read = (root: string, rel: string) => readFileSync(join(root, rel), "utf8");
const idOf = (stdout: string) => stdout.trim();

describe("customer", () => {
  it("adds a customer with contact, phones and tags, prints its ID and commits", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, [
      "customer",
      "add",
      "杭州华泰制冷有限公司",
      "--contact",
      "李娜",
      "--phone",
      "0571-8888 6666",
      "--phone",
      "13900002222",
      "--address",
      "杭州市西湖区文三路 100 号",
      "--tag",
      "华东",
    ]);
    expect(r.code).toBe(0);
    const id = idOf(r.stdout);
    expect(id).toMatch(/^C-261126-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(r.stderr).toBe(`added customer ${id} 杭州华泰制冷有限公司\n`);
    expect(read(root, `customers/${id}.yaml`)).toBe(`name: 杭州华泰制冷有限公司
address: 杭州市西湖区文三路 100 号
contacts:
  - name: 李娜
    phones:
      - 0571-8888 6666
      - "13900002222"
tags:
  - 华东
created: 2026-11-26T10:00:00+08:00
`);
    const [c] = commits(root);
    expect(c).toEqual({
      subject: `customer ${id} added — 杭州华泰制冷有限公司`,
      author: "王芳",
      body: expect.stringContaining("Aftercare-Command: aftercare customer add 杭州华泰制冷有限公司 --contact 李娜"),
    });
  });

  it("refuses a second customer of the same name unless told", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["customer", "add", "Acme Pumps GmbH"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `customer "Acme Pumps GmbH" already exists as ${ACME}; use that ID, or pass --allow-duplicate for a different customer of the same name; nothing was written\n`,
    );
    expect(commits(root)).toHaveLength(1);
  });

  it("lists and searches by name, contact and phone digits", async () => {
    const root = testStore(RECORDS);
    const all = await cli(root, ["customer", "list"]);
    expect(all.stdout).toBe(
      [
        "ID             customer                  contact     phone           tags",
        `${MINGYUAN}  上海明远机电设备有限公司  张伟        021-5555 1234   vip`,
        `${ACME}  Acme Pumps GmbH           Hans Weber  +49 30 1234567`,
        "",
      ].join("\n"),
    );
    for (const q of ["明远", "张伟", "02155551234", "5555 1234"]) {
      const r = await cli(root, ["customer", "list", "--search", q, "--json"]);
      expect(
        JSON.parse(r.stdout).map((c: { id: string }) => c.id),
        q,
      ).toEqual([MINGYUAN]);
    }
  });

  it("shows a customer's file with tickets and contacts", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["customer", "show", "明远"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `${MINGYUAN}  上海明远机电设备有限公司\naddress:   上海市浦东新区张江路 88 号\ncontact:   张伟 (设备科科长)  021-5555 1234  13800001111\n`,
    );
    expect(r.stdout).toContain(
      `tickets (1, 1 open)\nID             received          kind    status  problem\n${TICKET}  2026-11-20 09:12  repair  open    空压机启动后跳闸 ⏎ 第二次启动有异响\n`,
    );
    const j = JSON.parse((await cli(root, ["customer", "show", MINGYUAN, "--json"])).stdout);
    expect(j.tickets.map((t: { id: string }) => t.id)).toEqual([TICKET]);
    expect(j.contacts).toHaveLength(1);
  });

  it("edits chosen fields and keeps the hand-written comment and layout", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, [
      "customer",
      "edit",
      "C-261101",
      "--address",
      "上海市浦东新区科苑路 1 号",
      "--contact",
      "张伟",
      "--phone",
      "13911112222",
      "--untag",
      "vip",
    ]);
    expect(r.code).toBe(0);
    expect(read(root, `customers/${MINGYUAN}.yaml`)).toBe(`# 老客户，2019 年起合作
name: 上海明远机电设备有限公司
address: 上海市浦东新区科苑路 1 号
contacts:
  - name: 张伟
    title: 设备科科长
    phones:
      - 021-5555 1234
      - "13800001111"
      - "13911112222"
equipment:
  - name: 螺杆空压机
    model: LG-22
created: 2026-11-01T09:00:00+08:00
`);
    expect(commits(root)[0]!.subject).toBe(`customer ${MINGYUAN} edited — 上海明远机电设备有限公司`);
  });

  it("edit with nothing to change and no terminal is a usage error", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["customer", "edit", MINGYUAN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^customer edit needs something to change/);
  });
});

describe("ticket", () => {
  it("opens a ticket for a customer found by name, filed now, received when it came in", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, [
      "ticket",
      "open",
      "--customer",
      "Acme",
      "--problem",
      "Pump leaks at the seal",
      "--request",
      "on-site repair",
      "--channel",
      "email",
      "--received",
      "2026-11-26 08:40",
      "--assignee",
      "李强",
    ]);
    expect(r.code).toBe(0);
    const id = idOf(r.stdout);
    expect(r.stderr).toBe(`opened ticket ${id} for Acme Pumps GmbH (+49 30 1234567)\n`);
    expect(read(root, `tickets/2026/11/${id}.yaml`)).toBe(`customer: ${ACME}
received: 2026-11-26T08:40:00+08:00
filed: 2026-11-26T10:00:00+08:00
channel: email
kind: repair
problem: Pump leaks at the seal
request: on-site repair
status: open
assignee: 李强
`);
    expect(commits(root)[0]!.subject).toBe(`ticket ${id} opened (repair) — Acme Pumps GmbH`);
  });

  it("walks a ticket through its life, one commit per step", async () => {
    const root = testStore(RECORDS);
    const steps: [string[], string][] = [
      [
        ["ticket", "escalate", TICKET, "--note", "需要厂家技术支持"],
        `ticket ${TICKET} escalated to 赵工 — 上海明远机电设备有限公司`,
      ],
      [
        ["ticket", "dispatch", TICKET, "--technician", "李强", "--depart", "13:00", "--arrive", "14:30"],
        `ticket ${TICKET} dispatched to 李强 — 上海明远机电设备有限公司`,
      ],
      [["ticket", "arrive", TICKET, "--at", "14:35"], `ticket ${TICKET} marked on site — 上海明远机电设备有限公司`],
      [
        ["ticket", "resolve", TICKET, "--note", "更换接触器，试机正常"],
        `ticket ${TICKET} resolved — 上海明远机电设备有限公司`,
      ],
      [["ticket", "close", TICKET], `ticket ${TICKET} closed — 上海明远机电设备有限公司`],
      [
        ["ticket", "reopen", TICKET, "--note", "客户反映又跳闸"],
        `ticket ${TICKET} reopened — 上海明远机电设备有限公司`,
      ],
    ];
    for (const [args, subject] of steps) {
      // the afternoon, after the technician arrived at 14:35
      const r = await cli(root, args, { now: "2026-11-26T15:00:00+08:00" });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(`${TICKET}\n`);
      expect(commits(root)[0]!.subject).toBe(subject);
    }
    const show = JSON.parse((await cli(root, ["ticket", "show", TICKET, "--json"])).stdout);
    expect(show.status).toBe("onsite");
    expect(show.escalation).toEqual({
      to: "赵工",
      at: "2026-11-26T15:00:00+08:00",
      by: "王芳",
      note: "需要厂家技术支持",
    });
    expect(show.dispatch).toEqual({
      technician: "李强",
      at: "2026-11-26T15:00:00+08:00",
      by: "王芳",
      depart: "2026-11-26T13:00:00+08:00",
      arrive: "2026-11-26T14:30:00+08:00",
      arrived: "2026-11-26T14:35:00+08:00",
    });
    expect(show.resolution).toBeNull(); // --json prints every field, null when the ticket has none (docs/json.md)
    // the solution and close it took back stay on record
    expect(show.reopened).toEqual([
      {
        at: "2026-11-26T15:00:00+08:00",
        by: "王芳",
        note: "客户反映又跳闸",
        resolution: { at: "2026-11-26T15:00:00+08:00", by: "王芳", note: "更换接触器，试机正常" },
        closed: "2026-11-26T15:00:00+08:00",
      },
    ]);
  });

  it("refuses illegal transitions with a clear line and writes nothing", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["ticket", "close", TICKET]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `ticket ${TICKET} is open; only a resolved ticket can be closed: resolve it first with 'aftercare ticket resolve ${TICKET} --note TEXT', or cancel it; nothing was written\n`,
    );
    await cli(root, ["ticket", "resolve", TICKET, "--note", "远程指导复位"]);
    await cli(root, ["ticket", "close", TICKET]);
    const again = await cli(root, ["ticket", "close", TICKET]);
    expect(again.stderr).toBe(`ticket ${TICKET} is closed; it cannot be closed again; nothing was written\n`);
    expect(commits(root)).toHaveLength(3);
  });

  it("lists open tickets by default and filters by status and customer", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["ticket", "list"]);
    expect(r.stdout).toBe(
      `ID             received          customer                  kind    status  assignee  problem\n${TICKET}  2026-11-20 09:12  上海明远机电设备有限公司  repair  open              空压机启动后跳闸 ⏎ 第二次启动有异响\n`,
    );
    expect((await cli(root, ["ticket", "list", "--status", "closed"])).stderr).toBe("no closed tickets\n");
    expect(JSON.parse((await cli(root, ["ticket", "list", "--customer", "Acme", "--json"])).stdout)).toEqual([]);
    expect((await cli(root, ["ticket", "list", "--status", "done"])).code).toBe(2);
  });

  it("accepts any unique prefix, lists an ambiguous one, refuses a malformed one", async () => {
    const root = testStore({
      ...RECORDS,
      "tickets/2026/11/T-261120-CCCD.yaml": RECORDS[`tickets/2026/11/${TICKET}.yaml`]!,
    });
    expect((await cli(root, ["ticket", "show", "t-261120-cccc", "--json"])).code).toBe(0);
    const amb = await cli(root, ["ticket", "show", "T-2611"]);
    expect(amb.stderr).toBe("T-2611 matches 2 tickets: T-261120-CCCC, T-261120-CCCD; type more of the ID\n");
    const bad = await cli(root, ["ticket", "show", "../../etc/passwd"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      '"../../etc/passwd" is not a ticket ID: ticket IDs look like T-261126-7K3F (any unique start of one will do)\n',
    );
  });
});

describe("call and letter", () => {
  it("logs a follow-up call for a ticket, with requests, satisfaction and the next contact", async () => {
    const root = testStore(RECORDS);
    const r = await cli(
      root,
      [
        "call",
        "log",
        "--ticket",
        TICKET,
        "--direction",
        "out",
        "--purpose",
        "followup",
        "--summary",
        "告知技术员 13:00 出发，14:30 到达\n请客户准备配电图纸",
        "--request",
        "希望周末也能上门",
        "--satisfaction",
        "4",
        "--next-date",
        "2026-12-10",
        "--next-topic",
        "回访空压机运行情况",
        "--at",
        "11:20",
      ],
      { now: "2026-11-26T12:00:00+08:00" },
    );
    expect(r.code, r.stderr).toBe(0);
    const id = idOf(r.stdout);
    expect(read(root, `contacts/2026/11/${id}.yaml`)).toBe(`customer: ${MINGYUAN}
ticket: ${TICKET}
at: 2026-11-26T11:20:00+08:00
channel: call
direction: out
purpose: followup
staff: 王芳
summary: |-
  告知技术员 13:00 出发，14:30 到达
  请客户准备配电图纸
requests:
  - 希望周末也能上门
satisfaction: 4
next:
  date: 2026-12-10
  topic: 回访空压机运行情况
`);
    expect(commits(root)[0]!.subject).toBe(
      `call ${id} logged (outbound followup, ${TICKET}) — 上海明远机电设备有限公司`,
    );
  });

  it("logs a letter", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, [
      "letter",
      "log",
      "--customer",
      ACME,
      "--kind",
      "invitation",
      "--subject",
      "Customer day on 12 December",
      "--sent",
      "2026-11-25",
    ]);
    expect(r.code).toBe(0);
    const id = idOf(r.stdout);
    expect(read(root, `contacts/2026/11/${id}.yaml`)).toBe(`customer: ${ACME}
at: 2026-11-25
channel: letter
direction: out
purpose: notice
staff: 王芳
letter:
  kind: invitation
  subject: Customer day on 12 December
`);
  });

  it("refuses a ticket of another customer, a bad satisfaction, half a next contact", async () => {
    const root = testStore(RECORDS);
    const a = await cli(root, [
      "call",
      "log",
      "--customer",
      ACME,
      "--ticket",
      TICKET,
      "--direction",
      "in",
      "--purpose",
      "consult",
      "--summary",
      "x",
    ]);
    expect([a.code, a.stderr]).toEqual([
      2,
      `ticket ${TICKET} belongs to customer ${MINGYUAN}, not to ${ACME}; nothing was written\n`,
    ]);
    const b = await cli(root, [
      "call",
      "log",
      "--customer",
      ACME,
      "--direction",
      "in",
      "--purpose",
      "consult",
      "--summary",
      "x",
      "--satisfaction",
      "6",
    ]);
    expect(b.code).toBe(2);
    const c = await cli(root, [
      "call",
      "log",
      "--customer",
      ACME,
      "--direction",
      "in",
      "--purpose",
      "consult",
      "--summary",
      "x",
      "--next-date",
      "2026-12-01",
    ]);
    expect(c.stderr).toMatch(/^--next-date and --next-topic go together/);
    expect(commits(root)).toHaveLength(1);
  });
});

describe("staff", () => {
  it("adds staff with Chinese names and lists them", async () => {
    const root = testStore(RECORDS);
    expect((await cli(root, ["staff", "add", "陈静", "--role", "clerk"])).stdout).toBe("陈静\n");
    const list = await cli(root, ["staff", "list"]);
    expect(list.stdout).toContain("陈静          clerk");
    expect(commits(root)[0]).toMatchObject({ subject: "staff 陈静 added as clerk", author: "王芳" });
    expect(read(root, "aftercare.yaml")).toContain("  - name: 陈静\n    role: clerk\n");
  });

  it("refuses someone not on the staff list as the actor", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["ticket", "close", TICKET], { as: "Mallory" });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `"Mallory" (from AFTERCARE_USER) is not on the staff list (王芳, 李强, 赵工, Anna Schmidt); add them with 'aftercare staff add "Mallory" --role clerk' or act as someone who is; nothing was written\n`,
    );
  });
});

describe("customer edit in $EDITOR", () => {
  it("saves a valid edit exactly as typed and commits it", async () => {
    const { customerEdit } = await import("../src/commands/customer/edit.js");
    const { context } = await import("./helpers.js");
    const root = testStore(RECORDS);
    const { ctx } = context(root);
    await customerEdit({ id: ACME }, ctx, (path) => {
      const text = readFileSync(path, "utf8").replace(
        "Hauptstraße 5, Berlin",
        "Hauptstraße 7, Berlin  # moved in November",
      );
      writeFileSync(path, text);
    });
    expect(read(root, `customers/${ACME}.yaml`)).toContain("address: Hauptstraße 7, Berlin  # moved in November\n");
    expect(commits(root)[0]!.subject).toBe(`customer ${ACME} edited — Acme Pumps GmbH`);
  });

  it("refuses an invalid edit, keeps it for the user, and leaves the record alone", async () => {
    const { customerEdit } = await import("../src/commands/customer/edit.js");
    const { context } = await import("./helpers.js");
    const root = testStore(RECORDS);
    const before = read(root, `customers/${ACME}.yaml`);
    const { ctx } = context(root);
    let tmp = "";
    const err = await customerEdit({ id: ACME }, ctx, (path) => {
      tmp = path;
      writeFileSync(path, before + "website: acme.example\n");
    }).catch((e: Error) => e);
    expect((err as Error).message).toBe(
      `${tmp}:8:1: unknown field "website" (check the spelling; a customer has no such field)\nyour edit is kept in ${tmp}; customers/${ACME}.yaml was not changed`,
    );
    expect(read(root, `customers/${ACME}.yaml`)).toBe(before);
    expect(commits(root)).toHaveLength(1);
  });
});
