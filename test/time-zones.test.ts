// dayOf and formatDateTime read a zone's wall clock without building a TZDate for every record
// (they are asked for every record by the rules engine and the reviews): the same answers as
// TZDate, across daylight-saving changes, odd offsets and historical ones (written to the minute).
import { TZDate, tzOffset } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { dayOf, formatDateTime, isStoredDateTime, minuteOfDay, momentOf, zonedTime } from "../src/domain/time.js";

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, "0");
/** What time.ts and calendar.ts did before: through TZDate. */
function minuteRef(t: number, tz: string): number {
  const z = new TZDate(t, tz);
  return z.getHours() * 60 + z.getMinutes() + z.getSeconds() / 60;
}
function dayRef(date: Date, tz: string): string {
  const z = new TZDate(date.getTime(), tz);
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`;
}
function formatRef(date: Date, tz: string): string {
  const z = new TZDate(date.getTime(), tz);
  const off = tzOffset(tz, date);
  const sign = off < 0 ? "-" : "+";
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}T${pad(z.getHours())}:${pad(z.getMinutes())}:${pad(z.getSeconds())}${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

const ZONES = [
  "Asia/Shanghai",
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "America/St_Johns",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/Sao_Paulo",
  "Europe/Dublin",
  "Pacific/Apia",
];

describe("the zone's wall clock without TZDate", () => {
  it("agrees with TZDate every 241 minutes over two years, and around each change of offset", () => {
    const from = Date.parse("2025-01-01T00:00:00Z");
    const to = Date.parse("2027-01-01T00:00:00Z");
    const STEP = 241 * 60_000;
    const wrong: string[] = [];
    const same = (d: Date, tz: string) => {
      if (
        dayOf(d, tz) !== dayRef(d, tz) ||
        formatDateTime(d, tz) !== formatRef(d, tz) ||
        minuteOfDay(d.getTime(), tz) !== minuteRef(d.getTime(), tz)
      )
        wrong.push(`${tz} ${d.toISOString()}`);
    };
    let changes = 0;
    for (const tz of ZONES) {
      let before = tzOffset(tz, new Date(from));
      for (let t = from; t < to; t += STEP) {
        const d = new Date(t);
        same(d, tz);
        const off = tzOffset(tz, d);
        if (off !== before) {
          // the change lies in the last step: find its second, and check around it
          changes++;
          let lo = t - STEP;
          let hi = t;
          while (hi - lo > 1000) {
            const mid = lo + Math.floor((hi - lo) / 2);
            if (tzOffset(tz, new Date(mid)) === before) lo = mid;
            else hi = mid;
          }
          for (let u = lo - 5000; u <= hi + 5000; u += 250) same(new Date(u), tz);
        }
        before = off;
      }
    }
    expect(wrong).toEqual([]);
    expect(changes).toBeGreaterThan(20);
  });
});

describe("the zone's wall clock at the edges", () => {
  it("agrees on historical offsets with seconds, at midnight, and on an invalid date", () => {
    for (const tz of ZONES)
      for (const at of [
        "1900-01-01T00:00:00Z",
        "1927-12-31T15:54:17Z",
        "1927-12-31T15:54:18Z",
        "1950-06-30T23:59:59Z",
        "2026-11-25T16:00:00Z",
        "2026-11-25T15:59:59.999Z",
        "2026-12-31T23:59:59Z",
      ]) {
        const d = new Date(at);
        expect(dayOf(d, tz)).toBe(dayRef(d, tz));
        expect(minuteOfDay(d.getTime(), tz)).toBe(minuteRef(d.getTime(), tz));
        // an offset of whole minutes is written as TZDate shows it; one with seconds to the nearest
        // minute, the clock with it: either way the text is a stored date-time of the same second
        const text = formatDateTime(d, tz);
        if (Number.isInteger(tzOffset(tz, d))) expect(text).toBe(formatRef(d, tz));
        expect(isStoredDateTime(text)).toBe(true);
        expect(Date.parse(text)).toBe(Math.floor(d.getTime() / 1000) * 1000);
      }
    expect(formatDateTime(new Date("1900-01-01T00:00:00Z"), "Asia/Shanghai")).toBe("1900-01-01T08:06:00+08:06");
    expect(formatDateTime(new Date("1900-01-01T12:00:00Z"), "America/Sao_Paulo")).toBe("1900-01-01T08:54:00-03:06");
    expect(dayOf(new Date(NaN), "Asia/Shanghai")).toBe(dayRef(new Date(NaN), "Asia/Shanghai"));
    expect(dayOf(new Date("2026-11-25T16:00:00Z"), "Asia/Shanghai")).toBe("2026-11-26");
    expect(formatDateTime(new Date("2026-11-26T01:30:00Z"), "Asia/Shanghai")).toBe("2026-11-26T09:30:00+08:00");
  });
});

describe("wall-clock times kept per zone (zonedTime)", () => {
  const ref = (day: string, h: number, mi: number, s: number, tz: string) => {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    return new TZDate(y, m - 1, d, h, mi, s, tz).getTime();
  };

  it("gives TZDate's moment for the same time in each zone, asked again and again, across the changes of offset", () => {
    const days = ["2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01", "2026-04-05", "2026-09-27", "2026-11-26"];
    const times: [number, number, number][] = [
      [0, 0, 0],
      [2, 30, 0],
      [23, 59, 59],
      [1, 30, 0],
    ];
    for (let round = 0; round < 2; round++)
      for (const tz of ZONES)
        for (const day of days)
          for (const [h, mi, s] of times) expect(zonedTime(day, h, mi, s, tz).getTime()).toBe(ref(day, h, mi, s, tz));
    // the same day in two zones is two moments: Shanghai's midnight is 13 hours before New York's (EST)
    expect(
      zonedTime("2026-11-26", 0, 0, 0, "America/New_York").getTime() -
        zonedTime("2026-11-26", 0, 0, 0, "Asia/Shanghai").getTime(),
    ).toBe(13 * 3_600_000);
    expect(momentOf("2026-11-26", "Asia/Shanghai")).toBe(Date.parse("2026-11-26T00:00:00+08:00"));
  });

  it("hands out a Date of its own each time: changing one leaves the next answer as it was", () => {
    const a = zonedTime("2026-11-26", 9, 30, 0, "Asia/Shanghai");
    a.setTime(0);
    expect(zonedTime("2026-11-26", 9, 30, 0, "Asia/Shanghai").toISOString()).toBe("2026-11-26T01:30:00.000Z");
  });
});
