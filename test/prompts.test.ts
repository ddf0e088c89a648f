// A clerk who has never read the manual: prompts for what is missing, driven here with scripted
// answers, and once in a real terminal (tmux).
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { testIO } from "../src/io.js";
import { scripted, type ScriptedAnswer } from "../src/prompt.js";
import { BIN, cleanEnv, commits, testStore } from "./helpers.js";
import { ACME, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

async function ask(root: string, args: string[], answers: ScriptedAnswer[]) {
  const io = testIO({ tty: true });
  const prompter = scripted(answers);
  const code = await main(args, {
    io,
    env: cleanEnv({ AFTERCARE_USER: "王芳", AFTERCARE_NOW: "2026-11-26T10:00:00+08:00" }),
    cwd: root,
    clock: () => new Date(),
    prompter,
  });
  return { code, stdout: io.stdout(), stderr: io.stderr(), asked: prompter.asked };
}

describe("prompts for what is missing", () => {
  it("ticket open with no flags walks through customer (found by pinyin initials), problem, request, channel, kind", async () => {
    const root = testStore(RECORDS);
    const r = await ask(root, ["ticket", "open"], ["shmy", "空压机跳闸", "", "fax", undefined, ""]);
    expect(r.code, r.stderr).toBe(0);
    // filing a request plans the next contact (A2); an empty answer plans none
    expect(r.asked).toEqual([
      "Customer (name, pinyin, contact or phone)",
      "Problem, as the customer tells it",
      "Service the customer wants (optional)",
      "Came in by",
      "Kind of request",
      "Next contact planned for (YYYY-MM-DD; empty for none)",
    ]);
    const id = r.stdout.trim();
    // the ticket belongs to whoever filed it when the store names no follow-up clerk
    expect(readFileSync(join(root, `tickets/2026/11/${id}.yaml`), "utf8")).toBe(
      `customer: ${MINGYUAN}\nreceived: 2026-11-26T10:00:00+08:00\nfiled: 2026-11-26T10:00:00+08:00\nchannel: fax\nkind: repair\nproblem: 空压机跳闸\nstatus: open\nassignee: 王芳\n`,
    );
  });

  it("call log with no flags: the customer by phone digits, their open ticket and the purpose offered as defaults", async () => {
    const root = testStore(RECORDS);
    const r = await ask(root, ["call", "log"], ["02155551234", undefined, "in", undefined, "客户询问进度", "", ""]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.asked).toEqual([
      "Customer (name, pinyin, contact or phone)",
      "Ticket the call is about",
      "Who called",
      "What the call was for",
      "Key points of the conversation",
      "Customer's satisfaction, 1 (poor) to 5 (excellent) (optional)",
      "Next contact planned for (YYYY-MM-DD; empty for none)",
    ]);
    const k = r.stdout.trim();
    expect(readFileSync(join(root, `contacts/2026/11/${k}.yaml`), "utf8")).toContain(
      `customer: ${MINGYUAN}\nticket: ${TICKET}\nat: 2026-11-26T10:00:00+08:00\nchannel: call\ndirection: in\npurpose: followup\n`,
    );
  });

  it("asks only for what is missing when some flags are given", async () => {
    const root = testStore(RECORDS);
    const r = await ask(root, ["ticket", "dispatch", TICKET], ["李强"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.asked).toEqual(["Technician"]);
    expect(commits(root)[0]!.subject).toBe(`ticket ${TICKET} dispatched to 李强 — 上海明远机电设备有限公司`);
  });

  it("never asks with --no-input: the missing flags are named, exit 2", async () => {
    const root = testStore(RECORDS);
    const r = await ask(root, ["call", "log", "--no-input", "--customer", ACME], []);
    expect(r).toMatchObject({
      code: 2,
      stderr: "call log needs --direction, --purpose, --summary; nothing was written\n",
      asked: [],
    });
  });
});

const HD1 = "C-261001-HD01";
const HD2 = "C-261001-HD02";
/** Two customers "华东" matches equally. */
const EAST = {
  ...RECORDS,
  [`customers/${HD1}.yaml`]:
    "name: 华东制冷设备公司\ncontacts:\n  - name: 李明\n    phones:\n      - 021-6000 0001\ncreated: 2026-10-01T09:00:00+08:00\n",
  [`customers/${HD2}.yaml`]:
    "name: 华东医院\ncontacts:\n  - name: 孙丽\n    phones:\n      - 021-6000 0002\ncreated: 2026-10-01T09:00:00+08:00\n",
};
const files = (root: string, dir: string) => readdirSync(join(root, dir), { recursive: true }).map(String);

describe("the customer picker (issue 13, item 4)", () => {
  it("an ambiguous --customer at a terminal opens the picker with the matches; the ticket goes to the one picked", async () => {
    const root = testStore(EAST);
    const r = await ask(root, ["ticket", "open", "--customer", "华东", "--problem", "冷库温度偏高"], [HD2, ""]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.asked).toEqual([
      '"华东" matches 2 customers: which one?',
      "Next contact planned for (YYYY-MM-DD; empty for none)",
    ]);
    const id = r.stdout.trim();
    expect(readFileSync(join(root, `tickets/2026/11/${id}.yaml`), "utf8")).toContain(`customer: ${HD2}\n`);
  });

  it("in Chinese the picker asks in Chinese; with --no-input it stays the refusal it was", async () => {
    const root = testStore(EAST);
    const zh = await ask(
      root,
      ["call", "log", "--locale", "zh-CN", "--customer", "华东"],
      ["in", "other", "询价", "", "", HD1],
    );
    expect(zh.code, zh.stderr).toBe(0);
    // the customer is resolved once the call's own questions are answered
    expect(zh.asked.slice(-3)).toEqual([
      "客户满意度，1（差）至 5（很好）（可不填）",
      "下次联系日期（如 2026-12-09、12月9日、下周一；不填则不安排）",
      "“华东”对应 2 位客户，请选择：",
    ]);
    expect(readFileSync(join(root, `contacts/2026/11/${zh.stdout.trim()}.yaml`), "utf8")).toContain(
      `customer: ${HD1}\n`,
    );
    const refused = await ask(root, ["ticket", "open", "--no-input", "--customer", "华东", "--problem", "噪音"], []);
    expect(refused).toMatchObject({
      code: 1,
      stderr: `"华东" matches 2 customers: ${HD2} 华东医院; ${HD1} 华东制冷设备公司; give the ID; nothing was written\n`,
      asked: [],
    });
  });

  it("files a caller who is not on file from the picker (name, phone), then goes on with the ticket", async () => {
    const root = testStore(RECORDS);
    const before = commits(root).length;
    const r = await ask(
      root,
      ["ticket", "open"],
      ["周先生", "", "139 1234 5678", "车辆异响", "", "wechat", undefined, ""],
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.asked.slice(0, 4)).toEqual([
      "Customer (name, pinyin, contact or phone)",
      "Customer name (an organisation, or a private person such as 周先生)",
      "Phone (optional)",
      "Problem, as the customer tells it",
    ]);
    // stdout holds the ticket's ID only; the new customer is said on stderr, in its own commit
    const id = r.stdout.trim();
    expect(id).toMatch(/^T-261126-[0-9A-Z]{4}$/);
    const [customerFile] = files(root, "customers").filter((f) => !f.includes(MINGYUAN) && !f.includes(ACME));
    const cid = customerFile!.replace(/\.yaml$/, "");
    expect(readFileSync(join(root, "customers", customerFile!), "utf8")).toBe(
      "name: 周先生\ncontacts:\n  - name: 周先生\n    phones:\n      - 139 1234 5678\ncreated: 2026-11-26T10:00:00+08:00\n",
    );
    expect(r.stderr).toContain(`added customer ${cid} 周先生\n`);
    expect(readFileSync(join(root, `tickets/2026/11/${id}.yaml`), "utf8")).toContain(`customer: ${cid}\n`);
    expect(
      commits(root)
        .slice(0, 2)
        .map((c) => c.subject),
    ).toEqual([expect.stringMatching(new RegExp(`^ticket ${id} `)), `customer ${cid} added — 周先生`]);
    expect(commits(root).length).toBe(before + 2);
  });

  it("call log at a terminal asks for satisfaction and the next contact even when every flag was given", async () => {
    const root = testStore(RECORDS);
    const flags = ["call", "log", "--customer", ACME, "--direction", "out", "--purpose", "followup", "--summary", "ok"];
    const r = await ask(root, flags, ["4", "2026-12-09", "年度保养提醒"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.asked).toEqual([
      "Customer's satisfaction, 1 (poor) to 5 (excellent) (optional)",
      "Next contact planned for (YYYY-MM-DD; empty for none)",
      "Next contact: what it is about",
    ]);
    const text = readFileSync(join(root, `contacts/2026/11/${r.stdout.trim()}.yaml`), "utf8");
    expect(text).toContain("satisfaction: 4\n");
    expect(text).toContain("next:\n  date: 2026-12-09\n  topic: 年度保养提醒\n");
    // both skippable: empty answers record neither
    const skipped = await ask(root, flags, ["", ""]);
    expect(skipped.code, skipped.stderr).toBe(0);
    const plain = readFileSync(join(root, `contacts/2026/11/${skipped.stdout.trim()}.yaml`), "utf8");
    expect(plain).not.toMatch(/satisfaction|next:/);
    // given as flags, nothing is asked; with --no-input, nothing either
    const given = await ask(
      root,
      [...flags, "--satisfaction", "5", "--next-date", "2026-12-10", "--next-topic", "回访"],
      [],
    );
    expect(given).toMatchObject({ code: 0, asked: [] });
    expect(await ask(root, [...flags, "--no-input"], [])).toMatchObject({ code: 0, asked: [] });
  });
});

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

describe("in a real terminal", () => {
  it.runIf(hasTmux)("ticket open with no flags, answered by keystrokes", async () => {
    const root = testStore(RECORDS);
    const session = `aftercare-${process.pid}-${Date.now()}`;
    const env = cleanEnv({
      AFTERCARE_USER: "王芳",
      AFTERCARE_NOW: "2026-11-26T10:00:00+08:00",
      LANG: "C.UTF-8",
      TERM: "xterm-256color",
    });
    delete env.CI; // CI runs have CI=true, which (like a pipe) turns prompts off
    delete env.TMUX;
    const tmux = (...args: string[]) => execFileSync("tmux", args, { env, encoding: "utf8" });
    const screen = () => tmux("capture-pane", "-p", "-t", session);
    const waitFor = async (text: string) => {
      for (let i = 0; i < 100; i++) {
        if (screen().includes(text)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`never saw "${text}" on the screen:\n${screen()}`);
    };
    tmux(
      "new-session",
      "-d",
      "-s",
      session,
      "-x",
      "120",
      "-y",
      "30",
      "-c",
      root,
      `${process.execPath} ${BIN} ticket open; sleep 5`,
    );
    try {
      await waitFor("Customer");
      tmux("send-keys", "-t", session, "-l", "Acme");
      await waitFor("Acme Pumps GmbH");
      tmux("send-keys", "-t", session, "Enter");
      await waitFor("Problem");
      tmux("send-keys", "-t", session, "-l", "Pump leaks");
      tmux("send-keys", "-t", session, "Enter");
      await waitFor("Service the customer wants");
      tmux("send-keys", "-t", session, "Enter");
      await waitFor("Came in by");
      tmux("send-keys", "-t", session, "Enter");
      await waitFor("Kind of request");
      tmux("send-keys", "-t", session, "Enter");
      await waitFor("Next contact planned for");
      tmux("send-keys", "-t", session, "Enter");
      await waitFor("opened ticket");
    } finally {
      spawnSync("tmux", ["kill-session", "-t", session], { env });
    }
    const files = readdirSync(join(root, "tickets/2026/11")).filter((f) => f !== "T-261120-CCCC.yaml");
    expect(files).toHaveLength(1);
    expect(readFileSync(join(root, "tickets/2026/11", files[0]!), "utf8")).toContain(
      `customer: ${ACME}\nreceived: 2026-11-26T10:00:00+08:00\nfiled: 2026-11-26T10:00:00+08:00\nchannel: phone\nkind: repair\nproblem: Pump leaks\nstatus: open\nassignee: 王芳\n`,
    );
  });
});

describe("leaving a prompt", () => {
  it("Ctrl+C at a question cancels cleanly: one line, exit 130, nothing written", async () => {
    const root = testStore(RECORDS);
    const io = testIO({ tty: true });
    const interrupted = {
      input: async () =>
        Promise.reject(Object.assign(new Error("User force closed the prompt"), { name: "ExitPromptError" })),
      select: () => Promise.resolve(""),
      search: () => Promise.resolve(MINGYUAN),
    };
    const code = await main(["ticket", "open"], {
      io,
      env: cleanEnv({ AFTERCARE_USER: "王芳", AFTERCARE_NOW: "2026-11-26T10:00:00+08:00" }),
      cwd: root,
      clock: () => new Date(),
      prompter: interrupted as never,
    });
    expect([code, io.stderr()]).toEqual([130, "cancelled; nothing was written\n"]);
    expect(commits(root)).toHaveLength(1);
  });
});
