// What closes a duty and what does not, the explanation of why, waivers, and the owner of the
// reviews, through the CLI with a pinned clock and real git.
import { describe, expect, it } from "vitest";
import { cli, commits, SETTINGS, testStore } from "./helpers.js";
import { RECORDS, TICKET } from "./fixtures.js";

const dutyOf = async (root: string, now: string, key: string) => JSON.parse((await cli(root, ["ticket", "show", TICKET, "--json"], { now })).stdout).duties.find((d: { key: string }) => d.key === key);

describe("a contact closes exactly the duties it does", () => {
  it("R-ANSWER-SAME-DAY: an inbound call does not tell the customer the solution, unless marked --told; due --explain says why", async () => {
    const root = testStore(RECORDS);
    await cli(root, ["ticket", "escalate", TICKET, "--to", "赵工", "--at", "2026-11-20 10:00"], { now: "2026-11-20T10:00:00+08:00" });
    await cli(root, ["ticket", "resolve", TICKET, "--note", "更换接触器", "--at", "2026-11-20 15:00"], { now: "2026-11-20T15:00:00+08:00" });
    const inbound = await cli(root, ["call", "log", "--ticket", TICKET, "--direction", "in", "--purpose", "complaint", "--summary", "客户又来电催问"], { now: "2026-11-20T16:00:00+08:00" });
    expect(inbound.code, inbound.stderr).toBe(0);
    const k = inbound.stdout.trim();
    const key = `R-ANSWER-SAME-DAY:${TICKET}`;
    expect(await dutyOf(root, "2026-11-20T17:00:00+08:00", key)).toMatchObject({ state: "due", considered: [{ record: k, why: `${k} is inbound; the solution must be told by an outbound call, a visit or a letter (if the customer was told in it: aftercare contact edit ${k} --told)` }] });
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
    expect(await dutyOf(root, "2026-11-24T09:00:00+08:00", `R-ESC-1DAY:${TICKET}`)).toMatchObject({ state: "done", deadline: "2026-11-23" });
  });
});

describe("R-DISPATCH: nobody could be sent", () => {
  it("after four working hours the customer is told why and when; the schedule and the call close it; ticket show has the plan", async () => {
    const root = testStore(RECORDS);
    // received Friday 20 Nov 09:12: four working hours later is 13:12, due by the end of the working day
    expect(await dutyOf(root, "2026-11-20T13:00:00+08:00", `R-DISPATCH:${TICKET}`)).toMatchObject({ state: "upcoming", earliestAt: "2026-11-20T13:12:00+08:00", dueAt: "2026-11-20T17:30:00+08:00" });
    expect((await dutyOf(root, "2026-11-20T13:15:00+08:00", `R-DISPATCH:${TICKET}`)).state).toBe("due");
    const s = await cli(root, ["ticket", "schedule", TICKET, "--date", "2026-11-23", "--reason", "技术员都在外地，周一上门"], { now: "2026-11-20T15:00:00+08:00" });
    expect(s.code, s.stderr).toBe(0);
    // recorded, but the customer has not heard it yet
    expect((await dutyOf(root, "2026-11-20T15:05:00+08:00", `R-DISPATCH:${TICKET}`)).state).toBe("due");
    await cli(root, ["call", "log", "--ticket", TICKET, "--direction", "out", "--purpose", "notice", "--summary", "告知周一上门及原因"], { now: "2026-11-20T15:10:00+08:00" });
    expect(await dutyOf(root, "2026-11-20T15:15:00+08:00", `R-DISPATCH:${TICKET}`)).toMatchObject({ state: "done", done: { at: "2026-11-20T15:10:00+08:00" } });
    const show = await cli(root, ["ticket", "show", TICKET], { now: "2026-11-20T15:15:00+08:00" });
    expect(show.stdout).toContain("scheduled: 2026-11-23 — 技术员都在外地，周一上门\n");
  });
});

describe("aftercare duty waive", () => {
  it("a supervisor waives a duty that cannot be done, with a reason; a clerk cannot; the waiver is committed", async () => {
    const root = testStore(RECORDS);
    const key = `R-ESC-1DAY:${TICKET}`;
    const clerk = await cli(root, ["duty", "waive", key, "--reason", "客户联系不上"], { now: "2026-11-26T09:00:00+08:00" });
    expect(clerk).toMatchObject({ code: 1, stderr: "only the department supervisor waives a duty (王芳 is clerk); ask Anna Schmidt; nothing was written\n" });
    const noReason = await cli(root, ["duty", "waive", key], { now: "2026-11-26T09:00:00+08:00", as: "Anna Schmidt" });
    expect(noReason.code).toBe(2);
    const r = await cli(root, ["duty", "waive", `R-ESC ${TICKET.slice(0, 8)}`, "--reason", "客户联系不上"], { now: "2026-11-26T09:00:00+08:00", as: "Anna Schmidt" });
    expect(r.code, r.stderr).toBe(0);
    const w = r.stdout.trim();
    expect(w).toMatch(/^W-261126-\w{4}$/);
    expect(r.stderr).toBe(`waived ${key} (${w}): 客户联系不上\n`);
    expect(commits(root)[0]).toMatchObject({ subject: `duty ${key} waived by Anna Schmidt: 客户联系不上`, author: "Anna Schmidt" });
    expect(await dutyOf(root, "2026-11-26T10:00:00+08:00", key)).toMatchObject({ state: "waived", waived: { by: "Anna Schmidt", reason: "客户联系不上", record: w } });
    // gone from the morning list; a second waiver is refused
    expect(JSON.parse((await cli(root, ["due", "--json"], { now: "2026-11-26T10:00:00+08:00" })).stdout).map((d: { key: string }) => d.key)).not.toContain(key);
    expect((await cli(root, ["duty", "waive", key, "--reason", "again"], { now: "2026-11-26T10:00:00+08:00", as: "Anna Schmidt" })).code).toBe(1);
    expect((await cli(root, ["check"])).code).toBe(0);
  });
});

describe("the reviews' owner", () => {
  it("a store without a supervisor says so once, above the morning list", async () => {
    const root = testStore(RECORDS, { settings: SETTINGS.replace("  - name: Anna Schmidt\n    role: supervisor\n", "") });
    const r = await cli(root, ["due"], { now: "2026-12-02T09:00:00+08:00" });
    expect(r.stderr.split("\n").filter((l) => l.includes("no supervisor"))).toEqual(["note: no supervisor on the staff list: the monthly review (R-MONTHLY) has no owner; add one with 'aftercare staff add NAME --role supervisor'"]);
    expect(r.stdout).toContain("(unassigned) — 1 due");
    expect(r.stdout).toContain("R-MONTHLY");
  });
});

describe("a deadline on a day off", () => {
  it("is listed on the working day before, and on the days off themselves reads 'by' the deadline", async () => {
    const { when } = await import("../src/format/duties.js");
    const d = { state: "due", due: "2026-11-27", deadline: "2026-11-29", earliest: "2026-11-21" } as import("../src/domain/duties/index.js").Duty;
    expect(when(d, "2026-11-27")).toBe("today");
    expect(when(d, "2026-11-28")).toBe("by 11-29 (1d)");
    expect(when(d, "2026-11-29")).toBe("today");
    expect(when(d, "2026-11-25")).toBe("by 11-27 (2d)");
  });
});
