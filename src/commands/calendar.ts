// aftercare calendar: the open duties as an iCalendar file for a phone or Outlook calendar. Each
// duty's event keeps its UID (the duty's key at the store's own ID), and carries LAST-MODIFIED and
// SEQUENCE from its records' git history and its own changes of state, so a calendar that reads
// the file again (a subscription, or an import) updates the event in place.
import { promises as fs } from "node:fs";
import { dirname, basename, join, resolve } from "node:path";
import { writeOutput } from "../services/output.js";
import { UsageError } from "../errors.js";
import type { Context } from "../context.js";
import type { Duty } from "../domain/duties/types.js";
import { isId } from "../domain/ids.js";
import { addDays, zonedTime } from "../domain/time.js";
import { calendar as ical } from "../format/ical.js";
import { phoneOf } from "../format/duties.js";
import { t } from "../i18n.js";
import { pathOf, FOLDERS } from "../store/store.js";
import { derivedStoreId, lastChanges } from "../store/last-change.js";
import { allDuties } from "../services/duties.js";

/**
 * The moment a duty's event last changed by itself, with no record changed: an upcoming duty sits
 * on its first day (never moves); a due one moved to its due day when its window opened; an
 * overdue one sits on today, so it changes each morning (and when its deadline passed).
 */
export function stateChange(d: Duty, today: string, tz: string): Date | undefined {
  if (d.state === "due") return d.earliestAt ? new Date(d.earliestAt) : zonedTime(d.earliest, 0, 0, 0, tz);
  if (d.state === "overdue") {
    const morning = zonedTime(today, 0, 0, 0, tz).getTime();
    const passed = d.dueAt ? new Date(d.dueAt).getTime() : zonedTime(addDays(d.deadline, 1), 0, 0, 0, tz).getTime();
    return new Date(Math.max(morning, passed));
  }
  return undefined;
}

/** The records a duty's event is made from: its ticket (or contact, or event) and its customer. */
const recordsOf = (d: Duty) =>
  [d.ticket ?? d.source, d.event, d.customer].filter((x): x is string => Boolean(x) && isId(x!));

/** Written whole, then renamed over the old file: a web server serving it never sends half a calendar. */
async function writeCalendar(ctx: Context, output: string, text: string): Promise<void> {
  const target = resolve(ctx.deps.cwd, output);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, text);
    await fs.rename(temp, target);
  } catch {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    // the same one-line refusal as any --output (no folder, a folder by that name, no permission…)
    await writeOutput(ctx, output, text);
  }
}

export interface CalendarOptions {
  for?: string;
  output?: string;
  days?: string;
}

export async function calendarCmd(opts: CalendarOptions, ctx: Context) {
  // an iCalendar file is what a phone subscribes to; the duties as data are `due --json` (docs/json.md)
  if (ctx.json) throw new UsageError((await ctx.say()).t("cal.noJson"));
  const store = await ctx.store();
  const tz = store.settings.timezone;
  if (opts.for) await ctx.staffNamed(opts.for, "--for");
  const horizon = opts.days ? Number(opts.days) : 90;
  const { list, today, customers } = await allDuties(ctx, { undone: true });
  const locale = await ctx.locale();
  const until = addDays(today, horizon);
  const open = list.filter(
    (d) =>
      (d.state === "overdue" || d.state === "due" || d.state === "upcoming") &&
      d.earliest <= until &&
      (!opts.for || d.assignee === opts.for),
  );
  const domain = `${store.settings.storeId ?? (await derivedStoreId(store.root, ctx.deps.env, store.settings.company))}.aftercare`;
  const paths = new Set(open.flatMap(recordsOf).map(pathOf));
  const changed = await lastChanges(store.root, ctx.deps.env, paths, Object.values(FOLDERS));
  const events = open.map((d) => {
    const c = d.customer ? customers.get(d.customer) : undefined;
    // an overdue duty sits on today, so it stays in sight until it is done
    const day = d.state === "overdue" ? today : d.state === "upcoming" ? d.earliest : d.due;
    const moments = [
      ...recordsOf(d).map((id) => (changed.get(pathOf(id)) ?? 0) * 1000),
      stateChange(d, today, tz)?.getTime() ?? 0,
    ];
    const last = Math.max(...moments);
    return {
      uid: `${d.key.replace(/[^A-Za-z0-9-]/g, "-")}@${domain}`,
      summary: `${d.rule} ${c?.name ?? d.source}: ${d.topic}`,
      // in the store's language, as the morning list says it
      description: [
        d.topic,
        c && `${c.name} ${phoneOf(c)}`,
        t(locale, "cal.record", { id: d.ticket ?? d.source }),
        t(locale, "cal.window", { from: d.earliest, to: d.deadline }) +
          (d.state === "overdue" ? t(locale, "cal.overdue", { n: d.daysLate ?? 0 }) : ""),
        d.assignee && t(locale, "cal.for", { name: d.assignee }),
      ]
        .filter(Boolean)
        .join("\n"),
      ...(d.dueAt && d.state !== "overdue" ? { start: new Date(d.dueAt), minutes: 15 } : { day }),
      categories: [d.rule, ...(d.assignee ? [d.assignee] : [])],
      priority: d.state === "overdue" ? 1 : 5,
      ...(last > 0 ? { lastModified: new Date(last) } : {}),
    };
  });
  const text = ical(
    `${store.settings.company}${opts.for ? ` — ${opts.for}` : ""} (aftercare)`,
    events,
    await ctx.now(),
    { timezone: tz },
  );
  if (opts.output) {
    await writeCalendar(ctx, opts.output, text);
    ctx.io.err(`${t(locale, "cal.wrote", { n: events.length, file: opts.output })}\n`);
  } else ctx.io.out(text);
  return { events: events.length };
}
