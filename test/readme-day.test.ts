// The README's "A day at the desk", replayed through the real binary on a fresh `aftercare init`
// store, as a new user would type it, with the clock pinned to each step's moment. After every
// step every open duty has an owner; at the end the duties the clerk's own actions close are done,
// and nothing is overdue, a day later or a week later.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, commits, git, tempDir, type Run } from "./helpers.js";

interface Duty {
  key: string;
  rule: string;
  source: string;
  state: string;
  assignee?: string;
  owner?: string;
  done?: { at: string; record: string };
}

describe("the README's day at the desk, on a fresh store", () => {
  it("leaves no duty without an owner and none open that the clerk's own actions should have closed", () => {
    const dir = join(tempDir(), "desk");
    let now = "2026-11-26 09:00";
    const env = (user?: string): Record<string, string> => ({
      AFTERCARE_NOW: now,
      AFTERCARE_LOCALE: "zh-CN",
      ...(user ? { AFTERCARE_USER: user } : {}),
    });
    const run = (args: string[], user: string | undefined = "王芳"): Run => bin(dir, args, env(user));
    const ok = (args: string[], user?: string): Run => {
      const r = run(args, user);
      expect(r.code, `aftercare ${args.join(" ")} at ${now}: ${r.stderr}`).toBe(0);
      return r;
    };
    const id = (args: string[]): string => ok(args).stdout.trim();
    const due = (within = 30): Duty[] => {
      const r = ok(["due", "--json", "--within", String(within)]);
      return JSON.parse(r.stdout) as Duty[];
    };
    /** After each step: every open duty (today's and the next month's) has somebody to do it. */
    const owned = (step: string) => {
      const orphans = due().filter((d) => !d.assignee);
      expect(
        orphans.map((d) => d.key),
        `duties without an owner after ${step}`,
      ).toEqual([]);
    };
    const open = () => due().map((d) => `${d.key} ${d.state} ${d.assignee}`);

    // --- set up the store and its staff
    expect(
      bin(
        tempDir(),
        ["init", dir, "--company", "上海明远机电设备服务有限公司", "--timezone", "Asia/Shanghai", "--locale", "zh-CN"],
        env(),
      ),
    ).toMatchObject({ code: 0, stdout: `${dir}\n` });
    // the first person on the list acts before AFTERCARE_USER is set, as the README does it
    ok(["staff", "add", "王芳", "--role", "clerk", "--email", "wangfang@example.com"], "");
    ok(["staff", "add", "李强", "--role", "technician"]);
    ok(["staff", "add", "赵建国", "--role", "engineering"]);
    ok(["staff", "add", "周敏", "--role", "supervisor"]);
    ok(["staff", "followup", "王芳"]);
    expect(due()).toEqual([]);

    // --- a customer rings: file them, open a ticket, log the call
    now = "2026-11-26 09:08";
    const c = id([
      "customer",
      "add",
      "上海华东制冷设备有限公司",
      "--contact",
      "张伟",
      "--phone",
      "021-5555 1234",
      "--address",
      "上海市闵行区春东路 508 号",
      "--tag",
      "vip",
    ]);
    expect(c).toMatch(/^C-261126-\w{4}$/);
    now = "2026-11-26 09:12";
    const t = id([
      "ticket",
      "open",
      "--customer",
      "华东",
      "--problem",
      "冷水机组高压报警停机",
      "--request",
      "尽快上门",
      "--received",
      "09:10",
    ]);
    expect(t).toMatch(/^T-261126-\w{4}$/);
    owned("ticket open");
    // opened without --assignee: the follow-up clerk's
    expect(open()).toEqual(expect.arrayContaining([`R-ESC-1DAY:${t} due 王芳`]));
    now = "2026-11-26 09:14";
    id([
      "call",
      "log",
      "--ticket",
      t,
      "--direction",
      "in",
      "--purpose",
      "complaint",
      "--summary",
      "客户来电：冷水机组高压报警，车间温度上升",
      "--at",
      "09:10",
    ]);
    owned("call log (in)");

    // --- move the ticket along, by an ID prefix
    const p = t.slice(0, 10);
    now = "2026-11-26 09:30";
    ok(["ticket", "escalate", p]);
    owned("ticket escalate");
    expect(open().filter((d) => d.startsWith("R-ESC-1DAY"))).toEqual([]);
    ok(["ticket", "dispatch", p, "--technician", "李强", "--depart", "10:30", "--arrive", "11:40"]);
    owned("ticket dispatch");
    expect(open()).toEqual([`R-FOLLOWUP-1:${t} due 王芳`]);
    now = "2026-11-26 10:20";
    id([
      "call",
      "log",
      "--ticket",
      p,
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "告知 10:30 出发、11:40 到达；请准备机房钥匙",
    ]);
    owned("the first follow-up");
    expect(open()).toEqual([`R-FOLLOWUP-2:${t} upcoming 王芳`]);
    ok(["ticket", "show", p]);

    now = "2026-11-26 15:40";
    ok(["ticket", "resolve", p, "--note", "清洗冷凝器，更换高压开关"]);
    owned("ticket resolve");
    expect(open()).toContain(`R-ANSWER-SAME-DAY:${t} due 王芳`);
    now = "2026-11-26 15:50";
    const answer = id([
      "call",
      "log",
      "--ticket",
      p,
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "告知处理结果：已清洗冷凝器、更换高压开关，机组恢复运行",
    ]);
    owned("telling the solution");
    now = "2026-11-26 16:00";
    const closed = ok(["ticket", "close", p, "--next-date", "2027-04-15", "--next-topic", "制冷季前年度保养提醒"]);
    expect(closed.stderr).toContain("下次联系定于 2027-04-15");
    owned("ticket close");
    expect(open()).toEqual([`R-FOLLOWUP-2:${t} upcoming 王芳`]);

    // --- letters, the store's check, a step that does not fit
    now = "2026-11-26 16:30";
    id(["letter", "log", "--customer", "华东", "--kind", "reply", "--subject", "冷水机组维修报告"]);
    expect(run(["check"])).toEqual({ code: 0, stdout: "", stderr: "" });
    const refused = run(["ticket", "dispatch", t, "--technician", "李强"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`reopen it first with 'aftercare ticket reopen ${t}'; nothing was written`);
    owned("the first day");
    // the next morning nothing of the first day is left
    now = "2026-11-27 09:00";
    expect(due().filter((d) => d.state === "due" || d.state === "overdue")).toEqual([]);

    // --- a week later: the morning list asks for the second follow-up; the call finds its ticket
    now = "2026-12-04 09:00";
    expect(open()).toEqual(expect.arrayContaining([`R-FOLLOWUP-2:${t} due 王芳`, "R-MONTHLY:2026-11 due 周敏"]));
    now = "2026-12-04 10:40";
    const second = run([
      "call",
      "log",
      "--customer",
      "华东",
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "机组运行正常",
      "--satisfaction",
      "5",
    ]);
    expect(second.code, second.stderr).toBe(0);
    const k = second.stdout.trim();
    expect(second.stderr).toContain(`已关联 ${t}；完成 R-FOLLOWUP-2`);
    owned("the second follow-up");
    expect(open().filter((d) => d.startsWith("R-FOLLOWUP-2"))).toEqual([]);
    // the corrections the README shows, in its order: the end state closes R-FOLLOWUP-2 again
    expect(ok(["contact", "edit", k, "--at", "2026-12-04 10:30", "--person", "张伟"]).stderr).toContain(
      `完成 R-FOLLOWUP-2（${t}）`,
    );
    expect(ok(["contact", "unlink", k]).stderr).toContain(`不再完成 R-FOLLOWUP-2（${t}）`);
    expect(open()).toContain(`R-FOLLOWUP-2:${t} due 王芳`);
    expect(ok(["contact", "link", k, "--ticket", t]).stderr).toContain(`完成 R-FOLLOWUP-2（${t}）`);
    owned("the corrections");
    expect(run(["check"])).toEqual({ code: 0, stdout: "", stderr: "" });

    // --- the supervisor saves November's review (README, "Reviews and registers")
    now = "2026-12-04 16:00";
    expect(run(["report", "monthly", "2026-11", "--save"]).code).toBe(1); // a clerk cannot
    expect(ok(["report", "monthly", "2026-11", "--save", "--as", "周敏"]).stdout).toBe("reports/2026-11-monthly.md\n");

    // --- the end of the day: nothing unowned, nothing overdue, nothing left that the flow closes
    const end = due(400);
    expect(end.filter((d) => !d.assignee)).toEqual([]);
    expect(end.filter((d) => d.state === "overdue")).toEqual([]);
    // only the plan made when closing, for next spring
    expect(end.map((d) => `${d.key} ${d.state} ${d.assignee}`)).toEqual([`R-NEXT-SERVICE:${t}:1 upcoming 王芳`]);

    const shown = JSON.parse(ok(["ticket", "show", t, "--json"]).stdout) as { assignee: string; duties: Duty[] };
    expect(shown.assignee).toBe("王芳");
    const state = Object.fromEntries(shown.duties.map((d) => [d.key, d.state]));
    expect(state).toEqual({
      [`R-FILE-SAME-DAY:${t}`]: "done",
      [`R-ESC-1DAY:${t}`]: "done",
      [`R-FOLLOWUP-1:${t}`]: "done",
      [`R-ANSWER-SAME-DAY:${t}`]: "done",
      [`R-FOLLOWUP-2:${t}`]: "done",
      [`R-NEXT-SERVICE:${t}:plan`]: "done",
      [`R-NEXT-SERVICE:${t}:1`]: "upcoming",
    });
    const byKey = new Map(shown.duties.map((d) => [d.key, d]));
    expect(byKey.get(`R-ANSWER-SAME-DAY:${t}`)?.done?.record).toBe(answer);
    expect(byKey.get(`R-FOLLOWUP-2:${t}`)?.done?.record).toBe(k);
    for (const d of shown.duties) expect(d.assignee, d.key).toBe("王芳");

    // a week after the second follow-up's window has closed, the list is still clean
    now = "2026-12-14 09:00";
    expect(due().filter((d) => d.state === "overdue" || !d.assignee)).toEqual([]);

    // every step was one commit by the person who made it, and the tree is clean
    expect(git(dir, "status", "--porcelain")).toBe("");
    const log = commits(dir);
    expect(log[0]).toMatchObject({
      author: "周敏",
      subject: "report 2026-11 monthly saved — 上海明远机电设备服务有限公司",
    });
    expect(log.filter((x) => x.author !== "王芳").map((x) => x.author)).toEqual(["周敏", "aftercare"]);
    expect(readFileSync(join(dir, "aftercare.yaml"), "utf8")).toMatch(/^followupClerk: 王芳$/m);
  });
});
