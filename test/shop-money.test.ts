// The reception desk's money and estimate lines (regulation part C: C-PARTS, C-WORKSHOP-HANDOVER), as pure
// functions: the fast tier. The vehicle from appointment to follow-up, through the CLI, is in shop.test.ts.
import { describe, expect, it } from "vitest";
import { nearestTenMinutes, noGuarantee, parseLine, parseMoney } from "../src/domain/shop.js";
import { wordedText } from "../src/i18n.js";

describe("money and estimate lines", () => {
  it("reads amounts as integer cents, never floats", () => {
    expect(parseMoney("1280.00")).toBe(128000);
    expect(parseMoney("1,280.5")).toBe(128050);
    expect(parseMoney("¥0.1")).toBe(10);
    expect(parseMoney("19.99")).toBe(1999);
    for (const bad of ["12.345", "-5", "abc", "", "1e3"]) expect(parseMoney(bad), bad).toBeUndefined();
  });

  it("parses a line, and says what is wrong with a bad one", () => {
    expect(parseLine("制动系统；labour=350；part=前制动片/us/genuine/480.00；critical").line).toEqual({
      item: "制动系统",
      labour: 35000,
      parts: [{ name: "前制动片", supplier: "us", grade: "genuine", amount: 48000 }],
      critical: true,
    });
    const error = parseLine("Brakes; part=pads/shop/genuine/1").error!;
    expect(wordedText("en", error)).toBe(
      'part "pads/shop/genuine/1" must be name/us|customer/genuine|aftermarket/amount, such as 前制动片/us/genuine/480.00',
    );
    expect(wordedText("zh-CN", error)).toBe(
      "配件 “pads/shop/genuine/1” 应写成 名称/us|customer/genuine|aftermarket/金额，例如 前制动片/us/genuine/480.00",
    );
  });

  it("C-PARTS: the customer's own parts and aftermarket parts on a critical system carry no guarantee", () => {
    const e = {
      mode: "item" as const,
      at: "2026-12-01T10:00:00+08:00",
      lines: [
        parseLine("Front brakes; labour=200; part=pads/us/aftermarket/300").line!,
        parseLine("Wipers; part=blades/us/aftermarket/50").line!,
        parseLine("Oil; part=oil/customer/genuine/0").line!,
      ],
    };
    expect(noGuarantee(e)).toEqual([
      { item: "Front brakes", part: "pads", reason: "aftermarket-critical" },
      { item: "Oil", part: "oil", reason: "customer-supplied" },
    ]);
  });

  it("C-WORKSHOP-HANDOVER: the time to the nearest ten minutes", () => {
    expect(nearestTenMinutes(new Date("2026-12-03T01:47:00Z")).toISOString()).toBe("2026-12-03T01:50:00.000Z");
    expect(nearestTenMinutes(new Date("2026-12-03T01:44:59Z")).toISOString()).toBe("2026-12-03T01:40:00.000Z");
  });
});
