// aftercare due | overdue: today's duties per person, most urgent first; the morning cron job.
import { UsageError } from "../errors.js";
import type { Context } from "../context.js";
import { duties, judge, reviewDutiesAt, type Duty, type FoundDuty } from "../domain/duties/index.js";
import type { Customer } from "../domain/schema.js";
import { addDays, dayOf, weekday, type Day } from "../domain/time.js";
import { dutyList, explanations, MORNING_LIMIT, phoneOf, shownDuties } from "../format/duties.js";
import { wordDuties } from "../format/duty-words.js";
import { dutyInput, savedReports } from "../store/duty-input.js";
import { engineSettings } from "../store/calendar-source.js";
import { warnMissingYears } from "./calendar-warning.js";

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
 * (the morning list, which never needs the rest; with `shown`, only those it can show: see
 * RecordIndex.undone), or one customer's (with `undone`, those the records have not done: what
 * `customer show` lists) or one ticket's. A narrower scope may still hold duties the caller does
 * not show; it never misses one it does.
 */
export type DutyScope =
  | { undone: true; shown?: { until: Day } | { overdue: true } }
  | { customer: string; undone?: boolean }
  | { ticket: string }
  | undefined;

/**
 * The duties of the store at the context's moment, judged, and a lookup of their customers: from
 * the index, the customers asked for (all when no IDs are given); without it, every customer.
 */
async function judged(
  ctx: Context,
  scope?: DutyScope,
): Promise<{ list: Duty[]; today: Day; customers: (ids?: Iterable<string>) => Map<string, Customer>; unread: number }> {
  const store = await ctx.store();
  const now = await ctx.now();
  const say = await ctx.say();
  const today = dayOf(now, store.settings.timezone);
  const idx = await ctx.index();
  if (idx) {
    const warnings = idx.warnings();
    for (const w of warnings) ctx.io.err(w);
    const found: FoundDuty[] =
      scope && "customer" in scope
        ? idx.foundOf({ customer: scope.customer }, { undone: scope.undone })
        : scope && "ticket" in scope
          ? idx.foundOf(scope)
          : scope
            ? idx.undone(now, scope.shown)
            : idx.allFound();
    const settings = await engineSettings(store); // the working calendar resolved (calendar.source)
    if (!scope || ("undone" in scope && !("customer" in scope)))
      for (const d of reviewDutiesAt(settings, await savedReports(store), idx.start(), now)) found.push(d);
    const list = wordDuties(judge(found, settings, now, idx.waivers()), say);
    return {
      list,
      today,
      customers: (ids) => (ids ? idx.byIds("customer", ids) : new Map(idx.all("customer").map((c) => [c.id, c.value]))),
      unread: warnings.length,
    };
  }
  let unread = 0;
  const input = await dutyInput(store, now, (m) => {
    unread++;
    ctx.io.err(m);
  });
  let list = wordDuties(duties(input), say);
  if (scope && "customer" in scope) list = list.filter((d) => d.customer === scope.customer);
  else if (scope && "ticket" in scope) list = list.filter((d) => d.ticket === scope.ticket);
  else if (scope)
    list = list.filter(
      (d) => d.state === "due" || d.state === "overdue" || d.state === "upcoming" || (d.state === "waived" && !d.done),
    );
  const all = new Map(input.customers.map((c) => [c.id, c.value]));
  return { list, today, customers: () => all, unread };
}

/** The customers of these duties. */
const customersOf = (list: Duty[]) => list.map((d) => d.customer).filter((c): c is string => c !== undefined);

/** The duties of the store at the context's moment (shared by due, show and the reports). */
export async function allDuties(
  ctx: Context,
  scope?: DutyScope,
): Promise<{ list: Duty[]; today: string; customers: Map<string, Customer>; unread: number }> {
  const { list, today, customers, unread } = await judged(ctx, scope);
  return { list, today, customers: customers(scope ? customersOf(list) : undefined), unread };
}

/** --within DAYS: a whole number of days (0 without the flag). */
function withinDays(given: string | undefined): number {
  if (given === undefined) return 0;
  if (!/^\d{1,3}$/.test(given.trim())) throw new UsageError(`--within "${given}" must be a number of days, such as 7`);
  return Number(given);
}

/** The duties as JSON, each with its customer's name and phone. */
function printJson(ctx: Context, shown: Duty[], customers: Map<string, Customer>): void {
  ctx.io.out(
    JSON.stringify(
      shown.map((d) => ({
        ...d,
        customerName: d.customer ? customers.get(d.customer)?.name : undefined,
        phone: phoneOf(customers.get(d.customer ?? "")) || undefined,
      })),
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
  if (unread)
    ctx.io.err(
      `note: the list may be incomplete: ${unread === 1 ? "a record file" : "some record files"} could not be read (above); see 'aftercare check'\n`,
    );
  return { duties: shown, exitCode: opts.failIfOverdue && (overdue > 0 || unread > 0) ? 1 : 0 };
}
