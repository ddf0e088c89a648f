// aftercare due | overdue: today's duties per person, most urgent first; the morning cron job.
import { EXIT, refusal } from "../errors.js";
import type { Context } from "../context.js";
import type { Duty } from "../domain/duties/index.js";
import type { Customer } from "../domain/schema.js";
import { addDays, dayOf, weekday } from "../domain/time.js";
import { dutyList, explanations, MORNING_LIMIT, shownDuties } from "../format/duties.js";
import { dueRowJson } from "../format/json.js";
import { warnMissingYears } from "../services/calendar-warning.js";
import { customersOf, judged } from "../services/duties.js";

export interface DueOptions {
  overdue?: boolean;
  /** under the list: the contacts each open duty considered and why they did not count */
  explain?: boolean;
  within?: string;
  for?: string;
  failIfOverdue?: boolean;
  /** every row; without it each person's list shows the most urgent MORNING_LIMIT and a count of the rest */
  all?: boolean;
}

/** --within DAYS: a whole number of days (0 without the flag). */
function withinDays(given: string | undefined): number {
  if (given === undefined) return 0;
  if (!/^\d{1,3}$/.test(given.trim())) throw refusal("rf.within", { value: given }, EXIT.usage);
  return Number(given);
}

/** The duties as JSON (docs/json.md), each with its customer's name and phone. */
function printJson(ctx: Context, shown: Duty[], customers: Map<string, Customer>): void {
  ctx.io.out(
    JSON.stringify(
      shown.map((d) => dueRowJson(d, d.customer ? customers.get(d.customer) : undefined)),
      null,
      2,
    ) + "\n",
  );
}

export async function due(opts: DueOptions, ctx: Context): Promise<{ duties: Duty[]; exitCode: number }> {
  const within = withinDays(opts.within);
  const store = await ctx.store();
  const member = opts.for ? await ctx.staffNamed(opts.for, "--for") : undefined;
  const horizon = addDays(dayOf(await ctx.now(), store.settings.timezone), within);
  // only the duties the list can show are read: those due or overdue, and upcoming ones opening by the horizon
  const {
    list,
    today,
    customers: customersFor,
    unread,
  } = await judged(ctx, { undone: true, shown: opts.overdue ? { overdue: true } : { until: horizon } });
  const shown = list.filter(
    (d) =>
      (d.state === "overdue" ||
        (!opts.overdue && (d.state === "due" || (d.state === "upcoming" && d.earliest <= horizon)))) &&
      (!opts.for || d.assignee === opts.for),
  );
  const overdue = shown.filter((d) => d.state === "overdue").length;
  await warnMissingYears(ctx, today, shown); // a year the list reaches with no public holidays: said once, above it
  // R-MONTHLY needs an owner: said once, above the list
  if (!store.settings.staff.some((s) => s.role === "supervisor" && (!s.left || s.left > today)))
    ctx.io.err(`${(await ctx.say()).t("due.noSupervisor")}\n`);
  // the customers of the rows printed: every one in JSON, each person's first `limit` on the page
  const limit = opts.all || ctx.json ? undefined : MORNING_LIMIT;
  const customers = customersFor(customersOf(shownDuties(shown, limit)));
  if (ctx.json) printJson(ctx, shown, customers);
  else {
    const say = await ctx.say();
    const head =
      say.t(opts.overdue ? "due.headOverdue" : "due.head", {
        company: store.settings.company,
        weekday: say.t(`weekday.${weekday(today)}` as "weekday.0"),
        date: today,
        tz: store.settings.timezone,
      }) + (opts.for ? say.t("due.for", { name: opts.for }) : "");
    // someone away has nothing of their own today: say who has their duties
    const away = member?.absences?.find((a) => today >= a.from && today <= a.to);
    if (away && member) ctx.io.err(`${say.t("due.forAway", { name: member.name, to: away.to, cover: away.cover })}\n`);
    if (!shown.length)
      ctx.io.out(
        `${head}\n${opts.overdue ? say.t("due.nothingOverdue") : within ? say.t("due.nothingWithin", { days: within }) : say.t("due.nothing")}\n`,
      );
    else
      ctx.io.out(
        `${ctx.io.color.bold(head)}\n\n${dutyList(ctx.io, shown, today, { customer: (id) => (id ? customers.get(id) : undefined), timezone: store.settings.timezone, say }, { limit })}${opts.explain ? explanations(ctx.io, shownDuties(shown, limit), say) : ""}`,
      );
  }
  // a record that could not be read may hide an overdue duty: monitoring must not read "all clear"
  if (unread) ctx.io.err(`${(await ctx.say()).t("pr.incomplete", { n: unread })}\n`);
  return { duties: shown, exitCode: opts.failIfOverdue && (overdue > 0 || unread > 0) ? 1 : 0 };
}
