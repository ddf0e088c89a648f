// aftercare due | overdue: today's duties per person, most urgent first; the morning cron job.
import { UsageError } from "../errors.js";
import type { Context } from "../context.js";
import { duties, judge, reviewDutiesAt, type Duty, type FoundDuty } from "../domain/duties/index.js";
import type { Customer } from "../domain/schema.js";
import { addDays, dayOf, weekday } from "../domain/time.js";
import { dutyList, explanations, MORNING_LIMIT, phoneOf, shownDuties } from "../format/duties.js";
import { dutyInput, savedReports } from "../store/duty-input.js";

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


/**
 * Which duties: every one (the default: exports, calendars, reviews), only those not yet done
 * (the morning list, which never needs the rest), or one customer's.
 */
export type DutyScope = { undone: true } | { customer: string } | { ticket: string } | undefined;

/** The duties of the store at the context's moment (shared by due, show and the reports). */
export async function allDuties(ctx: Context, scope?: DutyScope): Promise<{ list: Duty[]; today: string; customers: Map<string, Customer>; unread: number }> {
  const store = await ctx.store();
  const now = await ctx.now();
  const locale = await ctx.locale();
  const today = dayOf(now, store.settings.timezone);
  const idx = await ctx.index();
  if (idx) {
    const warnings = idx.warnings();
    for (const w of warnings) ctx.io.err(w);
    const found: FoundDuty[] = scope && "undone" in scope ? idx.undone(now) : scope ? idx.foundOf(scope) : idx.allFound();
    if (!scope || "undone" in scope) for (const d of reviewDutiesAt(store.settings, await savedReports(store), idx.start(), now, locale)) found.push(d);
    const list = judge(found, store.settings, now, idx.waivers());
    const customers = scope ? idx.byIds("customer", list.map((d) => d.customer).filter((c): c is string => c !== undefined)) : new Map(idx.all("customer").map((c) => [c.id, c.value]));
    return { list, today, customers, unread: warnings.length };
  }
  let unread = 0;
  const input = await dutyInput(store, now, (m) => {
    unread++;
    ctx.io.err(m);
  });
  let list = duties(input, locale);
  if (scope && "undone" in scope) list = list.filter((d) => d.state === "due" || d.state === "overdue" || d.state === "upcoming" || (d.state === "waived" && !d.done));
  else if (scope && "customer" in scope) list = list.filter((d) => d.customer === scope.customer);
  else if (scope && "ticket" in scope) list = list.filter((d) => d.ticket === scope.ticket);
  return { list, today, customers: new Map(input.customers.map((c) => [c.id, c.value])), unread };
}

export async function due(opts: DueOptions, ctx: Context): Promise<{ duties: Duty[]; exitCode: number }> {
  let within = 0;
  if (opts.within !== undefined) {
    within = Number(opts.within);
    if (!/^\d{1,3}$/.test(opts.within.trim())) throw new UsageError(`--within "${opts.within}" must be a number of days, such as 7`);
  }
  const store = await ctx.store();
  const member = opts.for ? await ctx.staffNamed(opts.for, "--for") : undefined;
  const { list, today, customers, unread } = await allDuties(ctx, { undone: true });
  const horizon = addDays(today, within);
  const shown = list.filter(
    (d) =>
      (d.state === "overdue" || (!opts.overdue && (d.state === "due" || (d.state === "upcoming" && d.earliest <= horizon)))) &&
      (!opts.for || d.assignee === opts.for),
  );
  const overdue = shown.filter((d) => d.state === "overdue").length;
  // R-MONTHLY needs an owner: said once, above the list
  if (!store.settings.staff.some((s) => s.role === "supervisor" && (!s.left || s.left > today))) ctx.io.err(`${(await ctx.say()).t("due.noSupervisor")}\n`);
  if (ctx.json) {
    ctx.io.out(
      JSON.stringify(
        shown.map((d) => ({ ...d, customerName: d.customer ? customers.get(d.customer)?.name : undefined, phone: phoneOf(customers.get(d.customer ?? "")) || undefined })),
        null,
        2,
      ) + "\n",
    );
  } else {
    const say = await ctx.say();
    const limit = opts.all ? undefined : MORNING_LIMIT;
    const head =
      say.t(opts.overdue ? "due.headOverdue" : "due.head", { company: store.settings.company, weekday: say.t(`weekday.${weekday(today)}` as "weekday.0"), date: today, tz: store.settings.timezone }) +
      (opts.for ? say.t("due.for", { name: opts.for }) : "");
    // someone away has nothing of their own today: say who has their duties
    const away = member?.absences?.find((a) => today >= a.from && today <= a.to);
    if (away && member) ctx.io.err(`${say.t("due.forAway", { name: member.name, to: away.to, cover: away.cover })}\n`);
    if (!shown.length) ctx.io.out(`${head}\n${opts.overdue ? say.t("due.nothingOverdue") : within ? say.t("due.nothingWithin", { days: within }) : say.t("due.nothing")}\n`);
    else ctx.io.out(`${ctx.io.color.bold(head)}\n\n${dutyList(ctx.io, shown, today, { customer: (id) => (id ? customers.get(id) : undefined), timezone: store.settings.timezone, say }, { limit })}${opts.explain ? explanations(ctx.io, shownDuties(shown, limit), say) : ""}`);
  }
  // a record that could not be read may hide an overdue duty: monitoring must not read "all clear"
  if (unread) ctx.io.err(`note: the list may be incomplete: ${unread === 1 ? "a record file" : "some record files"} could not be read (above); see 'aftercare check'\n`);
  return { duties: shown, exitCode: opts.failIfOverdue && (overdue > 0 || unread > 0) ? 1 : 0 };
}
