// aftercare due | overdue: today's duties per person, most urgent first; the morning cron job.
import { UsageError } from "../errors.js";
import type { Context } from "../context.js";
import { duties, type Duty } from "../domain/duties/index.js";
import { addDays, dayOf, weekday } from "../domain/time.js";
import { dutyList, explanations, phoneOf } from "../format/duties.js";
import { dutyInput } from "../store/duty-input.js";

export interface DueOptions {
  overdue?: boolean;
  /** under the list: the contacts each open duty considered and why they did not count */
  explain?: boolean;
  within?: string;
  for?: string;
  failIfOverdue?: boolean;
}


/** Every duty of the store at the context's moment (shared by due, show and the reports). */
export async function allDuties(ctx: Context): Promise<{ list: Duty[]; today: string; customers: Map<string, import("../domain/schema.js").Customer>; unread: number }> {
  const store = await ctx.store();
  const now = await ctx.now();
  let unread = 0;
  const input = await dutyInput(store, now, (m) => {
    unread++;
    ctx.io.err(m);
  });
  return { list: duties(input, await ctx.locale()), today: dayOf(now, store.settings.timezone), customers: new Map(input.customers.map((c) => [c.id, c.value])), unread };
}

export async function due(opts: DueOptions, ctx: Context): Promise<{ duties: Duty[]; exitCode: number }> {
  let within = 0;
  if (opts.within !== undefined) {
    within = Number(opts.within);
    if (!/^\d{1,3}$/.test(opts.within.trim())) throw new UsageError(`--within "${opts.within}" must be a number of days, such as 7`);
  }
  const store = await ctx.store();
  const member = opts.for ? await ctx.staffNamed(opts.for, "--for") : undefined;
  const { list, today, customers, unread } = await allDuties(ctx);
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
    const head =
      say.t(opts.overdue ? "due.headOverdue" : "due.head", { company: store.settings.company, weekday: say.t(`weekday.${weekday(today)}` as "weekday.0"), date: today, tz: store.settings.timezone }) +
      (opts.for ? say.t("due.for", { name: opts.for }) : "");
    // someone away has nothing of their own today: say who has their duties
    const away = member?.absences?.find((a) => today >= a.from && today <= a.to);
    if (away && member) ctx.io.err(`${say.t("due.forAway", { name: member.name, to: away.to, cover: away.cover })}\n`);
    if (!shown.length) ctx.io.out(`${head}\n${opts.overdue ? say.t("due.nothingOverdue") : within ? say.t("due.nothingWithin", { days: within }) : say.t("due.nothing")}\n`);
    else ctx.io.out(`${ctx.io.color.bold(head)}\n\n${dutyList(ctx.io, shown, today, { customer: (id) => (id ? customers.get(id) : undefined), timezone: store.settings.timezone, say })}${opts.explain ? explanations(ctx.io, shown, say) : ""}`);
  }
  // a record that could not be read may hide an overdue duty: monitoring must not read "all clear"
  if (unread) ctx.io.err(`note: the list may be incomplete: ${unread === 1 ? "a record file" : "some record files"} could not be read (above); see 'aftercare check'\n`);
  return { duties: shown, exitCode: opts.failIfOverdue && (overdue > 0 || unread > 0) ? 1 : 0 };
}
