import { describe, expect, it } from "vitest";
import {
  addDays,
  dayOf,
  daysBetween,
  formatDateTime,
  isStoredDate,
  isStoredDateTime,
  isValidTimeZone,
  parseDateTime,
  parseDay,
} from "../src/domain/time.js";

const now = new Date("2026-11-26T17:30:00Z"); // 01:30 on the 27th in Shanghai

describe("time in the store's zone", () => {
  it("writes date-times with the company's offset", () => {
    expect(formatDateTime(now, "Asia/Shanghai")).toBe("2026-11-27T01:30:00+08:00");
    expect(formatDateTime(now, "Europe/Berlin")).toBe("2026-11-26T18:30:00+01:00");
    expect(formatDateTime(new Date("2026-07-01T10:00:00Z"), "Europe/Berlin")).toBe("2026-07-01T12:00:00+02:00");
    expect(formatDateTime(now, "America/St_Johns")).toBe("2026-11-26T14:00:00-03:30");
  });

  it("takes today as the company's calendar day, whatever the server's zone", () => {
    expect(dayOf(now, "Asia/Shanghai")).toBe("2026-11-27");
    expect(dayOf(now, "UTC")).toBe("2026-11-26");
  });

  it("reads what people type, in the store's zone", () => {
    const tz = "Asia/Shanghai";
    expect(formatDateTime(parseDateTime("2026-11-20 09:15", tz, now)!, tz)).toBe("2026-11-20T09:15:00+08:00");
    expect(formatDateTime(parseDateTime("2026-11-20T09:15", tz, now)!, tz)).toBe("2026-11-20T09:15:00+08:00");
    expect(formatDateTime(parseDateTime("14:00", tz, now)!, tz)).toBe("2026-11-27T14:00:00+08:00");
    expect(formatDateTime(parseDateTime("2026-11-20T09:15:00Z", tz, now)!, tz)).toBe("2026-11-20T17:15:00+08:00");
    expect(formatDateTime(parseDateTime("2026-11-20", tz, now)!, tz)).toBe("2026-11-20T00:00:00+08:00");
    expect(parseDateTime("now", tz, now)).toEqual(now);
    expect(parseDay("yesterday", tz, now)).toBe("2026-11-26");
    expect(parseDay("2026-2-3", tz, now)).toBe("2026-02-03");
  });

  it("refuses dates that do not exist", () => {
    for (const bad of ["2026-02-30", "2026-13-01", "26-11-2026", "next week", "25:00", "2026-11-26 24:10"]) {
      expect(parseDateTime(bad, "UTC", now), bad).toBeUndefined();
    }
    expect(parseDay("2026-02-29", "UTC", now)).toBeUndefined();
    expect(parseDay("2028-02-29", "UTC", now)).toBe("2028-02-29");
  });

  it("validates stored forms and zones", () => {
    expect(isStoredDateTime("2026-11-26T09:30:00+08:00")).toBe(true);
    expect(isStoredDateTime("2026-11-26 09:30")).toBe(false);
    expect(isStoredDateTime("2026-02-30T09:30:00+08:00")).toBe(false);
    expect(isStoredDate("2026-11-26")).toBe(true);
    expect(isStoredDate("2026-11-31")).toBe(false);
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });

  it("counts days across months and years", () => {
    expect(addDays("2026-12-25", 14)).toBe("2027-01-08");
    expect(daysBetween("2026-11-26", "2026-12-10")).toBe(14);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });
});
