// aftercare holidays [YEAR] | add | workday: the working calendar the store's deadlines use — the
// public holidays of calendar.source with the store's own days over them (what check says of it is
// services/calendar-check.ts; the missing-year warning services/calendar-warning.ts).
import { jsonText } from "../format/json.js";
import { parseInput, UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import { DEFAULT_WORKWEEK, missingYears, workCalendar, yearSpans } from "../domain/calendar.js";
import { holidaySchema, type Holiday, type WorkCalendarSettings } from "../domain/schema.js";
import { addDays, daysBetween, dayOf, weekday, type Day } from "../domain/time.js";
import type { Translator } from "../i18n.js";
import { table } from "../format/table.js";
import { oneLine } from "../format/text.js";
import { storeCalendar } from "../store/calendar-source.js";
import { whyMissing } from "../services/calendar-warning.js";
import { dateFlag } from "../services/flags.js";

const EN_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
/** The longest stretch of days off `holidays add` takes in one go (a longer one is likelier a typo in the year). */
export const MAX_DAYS_OFF = 31;

const dayName = (say: Translator, day: Day) =>
  say.locale === "zh-CN" ? say.t(`weekday.${weekday(day)}` as "weekday.0") : EN_DAYS[weekday(day)]!;
const range = (from: Day, to: Day) => (from === to ? from : `${from} – ${to}`);

interface DayOff {
  name: string;
  from: Day;
  to: Day;
  origin: string;
}

type StoreCalendar = Awaited<ReturnType<typeof storeCalendar>>;

/** A year's days off (consecutive days of one name and origin make one row) and extra working days. */
function daysOfYear(cal: StoreCalendar, year: string) {
  const originOf = (o: "source" | "settings") => (o === "source" ? cal.source.label : "aftercare.yaml");
  const off: DayOff[] = [];
  for (const d of [...cal.off.keys()].filter((d) => d.startsWith(year)).sort()) {
    const { name, origin } = cal.off.get(d)!;
    const last = off[off.length - 1];
    if (last && last.name === name && last.origin === originOf(origin) && addDays(last.to, 1) === d) last.to = d;
    else off.push({ name, from: d, to: d, origin: originOf(origin) });
  }
  const on = [...cal.on.keys()]
    .filter((d) => d.startsWith(year))
    .sort()
    .map((day) => ({ day, name: cal.on.get(day)!.name, origin: originOf(cal.on.get(day)!.origin) }));
  return { off, on };
}

export async function holidays(opts: { year?: string }, ctx: Context) {
  const store = await ctx.store();
  const say = await ctx.say();
  const year = opts.year ?? dayOf(await ctx.now(), store.settings.timezone).slice(0, 4);
  if (!/^\d{4}$/.test(year)) throw new UsageError(say.t("cal.badYear", { year: opts.year ?? "" }));
  const cal = await storeCalendar(store, say.locale);
  const days = workCalendar(cal.settings);
  const week = store.settings.calendar?.workweek ?? DEFAULT_WORKWEEK;
  const { off, on } = daysOfYear(cal, year);
  let workingDays = 0;
  for (let d = `${year}-01-01`; d.startsWith(year); d = addDays(d, 1)) if (days.isWorkingDay(d)) workingDays++;
  const missing = missingYears(cal, [Number(year)]).length > 0;
  const source = {
    id: cal.source.id,
    explicit: cal.source.explicit,
    label: cal.source.label,
    years: yearSpans(cal.source.years),
  };
  const data = { year: Number(year), source, workweek: week, holidays: off, workdays: on, workingDays, missing };
  if (ctx.json) {
    // a make-up working day of the store's own may have no name: null, not a missing key (docs/json.md)
    ctx.io.out(jsonText({ ...data, workdays: on.map((w) => ({ ...w, name: w.name ?? null })) }));
    return data;
  }
  const weekNames = week.map((n) =>
    say.locale === "zh-CN" ? say.t(`weekday.${n % 7}` as "weekday.0") : EN_DAYS[n % 7]!,
  );
  let out = say.t("cal.week", { days: weekNames.join(" "), n: workingDays, year }) + "\n";
  if (cal.source.id === "none") out += say.t(cal.source.explicit ? "cal.sourceNone" : "cal.sourceNoneDefault") + "\n";
  else
    out +=
      say.t("cal.source", {
        id: cal.source.id,
        label: cal.source.label,
        spans: yearSpans(cal.source.years),
        dflt: cal.source.explicit ? "" : say.t("cal.sourceDefault", { tz: store.settings.timezone }),
      }) + "\n";
  out += "\n";
  if (off.length)
    out += table(
      ctx.io,
      [say.t("cal.h.off"), say.t("cal.h.weekdays"), say.t("cal.h.holiday"), say.t("cal.h.origin")],
      off.map((h) => [
        range(h.from, h.to),
        h.from === h.to ? dayName(say, h.from) : `${dayName(say, h.from)}–${dayName(say, h.to)}`,
        oneLine(h.name),
        h.origin,
      ]),
    );
  else out += `${missing ? say.t("cal.noneWhy", { year, ...whyMissing(say, cal) }) : say.t("cal.none", { year })}\n`;
  if (on.length)
    out +=
      "\n" +
      table(
        ctx.io,
        [say.t("cal.h.on"), say.t("cal.h.weekday"), say.t("cal.h.for"), say.t("cal.h.origin")],
        on.map((w) => [w.day, dayName(say, w.day), oneLine(w.name ?? ""), w.origin]),
      );
  ctx.io.out(out);
  return data;
}

/** calendar.holidays / calendar.workdays of the settings, with `next` in place. */
function withCalendar<S extends { calendar?: WorkCalendarSettings }>(
  settings: S,
  next: Partial<WorkCalendarSettings>,
): S {
  return { ...settings, calendar: { ...settings.calendar, ...next } };
}

/** The store's own entry holding `day`, if any. */
const ownHolidayOn = (cal: WorkCalendarSettings | undefined, day: Day) =>
  (cal?.holidays ?? []).find((h) => h.from <= day && day <= (h.to ?? h.from));

/** aftercare holidays add NAME --from DATE [--to DATE]: days off of the store's own, one commit. */
export async function holidaysAdd(opts: { name?: string; from?: string; to?: string }, ctx: Context): Promise<Holiday> {
  const say = await ctx.say();
  const name = opts.name?.trim();
  if (!name) throw new UsageError(say.t("cal.needName"));
  if (!opts.from) throw new UsageError(say.t("cal.needFrom"));
  const from = (await dateFlag(ctx, opts.from, "--from", "any"))!;
  const to = (await dateFlag(ctx, opts.to ?? opts.from, "--to", "any"))!;
  if (to < from) throw new UsageError(say.t("cal.toBeforeFrom", { from, to }));
  const n = daysBetween(from, to) + 1;
  if (n > MAX_DAYS_OFF) throw new UsageError(say.t("cal.tooLong", { from, to, n, max: MAX_DAYS_OFF }));
  const entry: Holiday = parseInput(holidaySchema, { name, from, ...(to !== from ? { to } : {}) }, { name: "NAME" });
  const actor = await ctx.actor();
  return ctx.writing(async () => {
    const fresh = await ctx.store();
    const own = fresh.settings.calendar;
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const h = ownHolidayOn(own, d);
      if (h)
        throw new UserError(
          say.t("cal.overlapsOff", { day: d, name: h.name ?? "", range: range(h.from, h.to ?? h.from) }),
        );
      if (own?.workdays?.includes(d)) throw new UserError(say.t("cal.overlapsOn", { day: d }));
    }
    const list = [...(own?.holidays ?? []), entry].sort((a, b) => a.from.localeCompare(b.from));
    await fresh.updateSettings(withCalendar(fresh.settings, { holidays: list }));
    await ctx.commit(["aftercare.yaml"], `calendar: ${name} ${range(from, to)} added as days off`, actor);
    // the same keys for a day as for a span (docs/json.md)
    ctx.io.out(ctx.json ? jsonText({ name, from, to }) : `${range(from, to)}\n`);
    if (!ctx.json) ctx.io.err(`${say.t("cal.added", { name: oneLine(name), days: range(from, to), n })}\n`);
    return entry;
  });
}

/** aftercare holidays workday DATE: a make-up working day (调休) of the store's own, one commit. */
export async function holidaysWorkday(opts: { date: string }, ctx: Context): Promise<Day> {
  const say = await ctx.say();
  const day = (await dateFlag(ctx, opts.date, "DATE", "any"))!;
  const actor = await ctx.actor();
  return ctx.writing(async () => {
    const fresh = await ctx.store();
    const own = fresh.settings.calendar;
    if (own?.workdays?.includes(day)) throw new UserError(say.t("cal.alreadyOn", { day }));
    const h = ownHolidayOn(own, day);
    if (h)
      throw new UserError(say.t("cal.overlapsOff", { day, name: h.name ?? "", range: range(h.from, h.to ?? h.from) }));
    const cal = await storeCalendar(fresh, say.locale);
    const fromSource = cal.off.get(day);
    if (workCalendar(cal.settings).isWorkingDay(day))
      throw new UserError(say.t("cal.alreadyWorking", { day, weekday: dayName(say, day) }));
    const list = [...(own?.workdays ?? []), day].sort();
    await fresh.updateSettings(withCalendar(fresh.settings, { workdays: list }));
    await ctx.commit(["aftercare.yaml"], `calendar: ${day} added as a make-up working day`, actor);
    ctx.io.out(ctx.json ? JSON.stringify({ day }) + "\n" : `${day}\n`);
    const instead = fromSource ? say.t("cal.instead", { label: cal.source.label, name: fromSource.name }) : "";
    if (!ctx.json) ctx.io.err(`${say.t("cal.addedWorkday", { day, weekday: dayName(say, day), instead })}\n`);
    return day;
  });
}
