// Time: wall-clock milliseconds in the store's zone (Asia/Shanghai, +08:00 all year, no DST),
// kept as if they were UTC so that date arithmetic is plain arithmetic; and the store's working
// calendar.
import { resolveCalendar, workCalendar } from "../../src/domain/calendar.js";
import { sourceDays } from "../../src/store/calendar-source.js";
import { TODAY } from "./config.js";

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
export const at = (day: string, h: number, m = 0) => dayMs(day) + h * HOUR + m * MIN;
/** A stored date-time: whole minutes, with the store's offset. */
export const dt = (t: number) => new Date(Math.floor(t / MIN) * MIN).toISOString().slice(0, 19) + "+08:00";
export const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);
export const addDays = (day: string, n: number) => dayOf(dayMs(day) + n * DAY);
export const NOW_MS = Date.parse(`${TODAY}T09:00:00Z`);

// The store's calendar: Monday to Friday and the State Council's arrangements of every year, days
// off and make-up working days (calendar.source: cn), through the one working calendar aftercare
// uses (src/domain/calendar.ts with the chinese-days dataset).
const CALENDAR = workCalendar(
  resolveCalendar(undefined, { id: "cn", explicit: true }, await sourceDays("cn", "zh-CN")).settings,
);
const workCache = new Map<string, boolean>();
export function isWorking(day: string): boolean {
  let w = workCache.get(day);
  if (w === undefined) {
    w = CALENDAR.isWorkingDay(day);
    workCache.set(day, w);
  }
  return w;
}
export const onOrBefore = (day: string) => {
  while (!isWorking(day)) day = addDays(day, -1);
  return day;
};
export const onOrAfter = (day: string) => {
  while (!isWorking(day)) day = addDays(day, 1);
  return day;
};
export const addWorkingDays = (day: string, n: number) => {
  for (let i = 0; i < n; i++) day = onOrAfter(addDays(day, 1));
  return day;
};
const OPEN_MIN = 8 * 60 + 30;
const CLOSE_MIN = 17 * 60 + 30;
/** `mins` working minutes after `t` (working hours 08:30–17:30 on working days). */
export function addWorkingMinutes(t: number, mins: number): number {
  for (;;) {
    const day = dayOf(t);
    const m = (t - dayMs(day)) / MIN;
    if (!isWorking(day) || m >= CLOSE_MIN) {
      t = at(onOrAfter(addDays(day, 1)), 8, 30);
      continue;
    }
    if (m < OPEN_MIN) t = at(day, 8, 30);
    const left = CLOSE_MIN - (t - dayMs(day)) / MIN;
    if (mins <= left) return t + mins * MIN;
    mins -= left;
    t = at(onOrAfter(addDays(day, 1)), 8, 30);
  }
}
