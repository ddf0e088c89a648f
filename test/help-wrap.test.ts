// Help wrapped by display width (issue 13): a Chinese description breaks between characters, not
// only at spaces, with commander's hanging indent, to COLUMNS, the terminal's width or 80 in a pipe.
// Unit tier: main() with a runner that runs nothing, a store that is only its aftercare.yaml.
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { main, program } from "../src/cli.js";
import type { Runner } from "../src/commands/registry.js";
import { width } from "../src/format/text.js";
import { helpWidth } from "../src/help/render.js";
import { wrapBlock, wrapBox } from "../src/help/wrap.js";
import { testIO } from "../src/io.js";
import { testStore } from "./helpers.js";

const NOTHING: Runner = { run: () => Promise.resolve(), bare: () => Promise.resolve() };

/** `aftercare ARGS --help` in `cwd` with this environment: stdout, exit 0. */
async function help(args: string[], env: Record<string, string>, cwd = "/nowhere", tty = false): Promise<string> {
  const io = testIO({ tty });
  const code = await main([...args, "--help"], { io, env, cwd, clock: () => new Date(0) }, () => NOTHING);
  expect(code).toBe(0);
  return io.stdout();
}

describe("ticket open --help at COLUMNS=60", () => {
  it("in a zh-CN store: Chinese broken between characters, never before ，。、）： or after （", async () => {
    const store = testStore({}, { git: false });
    expect(await help(["ticket", "open"], { COLUMNS: "60" }, store)).toBe(
      [
        "用法： aftercare ticket open [选项]",
        "",
        "为客户的请求开工单；在终端中会询问缺少的内容",
        "",
        "选项：",
        "  --customer <id-or-name>   客户：编号、编号前缀、名称、联系",
        "                            人或电话",
        "  --problem <text>          客户所述的问题",
        "  --request <text>          客户要求的服务",
        "  --kind <kind>             请求类型（默认：repair 维修）",
        '                            （可选："repair"、"install"、',
        '                            "maintenance"、"consult"、',
        '                            "complaint"、"shop"）',
        "  --channel <channel>       受理渠道：phone, fax, visit,",
        "                            email, web, wechat, sms，或在",
        "                            aftercare.yaml 的 channels: 中添",
        "                            加的渠道；也可写中文（微信）（默",
        "                            认：phone 电话）",
        "  --received <datetime>     受理时间（默认：现在）",
        "  --assignee <name>         负责人员（默认：回访专员，否则为",
        "                            您本人）",
        "  --appointment <datetime>  配合 --kind shop：约定的车辆进厂",
        "                            时间，须在将来（C-APPOINTMENT）",
        "  --next-date <date>        计划的下次联系日期，今天或以后",
        "                            （R-NEXT-SERVICE）；在终端中会询",
        "                            问",
        "  --next-topic <text>       下次联系的事由",
        "  -h, --help                显示命令帮助",
        "",
        "日期和时间按平常的写法填写，一律按数据目录的时区：",
        "  日期  2026-12-07、2026/12/07、12-07、12/7、12月7日、今天、",
        "        昨天、明天、前天、周一、下周一；也接受 today、",
        "        yesterday、tomorrow、Monday、next Monday",
        "  时间  15:30、上午9点、下午3点半；也接受 3pm（今天）",
        "  日期加时间  昨天 15:30、2026/12/07 08:55、12-07 08:55；也",
        "              接受 yesterday 3pm；或 now（现在）",
        "应填过去时刻却填了将来的时间（08:55 时填 --received 09:10）",
        "会被拒绝，并提示可能指的较早时刻；",
        "未写上午/下午、两种理解都可能的钟点（22:00 时填 9点）会被拒",
        "绝，并列出两种理解。",
        "",
      ].join("\n"),
    );
  });

  it("in English: broken at spaces as commander breaks them, the same hanging indent", async () => {
    const store = testStore({}, { git: false });
    expect(await help(["ticket", "open"], { COLUMNS: "60", AFTERCARE_LOCALE: "en" }, store)).toBe(
      [
        "Usage: aftercare ticket open [options]",
        "",
        "open a ticket for a customer's request; at a terminal, asks",
        "for what is missing",
        "",
        "Options:",
        "  --customer <id-or-name>   the customer: ID, prefix, name,",
        "                            contact or phone",
        "  --problem <text>          the problem as the customer",
        "                            reports it",
        "  --request <text>          the service the customer wants",
        "  --kind <kind>             kind of request (default:",
        '                            repair) (choices: "repair",',
        '                            "install", "maintenance",',
        '                            "consult", "complaint", "shop")',
        "  --channel <channel>       how it came in: phone, fax,",
        "                            visit, email, web, wechat, sms,",
        "                            or one the store adds under",
        "                            channels: in aftercare.yaml; its",
        "                            word will do too (微信, WeChat)",
        "                            (default: phone)",
        "  --received <datetime>     when it came in (default: now)",
        "  --assignee <name>         staff member handling it",
        "                            (default: the follow-up clerk,",
        "                            else you)",
        "  --appointment <datetime>  with --kind shop: the agreed",
        "                            time the vehicle comes in, still",
        "                            to come (C-APPOINTMENT)",
        "  --next-date <date>        the planned next contact, today",
        "                            or later (R-NEXT-SERVICE); asked",
        "                            at a terminal",
        "  --next-topic <text>       what the next contact is about",
        "  -h, --help                display help for command",
        "",
        "Dates and times as people write them, always in the store's",
        "time zone:",
        "  dates  2026-12-07, 2026/12/07, 12-07, 12/7, 12月7日,",
        "         today, yesterday, tomorrow, 今天, 昨天, 明天, 前天,",
        "         周一, 下周一, Monday, next Monday",
        "  times  15:30, 上午9点, 下午3点半, 3pm (today)",
        "  both   昨天 15:30, 2026/12/07 08:55, 12-07 08:55,",
        "         yesterday 3pm; or now",
        "A time still to come where the past is meant (--received",
        "09:10 at 08:55) is refused with the earlier moment probably",
        "meant;",
        "an hour without 上午/下午 that can be either (9点 at 22:00)",
        "is refused with both readings.",
        "",
      ].join("\n"),
    );
  });
});

/** Every command's words as typed after aftercare, the program itself first (hidden ones too). */
function commandWords(): string[][] {
  const all: string[][] = [];
  const walk = (cmd: Command, words: string[]) => {
    all.push(words);
    for (const sub of cmd.commands) if (sub.name() !== "help") walk(sub, [...words, sub.name()]);
  };
  walk(program(testIO(), NOTHING), []);
  return all;
}

/** Chinese punctuation no line may start with, and punctuation no line may end with. */
const CLOSING = /^\s*[，。、）：；！？」』】》〉”]/;
const OPENING = /[（“‘「『【《〈]$/;
/** The runs of Latin text (flags, IDs, URLs, words), in order: none may be cut by a line break. */
const latinRuns = (text: string) => text.match(/[!-~]+/g) ?? [];

describe("every command's help at COLUMNS=60, in Chinese and in English", () => {
  it.each(["zh-CN", "en"])(
    "%s: no line wider than 60, no word lost or cut, no line led by closing punctuation",
    async (locale) => {
      const all = commandWords();
      expect(all.length).toBeGreaterThan(60);
      for (const words of all) {
        const shown = `aftercare ${words.join(" ")} --help`;
        const narrow = await help(words, { COLUMNS: "60", AFTERCARE_LOCALE: locale });
        const wide = await help(words, { COLUMNS: "10000", AFTERCARE_LOCALE: locale });
        const lines = narrow.split("\n");
        expect(
          lines.filter((l) => width(l) > 60),
          shown,
        ).toEqual([]);
        expect(
          lines.filter((l) => CLOSING.test(l) || OPENING.test(l.trimEnd())),
          shown,
        ).toEqual([]);
        // joined again, the narrow help holds every character of the unwrapped one, in order
        expect(narrow.replace(/\s+/g, ""), shown).toBe(wide.replace(/\s+/g, ""));
        expect(latinRuns(narrow), shown).toEqual(latinRuns(wide));
      }
    },
  );
});

describe("the width help is wrapped to", () => {
  it("COLUMNS when set, else the terminal's width, else 80 in a pipe", () => {
    expect(helpWidth({ COLUMNS: "60" }, { isTTY: true, columns: 120 })).toBe(60);
    expect(helpWidth({ COLUMNS: "60" }, { isTTY: false, columns: 120 })).toBe(60);
    expect(helpWidth({}, { isTTY: true, columns: 120 })).toBe(120);
    expect(helpWidth({ COLUMNS: "wide" }, { isTTY: true, columns: 120 })).toBe(120);
    expect(helpWidth({ COLUMNS: "0" }, { isTTY: false, columns: 120 })).toBe(80);
    expect(helpWidth({}, { isTTY: false, columns: 120 })).toBe(80);
  });

  it("a terminal's width reaches commander: the same help at a 60-column terminal as at COLUMNS=60", async () => {
    const io = testIO({ tty: true });
    const terminal = { ...io, columns: 60 };
    await main(
      ["ticket", "open", "--help"],
      { io: terminal, env: { AFTERCARE_LOCALE: "zh-CN" }, cwd: "/nowhere", clock: () => new Date(0) },
      () => NOTHING,
    );
    expect(io.stdout()).toBe(await help(["ticket", "open"], { COLUMNS: "60", AFTERCARE_LOCALE: "zh-CN" }));
    // in a pipe with no COLUMNS: 80 columns, as commander has it
    const piped = await help(["ticket", "open"], { AFTERCARE_LOCALE: "zh-CN" });
    expect(Math.max(...piped.split("\n").map(width))).toBe(80);
  });
});

describe("the line breaker (src/help/wrap.ts)", () => {
  it("breaks Chinese between characters, keeping punctuation with the character before or after it", () => {
    expect(wrapBox("客户：编号、编号前缀、名称、联系人或电话", 12)).toBe(
      "客户：编号、\n编号前缀、名\n称、联系人或\n电话",
    );
    // 选 cannot end a line without the ： after it, and （ cannot end one at all
    expect(wrapBox("（默认：现在）（可选：今天）", 10)).toBe("（默认：现\n在）（可\n选：今天）");
  });

  it("keeps a number with its unit, and a flag, an ID or a URL whole even when it is wider than the line", () => {
    expect(wrapBox("截止 12月7日前完成", 8)).toBe("截止\n12月7日\n前完成");
    expect(wrapBox("下午3点半到", 7)).toBe("下午3点\n半到");
    expect(wrapBox("见 https://github.com/commenthol/date-holidays 的列表", 20)).toBe(
      "见\nhttps://github.com/commenthol/date-holidays\n的列表",
    );
    expect(wrapBox("配合 --next-date 与 K-261110-7K3F 使用", 12)).toBe("配合\n--next-date\n与\nK-261110-7K3F\n使用");
  });

  it("hangs a term's description under the description, and other lines under their indent", () => {
    expect(wrapBlock("\n  日期  今天、昨天、明天、前天、周一、下周一\n说明：按数据目录的时区", 20)).toBe(
      "\n  日期  今天、昨天、\n        明天、前天、\n        周一、下周一\n说明：按数据目录的时\n区",
    );
  });
});
