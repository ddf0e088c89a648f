// Tables that line up (issue 13, item 6): cells are measured in terminal columns by string-width,
// so Chinese, emoji, a letter with a combining accent and an OSC-8 link all keep the columns. The pure
// measures and layouts (the fast tier); customer list through the CLI is in tables.test.ts.
import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { table, fields } from "../src/format/table.js";
import { oneLine, safe, width } from "../src/format/text.js";
import { testIO } from "../src/io.js";

const CAR = "🚗";
const FAMILY = "👨\u200d👩\u200d👧\u200d👦";
const CAFE = "Cafe\u0301"; // e + U+0301: one column
const LINK = "\u001b]8;;https://example.com/t/1\u0007工单1\u001b]8;;\u0007";

/** Where each line's second column starts, in terminal columns. */
const secondColumn = (out: string) =>
  out
    .trimEnd()
    .split("\n")
    .map((l) => width(l.slice(0, l.indexOf("|"))));

describe("terminal columns", () => {
  it("counts CJK, emoji, family emoji, combining marks and links as a terminal shows them", () => {
    expect([
      width("上海明远"),
      width(CAR),
      width(FAMILY),
      width(CAFE),
      width(LINK),
      width("🧑\u200d🔧"),
      width("\u001b[1m粗体\u001b[22m"),
    ]).toEqual([8, 2, 2, 4, 5, 2, 4]);
  });

  it("agrees with string-width on any text (the fast path for plain Latin and CJK included)", () => {
    const text = fc.string({
      unit: fc.constantFrom(
        "a",
        "Z",
        " ",
        "上",
        "海",
        "。",
        "ー",
        "ｱ",
        "é",
        "\u0301",
        "🚗",
        "\u200d",
        "👩",
        "\ufe0f",
        "—",
        "…",
        "\u00ad",
        "한",
      ),
    });
    fc.assert(
      fc.property(text, (s) => width(s) === stringWidth(s)),
      { numRuns: 2000 },
    );
  });

  it("cuts a long cell at a character boundary, never between a letter and its accent or inside an emoji", () => {
    expect(oneLine(`${CAFE}${CAFE}`, 5)).toBe(`${CAFE}…`);
    expect(oneLine(`${CAFE}${CAFE}`, 6)).toBe(`${CAFE}C…`);
    expect(oneLine(`ab${FAMILY}${FAMILY}`, 5)).toBe(`ab${FAMILY}…`);
    expect(oneLine("上海明远机电设备有限公司", 9)).toBe("上海明远…");
  });

  it("a joiner inside an emoji stays; anywhere else it is shown, as before", () => {
    expect(safe(`周先生 ${FAMILY}`)).toBe(`周先生 ${FAMILY}`);
    expect(safe("a\u200db")).toBe("a\\u200db");
    expect(safe(`${CAR}\u200d`)).toBe(`${CAR}\\u200d`);
  });
});

describe("table", () => {
  it("keeps every column aligned with Chinese, emoji, combining marks and links in the cells", () => {
    const rows = [
      ["上海明远", "|"],
      [`${CAR} 车队`, "|"],
      [`${FAMILY} 周家`, "|"],
      [CAFE, "|"],
      [LINK, "|"],
      ["Acme", "|"],
    ];
    const out = table(testIO(), ["客户", "|"], rows);
    expect(new Set(secondColumn(out))).toEqual(new Set([10]));
    expect(out.split("\n").slice(2, 5)).toEqual([`${CAR} 车队   |`, `${FAMILY} 周家   |`, `${CAFE}      |`]);
  });

  it("fields pad their labels by terminal columns", () => {
    expect(
      fields(testIO(), [
        ["客户", "周先生"],
        ["received", "2026-11-26"],
      ]),
    ).toBe("客户:     周先生\nreceived: 2026-11-26\n");
  });
});
