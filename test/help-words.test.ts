// The command line's own words in the store's language (issue 13 items 1 and 4): --help from the
// catalogue's help block, and wrong usage as one catalogue sentence with commander's suggestion.
// Unit tier: main() with a runner that runs nothing, no process, no git.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { main, program } from "../src/cli.js";
import type { Runner } from "../src/commands/registry.js";
import { shownLocale } from "../src/help/locale.js";
import { testIO } from "../src/io.js";
import { tempDir } from "./helpers.js";

const NOTHING: Runner = { run: () => Promise.resolve(), bare: () => Promise.resolve() };

/** What aftercare prints for `argv` and its exit code; nothing runs. */
async function parse(argv: string[], env: Record<string, string> = {}, cwd = "/nowhere") {
  const io = testIO();
  const code = await main(argv, { io, env, cwd, clock: () => new Date(0) }, () => NOTHING);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

// issue 13 items 1 and 4: the command line's own words in the store's language
describe("wrong usage in Chinese: one line, exit 2, commander's suggestion kept", () => {
  it.each([
    [["ticket", "dispatch", "T-1", "--tecnician", "李四"], "没有参数 '--tecnician'（您是不是要输入 --technician？）\n"],
    [["ticket", "open", "--custmer", "华东"], "没有参数 '--custmer'（您是不是要输入 --customer？）\n"],
    [["tickt", "open"], "没有命令 'tickt'（您是不是要输入 ticket？）\n"],
    [["ticket", "opne"], "没有命令 'opne'（您是不是要输入 open？）\n"],
    [["ticket", "answer", "T-1"], "缺少必填的 'n'\n"],
    [["customer", "add", "华东机械", "--phone"], "参数 '--phone <phone>' 缺少取值\n"],
    [
      ["ticket", "open", "--kind", "nope"],
      "参数 '--kind <kind>' 的取值 'nope' 无效，可选：repair、install、maintenance、consult、complaint、shop。\n",
    ],
    [["call", "log", "--direction", "sideways"], "参数 '--direction <dir>' 的取值 'sideways' 无效，可选：in、out。\n"],
    [["ticket", "show", "T-1", "T-2"], "'show' 的参数太多：应有 1 个，实际给了 2 个。\n"],
  ])("%j", async (argv, stderr) => {
    const p = await parse(["--locale", "zh-CN", ...argv]);
    expect(p).toEqual({ code: 2, stdout: "", stderr });
  });

  it("the language comes from AFTERCARE_LOCALE, else the store's aftercare.yaml, else English", async () => {
    const line = "没有参数 '--custmer'（您是不是要输入 --customer？）\n";
    const typo = ["ticket", "open", "--custmer", "华东"];
    expect((await parse(typo, { AFTERCARE_LOCALE: "zh-CN" })).stderr).toBe(line);
    const store = tempDir();
    writeFileSync(join(store, "aftercare.yaml"), "company: 华东机械维修\nlocale: zh-CN\ntimezone: Asia/Shanghai\n");
    mkdirSync(join(store, "tickets"));
    expect((await parse(typo, {}, join(store, "tickets"))).stderr).toBe(line);
    expect((await parse(["--records", store, ...typo])).stderr).toBe(line);
    expect((await parse(typo, { AFTERCARE_RECORDS: store })).stderr).toBe(line);
    // --locale wins over the store, and the environment over the store
    expect((await parse(["--locale", "en", ...typo], {}, store)).stderr).toBe(
      "unknown option '--custmer' (Did you mean --customer?)\n",
    );
    expect((await parse(typo, { AFTERCARE_LOCALE: "en" }, store)).stderr).toBe(
      "unknown option '--custmer' (Did you mean --customer?)\n",
    );
  });

  it("shownLocale reads only the store's locale line; an absent or unknown one is English", () => {
    const store = tempDir();
    expect(shownLocale([], {}, store)).toBe("en");
    writeFileSync(join(store, "aftercare.yaml"), "# desk\nlocale: 'zh-CN'   # 中文\n");
    expect(shownLocale([], {}, store)).toBe("zh-CN");
    expect(shownLocale(["--locale=en"], {}, store)).toBe("en");
    expect(shownLocale(["--locale", "fr"], {}, store)).toBe("zh-CN");
    expect(shownLocale(["--", "--locale", "en"], {}, store)).toBe("zh-CN");
    writeFileSync(join(store, "aftercare.yaml"), "company: x\nlocale: de\n");
    expect(shownLocale([], {}, store)).toBe("en");
  });
});

describe("help in Chinese", () => {
  it("a command's help, every word from the catalogue", async () => {
    const p = await parse(["--locale", "zh-CN", "ticket", "dispatch", "--help"]);
    expect(p.code).toBe(0);
    expect(p.stdout.split("\n").slice(0, 11)).toEqual([
      "用法： aftercare ticket dispatch [选项] <id>",
      "",
      "派技术人员上门（R-DISPATCH）",
      "",
      "选项：",
      "  --technician <name>  上门人员",
      "  --depart <datetime>  出发时间",
      "  --arrive <datetime>  到达时间",
      "  --at <datetime>      发生时间（默认：现在）",
      "  -h, --help           显示命令帮助",
      "",
    ]);
    expect(p.stdout).toContain("日期和时间按平常的写法填写，一律按数据目录的时区：\n");
  });

  it("a noun's commands, choices and defaults in Chinese punctuation", async () => {
    const staff = await parse(["--locale", "zh-CN", "help", "staff"]);
    expect(staff.stdout).toContain("命令：\n  add [选项] <name>       添加人员\n");
    const event = await parse(["--locale", "zh-CN", "event", "add", "--help"]);
    expect(event.stdout).toContain('受邀客户："all"（全部）或 "tag:标签"（默认："all"）\n');
    const top = await parse(["--help"], { AFTERCARE_LOCALE: "zh-CN" });
    // wrapped at 80 columns (a pipe) between Chinese characters, under the description column
    expect(top.stdout).toContain(
      "  --locale <locale>              显示语言（默认：$AFTERCARE_LOCALE，否则取数据目\n" +
        '                                 录的设置）（可选："zh-CN"、"en"）\n',
    );
    expect(top.stdout).toContain(
      "\n退出码：0 完成，1 被拒绝或失败（或发现问题），2 用法错误，3 已保存但未提交到\ngit，130 已取消。\n",
    );
  });

  it("English help stays as it was", async () => {
    const p = await parse(["ticket", "arrive", "--help"]);
    expect(p.stdout.split("\n").slice(0, 7)).toEqual([
      "Usage: aftercare ticket arrive [options] <id>",
      "",
      "the technician is on site",
      "",
      "Options:",
      "  --at <datetime>  when it happened (default: now)",
      "  -h, --help       display help for command",
    ]);
  });
});

describe("every command's help in Chinese", () => {
  /** Every command's words, as typed after aftercare (hidden ones too). */
  function commandWords(): string[][] {
    const all: string[][] = [];
    const walk = (cmd: Command, words: string[]) => {
      all.push(words);
      for (const sub of cmd.commands) if (sub.name() !== "help") walk(sub, [...words, sub.name()]);
    };
    walk(program(testIO(), NOTHING), []);
    return all;
  }

  // what may stay in Latin letters in a Chinese help: what is typed (flags, values a flag takes,
  // placeholders, file and field names), the regulation's codes, and the names of programs and formats
  const TYPED =
    /:[a-z]+|--?[a-z][\w-]*|<[^>]*>|\[[^\]]*\]|\$[A-Z_]+|\b[A-Z]+(?:-[A-Z0-9]+)+\b|[\w.-]*\.(?:yaml|md|xlsx)\b|"[^"]*"|\b[a-z]+(?::[A-Z]*)?:|[\w-]+\/[\w/|-]+/g;
  const ALLOWED = new Set(
    (
      "aftercare git user name YAML JSON CSV Excel Outlook iCalendar UID Markdown IANA HEAD origin PATH VIN GBK tab " +
      "zh CN en vip bash zsh fish DAYS YYYY MM labour part critical repair shop phone fax visit email web wechat sms " +
      "open escalated dispatched onsite resolved closed cancelled all in out here there notice invitation reply " +
      "address contact title tags note equipment vehicles created ok gb utf le engineering today yesterday tomorrow " +
      "Monday next pm now A K T N V help source"
    ).split(" "),
  );

  it("no English word outside what is typed, codes and placeholders, in every command's help", async () => {
    const all = commandWords();
    // a command's name is what is typed
    const allowed = new Set([...ALLOWED, ...all.flatMap((words) => words.flatMap((w) => w.split(/[^A-Za-z]+/)))]);
    for (const words of all) {
      const p = await parse(["--locale", "zh-CN", ...words, "--help"]);
      expect(p.code, words.join(" ")).toBe(0);
      const english = (p.stdout.replace(TYPED, " ").match(/[A-Za-z]+/g) ?? []).filter((w) => !allowed.has(w));
      expect(english, `aftercare ${words.join(" ")} --help`).toEqual([]);
    }
  });
});
