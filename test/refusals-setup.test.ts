// The shop's and the set-up's refusals in the reader's language (issue 13, item 1): what they said
// in English only before, now from the catalogue (src/i18n-refusals-setup.ts), English unchanged.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, tempDir, testStore } from "./helpers.js";
import { RECORDS, TICKET } from "./fixtures.js";

const zh = { AFTERCARE_USER: "王芳", AFTERCARE_NOW: "2026-11-26T10:00:00+08:00", AFTERCARE_LOCALE: "" };
const en = { ...zh, AFTERCARE_LOCALE: "en" };

describe("refusals of the shop's commands and of init", () => {
  it("ticket answer with neither --approved nor --declined", () => {
    const root = testStore(RECORDS);
    expect(bin(root, ["ticket", "answer", TICKET, "1"], zh)).toMatchObject({
      code: 2,
      stderr: "ticket answer 需要 --approved 或 --declined 二者之一；未写入任何内容\n",
    });
    expect(bin(root, ["ticket", "answer", TICKET, "1"], en).stderr).toBe(
      "ticket answer needs exactly one of --approved or --declined; nothing was written\n",
    );
  });

  it("ticket estimate with a line that does not read: which line, why, and the form of one", () => {
    const root = testStore(RECORDS);
    const args = [
      "ticket",
      "estimate",
      TICKET,
      "--mode",
      "item",
      "--line",
      "换机油; labour=350",
      "--line",
      "制动; labour=三百",
    ];
    expect(bin(root, args, zh)).toMatchObject({
      code: 2,
      stderr:
        "第 2 个 --line 工时费 “三百” 不是 350.00 这样的金额；一行的写法是 “项目; labour=350.00; part=名称/us|customer/genuine|aftermarket/金额; critical”（us 本店供件、customer 客户自带，genuine 原厂件、aftermarket 副厂件）；未写入任何内容\n",
    });
    expect(bin(root, [...args.slice(0, -1), "制动; brakes"], en).stderr).toBe(
      '--line 2 "brakes" is not labour=…, part=… or critical; a line is "TEXT; labour=350.00; part=NAME/us|customer/genuine|aftermarket/AMOUNT; critical"; nothing was written\n',
    );
  });

  it("ticket dispatch arriving before it departs", () => {
    const root = testStore(RECORDS);
    const args = ["ticket", "dispatch", TICKET, "--technician", "李强", "--depart", "10:00", "--arrive", "09:30"];
    const r = bin(root, args, zh);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^--arrive 2026-11-26T09:30:00\+08:00 早于 --depart 2026-11-26T10:00:00\+08:00；未写入任何内容\n$/,
    );
    expect(bin(root, args, en).stderr).toMatch(/^--arrive \S+ is before --depart \S+; nothing was written\n$/);
  });

  it("init without --company, in the language asked for", () => {
    const dir = tempDir();
    expect(bin(dir, ["init", join(dir, "s"), "--locale", "zh-CN"], { AFTERCARE_LOCALE: "" })).toMatchObject({
      code: 2,
      stderr: "需要 --company 公司名称：每份报表都以公司名称开头；未写入任何内容\n",
    });
    expect(bin(dir, ["init", join(dir, "s"), "--locale", "en"]).stderr).toBe(
      "--company NAME is required: the company's name heads every report; nothing was written\n",
    );
  });
});
