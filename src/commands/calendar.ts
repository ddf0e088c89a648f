// aftercare calendar: the open duties as an iCalendar file for a phone or Outlook calendar.
import { writeOutput } from "./common.js";
import type { Context } from "../context.js";
import { addDays } from "../domain/time.js";
import { calendar as ical } from "../format/ical.js";
import { phoneOf } from "../format/duties.js";
import { allDuties } from "./due.js";

export async function calendarCmd(opts: { for?: string; output?: string; days?: string }, ctx: Context) {
  const store = await ctx.store();
  if (opts.for) await ctx.staffNamed(opts.for, "--for");
  const horizon = opts.days ? Number(opts.days) : 90;
  const { list, today, customers } = await allDuties(ctx);
  const until = addDays(today, horizon);
  const open = list.filter((d) => (d.state === "overdue" || d.state === "due" || d.state === "upcoming") && d.earliest <= until && (!opts.for || d.assignee === opts.for));
  const events = open.map((d) => {
    const c = d.customer ? customers.get(d.customer) : undefined;
    // an overdue duty sits on today, so it stays in sight until it is done
    const day = d.state === "overdue" ? today : d.state === "upcoming" ? d.earliest : d.due;
    return {
      uid: `${d.key.replace(/[^A-Za-z0-9-]/g, "-")}@aftercare`,
      summary: `${d.rule} ${c?.name ?? d.source}: ${d.topic}`,
      description: [d.topic, c && `${c.name} ${phoneOf(c)}`, `record ${d.ticket ?? d.source}`, `window ${d.earliest}–${d.deadline}${d.state === "overdue" ? ` (overdue ${d.daysLate} d)` : ""}`, d.assignee && `for ${d.assignee}`].filter(Boolean).join("\n"),
      ...(d.dueAt && d.state !== "overdue" ? { start: new Date(d.dueAt), minutes: 15 } : { day }),
      categories: [d.rule, ...(d.assignee ? [d.assignee] : [])],
      priority: d.state === "overdue" ? 1 : 5,
    };
  });
  const text = ical(`${store.settings.company}${opts.for ? ` — ${opts.for}` : ""} (aftercare)`, events, await ctx.now());
  if (opts.output) {
    await writeOutput(ctx, opts.output, text);
    ctx.io.err(`wrote ${events.length} duties to ${opts.output}\n`);
  } else ctx.io.out(text);
  return { events: events.length };
}
