// The reception desk (regulation part C): a vehicle from appointment to follow-up, every C-rule at
// the right moment in the store's zone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, commits, testStore } from "./helpers.js";
import { MINGYUAN, RECORDS } from "./fixtures.js";
import { checkMarkdown } from "./markdown.js";

describe("a vehicle from appointment to follow-up", () => {
  it("every C-rule shows up in aftercare due at the right moment", async () => {
    const root = testStore(RECORDS);
    const run = async (now: string, args: string[]) => {
      const r = await cli(root, args, { now });
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      return r.stdout.trim();
    };
    const due = async (now: string) =>
      JSON.parse((await cli(root, ["due", "--json", "--within", "1"], { now })).stdout)
        .filter((d: { ticket?: string }) => d.ticket === t)
        .map((d: { rule: string; state: string }) => `${d.rule} ${d.state}`);

    const t = await run("2026-12-01T10:00:00+08:00", [
      "ticket",
      "open",
      "--kind",
      "shop",
      "--customer",
      MINGYUAN,
      "--problem",
      "刹车异响",
      "--assignee",
      "王芳",
      "--appointment",
      "2026-12-03 09:00",
    ]);
    // C-APPOINTMENT: a reminder the day before (Wednesday 2 December)
    expect(await due("2026-12-01T10:05:00+08:00")).toEqual(["C-APPOINTMENT upcoming"]);
    expect(await due("2026-12-02T09:00:00+08:00")).toEqual(["C-APPOINTMENT due"]);
    await run("2026-12-02T10:00:00+08:00", [
      "call",
      "log",
      "--ticket",
      t,
      "--direction",
      "out",
      "--purpose",
      "reminder",
      "--summary",
      "提醒明早 9 点到店",
    ]);
    expect(await due("2026-12-02T10:05:00+08:00")).toEqual([]);

    // C-INTAKE, C-ESTIMATE, C-WORKSHOP-HANDOVER at 09:47, written as 09:50; promised 17:50
    await run("2026-12-03T09:05:00+08:00", [
      "ticket",
      "intake",
      t,
      "--plate",
      "沪a12345",
      "--odometer",
      "48210",
      "--fuel",
      "1/2",
      "--key-tag",
      "17",
      "--model",
      "大众帕萨特",
      "--belonging",
      "雨伞",
      "--damage",
      "左后门划痕",
      "--papers",
      "ok",
    ]);
    await run("2026-12-03T09:30:00+08:00", [
      "ticket",
      "estimate",
      t,
      "--mode",
      "system",
      "--line",
      "制动系统; labour=350; part=前制动片/us/genuine/480",
      "--diagnosis",
      "前制动片磨损到极限",
      "--advice",
      "更换前制动片",
      "--diagnosis-fee",
      "100",
    ]);
    await run("2026-12-03T09:47:00+08:00", ["ticket", "handover", t, "--receiver", "张师傅", "--promise", "17:50"]);

    // C-EXTRA-WORK: asked at 11:00, answered 11:30
    expect(
      await run("2026-12-03T11:00:00+08:00", [
        "ticket",
        "extra",
        t,
        "--item",
        "更换左前减震器",
        "--safety",
        "--amount",
        "900",
      ]),
    ).toBe("1");
    expect(await due("2026-12-03T11:10:00+08:00")).toEqual(["C-EXTRA-WORK due", "C-PROGRESS-CHECK upcoming"]);
    expect(await due("2026-12-03T13:10:00+08:00")).toEqual(["C-EXTRA-WORK overdue", "C-PROGRESS-CHECK upcoming"]);
    await run("2026-12-03T11:30:00+08:00", ["ticket", "answer", t, "1", "--approved", "--by", "张伟"]);

    // C-PROGRESS-CHECK: 70–80 % of 09:50–17:50 is 15:26–16:14, whatever zone the server runs in
    expect(await due("2026-12-03T07:20:00Z")).toEqual(["C-PROGRESS-CHECK upcoming"]); // 15:20 in Shanghai
    expect(await due("2026-12-03T07:30:00Z")).toEqual(["C-PROGRESS-CHECK due"]); // 15:30
    expect(await due("2026-12-03T16:20:00+08:00")).toEqual(["C-PROGRESS-CHECK overdue"]);
    await run("2026-12-03T16:25:00+08:00", ["ticket", "progress", t, "--note", "正在试车"]);

    // C-READY-NOTICE: a job under two days: the call an hour before the promise, 16:50; ready at
    // 16:30, the window is never shorter than the store's grace (30 minutes): by 17:00
    await run("2026-12-03T16:30:00+08:00", ["ticket", "ready", t]);
    expect(await due("2026-12-03T16:40:00+08:00")).toEqual(["C-READY-NOTICE due"]);
    expect(await due("2026-12-03T16:55:00+08:00")).toEqual(["C-READY-NOTICE due"]);
    expect(await due("2026-12-03T17:05:00+08:00")).toEqual(["C-READY-NOTICE overdue"]);
    await run("2026-12-03T16:45:00+08:00", [
      "call",
      "log",
      "--ticket",
      t,
      "--direction",
      "out",
      "--purpose",
      "notice",
      "--summary",
      "通知取车",
    ]);
    expect(await due("2026-12-03T16:55:00+08:00")).toEqual([]);

    // delivery; the follow-ups count from it (R-FOLLOWUP-1 that day, R-FOLLOWUP-2 days 7–14)
    await run("2026-12-03T18:00:00+08:00", ["ticket", "deliver", t, "--paid", "1730.00"]);
    // closed with the delivery and nothing planned for the customer yet: plan the next contact (A2)
    expect(await due("2026-12-03T18:05:00+08:00")).toEqual(["R-FOLLOWUP-1 due", "R-NEXT-SERVICE due"]);
    await run("2026-12-03T18:30:00+08:00", [
      "call",
      "log",
      "--ticket",
      t,
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "车辆使用正常",
      "--next-date",
      "2027-03-01",
      "--next-topic",
      "春季保养提醒",
    ]);
    expect(await due("2026-12-03T18:35:00+08:00")).toEqual([]);
    expect(await due("2026-12-10T09:00:00+08:00")).toEqual(["R-FOLLOWUP-2 due"]);

    const shown = JSON.parse(
      (await cli(root, ["ticket", "show", t, "--json"], { now: "2026-12-04T09:00:00+08:00" })).stdout,
    );
    expect(shown).toMatchObject({
      status: "closed",
      intake: {
        plate: "沪A12345",
        odometer: 48210,
        fuel: "1/2",
        keyTag: "17",
        papers: { ok: true },
        damage: ["左后门划痕"],
        belongings: ["雨伞"],
      },
      handover: { at: "2026-12-03T09:50:00+08:00", receiver: "张师傅", promise: "2026-12-03T17:50:00+08:00" },
      extras: [
        {
          no: 1,
          item: "更换左前减震器",
          safety: true,
          amount: 90000,
          answer: { approved: true, by: "张伟", via: "phone" },
        },
      ],
      ready: { bill: 173000, belongings: true },
      delivery: { paid: 173000 },
    });
    expect(shown.duties.map((d: { rule: string; state: string }) => `${d.rule} ${d.state}`).sort()).toEqual(
      // the progress check came at 16:25, after 16:14: late
      [
        "C-APPOINTMENT done",
        "C-EXTRA-WORK done",
        "C-PROGRESS-CHECK late",
        "C-READY-NOTICE done",
        "R-FILE-SAME-DAY done",
        "R-FOLLOWUP-1 done",
        "R-FOLLOWUP-2 upcoming",
        "R-NEXT-SERVICE done",
        "R-NEXT-SERVICE upcoming",
      ].sort(),
    );
    // the customer's file learned the vehicle, in the intake's commit
    expect(readFileSync(join(root, `customers/${MINGYUAN}.yaml`), "utf8")).toContain(
      "vehicles:\n  - plate: 沪A12345\n    model: 大众帕萨特\n",
    );
    expect(commits(root).map((c) => c.subject)).toContain(`ticket ${t} taken in 沪A12345 — 上海明远机电设备有限公司`);

    // the printable forms, in both languages
    // snapshots with the random part of the ID replaced
    const form = async (args: string[]) =>
      (await cli(root, args, { now: "2026-12-04T09:00:00+08:00" })).stdout.replaceAll(t, "T-261201-XXXX");
    await expect(await form(["report", "order", t, "--locale", "en"])).toMatchFileSnapshot("__snapshots__/order.en.md");
    await expect(await form(["report", "order", t])).toMatchFileSnapshot("__snapshots__/order.zh-CN.md");
    await expect(await form(["report", "diagnosis", t, "--locale", "en"])).toMatchFileSnapshot(
      "__snapshots__/diagnosis.en.md",
    );
    await expect(await form(["report", "diagnosis", t])).toMatchFileSnapshot("__snapshots__/diagnosis.zh-CN.md");
    for (const args of [
      ["report", "order", t],
      ["report", "order", t, "--locale", "en"],
      ["report", "diagnosis", t],
    ])
      checkMarkdown(await form(args));
    const monthly = await cli(root, ["report", "monthly", "2026-12", "--locale", "en"], {
      now: "2027-01-04T09:00:00+08:00",
    });
    expect(monthly.stdout).toContain(
      "## Reception desk\n\n| vehicles | |\n| --- | ---: |\n| received | 1 |\n| finished | 1 |\n| finished by the promised time | 1 |\n| extra work asked / approved / declined | 1 / 1 / 0 |\n| delivered | 1 |\n| average bill | CN¥1,730.00 |\n",
    );
  });

  it("a job of two days or more: the pick-up call four hours before the promise", async () => {
    const root = testStore(RECORDS);
    const t = (
      await cli(root, ["ticket", "open", "--kind", "shop", "--customer", MINGYUAN, "--problem", "大修"], {
        now: "2026-11-30T08:00:00+08:00",
      })
    ).stdout.trim();
    await cli(
      root,
      [
        "ticket",
        "intake",
        t,
        "--plate",
        "沪B54321",
        "--odometer",
        "120500",
        "--fuel",
        "1/4",
        "--key-tag",
        "8",
        "--papers",
        "ok",
      ],
      { now: "2026-11-30T08:30:00+08:00" },
    );
    await cli(root, ["ticket", "handover", t, "--receiver", "张师傅", "--promise", "2026-12-02 17:00"], {
      now: "2026-11-30T09:00:00+08:00",
    });
    await cli(root, ["ticket", "ready", t], { now: "2026-12-02T10:00:00+08:00" });
    const d = JSON.parse((await cli(root, ["due", "--json"], { now: "2026-12-02T10:05:00+08:00" })).stdout).find(
      (x: { rule: string }) => x.rule === "C-READY-NOTICE",
    );
    expect(d).toMatchObject({
      state: "due",
      earliestAt: "2026-12-02T10:00:00+08:00",
      dueAt: "2026-12-02T13:00:00+08:00",
    });
  });

  it("refuses steps out of order, and desk steps on other tickets", async () => {
    const root = testStore(RECORDS);
    const t = (
      await cli(root, ["ticket", "open", "--kind", "shop", "--customer", MINGYUAN, "--problem", "保养"])
    ).stdout.trim();
    expect((await cli(root, ["ticket", "ready", t])).stderr).toBe(
      `ticket ${t} is open; only a vehicle in the workshop can be marked ready (hand it over first: aftercare ticket handover ${t}); nothing was written\n`,
    );
    expect(
      (
        await cli(root, [
          "ticket",
          "intake",
          "T-261120-CCCC",
          "--plate",
          "x",
          "--odometer",
          "1",
          "--fuel",
          "1/2",
          "--key-tag",
          "1",
          "--papers",
          "ok",
        ])
      ).stderr,
    ).toBe(
      "ticket T-261120-CCCC is a repair ticket; intake is for vehicles at the reception desk (kind shop); nothing was written\n",
    );
    expect((await cli(root, ["ticket", "intake", t, "--plate", "x"])).stderr).toBe(
      "ticket intake needs --odometer, --fuel, --key-tag, --papers; nothing was written\n",
    );
    expect((await cli(root, ["ticket", "estimate", t, "--mode", "item", "--line", "Oil; labour=abc"])).code).toBe(2);
    expect(
      (await cli(root, ["ticket", "open", "--customer", MINGYUAN, "--problem", "x", "--appointment", "10:00"])).stderr,
    ).toBe("--appointment is for vehicles at the reception desk: add --kind shop; nothing was written\n");
  });

  it("intake takes JSON on standard input with --json", async () => {
    const root = testStore(RECORDS);
    const t = (
      await cli(root, ["ticket", "open", "--kind", "shop", "--customer", MINGYUAN, "--problem", "保养"])
    ).stdout.trim();
    const { main } = await import("../src/cli.js");
    const { testIO } = await import("../src/io.js");
    const { cleanEnv } = await import("./helpers.js");
    const io = testIO();
    const json = JSON.stringify({
      plate: "沪B88888",
      odometer: 1200,
      fuel: "full",
      keyTag: 3,
      papers: "行驶证过期",
      belongings: ["千斤顶"],
    });
    const code = await main(["ticket", "intake", t, "--json"], {
      io,
      env: cleanEnv({ AFTERCARE_USER: "王芳", AFTERCARE_NOW: "2026-11-26T10:00:00+08:00" }),
      cwd: root,
      clock: () => new Date(),
      stdin: () => Promise.resolve(json),
    });
    expect(code, io.stderr()).toBe(0);
    expect(JSON.parse(io.stdout()).intake).toMatchObject({
      plate: "沪B88888",
      odometer: 1200,
      fuel: "full",
      keyTag: "3",
      papers: { ok: false, note: "行驶证过期" },
      belongings: ["千斤顶"],
    });
  });
});
