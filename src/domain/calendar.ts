// Working days: the working week, public holidays and make-up working days (调休), as the
// company's calendar has them. Pure.
import type { WorkCalendarSettings } from "./schema.js";
import { addDays, dayOf, minuteOfDay, weekday, zonedTime, type Day } from "./time.js";

export interface WorkCalendar {
  isWorkingDay(day: Day): boolean;
  /** `day` itself when it is a working day, else the next one */
  onOrAfter(day: Day): Day;
  /** `day` itself when it is a working day, else the last one before it */
  onOrBefore(day: Day): Day;
  /** `n` working days after `day` (n = 0: the day itself, moved to a working day; a day off + 1 is the next working day) */
  addWorkingDays(day: Day, n: number): Day;
  /** the holiday a day falls in, for display */
  holidayName(day: Day): string | undefined;
}

export const DEFAULT_WORKWEEK = [1, 2, 3, 4, 5];

export function workCalendar(settings: WorkCalendarSettings | undefined): WorkCalendar {
  const week = new Set(settings?.workweek ?? DEFAULT_WORKWEEK);
  const off = new Map<Day, string>();
  for (const h of settings?.holidays ?? []) for (let d = h.from; d <= (h.to ?? h.from); d = addDays(d, 1)) off.set(d, h.name ?? "holiday");
  const on = new Set(settings?.workdays ?? []);
  const isWorkingDay = (day: Day) => on.has(day) || (!off.has(day) && week.has(weekday(day) === 0 ? 7 : weekday(day)));
  const onOrAfter = (day: Day) => {
    let d = day;
    // a calendar with no working day at all would never end; a year ahead is the limit
    for (let i = 0; i < 366 && !isWorkingDay(d); i++) d = addDays(d, 1);
    return d;
  };
  const onOrBefore = (day: Day) => {
    let d = day;
    for (let i = 0; i < 366 && !isWorkingDay(d); i++) d = addDays(d, -1);
    return d;
  };
  return {
    isWorkingDay,
    onOrAfter,
    onOrBefore,
    addWorkingDays(day, n) {
      // n working days after `day`: Friday + 1 is Monday, and so is Saturday + 1
      let d = n === 0 ? onOrAfter(day) : day;
      for (let i = 0; i < n; i++) d = onOrAfter(addDays(d, 1));
      return d;
    },
    holidayName: (day) => off.get(day),
  };
}

/** The official calendar of the PRC State Council for 2026 (国办发明电〔2025〕7号). */
export const CHINA_2026: Required<Pick<WorkCalendarSettings, "holidays" | "workdays">> = {
  holidays: [
    { name: "元旦", from: "2026-01-01", to: "2026-01-03" },
    { name: "春节", from: "2026-02-15", to: "2026-02-23" },
    { name: "清明节", from: "2026-04-04", to: "2026-04-06" },
    { name: "劳动节", from: "2026-05-01", to: "2026-05-05" },
    { name: "端午节", from: "2026-06-19", to: "2026-06-21" },
    { name: "中秋节", from: "2026-09-25", to: "2026-09-27" },
    { name: "国庆节", from: "2026-10-01", to: "2026-10-07" },
  ],
  workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
};

/** The store's working hours, as minutes after midnight. */
export interface WorkingHours {
  from: number;
  to: number;
}

export const DEFAULT_HOURS = { from: "08:30", to: "17:30" } as const;

export function workingHours(settings: WorkCalendarSettings | undefined): WorkingHours {
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  const h = settings?.hours ?? DEFAULT_HOURS;
  return { from: m(h.from), to: m(h.to) };
}

const MINUTE = 60_000;

/**
 * Working time of the company: working days of the calendar, within working hours, in its zone.
 * Hour-based deadlines fall on a working moment; a moment outside working time moves to the last
 * working moment before it (the end of the previous working day).
 */
export interface WorkClock {
  /** `at` itself when it is a working moment, else the end of the last working period before it */
  atOrBefore(at: number): number;
  /** `at` itself when it is a working moment, else the start of the next working period */
  atOrAfter(at: number): number;
  /** `minutes` of working time after `at` */
  addWorkingMinutes(at: number, minutes: number): number;
}

export function workClock(cal: WorkCalendar, hours: WorkingHours, tz: string): WorkClock {
  const at = (day: Day, min: number) => zonedTime(day, Math.floor(min / 60), min % 60, 0, tz).getTime();
  const minuteOf = (t: number) => minuteOfDay(t, tz);
  const atOrBefore = (t: number) => {
    const day = dayOf(new Date(t), tz);
    if (cal.isWorkingDay(day)) {
      const m = minuteOf(t);
      if (m >= hours.from && m <= hours.to) return t;
      if (m > hours.to) return at(day, hours.to);
    }
    return at(cal.onOrBefore(addDays(day, -1)), hours.to);
  };
  const atOrAfter = (t: number) => {
    const day = dayOf(new Date(t), tz);
    if (cal.isWorkingDay(day)) {
      const m = minuteOf(t);
      if (m >= hours.from && m < hours.to) return t;
      if (m < hours.from) return at(day, hours.from);
    }
    return at(cal.onOrAfter(addDays(day, 1)), hours.from);
  };
  return {
    atOrBefore,
    atOrAfter,
    addWorkingMinutes(t0, minutes) {
      let t = atOrAfter(t0);
      let left = minutes * MINUTE;
      for (let i = 0; i < 800 && left > 0; i++) {
        const end = at(dayOf(new Date(t), tz), hours.to);
        if (end - t >= left) return t + left;
        left -= end - t;
        t = atOrAfter(end + MINUTE);
      }
      return t;
    },
  };
}
