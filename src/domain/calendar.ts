// Working days: the working week, public holidays and make-up working days (调休), as the
// company's calendar has them: the days of a maintained source (calendar.source) with the store's
// own entries over them. Pure: the command layer loads the source (src/store/calendar-source.ts)
// and hands its days in.
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
  for (const h of settings?.holidays ?? [])
    for (let d = h.from; d <= (h.to ?? h.from); d = addDays(d, 1)) off.set(d, h.name ?? "holiday");
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

/**
 * The official calendar of the PRC State Council for 2026 (国办发明电〔2025〕7号), as published: the
 * regulation's tables use it, and test/calendar.test.ts holds the `cn` dataset to it.
 */
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

// ---------------------------------------------------------------------------------------------
// Where the public holidays come from (calendar.source), and the store's own entries over them

/** `cn`: the State Council's calendar (chinese-days); `none`; or a country, state and region of date-holidays: DE, DE-BY, US-CA, GB-SCT. */
export const SOURCE_RE = /^(?:cn|none|[A-Z]{2}(?:-[A-Za-z0-9]{1,10}){0,2})$/;

/** Time zones of mainland China: a store there without calendar.source takes `cn`. */
const CHINA_ZONES = new Set([
  "Asia/Shanghai",
  "Asia/Chongqing",
  "Asia/Chungking",
  "Asia/Harbin",
  "Asia/Urumqi",
  "Asia/Kashgar",
  "PRC",
]);

export interface CalendarSource {
  /** cn, none, or a date-holidays code such as DE-BY */
  id: string;
  /** named in aftercare.yaml, or taken by default (no calendar.source there) */
  explicit: boolean;
}

/**
 * The store's source of public holidays. A store without calendar.source (every store made before
 * it existed) keeps what it had and gains what it lacked: in a Chinese time zone the State
 * Council's calendar under its own entries, elsewhere none (a country, let alone a region, cannot
 * be told from a time zone; its own entries stay its whole calendar). docs/rules.md.
 */
export function calendarSource(settings: { timezone: string; calendar?: WorkCalendarSettings }): CalendarSource {
  const id = settings.calendar?.source;
  if (id) return { id, explicit: true };
  return { id: CHINA_ZONES.has(settings.timezone) ? "cn" : "none", explicit: false };
}

/** What a source says, for the years it has data for. */
export interface SourceDays {
  /** the source as aftercare.yaml names it */
  id: string;
  /** the data and its version, for people: "chinese-days 1.5.7" */
  label: string;
  /** days off, with their names */
  holidays: ReadonlyMap<Day, string>;
  /** make-up working days (调休), with the holiday they make up for */
  workdays: ReadonlyMap<Day, string>;
  /** the years it has data for, ascending */
  years: readonly number[];
}

export const NO_SOURCE = (id = "none"): SourceDays => ({
  id,
  label: id,
  holidays: new Map(),
  workdays: new Map(),
  years: [],
});

export type Origin = "source" | "settings";

export interface ResolvedCalendar {
  source: CalendarSource & { label: string; years: readonly number[] };
  /** every day off: its name and where it comes from */
  off: ReadonlyMap<Day, { name: string; origin: Origin }>;
  /** every make-up working day */
  on: ReadonlyMap<Day, { name?: string; origin: Origin }>;
  /** years with any data, from the source or the store's own entries */
  covered(year: number): boolean;
  /** a missing year is worth a warning: false only for `source: none` with no entries of its own (a company that keeps no public holidays) */
  warns: boolean;
  /** calendar settings as the rules engine reads them: the week and hours as set, every day resolved */
  settings: WorkCalendarSettings;
}

/**
 * The source's days with the store's own over them: an own day off wins over a source's make-up
 * working day, an own working day over a source's holiday. Between the store's own entries a
 * working day wins, as it always has.
 */
export function resolveCalendar(
  own: WorkCalendarSettings | undefined,
  source: CalendarSource,
  days: SourceDays,
): ResolvedCalendar {
  const off = new Map<Day, { name: string; origin: Origin }>();
  const on = new Map<Day, { name?: string; origin: Origin }>();
  const ownYears = new Set<number>();
  const ownOff = new Map<Day, string>();
  for (const h of own?.holidays ?? [])
    for (let d = h.from; d <= (h.to ?? h.from); d = addDays(d, 1)) {
      ownOff.set(d, h.name ?? "holiday");
      ownYears.add(Number(d.slice(0, 4)));
    }
  const ownOn = new Set(own?.workdays ?? []);
  for (const d of ownOn) ownYears.add(Number(d.slice(0, 4)));
  for (const [d, name] of days.holidays) if (!ownOn.has(d) && !ownOff.has(d)) off.set(d, { name, origin: "source" });
  for (const [d, name] of days.workdays) if (!ownOff.has(d) && !ownOn.has(d)) on.set(d, { name, origin: "source" });
  for (const [d, name] of ownOff) if (!ownOn.has(d)) off.set(d, { name, origin: "settings" });
  for (const d of ownOn) on.set(d, { origin: "settings" });
  const sourceYears = new Set(days.years);
  const sorted = (m: ReadonlyMap<Day, unknown>) => [...m.keys()].sort();
  return {
    source: { ...source, label: days.label, years: days.years },
    off,
    on,
    covered: (year) => sourceYears.has(year) || ownYears.has(year),
    warns: !(source.explicit && source.id === "none" && !ownYears.size),
    settings: {
      ...(own?.hours ? { hours: own.hours } : {}),
      ...(own?.workweek ? { workweek: own.workweek } : {}),
      holidays: sorted(off).map((d) => ({ name: off.get(d)!.name, from: d })),
      workdays: sorted(on),
    },
  };
}

/** The years among `years` (ascending, once each) the calendar has no data for, when that is worth a warning. */
export function missingYears(cal: ResolvedCalendar, years: Iterable<number>): number[] {
  if (!cal.warns) return [];
  return [...new Set(years)].filter((y) => !cal.covered(y)).sort((a, b) => a - b);
}

/** The years a list of windows reaches into, from the first day to the last of each. */
export function yearsOf(today: Day, windows: Iterable<{ earliest: Day; deadline: Day }>): number[] {
  const years = new Set([Number(today.slice(0, 4))]);
  for (const w of windows)
    for (let y = Number(w.earliest.slice(0, 4)); y <= Number(w.deadline.slice(0, 4)); y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/** "2004–2026", or "2004–2010, 2012": a list of years as people read it. */
export function yearSpans(years: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < years.length;) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    out.push(i === j ? String(years[i]) : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return out.join(", ");
}
