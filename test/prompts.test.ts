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
