// Dates and times as people type them (issue 13, item 2): every form in both languages, read in the
// store's zone with the clock pinned, as pure functions (the fast tier). The flags that take them, through
// the CLI, are in input-dates.test.ts.
import { describe, expect, it } from "vitest";
import { readDateTime, readDay, type Direction, type Typed } from "../src/domain/typed-time.js";
import { formatShort } from "../src/domain/time.js";

const TZ = "Asia/Shanghai";
/** Thursday 2026-11-26, 08:55 in Shanghai */
const NOW = new Date("2026-11-26T08:55:00+08:00");
const shown = (r: Typed) =>
  r.kind === "ok"
    ? r.reading.time
      ? formatShort(r.reading.at, TZ)
      : r.reading.day
    : r.kind === "ambiguous"
      ? `ambiguous: ${r.readings.map((x) => formatShort(x.at, TZ)).join(" | ")}`
      : r.kind === "future"
        ? `future ${formatShort(r.reading.at, TZ)}${r.earlier ? `, meant ${formatShort(r.earlier.at, TZ)}` : ""}`
        : r.kind;
const at = (s: string, d: Direction = "any", now = NOW, tz = TZ) => readDateTime(s, tz, now, d).then(shown);
const day = (s: string, d: Direction = "any") => readDay(s, TZ, NOW, d).then(shown);

describe("reading the days people type", () => {
  it("every date form, in Chinese and English, as the day it names in the store's zone", async () => {
    const cases: [string, string][] = [
      ["2026-12-07", "2026-12-07"],
      ["2026/12/07", "2026-12-07"],
      ["12-07", "2026-12-07"],
      ["12/7", "2026-12-07"],
      ["12月7日", "2026-12-07"],
      ["１２月７日", "2026-12-07"],
      ["2026年12月7日", "2026-12-07"],
      ["今天", "2026-11-26"],
      ["昨天", "2026-11-25"],
      ["明天", "2026-11-27"],
      ["前天", "2026-11-24"],
      ["today", "2026-11-26"],
      ["yesterday", "2026-11-25"],
      ["tomorrow", "2026-11-27"],
      ["下周一", "2026-11-30"],
      ["上周五", "2026-11-20"],
      ["next Monday", "2026-11-30"],
    ];
    for (const [input, want] of cases) expect(await day(input), input).toBe(want);
  });

  it("a weekday alone is the last one for what happened, the next one for what is planned", async () => {
    expect(await day("周一", "past")).toBe("2026-11-23");
    expect(await day("周一", "future")).toBe("2026-11-30");
    expect(await day("Monday", "past")).toBe("2026-11-23");
    expect(await day("Monday", "future")).toBe("2026-11-30");
    expect(await day("星期五", "future")).toBe("2026-11-27");
  });
});

describe("reading the times people type", () => {
  it("times and combinations, in the store's zone whatever the machine's", async () => {
    const cases: [string, string][] = [
      ["15:30", "2026-11-26 15:30"],
      ["上午9点", "2026-11-26 09:00"],
      ["下午3点半", "2026-11-26 15:30"],
      ["昨天 15:30", "2026-11-25 15:30"],
      ["昨天15:30", "2026-11-25 15:30"],
      ["2026/12/07 08:55", "2026-12-07 08:55"],
      ["12-07 08:55", "2026-12-07 08:55"],
      ["2026/12/07 下午3点", "2026-12-07 15:00"],
      ["12月7日 下午3点半", "2026-12-07 15:30"],
      ["yesterday 3pm", "2026-11-25 15:00"],
      ["2026-11-26T09:30:00+08:00", "2026-11-26 09:30"],
      ["2026-11-26T01:30:00Z", "2026-11-26 09:30"],
    ];
    for (const [input, want] of cases) expect(await at(input), input).toBe(want);
    // New York's day and clock, not the machine's (UTC in the tests) nor Shanghai's
    const ny = new Date("2026-11-26T08:55:00-05:00");
    expect(
      await readDateTime("昨天 15:30", "America/New_York", ny).then(
        (r) => r.kind === "ok" && r.reading.at.toISOString(),
      ),
    ).toBe("2026-11-25T20:30:00.000Z");
  });

  it("what does not name one moment is refused, never guessed", async () => {
    for (const bad of ["2026-02-30", "2026-13-01", "2月30日", "25:00", "garbage", "12-07 到 12-09", ""])
      expect(await at(bad), bad).toBe("unreadable");
  });

  it("a time still to come where the past is meant names the earlier moment probably meant", async () => {
    expect(await at("09:10", "past")).toBe("future 2026-11-26 09:10, meant 2026-11-25 09:10");
    expect(await at("下午3点", "past")).toBe("future 2026-11-26 15:00, meant 2026-11-25 15:00");
    expect(await at("12月7日", "past")).toBe("future 2026-12-07 00:00, meant 2025-12-07 00:00");
    expect(await at("明天", "past")).toBe("future 2026-11-27 00:00");
    expect(await at("08:30", "past")).toBe("2026-11-26 08:30");
  });

  it("an hour without 上午/下午 that fits both ways lists both readings", async () => {
    const late = new Date("2026-11-26T22:00:00+08:00");
    expect(await at("9点", "past", late)).toBe("ambiguous: 2026-11-26 09:00 | 2026-11-26 21:00");
    expect(await at("9点", "past", new Date("2026-11-26T10:00:00+08:00"))).toBe("2026-11-26 09:00");
    expect(await at("明天3点", "future")).toBe("ambiguous: 2026-11-27 03:00 | 2026-11-27 15:00");
    expect(await at("21点", "past", late)).toBe("2026-11-26 21:00");
    expect(await at("09:10", "past", late)).toBe("2026-11-26 09:10");
  });
});
