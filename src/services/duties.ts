// The duties of the store at the context's moment, judged: from the derived index when there is
// one, else from every record (shared by due, show, event, contact, export, calendar and duty).
import type { Context } from "../context.js";
import { duties, judge, reviewDutiesAt, type Duty, type FoundDuty } from "../domain/duties/index.js";
import { isOpenDuty } from "../domain/duty-state.js";
import type { Customer } from "../domain/schema.js";
import { dayOf, type Day } from "../domain/time.js";
import { wordDuties } from "../format/duty-words.js";
import { dutyInput, savedReports } from "../store/duty-input.js";
import { engineSettings } from "../store/calendar-source.js";

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
export async function judged(
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
  else if (scope) list = list.filter((d) => isOpenDuty(d) || (d.state === "waived" && !d.done));
  const all = new Map(input.customers.map((c) => [c.id, c.value]));
  return { list, today, customers: () => all, unread };
}

/** The customers of these duties. */
export const customersOf = (list: Duty[]) => list.map((d) => d.customer).filter((c): c is string => c !== undefined);

/** The duties of the store at the context's moment (shared by due, show and the reports). */
export async function allDuties(
  ctx: Context,
  scope?: DutyScope,
): Promise<{ list: Duty[]; today: string; customers: Map<string, Customer>; unread: number }> {
  const { list, today, customers, unread } = await judged(ctx, scope);
  return { list, today, customers: customers(scope ? customersOf(list) : undefined), unread };
}
