// Writes that ask the duty engine (what a call closes, which ticket it answers, what a correction
// changes, which duty a waiver means) read one customer's records, from the derived index, instead
// of every record of the store (issue 12, "writes"). What they print, write and commit must be
// exactly what the same write prints, writes and commits reading every file (AFTERCARE_INDEX=off):
// each scenario runs one command on two copies of one store — the index warmed by a read, and
// the index switched off — with the clock and the new record's ID pinned, and compares stdout,
// stderr, the exit code, every file of the store, and the commit (subject, body, author, tree).
// Scenarios change files behind the tool's back after the index was warmed, so a write that acted
// on what the index held before it took the lock would differ. Chinese and English data both.
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { testIO } from "../src/io.js";
import { scripted, type Prompter, type ScriptedAnswer } from "../src/prompt.js";
import { cleanEnv, git, tempDir, testStore } from "./helpers.js";
import {
  baseStore,
  DISPATCHED,
  DISPATCHED_FU1,
  EVENT,
  JINGGONG,
  MINGYUAN,
  NOW,
  NOV_FU2,
  OPEN,
  PACIFIC,
  pathOf,
  RESOLVED,
  SETTINGS,
  UNLINKED,
} from "./index-fixtures.js";

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  /** every file outside .git and .aftercare, by path */
  files: Record<string, string>;
  /** the newest commit: subject and body, author, and its tree */
  commit: string;
  status: string;
  /** what a select question offered (its choices and default), when the run was interactive */
  offered: unknown[];
}

/** The same IDs in both runs: the random part of a new record's ID comes from a counter. */
function counter(): (n: number) => Uint8Array {
  let k = 0;
  return (n) => Uint8Array.from({ length: n }, () => (37 * k++ + 11) & 255);
}

/** Scripted answers that also keep what each select question offered. */
function recording(answers: ScriptedAnswer[]): Prompter & { offered: unknown[] } {
  const s = scripted(answers);
  const offered: unknown[] = [];
  return {
    ...s,
    offered,
    select: async (q) => {
      offered.push({ message: q.message, choices: q.choices, default: q.default });
      return s.select(q);
    },
  };
}

function filesOf(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === ".git" || e.name === ".aftercare") continue;
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else out[relative(root, abs).split("\\").join("/")] = readFileSync(abs, "utf8");
    }
  };
  walk(root);
  return out;
}

async function run(
  root: string,
  args: string[],
  o: { off: boolean; as?: string; env?: Record<string, string>; answers?: ScriptedAnswer[] },
): Promise<Outcome> {
  const before = process.env.AFTERCARE_INDEX;
  if (o.off) process.env.AFTERCARE_INDEX = "off";
  else delete process.env.AFTERCARE_INDEX;
  try {
    const io = testIO({ tty: o.answers !== undefined });
    const prompter = o.answers ? recording(o.answers) : undefined;
    const env = cleanEnv({
      AFTERCARE_NOW: NOW,
      AFTERCARE_USER: o.as ?? "王芳",
      ...(o.off ? { AFTERCARE_INDEX: "off" } : {}),
      ...o.env,
    });
    const code = await main(args, {
      io,
      env,
      cwd: root,
      clock: () => new Date(NOW),
      random: counter(),
      ...(prompter ? { prompter } : {}),
    });
    return {
      code,
      stdout: io.stdout(),
      stderr: io.stderr(),
      files: filesOf(root),
      commit: git(root, "log", "-1", "--format=%s%n%b%n%an <%ae>%n%T"),
      status: git(root, "status", "--porcelain", "--untracked-files=all"),
      offered: prompter?.offered ?? [],
    };
  } finally {
    if (before === undefined) delete process.env.AFTERCARE_INDEX;
    else process.env.AFTERCARE_INDEX = before;
  }
}

/**
 * The small store of test/index-fixtures.ts twice, with `change` made to both after the index of
 * the first was warmed by a read (and the second read once without it); then `args` in each.
 */
async function both(
  args: string[],
  o: { as?: string; env?: Record<string, string>; answers?: ScriptedAnswer[]; change?: (root: string) => void } = {},
): Promise<{ indexed: Outcome; files: Outcome; root: string }> {
  const seed = testStore(baseStore(), { settings: SETTINGS });
  const copy = tempDir();
  cpSync(seed, copy, { recursive: true });
  const warm = await run(seed, ["due"], { off: false });
  expect(warm.code, warm.stderr).toBe(0);
  expect((await run(copy, ["due"], { off: true })).stdout).toBe(warm.stdout);
  o.change?.(seed);
  o.change?.(copy);
  const indexed = await run(seed, args, { off: false, as: o.as, env: o.env, answers: o.answers && [...o.answers] });
  const files = await run(copy, args, { off: true, as: o.as, env: o.env, answers: o.answers && [...o.answers] });
  return { indexed, files, root: seed };
}

/** Both runs alike in everything a user can see; returns the indexed run. */
async function same(args: string[], o: Parameters<typeof both>[1] = {}): Promise<Outcome & { root: string }> {
  const { indexed, files, root } = await both(args, o);
  expect(indexed.stderr).toBe(files.stderr);
  expect(indexed.stdout).toBe(files.stdout);
  expect(indexed.code).toBe(files.code);
  expect(indexed.offered).toEqual(files.offered);
  expect(indexed.files).toEqual(files.files);
  expect(indexed.commit).toBe(files.commit);
  expect(indexed.status).toBe(files.status);
  return { ...indexed, root };
}

const ZH = { AFTERCARE_LOCALE: "" };
const written = (r: Outcome) => r.stdout.trim();

describe("a write reads one customer's records from the index, and says and writes what a read of every file would", () => {
  it("call log --ticket: the second follow-up it closes, in the store's language and in English", async () => {
    const args = [
      "call",
      "log",
      "--ticket",
      DISPATCHED,
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "第二次回访：空压机运行正常",
    ];
    const zh = await same(args, { env: ZH });
    expect(zh.code, zh.stderr).toBe(0);
    const id = written(zh);
    expect(zh.stderr).toBe(
      `已登记与 上海明远机电设备有限公司 的去电（跟踪回访）${id}\n完成 R-FOLLOWUP-2（${DISPATCHED}）\n`,
    );
    expect(zh.files[pathOf(id)]).toMatch(
      new RegExp(`^customer: ${MINGYUAN}\nticket: ${DISPATCHED}\nat: 2026-11-30T09:00:00\\+08:00\n`),
    );
    expect(zh.commit).toMatch(
      new RegExp(`^call ${id} logged \\(outbound followup, ${DISPATCHED}\\) — 上海明远机电设备有限公司\n`),
    );
    const en = await same(args);
    expect(en.stderr).toContain(`\ncloses R-FOLLOWUP-2 (${DISPATCHED})\n`);
  });

  it("call log without --ticket: the ticket whose open duty it answers is linked, and the next contact it carries out is named", async () => {
    const r = await same([
      "call",
      "log",
      "--customer",
      PACIFIC,
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "Told Rajesh the feeder fix; the flow switch ships Monday",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const id = written(r);
    expect(r.files[pathOf(id)]).toContain(`ticket: ${RESOLVED}\n`);
    expect(r.stderr).toContain(`linked to ${RESOLVED}; closes R-ANSWER-SAME-DAY`);
  });

  it("a notice call without --event: the event it announces, for a customer in the event's audience", async () => {
    const r = await same(
      [
        "call",
        "log",
        "--customer",
        PACIFIC,
        "--direction",
        "out",
        "--purpose",
        "notice",
        "--summary",
        "电话邀请 Rajesh 参加 12 月 12 日答谢会",
      ],
      { env: ZH },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.files[pathOf(written(r))]).toContain(`event: ${EVENT}\n`);
  });

  it("letter log: what the letter closes", async () => {
    const r = await same(
      [
        "letter",
        "log",
        "--customer",
        MINGYUAN,
        "--kind",
        "invitation",
        "--subject",
        "2026 年度客户答谢会邀请函",
        "--event",
        EVENT,
      ],
      { env: ZH },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^已登记寄给 上海明远机电设备有限公司 的/);
  });

  it("a contact added by hand after the index was warmed is seen: the call no longer closes what that one closed", async () => {
    const hand = `customer: ${MINGYUAN}\nticket: ${DISPATCHED}\nat: 2026-11-27T10:00:00+08:00\nchannel: call\ndirection: out\npurpose: followup\nstaff: 王芳\nsummary: 第二次回访（手工录入）\n`;
    const change = (root: string) => writeFileSync(join(root, pathOf("K-261127-HAND")), hand);
    const r = await same(
      ["call", "log", "--ticket", DISPATCHED, "--direction", "out", "--purpose", "followup", "--summary", "再次回访"],
      { env: ZH, change },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("R-FOLLOWUP-2");
    expect(r.stderr).toContain("contacts/2026/11/K-261127-HAND.yaml（新文件）");
  });

  it("at a terminal: the customer's tickets with an open duty are offered, the most urgent first", async () => {
    const r = await same(["call", "log"], {
      answers: ["Pacific", undefined, "out", undefined, "Called about the feeder", "", ""],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.stringify(r.offered[0])).toContain(RESOLVED);
    expect(r.files[pathOf(written(r))]).toContain(`ticket: ${RESOLVED}\n`);
  });

  it("contact link, unlink and edit: what the contact closes now and no longer", async () => {
    const link = await same(["contact", "link", UNLINKED, "--ticket", RESOLVED]);
    expect(link.code, link.stderr).toBe(0);
    expect(link.stderr).toBe(`contact ${UNLINKED} linked to ${RESOLVED}; closes R-ANSWER-SAME-DAY (${RESOLVED})\n`);
    expect(link.commit).toMatch(
      new RegExp(`^contact ${UNLINKED} linked to ${RESOLVED} — Pacific Print Works Pte Ltd\n`),
    );
    const unlink = await same(["contact", "unlink", DISPATCHED_FU1], { env: ZH });
    expect(unlink.code, unlink.stderr).toBe(0);
    expect(unlink.stderr).toContain(`不再完成 R-FOLLOWUP-1（${DISPATCHED}）`);
    const edit = await same(["contact", "edit", NOV_FU2, "--at", "2026-11-25 10:00"]);
    expect(edit.code, edit.stderr).toBe(0);
    expect(edit.commit).toMatch(/ — Acme Pumps GmbH\n/);
  });

  it("a ticket step names the customer from their file alone", async () => {
    const r = await same(["ticket", "escalate", OPEN], { env: ZH });
    expect(r.code, r.stderr).toBe(0);
    expect(r.commit).toMatch(new RegExp(`^ticket ${OPEN} escalated to 赵工 — 苏州精工模具厂\n`));
    // a customer file that cannot be read: the commit names the customer by ID, as before
    const broken = await same(["ticket", "escalate", OPEN], {
      change: (root) => writeFileSync(join(root, pathOf(JINGGONG)), "name: [unclosed\n"),
    });
    expect(broken.code, broken.stderr).toBe(0);
    expect(broken.commit).toMatch(new RegExp(`^ticket ${OPEN} escalated to 赵工 — ${JINGGONG}\n`));
  });

  it("duty waive: the duty a whole key, or parts of one, means; refusals word for word", async () => {
    const whole = await same(["duty", "waive", `R-ESC-1DAY:${OPEN}`, "--reason", "客户要求下周再处理"], {
      as: "周敏",
      env: ZH,
    });
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.files[pathOf(written(whole))]).toContain(`duty: R-ESC-1DAY:${OPEN}\n`);
    const parts = await same(["duty", "waive", "r-next k-261120", "--reason", "Customer cannot be reached"], {
      as: "周敏",
    });
    expect(parts.code, parts.stderr).toBe(0);
    expect(parts.files[pathOf(written(parts))]).toContain("duty: R-NEXT-SERVICE:K-261120-0041\n");
    const many = await same(["duty", "waive", "t-2611", "--reason", "x"], { as: "周敏" });
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/^"t-2611" matches \d+ duties: R-/);
    const done = await same(["duty", "waive", "R-MONTHLY:2026-10", "--reason", "x"], { as: "周敏" });
    expect(done.stderr).toBe("R-MONTHLY:2026-10 is done: only a duty not done can be waived; nothing was written\n");
    const none = await same(["duty", "waive", "R-NOPE_%", "--reason", "x"], { as: "周敏" });
    expect(none.stderr).toBe(
      `no duty matches "R-NOPE_%"; give its key as 'aftercare due --json' or 'ticket show' lists it, such as R-FOLLOWUP-2:T-261102-7K3F; nothing was written\n`,
    );
  });

  it("after a write, reads with the index say what reads of every file say: the new call and the duty it closed", async () => {
    const r = await same([
      "call",
      "log",
      "--ticket",
      DISPATCHED,
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "回访",
    ]);
    expect(r.code, r.stderr).toBe(0);
    for (const args of [
      ["due", "--json"],
      ["ticket", "show", DISPATCHED],
      ["customer", "show", MINGYUAN],
    ]) {
      const indexed = await run(r.root, args, { off: false });
      const files = await run(r.root, args, { off: true });
      expect(indexed.stdout, args.join(" ")).toBe(files.stdout);
      expect(indexed.stderr, args.join(" ")).toBe(files.stderr);
    }
    const show = await run(r.root, ["ticket", "show", DISPATCHED], { off: false });
    expect(show.stdout).toContain(written(r));
    expect(show.stdout).toMatch(/R-FOLLOWUP-2 +done/);
  });
});
