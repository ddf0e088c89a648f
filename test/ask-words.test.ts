// The questions a command asks for what is missing are catalogue keys (src/services/ask.ts): every
// question, choice and worded flag in the reader's language, none left in English by a missing entry.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { testIO } from "../src/io.js";
import { scripted, type Prompter, type ScriptedAnswer } from "../src/prompt.js";
import { cleanEnv, cli, SETTINGS, testStore } from "./helpers.js";
import { MINGYUAN, RECORDS } from "./fixtures.js";

/** Every question and every choice offered at a terminal, in order, in `locale`. */
async function walk(root: string, locale: string, args: string[], answers: ScriptedAnswer[]) {
  const inner = scripted(answers);
  const shown: string[] = [];
  const prompter: Prompter = {
    input: (q) => (shown.push(q.message), inner.input(q)),
    select: (q) => (shown.push(`${q.message}: ${q.choices.map((c) => c.name).join(" | ")}`), inner.select(q)),
    search: (q) => (shown.push(q.message), inner.search(q)),
  };
  const io = testIO({ tty: true });
  const env = cleanEnv({
    AFTERCARE_LOCALE: locale,
    AFTERCARE_USER: "王芳",
    AFTERCARE_NOW: "2026-12-03T09:05:00+08:00",
  });
  const code = await main(args, { io, env, cwd: root, clock: () => new Date(), prompter });
  return { code, shown, stdout: io.stdout(), stderr: io.stderr() };
}

/** A shop ticket for 上海明远, its vehicle expected today. */
async function shopTicket(root: string): Promise<string> {
  const open = ["ticket", "open", "--kind", "shop", "--customer", MINGYUAN, "--problem", "刹车异响"];
  const r = await cli(root, [...open, "--appointment", "2026-12-03 09:00"], { now: "2026-12-01T10:00:00+08:00" });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
}

describe("ticket intake at a terminal (C-INTAKE)", () => {
  const answers = ["沪A12345", "48210", "1/2", "17"];

  it("asks for the vehicle and its papers in Chinese in a zh-CN store; 齐全 is taken as valid papers", async () => {
    const root = testStore(RECORDS);
    const t = await shopTicket(root);
    const r = await walk(root, "zh-CN", ["ticket", "intake", t], [...answers, "齐全"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.shown).toEqual([
      "车牌号",
      "里程表读数（公里）",
      "油量（如 1/2）",
      "钥匙牌号",
      "证件（齐全有效填“齐全”，否则写明缺什么或哪里不对）",
    ]);
    const file = readFileSync(join(root, `tickets/2026/12/${t}.yaml`), "utf8");
    expect(file).toContain("  plate: 沪A12345\n");
    expect(file).toContain("  papers:\n    ok: true\n");
  });

  it("asks the same in English for an English reader", async () => {
    const root = testStore(RECORDS);
    const t = await shopTicket(root);
    const r = await walk(root, "en", ["ticket", "intake", t], [...answers, "driving licence missing"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.shown).toEqual([
      "Number plate",
      "Odometer (km)",
      "Fuel gauge (e.g. 1/2)",
      "Key tag number",
      'Papers ("ok" when valid and complete, else what is wrong)',
    ]);
  });
});

describe("a channel the store adds, offered by the names it gives in aftercare.yaml", () => {
  const settings = SETTINGS + "channels:\n  - name: douyin\n    zh-CN: 抖音\n    en: Douyin\n";

  it.each([
    ["zh-CN", "来源: 电话 | 传真 | 来访 | 电子邮件 | 网站 | 微信 | 短信 | 抖音"],
    ["en", "Came in by: phone | fax | visit | e-mail | web | WeChat | SMS | Douyin"],
  ])("%s: the built-in channels in the catalogue's words, then the store's own", async (locale, offered) => {
    const root = testStore(RECORDS, { settings });
    const r = await walk(root, locale, ["ticket", "open"], ["shmy", "空压机跳闸", "", "douyin", undefined, ""]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.shown[3]).toBe(offered);
    expect(readFileSync(join(root, `tickets/2026/12/${r.stdout.trim()}.yaml`), "utf8")).toContain("channel: douyin\n");
  });
});

describe("the flags a usage error names when nothing may be asked", () => {
  it("letter log --no-input names its missing flags in the reader's language, the worded one too", async () => {
    const root = testStore(RECORDS);
    const zh = await cli(root, ["letter", "log", "--no-input"], { env: { AFTERCARE_LOCALE: "zh-CN" } });
    expect([zh.code, zh.stderr]).toEqual([
      2,
      "'aftercare letter log' 缺少 --customer（或 --ticket）、--kind、--subject；未写入任何内容\n",
    ]);
    const en = await cli(root, ["letter", "log", "--no-input"]);
    expect([en.code, en.stderr]).toEqual([
      2,
      "letter log needs --customer (or --ticket), --kind, --subject; nothing was written\n",
    ]);
  });
});
