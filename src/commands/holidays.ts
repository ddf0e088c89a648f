// aftercare holidays [YEAR]: the working calendar the store's deadlines use.
import { UsageError } from "../errors.js";
import type { Context } from "../context.js";
import { DEFAULT_WORKWEEK, workCalendar } from "../domain/calendar.js";
import { addDays, dayOf, weekday } from "../domain/time.js";
import { table } from "../format/table.js";
import { oneLine } from "../format/text.js";

const NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export async function holidays(opts: { year?: string }, ctx: Context) {
  const store = await ctx.store();
  const year = opts.year ?? dayOf(await ctx.now(), store.settings.timezone).slice(0, 4);
  if (!/^\d{4}$/.test(year)) throw new UsageError(`YEAR "${opts.year}" must be a year such as 2026`);
  const cfg = store.settings.calendar;
  const cal = workCalendar(cfg);
  const week = cfg?.workweek ?? DEFAULT_WORKWEEK;
  const off = (cfg?.holidays ?? []).filter((h) => h.from.startsWith(year) || (h.to ?? h.from).startsWith(year));
  const on = (cfg?.workdays ?? []).filter((d) => d.startsWith(year));
  let workingDays = 0;
  for (let d = `${year}-01-01`; d.startsWith(year); d = addDays(d, 1)) if (cal.isWorkingDay(d)) workingDays++;
  const data = { year: Number(year), workweek: week, holidays: off, workdays: on, workingDays };
  if (ctx.json) {
    ctx.io.out(JSON.stringify(data, null, 2) + "\n");
    return data;
  }
  let out = `working week: ${week.map((n) => NAMES[n]).join(" ")}; ${workingDays} working days in ${year}\n\n`;
  out += off.length
    ? table(ctx.io, ["days off", "weekdays", "holiday"], off.map((h) => [h.to && h.to !== h.from ? `${h.from} – ${h.to}` : h.from, h.to && h.to !== h.from ? `${NAMES[weekday(h.from)]}–${NAMES[weekday(h.to)]}` : NAMES[weekday(h.from)]!, oneLine(h.name ?? "")]))
    : `no public holidays set for ${year}: add them under calendar.holidays in aftercare.yaml\n`;
  if (on.length) out += "\n" + table(ctx.io, ["make-up working days", "weekday"], on.map((d) => [d, NAMES[weekday(d)]!]));
  ctx.io.out(out);
  return data;
}
