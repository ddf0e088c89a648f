// Working days: the working week, public holidays and make-up working days (调休), as the
// company's calendar has them. Pure.
import type { WorkCalendarSettings } from "./schema.js";
import { addDays, weekday, type Day } from "./time.js";

export interface WorkCalendar {
  isWorkingDay(day: Day): boolean;
  /** `day` itself when it is a working day, else the next one */
  onOrAfter(day: Day): Day;
  /** `day` itself when it is a working day, else the last one before it */
  onOrBefore(day: Day): Day;
  /** `n` working days after `day` (n = 0: the day itself, moved to a working day) */
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
      let d = onOrAfter(day);
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
