// What closes a duty and what does not, the explanation of why, waivers, and the owner of the
// reviews, through the CLI with a pinned clock and real git.
import { describe, expect, it } from "vitest";
import type { Duty } from "../src/domain/duties/index.js";
import { cli, commits, SETTINGS, testStore } from "./helpers.js";
import { RECORDS, TICKET } from "./fixtures.js";

const dutyOf = async (root: string, now: string, key: string) =>
  JSON.parse((await cli(root, ["ticket", "show", TICKET, "--json"], { now })).stdout).duties.find(
    (d: { key: string }) => d.key === key,
  );

describe("a contact closes exactly the duties it does", () => {
  it("R-ANSWER-SAME-DAY: an inbound call does not tell the customer the solution, unless marked --told; due --explain says why", async () => {
    const root = testStore(RECORDS);
    await cli(root, ["ticket", "escalate", TICKET, "--to", "赵工", "--at", "2026-11-20 10:00"], {
      now: "2026-11-20T10:00:00+08:00",
    });
    await cli(root, ["ticket", "resolve", TICKET, "--note", "更换接触器", "--at", "2026-11-20 15:00"], {
      now: "2026-11-20T15:00:00+08:00",
    });
    const inbound = await cli(
      root,
      ["call", "log", "--ticket", TICKET, "--direction", "in", "--purpose", "complaint", "--summary", "客户又来电催问"],
      { now: "2026-11-20T16:00:00+08:00" },
    );
    expect(inbound.code, inbound.stderr).toBe(0);
    const k = inbound.stdout.trim();
    const key = `R-ANSWER-SAME-DAY:${TICKET}`;
    expect(await dutyOf(root, "2026-11-20T17:00:00+08:00", key)).toMatchObject({
      state: "due",
      considered: [
        {
          record: k,
          why: `${k} is inbound; the solution must be told by an outbound call, a visit or a letter (if the customer was told in it: aftercare contact edit ${k} --told)`,
        },
      ],
    });
    const explained = await cli(root, ["due", "--explain"], { now: "2026-11-20T17:00:00+08:00" });
    expect(explained.stdout).toContain(`R-ANSWER-SAME-DAY ${TICKET} — not counted:\n  - ${k} is inbound;`);
    // the clerk did tell the customer on that call
    const told = await cli(root, ["contact", "edit", k, "--told"], { now: "2026-11-20T17:05:00+08:00" });
    expect(told.code, told.stderr).toBe(0);
    expect(await dutyOf(root, "2026-11-20T17:10:00+08:00", key)).toMatchObject({ state: "done", done: { record: k } });
  });

  it("R-ESC-1DAY: only an escalation to the engineering supervisor closes it; escalating to a clerk is refused", async () => {
    const root = testStore(RECORDS);
    const wrong = await cli(root, ["ticket", "escalate", TICKET, "--to", "王芳"], { now: "2026-11-20T10:00:00+08:00" });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain("赵工");
    expect((await dutyOf(root, "2026-11-24T09:00:00+08:00", `R-ESC-1DAY:${TICKET}`)).state).toBe("overdue");
    await cli(root, ["ticket", "escalate", TICKET, "--at", "2026-11-23 09:00"], { now: "2026-11-23T09:00:00+08:00" });
    // the next working day after Friday 20th is Monday 23rd: on time
    expect(await dutyOf(root, "2026-11-24T09:00:00+08:00", `R-ESC-1DAY:${TICKET}`)).toMatchObject({
      state: "done",
      deadline: "2026-11-23",
    });
  });
});

describe("R-DISPATCH: nobody could be sent", () => {
  it("after four working hours the customer is told why and when; the schedule and the call close it; ticket show has the plan", async () => {
    const root = testStore(RECORDS);
    // received Friday 20 Nov 09:12: four working hours later is 13:12, due by the end of the working day
    expect(await dutyOf(root, "2026-11-20T13:00:00+08:00", `R-DISPATCH:${TICKET}`)).toMatchObject({
      state: "upcoming",
      earliestAt: "2026-11-20T13:12:00+08:00",
      dueAt: "2026-11-20T17:30:00+08:00",
    });
    expect((await dutyOf(root, "2026-11-20T13:15:00+08:00", `R-DISPATCH:${TICKET}`)).state).toBe("due");
    const s = await cli(
      root,
      ["ticket", "schedule", TICKET, "--date", "2026-11-23", "--reason", "技术员都在外地，周一上门"],
      { now: "2026-11-20T15:00:00+08:00" },
    );
    expect(s.code, s.stderr).toBe(0);
    // recorded, but the customer has not heard it yet
    expect((await dutyOf(root, "2026-11-20T15:05:00+08:00", `R-DISPATCH:${TICKET}`)).state).toBe("due");
    await cli(
      root,
      [
        "call",
        "log",
        "--ticket",
        TICKET,
        "--direction",
        "out",
        "--purpose",
        "notice",
        "--summary",
        "告知周一上门及原因",
      ],
      { now: "2026-11-20T15:10:00+08:00" },
    );
    expect(await dutyOf(root, "2026-11-20T15:15:00+08:00", `R-DISPATCH:${TICKET}`)).toMatchObject({
      state: "done",
      done: { at: "2026-11-20T15:10:00+08:00" },
    });
    const show = await cli(root, ["ticket", "show", TICKET], { now: "2026-11-20T15:15:00+08:00" });
    expect(show.stdout).toContain("scheduled: 2026-11-23 — 技术员都在外地，周一上门\n");
  });
});

describe("aftercare duty waive", () => {
  it("a supervisor waives a duty that cannot be done, with a reason; a clerk cannot; the waiver is committed", async () => {
    const root = testStore(RECORDS);
    const key = `R-ESC-1DAY:${TICKET}`;
    const clerk = await cli(root, ["duty", "waive", key, "--reason", "客户联系不上"], {
      now: "2026-11-26T09:00:00+08:00",
    });
    expect(clerk).toMatchObject({
      code: 1,
      stderr: "only the department supervisor waives a duty (王芳 is clerk); ask Anna Schmidt; nothing was written\n",
    });
    const noReason = await cli(root, ["duty", "waive", key], { now: "2026-11-26T09:00:00+08:00", as: "Anna Schmidt" });
    expect(noReason.code).toBe(2);
    const r = await cli(root, ["duty", "waive", `R-ESC ${TICKET.slice(0, 8)}`, "--reason", "客户联系不上"], {
      now: "2026-11-26T09:00:00+08:00",
      as: "Anna Schmidt",
    });
    expect(r.code, r.stderr).toBe(0);
    const w = r.stdout.trim();
    expect(w).toMatch(/^W-261126-\w{4}$/);
    expect(r.stderr).toBe(`waived ${key} (${w}): 客户联系不上\n`);
    expect(commits(root)[0]).toMatchObject({
      subject: `duty ${key} waived by Anna Schmidt: 客户联系不上`,
      author: "Anna Schmidt",
    });
    expect(await dutyOf(root, "2026-11-26T10:00:00+08:00", key)).toMatchObject({
      state: "waived",
      waived: { by: "Anna Schmidt", reason: "客户联系不上", record: w },
    });
    // gone from the morning list; a second waiver is refused
    expect(
      JSON.parse((await cli(root, ["due", "--json"], { now: "2026-11-26T10:00:00+08:00" })).stdout).map(
        (d: { key: string }) => d.key,
      ),
    ).not.toContain(key);
    expect(
      (
        await cli(root, ["duty", "waive", key, "--reason", "again"], {
          now: "2026-11-26T10:00:00+08:00",
          as: "Anna Schmidt",
        })
      ).code,
    ).toBe(1);
    expect((await cli(root, ["check"])).code).toBe(0);
  });
});

describe("the reviews' owner", () => {
  it("a store without a supervisor says so once, above the morning list", async () => {
    const root = testStore(RECORDS, {
      settings: SETTINGS.replace("  - name: Anna Schmidt\n    role: supervisor\n", ""),
    });
    const r = await cli(root, ["due"], { now: "2026-12-02T09:00:00+08:00" });
    expect(r.stderr.split("\n").filter((l) => l.includes("no supervisor"))).toEqual([
      "note: no supervisor on the staff list: the monthly review (R-MONTHLY) has no owner; add one with 'aftercare staff add NAME --role supervisor'",
    ]);
    expect(r.stdout).toContain("(unassigned) — 1 due");
    expect(r.stdout).toContain("R-MONTHLY");
  });
});

describe("a deadline on a day off", () => {
  it("is listed on the working day before, and on the days off themselves reads 'by' the deadline", async () => {
    const { when } = await import("../src/format/duties.js");
    const d = {
      state: "due",
      due: "2026-11-27",
      deadline: "2026-11-29",
      earliest: "2026-11-21",
    } as Duty;
    expect(when(d, "2026-11-27")).toBe("today");
    expect(when(d, "2026-11-28")).toBe("by 11-29 (1d)");
    expect(when(d, "2026-11-29")).toBe("today");
    expect(when(d, "2026-11-25")).toBe("by 11-27 (2d)");
  });
});

describe("what a clerk types: refused before anything is written", () => {
  it("a call, a letter or a ticket step dated in the future is refused", async () => {
    const root = testStore(RECORDS);
    const before = commits(root).length;
    const call = await cli(
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
        "x",
        "--at",
        "2026-11-27 09:00",
      ],
      { now: "2026-11-26T10:00:00+08:00" },
    );
    expect(call).toMatchObject({
      code: 2,
      stderr:
        "--at 2026-11-27 09:00 is in the future (now 2026-11-26 10:00); record what has happened, when it happened; nothing was written\n",
    });
    expect(
      (
        await cli(
          root,
          ["letter", "log", "--ticket", TICKET, "--kind", "reply", "--subject", "s", "--sent", "2026-12-01"],
          { now: "2026-11-26T10:00:00+08:00" },
        )
      ).code,
    ).toBe(2);
    expect(
      (
        await cli(root, ["ticket", "escalate", TICKET, "--at", "2026-11-29 09:00"], {
          now: "2026-11-26T10:00:00+08:00",
        })
      ).code,
    ).toBe(2);
    expect(commits(root).length).toBe(before);
  });

  it("a second absence over the same days is refused (it would be ignored)", async () => {
    const root = testStore(RECORDS, { settings: SETTINGS + "  - name: 陈静\n    role: clerk\n" });
    expect(
      (await cli(root, ["staff", "absent", "王芳", "--from", "2026-11-30", "--to", "2026-12-04", "--cover", "陈静"]))
        .code,
    ).toBe(0);
    const again = await cli(root, [
      "staff",
      "absent",
      "王芳",
      "--from",
      "2026-12-02",
      "--to",
      "2026-12-03",
      "--cover",
      "Anna Schmidt",
    ]);
    expect(again).toMatchObject({
      code: 1,
      stderr:
        "王芳 is already recorded away 2026-11-30–2026-12-04 (covered by 陈静); an absence over the same days would be ignored: edit that one in aftercare.yaml, or choose other days; nothing was written\n",
    });
  });

  it("an event in the past is refused; an audience nobody is in is said", async () => {
    const root = testStore(RECORDS);
    const past = await cli(root, ["event", "add", "--title", "答谢会", "--date", "2026-11-01"], {
      now: "2026-11-26T10:00:00+08:00",
    });
    expect(past).toMatchObject({
      code: 2,
      stderr:
        "--date 2026-11-01 is in the past (today is 2026-11-26): an event is recorded before it takes place, so its customers can be told; nothing was written\n",
    });
    const nobody = await cli(
      root,
      ["event", "add", "--title", "答谢会", "--date", "2026-12-20", "--audience", "tag:金牌"],
      { now: "2026-11-26T10:00:00+08:00" },
    );
    expect(nobody.code).toBe(0);
    expect(nobody.stderr).toContain('note: no customer has the tag "金牌" yet');
  });

  it("duty waive takes the key's parts as separate words", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["duty", "waive", "R-ESC-1DAY", TICKET.slice(0, 8), "--reason", "客户联系不上"], {
      now: "2026-11-26T09:00:00+08:00",
      as: "Anna Schmidt",
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`waived R-ESC-1DAY:${TICKET}`);
  });
});

describe("a vehicle delivered", () => {
  it("ticket deliver plans the next contact like closing does, so nothing is left to plan", async () => {
    const root = testStore(RECORDS);
    const run = async (now: string, args: string[]) => {
      const r = await cli(root, args, { now });
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      return r;
    };
    const t = (
      await run("2026-12-01T09:00:00+08:00", [
        "ticket",
        "open",
        "--kind",
        "shop",
        "--customer",
        "Acme",
        "--problem",
        "Brakes squeal",
      ])
    ).stdout.trim();
    await run("2026-12-01T09:05:00+08:00", [
      "ticket",
      "intake",
      t,
      "--plate",
      "B-AC 123",
      "--odometer",
      "1200",
      "--fuel",
      "1/2",
      "--key-tag",
      "3",
      "--papers",
      "ok",
    ]);
    await run("2026-12-01T09:10:00+08:00", ["ticket", "handover", t, "--receiver", "张师傅", "--promise", "16:00"]);
    await run("2026-12-01T14:00:00+08:00", ["ticket", "ready", t]);
    await run("2026-12-01T14:10:00+08:00", [
      "call",
      "log",
      "--ticket",
      t,
      "--direction",
      "out",
      "--purpose",
      "notice",
      "--summary",
      "Ready to collect",
    ]);
    const d = await run("2026-12-01T15:00:00+08:00", [
      "ticket",
      "deliver",
      t,
      "--paid",
      "300",
      "--next-date",
      "2027-06-01",
      "--next-topic",
      "Brake check",
    ]);
    expect(d.stderr).toContain("next contact planned for 2027-06-01");
    const duties = JSON.parse(
      (await cli(root, ["ticket", "show", t, "--json"], { now: "2026-12-01T15:05:00+08:00" })).stdout,
    ).duties as { key: string; state: string }[];
    expect(duties.find((x) => x.key === `R-NEXT-SERVICE:${t}:plan`)?.state).toBe("done");
    expect(duties.find((x) => x.key === `R-NEXT-SERVICE:${t}:1`)?.state).toBe("upcoming");
  });
});

describe("a call says what it closes", () => {
  it("a follow-up call to a customer on the planned day carries out the plan, and says so", async () => {
    const root = testStore(RECORDS);
    const plan = await cli(root, [
      "call",
      "log",
      "--customer",
      "Acme",
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "Pump fine",
      "--next-date",
      "2026-12-01",
      "--next-topic",
      "Offer the service contract",
      "--at",
      "2026-11-25 10:00",
    ]);
    expect(plan.code, plan.stderr).toBe(0);
    const k = plan.stdout.trim();
    const done = await cli(
      root,
      [
        "call",
        "log",
        "--customer",
        "Acme",
        "--direction",
        "out",
        "--purpose",
        "followup",
        "--summary",
        "Offered the service contract",
      ],
      { now: "2026-12-01T10:00:00+08:00" },
    );
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr.split("\n")).toContain(`closes R-NEXT-SERVICE (${k})`);
  });
});

describe("who does what, said truly", () => {
  it("the follow-up clerk must be a clerk (A1)", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["staff", "followup", "李强"]);
    expect(r).toMatchObject({
      code: 1,
      stderr:
        "李强 is technician; the follow-up clerk is one of the after-sales clerks (regulation A1): 王芳; nothing was written\n",
    });
  });

  it("due --for someone away says who has their duties", async () => {
    const root = testStore(RECORDS);
    expect(
      (
        await cli(root, [
          "staff",
          "absent",
          "王芳",
          "--from",
          "2026-11-26",
          "--to",
          "2026-11-30",
          "--cover",
          "Anna Schmidt",
        ])
      ).code,
    ).toBe(0);
    const r = await cli(root, ["due", "--for", "王芳"], { now: "2026-11-27T09:00:00+08:00" });
    expect(r.stderr).toContain(
      "王芳 is away until 2026-11-30: Anna Schmidt has their open duties (R-COVER); see 'aftercare due --for Anna Schmidt'\n",
    );
  });

  it("a call that closes a duty late says so; the duty is credited to whoever made the call", async () => {
    const root = testStore(RECORDS);
    await cli(root, ["ticket", "escalate", TICKET, "--at", "2026-11-20 10:00"], { now: "2026-11-20T10:00:00+08:00" });
    await cli(root, ["ticket", "resolve", TICKET, "--note", "更换接触器", "--at", "2026-11-20 15:00"], {
      now: "2026-11-20T15:00:00+08:00",
    });
    const r = await cli(
      root,
      ["call", "log", "--ticket", TICKET, "--direction", "out", "--purpose", "other", "--summary", "告知解决方法"],
      { now: "2026-11-23T09:00:00+08:00", as: "Anna Schmidt" },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split("\n")).toContain(`closes R-ANSWER-SAME-DAY (${TICKET}) (late)`);
    expect(await dutyOf(root, "2026-11-23T10:00:00+08:00", `R-ANSWER-SAME-DAY:${TICKET}`)).toMatchObject({
      state: "late",
      owner: "王芳",
      assignee: "Anna Schmidt",
    });
  });
});

describe("a replayed day on a show page", () => {
  it("ticket show --now in the past lists the contacts made by then, as its duties see them", async () => {
    const root = testStore(RECORDS);
    await cli(
      root,
      ["call", "log", "--ticket", TICKET, "--direction", "out", "--purpose", "followup", "--summary", "later call"],
      { now: "2026-11-25T10:00:00+08:00" },
    );
    const then = JSON.parse(
      (await cli(root, ["ticket", "show", TICKET, "--json"], { now: "2026-11-21T10:00:00+08:00" })).stdout,
    );
    expect(then.contacts.map((k: { summary: string }) => k.summary)).toEqual(["客户来电报修，空压机跳闸"]);
    const text = (await cli(root, ["ticket", "show", TICKET], { now: "2026-11-21T10:00:00+08:00" })).stdout;
    expect(text).toContain("contacts (1)");
    expect(text).not.toContain("later call");
  });
});
