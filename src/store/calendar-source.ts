// The public holidays of a store's calendar.source, loaded only when a calendar is needed:
//   cn      chinese-days' dataset of the State Council's arrangements (holidays and make-up working
//           days, 调休), a 37 KB chunk of its own (≈ 1 ms);
//   DE-BY…  date-holidays' rules for a country, state and region: the library takes ≈ 130 ms to
//           load, so the days it gives are kept in .aftercare/ (one file per source, version and
//           language) and a run reads them from there;
//   none    nothing: the store's own entries are its whole calendar.
// The rules engine gets the days as lists (engineSettings); the derived index recomputes every
// duty when calendarStamp changes (another source, another version of its data).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import chineseDaysPackage from "chinese-days/package.json" with { type: "json" };
import dateHolidaysPackage from "date-holidays/package.json" with { type: "json" };
import { refusal } from "../errors.js";
import {
  calendarSource,
  NO_SOURCE,
  resolveCalendar,
  type ResolvedCalendar,
  type SourceDays,
} from "../domain/calendar.js";
import type { Settings } from "../domain/schema.js";
import { stateDir } from "./fsutil.js";
import type { Store } from "./store.js";

/** The years date-holidays' rules are worked out for (beyond them a year reads as missing). */
export const RULE_YEARS = { from: 1990, to: 2060 } as const;

const CHINESE_DAYS = `chinese-days ${chineseDaysPackage.version}`;
const DATE_HOLIDAYS = `date-holidays ${dateHolidaysPackage.version}`;

/** The source and the version of its data, without loading it: part of the derived index's basis. */
export function calendarStamp(settings: Pick<Settings, "timezone" | "calendar">): string {
  const { id } = calendarSource(settings);
  return id === "none" ? "none" : `${id} ${id === "cn" ? CHINESE_DAYS : DATE_HOLIDAYS}`;
}

type Lang = "zh" | "en";
const langOf = (locale: string): Lang => (locale.startsWith("zh") ? "zh" : "en");

/** chinese-days' dataset: { holidays: { "2026-01-01": "New Year's Day,元旦,1" }, workdays: {…} }. */
async function chinaDays(lang: Lang): Promise<SourceDays> {
  const data = (await import("chinese-days/dist/chinese-days.json", { with: { type: "json" } })).default as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const name = (v: string) => {
    const [en, zh] = v.split(",");
    return (lang === "zh" ? zh : en) || v;
  };
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  const years = new Set<number>();
  for (const [d, v] of Object.entries(data.holidays)) {
    holidays.set(d, name(v));
    years.add(Number(d.slice(0, 4)));
  }
  for (const [d, v] of Object.entries(data.workdays)) workdays.set(d, name(v));
  return { id: "cn", label: CHINESE_DAYS, holidays, workdays, years: [...years].sort((a, b) => a - b) };
}

interface Cached {
  holidays: [string, string][];
  years: number[];
}

/** A calendar.source that date-holidays does not know: the country, state or region named. */
const unknownSource = (id: string, label: string, what: "country" | "state" | "region") =>
  refusal("rf.source", { id, what: { key: `rf.source.${what}` }, label });

/** date-holidays' public holidays of a country (state, region) for RULE_YEARS, from the cache when there. */
async function ruleDays(id: string, lang: Lang, root: string | undefined): Promise<SourceDays> {
  const label = DATE_HOLIDAYS;
  let file: string | undefined;
  try {
    if (root)
      file = join(
        stateDir(root),
        "cache",
        `holidays-${id}-${dateHolidaysPackage.version}-${RULE_YEARS.from}-${RULE_YEARS.to}-${lang}.json`,
      );
  } catch {
    file = undefined; // a store on a read-only disk works them out each time
  }
  if (file) {
    try {
      const c = JSON.parse(readFileSync(file, "utf8")) as Cached;
      return { id, label, holidays: new Map(c.holidays), workdays: new Map(), years: c.years };
    } catch {
      // not there yet, or damaged: worked out again
    }
  }
  const { default: Holidays } = await import("date-holidays");
  const [country, state, region] = id.split("-") as [string, string?, string?];
  const hd = new Holidays();
  const known = (list: Record<string, string> | undefined, code: string | undefined) =>
    !code || Object.keys(list ?? {}).some((k) => k.toUpperCase() === code.toUpperCase());
  const countries = hd.getCountries("en") as Record<string, string> | undefined;
  if (
    !known(countries, country) ||
    !known(hd.getStates(country, "en"), state) ||
    (state && !known(hd.getRegions(country, state, "en"), region))
  )
    throw unknownSource(id, label, region ? "region" : state ? "state" : "country");
  hd.init(country, state ?? "", region ?? "", { languages: [lang], types: ["public"] });
  const holidays = new Map<string, string>();
  const years: number[] = [];
  for (let y = RULE_YEARS.from; y <= RULE_YEARS.to; y++) {
    years.push(y);
    for (const h of hd.getHolidays(y) || []) {
      // "2026-04-03 00:00:00"; a public holiday of several days counts each of them
      const from = Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`);
      const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
      for (let i = 0; i < days; i++) {
        const d = new Date(from + i * 86_400_000).toISOString().slice(0, 10);
        if (!holidays.has(d)) holidays.set(d, h.name);
      }
    }
  }
  if (file) {
    try {
      mkdirSync(join(file, ".."), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ holidays: [...holidays], years } satisfies Cached));
      renameSync(tmp, file);
    } catch {
      // the cache only saves time
    }
  }
  return { id, label, holidays, workdays: new Map(), years };
}

/** The days a source gives (loaded now). `root`: the store, whose .aftercare/ keeps date-holidays' days. */
export async function sourceDays(id: string, locale: string, root?: string): Promise<SourceDays> {
  if (id === "none") return NO_SOURCE();
  if (id === "cn") return chinaDays(langOf(locale));
  return ruleDays(id, langOf(locale), root);
}

const resolved = new WeakMap<Settings, Map<string, Promise<ResolvedCalendar>>>();

/** The store's working calendar: its source's days with its own entries over them (once per run and language). */
export function storeCalendar(
  store: Pick<Store, "root" | "settings">,
  locale: string = store.settings.locale,
): Promise<ResolvedCalendar> {
  const settings = store.settings;
  let byLang = resolved.get(settings);
  if (!byLang) resolved.set(settings, (byLang = new Map<string, Promise<ResolvedCalendar>>()));
  const lang = langOf(locale);
  let p = byLang.get(lang);
  if (!p) {
    const source = calendarSource(settings);
    p = sourceDays(source.id, lang, store.root).then((days) => resolveCalendar(settings.calendar, source, days));
    byLang.set(lang, p);
  }
  return p;
}

const engine = new WeakMap<Settings, Promise<Settings>>();

/**
 * The settings as the rules engine reads them: the store's, with calendar.holidays and
 * calendar.workdays resolved from its source and its own entries. Never written back.
 */
export function engineSettings(store: Pick<Store, "root" | "settings">): Promise<Settings> {
  const settings = store.settings;
  let p = engine.get(settings);
  if (!p) {
    p = storeCalendar(store).then((cal) => ({ ...settings, calendar: cal.settings }));
    engine.set(settings, p);
  }
  return p;
}

/** The one country whose time zones include `tz` (date-holidays), for a new store's calendar.source; ≈ 250 ms, at init only. */
export async function countryOfZone(tz: string): Promise<string | undefined> {
  const { default: Holidays } = await import("date-holidays");
  const hd = new Holidays();
  const found: string[] = [];
  for (const c of Object.keys(hd.getCountries("en") ?? {})) {
    hd.init(c);
    if ((hd.getTimezones() ?? []).includes(tz)) found.push(c);
  }
  return found.length === 1 ? found[0] : undefined;
}
