// Several desks on one store: a bare "server" repository and two clones, through the real binary.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, commits, git, tempDir, testStore } from "./helpers.js";
import { ACME, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

/** A server repository with the fixture store, and two desks cloned from it (hooks installed). */
function desks() {
  const origin = testStore(RECORDS);
  const server = join(tempDir(), "server.git");
  git(origin, "clone", "--quiet", "--bare", origin, server);
  const clone = (name: string) => {
    const dir = join(tempDir(), name);
    git(tempDir(), "clone", "--quiet", server, dir);
    const r = bin(dir, ["init", "--hooks"], { AFTERCARE_USER: "王芳" });
    expect(r.code, r.stderr).toBe(0);
    return dir;
  };
  const a = clone("desk-a");
  bin(a, ["sync"], { AFTERCARE_USER: "王芳" }); // sends the .gitattributes commit
  const b = clone("desk-b");
  return { server, a, b };
}
const as = (who: string, now = "2026-11-26T10:00:00+08:00") => ({ AFTERCARE_USER: who, AFTERCARE_NOW: now });
const ok = (dir: string, args: string[], env: Record<string, string>) => {
  const r = bin(dir, args, env);
  expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r;
};

describe("aftercare sync", () => {
  it("settings broken by another desk: the sync is done and says so, never a stack trace", () => {
    const { a, b } = desks();
    // desk b's clerk breaks aftercare.yaml by hand and pushes it with plain git
    writeFileSync(join(b, "aftercare.yaml"), readFileSync(join(b, "aftercare.yaml"), "utf8").replace("version: 1", "version: 9"));
    git(b, "-c", "user.name=李强", "-c", "user.email=l@example.com", "commit", "--quiet", "--no-verify", "-am", "hand edit");
    git(b, "push", "--quiet", "origin", "HEAD");
    const r = bin(a, ["sync"], as("王芳"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^brought in 1 change from 李强/);
    expect(r.stderr).toMatch(/^note: the store's settings as they now are cannot be read \(.*version.*\); fix aftercare.yaml, see 'aftercare check'\n$/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js/);
  });

  it("a store with no remote says so", () => {
    const r = bin(testStore(RECORDS), ["sync"], as("王芳"));
    expect(r).toMatchObject({ code: 1, stderr: "the store's repository has no remote to sync with; add the company's one first: git remote add origin URL\n" });
  });

  it("two desks working apart on the same customers end with every record from both, no conflict, a clean check", () => {
    const { a, b } = desks();
    const ta = ok(a, ["ticket", "open", "--customer", MINGYUAN, "--problem", "冷库温度高"], as("王芳")).stdout.trim();
    ok(a, ["call", "log", "--ticket", ta, "--direction", "in", "--purpose", "complaint", "--summary", "客户来电投诉"], as("王芳"));
    ok(a, ["call", "log", "--customer", ACME, "--direction", "out", "--purpose", "followup", "--summary", "Checked the pump"], as("王芳"));
    const tb = ok(b, ["ticket", "open", "--customer", MINGYUAN, "--problem", "空压机异响"], as("李强")).stdout.trim();
    ok(b, ["call", "log", "--customer", ACME, "--direction", "in", "--purpose", "consult", "--summary", "Asked for a quote"], as("李强"));
    ok(b, ["ticket", "escalate", TICKET], as("李强"));

    expect(ok(a, ["sync"], as("王芳")).stdout).toBe("sent 3 changes to origin\n");
    const rb = ok(b, ["sync"], as("李强"));
    expect(rb.stdout).toBe("brought in 3 changes from 王芳: 1 new ticket, 2 new calls and letters; sent 3 changes to origin\n");
    expect(ok(a, ["sync"], as("王芳")).stdout).toBe("brought in 3 changes from 李强: 1 new ticket, 1 new call or letter, 1 ticket changed\n");

    for (const dir of [a, b]) {
      const tickets = JSON.parse(ok(dir, ["ticket", "list", "--status", "all", "--json"], as("王芳")).stdout).map((t: { id: string }) => t.id);
      expect(tickets.sort()).toEqual([TICKET, ta, tb].sort());
      expect(bin(dir, ["check"], as("王芳"))).toMatchObject({ code: 0, stdout: "" });
      expect(git(dir, "status", "--porcelain")).toBe("");
    }
    expect(git(a, "rev-parse", "HEAD")).toBe(git(b, "rev-parse", "HEAD"));
  });

  it("edits to different fields of one record merge cleanly, even on adjacent lines", () => {
    const { a, b } = desks();
    ok(a, ["customer", "edit", MINGYUAN, "--name", "上海明远机电设备股份有限公司"], as("王芳"));
    ok(b, ["customer", "edit", MINGYUAN, "--address", "上海市浦东新区科苑路 1 号"], as("李强"));
    ok(a, ["sync"], as("王芳"));
    expect(ok(b, ["sync"], as("李强")).stdout).toBe("brought in 1 change from 王芳: 1 customer changed; sent 1 change to origin\n");
    const file = readFileSync(join(b, `customers/${MINGYUAN}.yaml`), "utf8");
    expect(file.split("\n").slice(0, 3)).toEqual(["# 老客户，2019 年起合作", "name: 上海明远机电设备股份有限公司", "address: 上海市浦东新区科苑路 1 号"]);
  });

  it("the same field changed on both desks stops the sync with an explanation, and loses neither side", () => {
    const { a, b } = desks();
    ok(a, ["customer", "edit", MINGYUAN, "--address", "上海市徐汇区漕溪北路 8 号"], as("王芳"));
    ok(b, ["customer", "edit", MINGYUAN, "--address", "上海市浦东新区科苑路 1 号"], as("李强"));
    ok(a, ["sync"], as("王芳"));
    const r = bin(b, ["sync"], as("李强"));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `sync stopped: these records were changed here and on another desk:\n` +
        `  customers/${MINGYUAN}.yaml (customer ${MINGYUAN}): address: 上海市浦东新区科苑路 1 号 here, 上海市徐汇区漕溪北路 8 号 there\n` +
        "Each file holds both versions between <<<<<<< and >>>>>>> lines. Keep the right value, delete the marker lines, then:\n" +
        "  git add FILE… && git rebase --continue && aftercare sync\n" +
        "or give up this sync, keeping your changes as they were: git rebase --abort\n",
    );
    expect(git(b, "status")).toMatch(/rebase in progress/);
    const file = readFileSync(join(b, `customers/${MINGYUAN}.yaml`), "utf8");
    expect(file).toContain("上海市徐汇区漕溪北路 8 号");
    expect(file).toContain("上海市浦东新区科苑路 1 号");
    // writes wait until the conflict is settled; check points at the markers
    expect(bin(b, ["ticket", "close", TICKET], as("李强")).stderr).toMatch(/^a git rebase is in progress in the store/);
    expect(bin(b, ["check"], as("李强")).stdout).toMatch(/leftover merge-conflict marker/);
    // settle it: keep ours, continue, sync again
    writeFileSync(join(b, `customers/${MINGYUAN}.yaml`), file.replace(/<<<<<<< ours\n.*\n=======\n(.*\n)>>>>>>> theirs\n/, "$1"));
    git(b, "add", "-A");
    git(b, "-c", "user.name=李强", "-c", "user.email=", "-c", "core.editor=true", "rebase", "--continue");
    expect(ok(b, ["sync"], as("李强")).stdout).toBe("sent 1 change to origin\n");
  });
});

describe("aftercare history", () => {
  it("tells a record's life from git, field by field", () => {
    const root = testStore(RECORDS);
    bin(root, ["ticket", "escalate", TICKET], as("王芳", "2026-11-20T11:00:00+08:00"));
    bin(root, ["ticket", "dispatch", TICKET, "--technician", "李强"], as("王芳", "2026-11-20T13:00:00+08:00"));
    bin(root, ["ticket", "resolve", TICKET, "--note", "更换接触器"], as("赵工", "2026-11-21T16:00:00+08:00"));
    const r = bin(root, ["history", TICKET], as("王芳"));
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(`${TICKET}  ticket, 4 changes (newest first)`);
    expect(r.stdout).toContain(`赵工  ticket ${TICKET} resolved — 上海明远机电设备有限公司`);
    expect(r.stdout).toContain("    status: dispatched → resolved\n    resolution.at: 2026-11-21T16:00:00+08:00\n    resolution.by: 赵工\n    resolution.note: 更换接触器\n");
    expect(r.stdout).toContain("    status: escalated → dispatched\n    dispatch.technician: 李强\n");
    const j = JSON.parse(bin(root, ["history", TICKET.slice(0, 11), "--json"], as("王芳")).stdout);
    expect(j.history.map((s: { author: string }) => s.author)).toEqual(["赵工", "王芳", "王芳", "setup"]);
    expect(j.history[2]).toMatchObject({ command: `aftercare ticket escalate ${TICKET}`, changes: expect.arrayContaining([{ field: "status", from: "open", to: "escalated" }]) });
  });
});

describe("aftercare undo", () => {
  it("reverts the acting person's last aftercare commit with a new commit", () => {
    const root = testStore(RECORDS);
    bin(root, ["ticket", "resolve", TICKET, "--note", "误操作"], as("王芳"));
    bin(root, ["customer", "edit", ACME, "--tag", "export"], as("李强"));
    const r = bin(root, ["undo"], as("王芳"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${TICKET}\n`);
    expect(r.stderr).toMatch(new RegExp(`^undid "ticket ${TICKET} resolved — 上海明远机电设备有限公司" \\(\\w{7}\\) with a new commit \\w+\\n$`));
    expect(readFileSync(join(root, `tickets/2026/11/${TICKET}.yaml`), "utf8")).toBe(RECORDS[`tickets/2026/11/${TICKET}.yaml`]);
    expect(commits(root).map((c) => `${c.author}: ${c.subject}`).slice(0, 3)).toEqual([
      `王芳: undo: ticket ${TICKET} resolved — 上海明远机电设备有限公司`,
      `李强: customer ${ACME} edited — Acme Pumps GmbH`,
      `王芳: ticket ${TICKET} resolved — 上海明远机电设备有限公司`,
    ]);
  });

  it("refuses when a later commit changed the same record", () => {
    const root = testStore(RECORDS);
    bin(root, ["ticket", "resolve", TICKET, "--note", "远程复位"], as("王芳"));
    bin(root, ["ticket", "close", TICKET], as("李强"));
    const r = bin(root, ["undo"], as("王芳"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^cannot undo "ticket ${TICKET} resolved — 上海明远机电设备有限公司": later commits changed the same records:\\n  \\w+ 李强: ticket ${TICKET} closed — 上海明远机电设备有限公司\\nundo or correct those first; nothing was changed\\n$`));
  });
});

describe("hand edits and git faults", () => {
  it("the pre-commit hook refuses a hand edit that breaks the store, with path:line:col", () => {
    const dir = join(tempDir(), "store");
    bin(tempDir(), ["init", dir, "--company", "明远", "--timezone", "Asia/Shanghai"]);
    expect(existsSync(join(dir, ".git/hooks/pre-commit"))).toBe(true);
    bin(dir, ["staff", "add", "王芳", "--role", "clerk"], as("王芳"));
    const c = ok(dir, ["customer", "add", "杭州华泰"], as("王芳")).stdout.trim();
    writeFileSync(join(dir, `customers/${c}.yaml`), readFileSync(join(dir, `customers/${c}.yaml`), "utf8") + "phone: 0571\n");
    git(dir, "add", "-A");
    let err = "";
    try {
      git(dir, "-c", "user.name=王芳", "-c", "user.email=", "commit", "-m", "hand edit");
    } catch (e) {
      err = String((e as { stderr?: string }).stderr);
    }
    expect(err).toContain(`customers/${c}.yaml:3:1: unknown field "phone" (check the spelling; a customer has no such field)`);
    expect(commits(dir)[0]!.subject).toBe(`customer ${c} added — 杭州华泰`);
  });

  it("a commit refused by a hook keeps the record, says how to commit it, and the next write commits it", () => {
    const root = testStore(RECORDS);
    // the repository's own hooks do not run on aftercare's commits (test/git-safety.test.ts);
    // aftercare's own hooks folder does
    mkdirSync(join(root, ".git/aftercare/hooks"), { recursive: true });
    writeFileSync(join(root, ".git/aftercare/hooks/pre-commit"), "#!/bin/sh\necho 'commits are frozen today' >&2\nexit 1\n");
    chmodSync(join(root, ".git/aftercare/hooks/pre-commit"), 0o755);
    const r = bin(root, ["ticket", "resolve", TICKET, "--note", "ok"], as("王芳"));
    expect(r.code).not.toBe(1);
    expect(r.stderr).toContain(`saved but not committed (a git hook refused the commit: commits are frozen today)`);
    expect(r.stderr).toContain(`commit it with: git -C "${root}" commit -m "ticket ${TICKET} resolved — 上海明远机电设备有限公司" -- tickets/2026/11/${TICKET}.yaml`);
    expect(readFileSync(join(root, `tickets/2026/11/${TICKET}.yaml`), "utf8")).toContain("status: resolved");
    rmSync(join(root, ".git/aftercare/hooks/pre-commit"));
    expect(ok(root, ["ticket", "close", TICKET], as("王芳")).stderr).toMatch(/^note: committed an earlier write that had been saved but not committed \(a git hook refused the commit: commits are frozen today\): ticket T-261120-CCCC resolved/);
    expect(commits(root).map((c) => c.subject).slice(0, 2)).toEqual([`ticket ${TICKET} closed — 上海明远机电设备有限公司`, `ticket ${TICKET} resolved — 上海明远机电设备有限公司`]);
  });

  it("someone else's index.lock: the record is saved, not committed, and the user is told", () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, ".git/index.lock"), "");
    const r = bin(root, ["ticket", "resolve", TICKET, "--note", "ok"], as("王芳"));
    expect(r.code).toBe(3); // saved but not committed
    expect(r.stderr).toMatch(/^note: saved but not committed \(another git process holds the store's index.lock\)/);
    expect(readFileSync(join(root, `tickets/2026/11/${TICKET}.yaml`), "utf8")).toContain("status: resolved");
  });

  it("a detached HEAD refuses writes before anything is written", () => {
    const root = testStore(RECORDS);
    git(root, "checkout", "--quiet", "--detach");
    const r = bin(root, ["ticket", "resolve", TICKET, "--note", "ok"], as("王芳"));
    expect(r).toMatchObject({ code: 1, stderr: "the store's git HEAD is detached (not on a branch): switch back with 'git switch main' (or your branch) first; nothing was written\n" });
    expect(git(root, "status", "--porcelain")).toBe("");
  });
});

describe("without git on the machine", () => {
  it("a write keeps the record and says git is missing", () => {
    const root = testStore(RECORDS);
    const r = bin(root, ["ticket", "resolve", TICKET, "--note", "ok"], { ...as("王芳"), PATH: "/nonexistent" });
    expect(r.code).toBe(3); // saved but not committed
    expect(r.stderr).toContain("note: saved but not committed (git is not installed; install git to keep the store's history)");
    expect(readFileSync(join(root, `tickets/2026/11/${TICKET}.yaml`), "utf8")).toContain("status: resolved");
  });
});
