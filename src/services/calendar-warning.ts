// The warning that a year the deadlines reach has no public holidays (issue 16): said once, above
// the list, by due and overdue (the cron job) and check. Apart from holidays.ts, whose commands
// write aftercare.yaml (YAML and the schemas), so that the morning list loads neither.
import type { Context } from "../context.js";
import { missingYears, yearsOf, yearSpans, type ResolvedCalendar } from "../domain/calendar.js";
import type { Day } from "../domain/time.js";
import type { Translator } from "../i18n.js";
import { storeCalendar } from "../store/calendar-source.js";

/** Why a year has no public holidays, and the command that fixes it. */
export function whyMissing(say: Translator, cal: ResolvedCalendar): { what: string; fix: string } {
  const s = cal.source;
  const own = [
    ...new Set([...cal.off, ...cal.on].filter(([, v]) => v.origin === "settings").map(([d]) => Number(d.slice(0, 4)))),
  ].sort((a, b) => a - b);
  const what =
    s.id === "none"
      ? s.explicit
        ? say.t("cal.whatNone", { spans: yearSpans(own) })
        : say.t("cal.whatDefault")
      : say.t("cal.whatSource", { id: s.id, label: s.label, spans: yearSpans(s.years) });
  const fix =
    s.id === "cn" ? say.t("cal.fixCn") : s.id === "none" && !s.explicit ? say.t("cal.fixDefault") : say.t("cal.fixAdd");
  return { what, fix };
}

/** The warning that years have no public holidays: what is missing, and the command that fixes it. */
export function missingLine(say: Translator, cal: ResolvedCalendar, years: readonly number[]): string {
  return say.t("cal.missing", { years: years.join(say.t("cal.yearSep")), ...whyMissing(say, cal) });
}

/**
 * The warning of due, overdue (the cron job) and check: once, above everything else, when the
 * current year or a year one of `windows` reaches into has no holidays from the source or the
 * settings. Costs one load of the source, which the duties needed anyway.
 */
export async function warnMissingYears(
  ctx: Context,
  today: Day,
  windows: Iterable<{ earliest: Day; deadline: Day }> = [],
): Promise<number[]> {
  const store = await ctx.store();
  const say = await ctx.say();
  const cal = await storeCalendar(store);
  const missing = missingYears(cal, yearsOf(today, windows));
  if (missing.length) ctx.io.err(`${missingLine(say, cal, missing)}\n`);
  return missing;
}
