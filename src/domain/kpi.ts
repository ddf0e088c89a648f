// The figures of the reviews (R-MONTHLY): what came in, what was done, and how the department kept
// the regulation's deadlines. Pure: the duties come from the one rules engine, passed in.
import { isOpenDuty } from "./duty-state.js";
import type { Duty, DutyInput, Rec } from "./duties/index.js";
import { RULE_CODES } from "./duties/index.js";
import type { Contact, Settings, Ticket } from "./schema.js";
import { addDays, dayCache, daysBetween, STORED_DATE_RE, storedDay, weekday, zonedTime, type Day } from "./time.js";

export { dayCache, storedDay };

export interface Period {
  kind: "monthly" | "annual";
  /** "2026-11" or "2026" */
  label: string;
  from: Day;
  to: Day;
}

/** A month as typed: "2026-11". */
export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

export function monthPeriod(ym: string): Period {
  const [y, m] = ym.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return { kind: "monthly", label: ym, from: `${ym}-01`, to: addDays(next, -1) };
}

export function yearPeriod(y: string): Period {
  return { kind: "annual", label: y, from: `${y}-01-01`, to: `${y}-12-31` };
}

/** The last moment of the period in the store's zone. */
export function periodEnd(p: Period, tz: string): Date {
  return new Date(periodOver(p, tz).getTime() - 1);
}

/** The moment the period is over: 00:00 of the day after its last, in the store's zone (2026-11 → 2026-12-01 00:00). */
export function periodOver(p: Period, tz: string): Date {
  return zonedTime(addDays(p.to, 1), 0, 0, 0, tz);
}

/** Whether a stored date or date-time falls on a day of the period, in the store's zone. */
export function inPeriod(at: string | undefined, p: Period, tz: string): boolean {
  if (at === undefined) return false;
  const d = storedDay(at, tz);
  return d >= p.from && d <= p.to;
}

/** A stored date or date-time as a moment, for ordering: a bare date is 00:00 of that day in the store's zone. */
export function storedMoment(at: string, tz: string): number {
  return STORED_DATE_RE.test(at) ? zonedTime(at, 0, 0, 0, tz).getTime() : Date.parse(at);
}

/**
 * When a ticket was resolved, or undefined while it is not: its resolution; for a vehicle at the
 * reception desk (kind shop), which is closed on delivery without a resolution, its delivery.
 * The one place the reviews decide resolved or open.
 */
export function resolvedAt(t: Ticket): string | undefined {
  if (t.resolution) return t.resolution.at;
  if (t.kind === "shop" && t.delivery && t.status === "closed") return t.delivery.at;
  return undefined;
}

/** Past every moment: where a ticket neither resolved nor cancelled ends (see `spanOf`). */
export const OPEN_END = 8.64e15;

/** Every date-time a record names (ms since the epoch), however deep: when things happened to it. */
export function dateTimesOf(value: unknown, out: number[] = []): number[] {
  if (typeof value === "string") {
    // a date-time: "2026-11-26T09:30…"; a bare date is a planned day (plans, schedules), not an event
    if (
      value.length >= 16 &&
      value.charCodeAt(10) === 84 &&
      value.charCodeAt(4) === 45 &&
      /^\d{4}-\d{2}-\d{2}T/.test(value)
    ) {
      const t = Date.parse(value);
      if (!Number.isNaN(t)) out.push(t);
    }
  } else if (Array.isArray(value)) for (const v of value) dateTimesOf(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) dateTimesOf(v, out);
  return out;
}

/**
 * The first and last moment of a record (ms), for the index to find the records a period may
 * need without reading the others: its date-times, and a contact's day (a letter's bare date, as
 * 00:00 UTC). A ticket neither resolved nor cancelled lasts to OPEN_END: it is open at the end of
 * every period after it came in. Zone-free: who asks widens the period by two days on each side
 * and picks the records exactly in the store's zone. Undefined for a record without a date.
 */
export function spanOf(kind: string, value: unknown): { lo: number; hi: number } | undefined {
  const ms = dateTimesOf(value);
  if (kind === "contact") {
    const at = (value as Partial<Contact>).at;
    if (typeof at === "string" && STORED_DATE_RE.test(at)) ms.push(Date.parse(at));
  }
  if (!ms.length) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of ms) {
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  if (kind === "ticket") {
    const t = value as Ticket;
    if (resolvedAt(t) === undefined && !t.cancelled) hi = OPEN_END;
  }
  return { lo, hi };
}

export interface Count {
  key: string;
  count: number;
}
export interface Tally {
  due: number;
  on_time: number;
  late: number;
  open: number;
  missed: number;
  /** excused by a supervisor (counted apart: not in the rate) */
  waived: number;
  /** on time as a share of all that fell due and were not waived, 0–1; null when none */
  rate: number | null;
}
export interface Spread {
  count: number;
  median_hours: number | null;
  p90_hours: number | null;
}

const tallyOf = (ds: readonly Duty[]): Tally => {
  let on_time = 0;
  let late = 0;
  let open = 0;
  let missed = 0;
  let waived = 0;
  for (const d of ds) {
    if (d.state === "done") on_time++;
    else if (d.state === "late") late++;
    else if (isOpenDuty(d)) open++;
    else if (d.state === "missed") missed++;
    else if (d.state === "waived") waived++;
  }
  return {
    due: ds.length,
    on_time,
    late,
    open,
    missed,
    waived,
    rate: ds.length - waived ? on_time / (ds.length - waived) : null,
  };
};

/** The items by a key, each group in the items' order: one pass (never a filter per key). */
function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function spread(hours: number[]): Spread {
  const s = [...hours].sort((a, b) => a - b);
  return { count: s.length, median_hours: percentile(s, 50), p90_hours: percentile(s, 90) };
}

function counts(keys: string[], order: readonly string[] = []): Count[] {
  const m = new Map<string, number>();
  for (const k of order) m.set(k, 0);
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].filter(([, c]) => c > 0).map(([key, count]) => ({ key, count }));
}

/**
 * The records a review reads. `tickets` and `contacts` may hold more than the period's (the index
 * hands over those whose dates come near it); every figure picks its own by date, so the result
 * is the same as from every record. Both in the store's path order, as `Store.all` gives them.
 */
export interface ReviewRecords {
  settings: Settings;
  tickets: readonly Rec<Ticket>[];
  contacts: readonly Rec<Contact>[];
  /** customers' names by ID (those that exist) */
  customerNames(ids: Iterable<string>): Map<string, string>;
  /** tickets by ID (those that exist), for the complaints' status */
  ticketsById(ids: Iterable<string>): Map<string, Ticket>;
}

/** The records of a full read as a review reads them. */
export function recordsOf(input: DutyInput): ReviewRecords {
  let names: Map<string, string> | undefined;
  let byId: Map<string, Ticket> | undefined;
  return {
    settings: input.settings,
    tickets: input.tickets,
    contacts: input.contacts,
    customerNames: () => (names ??= new Map(input.customers.map((c) => [c.id, c.value.name]))),
    ticketsById: () => {
      if (!byId) {
        byId = new Map();
        for (const t of input.tickets) if (!byId.has(t.id)) byId.set(t.id, t.value);
      }
      return byId;
    },
  };
}

export interface KpiInput {
  records: ReviewRecords;
  /** the duties as of the report's moment (compliance: done on time, late, still open); those due in the period are enough */
  now: Duty[];
  /** the duties as of the period's last moment (what was overdue at its end); the overdue ones are enough */
  atEnd: Duty[];
  period: Period;
  /** the store's calendar day of a stored date or date-time (`dayCache`): pass one to share it between periods */
  day?: (at: string) => Day;
}

const hoursBetween = (a: string, b: string) => Math.round(((Date.parse(b) - Date.parse(a)) / 3_600_000) * 10) / 10;

/** Everything a review reports about one period. */
export function periodFigures({ records, now, atEnd, period, day = dayCache(records.settings.timezone) }: KpiInput) {
  const tz = records.settings.timezone;
  // inPeriod, with each day worked out once
  const inP = (at: string | undefined) => {
    if (at === undefined) return false;
    const d = day(at);
    return d >= period.from && d <= period.to;
  };
  const end = periodEnd(period, tz).getTime();
  const by = (at: string | undefined) => at !== undefined && Date.parse(at) <= end;

  const tickets = records.tickets;
  const received = tickets.filter((t) => inP(t.value.received));
  const resolved = tickets.filter((t) => inP(resolvedAt(t.value)));
  const openAtEnd = tickets.filter(
    (t) => by(t.value.received) && !by(resolvedAt(t.value)) && !by(t.value.cancelled?.at),
  );
  const byKind = new Map<string, { received: number; resolved: number; open_at_end: number }>();
  const tallyKind = (ts: Rec<Ticket>[], field: "received" | "resolved" | "open_at_end") => {
    for (const t of ts) {
      let k = byKind.get(t.value.kind);
      if (!k) byKind.set(t.value.kind, (k = { received: 0, resolved: 0, open_at_end: 0 }));
      k[field]++;
    }
  };
  tallyKind(received, "received");
  tallyKind(resolved, "resolved");
  tallyKind(openAtEnd, "open_at_end");

  const contacts = records.contacts.filter((c) => inP(c.value.at));
  const calls = contacts.filter((c) => c.value.channel === "call");
  const letters = contacts.filter((c) => c.value.channel === "letter");
  const rated = contacts.filter((c) => c.value.satisfaction !== undefined);

  // a duty belongs to the period its deadline falls in (not the working day it is listed on)
  const dueIn = now.filter((d) => d.deadline >= period.from && d.deadline <= period.to);
  const duePerPerson = groupBy(dueIn, (d) => d.assignee ?? "");
  const dueRule = groupBy(dueIn, (d) => d.rule);
  const people = [...duePerPerson.keys()].sort();
  // the calls of each week the period touches, each call counted once
  const mondays = weeks(period);
  const perWeek = mondays.map(() => 0);
  for (const c of calls) {
    const i = Math.floor(daysBetween(mondays[0]!, day(c.value.at)) / 7);
    if (i >= 0 && i < perWeek.length) perWeek[i]!++;
  }
  const served = new Map<string, { tickets: number; contacts: number }>();
  for (const t of received)
    served.set(t.value.customer, {
      tickets: (served.get(t.value.customer)?.tickets ?? 0) + 1,
      contacts: served.get(t.value.customer)?.contacts ?? 0,
    });
  for (const c of contacts)
    served.set(c.value.customer, {
      tickets: served.get(c.value.customer)?.tickets ?? 0,
      contacts: (served.get(c.value.customer)?.contacts ?? 0) + 1,
    });
  // the five served most (ties by name): only those level with the fifth need their names
  const totals = [...served.values()].map((s) => s.tickets + s.contacts).sort((a, b) => b - a);
  const fifth = totals[Math.min(4, totals.length - 1)] ?? 0;
  const contenders = [...served].filter(([, s]) => s.tickets + s.contacts >= fifth);
  const complaints = contacts.filter((c) => c.value.purpose === "complaint" || (c.value.complaints?.length ?? 0) > 0);
  const overdueAtEnd = atEnd.filter((d) => d.state === "overdue");
  const overdue = groupBy(overdueAtEnd, (d) => d.assignee ?? "");
  const customers = records.customerNames([
    ...contenders.map(([id]) => id),
    ...complaints.map((c) => c.value.customer),
    ...overdueAtEnd.map((d) => d.customer ?? ""),
  ]);
  const complaintTickets = records.ticketsById(
    complaints.map((c) => c.value.ticket).filter((t): t is string => t !== undefined),
  );

  // the reception desk (part C): vehicles in, promises kept, extra work, bills
  const shop = tickets.filter((t) => t.value.kind === "shop");
  const readyIn = shop.filter((t) => inP(t.value.ready?.at) && t.value.handover);
  const extras = shop.flatMap((t) => (t.value.extras ?? []).filter((x) => inP(x.asked)));
  const delivered = shop.filter((t) => inP(t.value.delivery?.at));
  const desk = {
    vehicles: shop.filter((t) => inP(t.value.intake?.at)).length,
    completed: readyIn.length,
    on_promise: readyIn.filter((t) => Date.parse(t.value.ready!.at) <= Date.parse(t.value.handover!.promise)).length,
    extra_asked: extras.length,
    extra_approved: extras.filter((x) => x.answer?.approved === true).length,
    extra_declined: extras.filter((x) => x.answer?.approved === false).length,
    delivered: delivered.length,
    /** average amount paid, in cents; nil when nothing was delivered */
    average_bill: delivered.length
      ? Math.round(delivered.reduce((s, t) => s + t.value.delivery!.paid, 0) / delivered.length)
      : null,
  };

  return {
    desk,
    tickets: {
      received: received.length,
      resolved: resolved.length,
      closed: tickets.filter((t) => inP(t.value.closed)).length,
      cancelled: tickets.filter((t) => inP(t.value.cancelled?.at)).length,
      open_at_end: openAtEnd.length,
      by_kind: [...byKind.keys()].sort().map((k) => ({ key: k, ...byKind.get(k)! })),
      by_channel: counts(received.map((t) => t.value.channel)),
      to_dispatch: spread(
        tickets
          .filter((t) => inP(t.value.dispatch?.at))
          .map((t) => hoursBetween(t.value.received, t.value.dispatch!.at)),
      ),
      to_resolution: spread(resolved.map((t) => hoursBetween(t.value.received, resolvedAt(t.value)!))),
      filed_late: now.filter(
        (d) =>
          d.rule === "R-FILE-SAME-DAY" && d.state === "late" && d.deadline >= period.from && d.deadline <= period.to,
      ).length,
    },
    compliance: {
      total: tallyOf(dueIn),
      rules: RULE_CODES.map((rule) => ({ rule, ...tallyOf(dueRule.get(rule) ?? []) })).filter((r) => r.due > 0),
      people: people.map((name) => ({ name: name || null, ...tallyOf(duePerPerson.get(name)!) })),
    },
    calls: {
      total: calls.length,
      by_direction: counts(
        calls.map((c) => c.value.direction),
        ["in", "out"],
      ),
      by_purpose: counts(
        calls.map((c) => c.value.purpose),
        ["followup", "consult", "complaint", "notice", "reminder", "other"],
      ),
      per_week: mondays.map((w, i) => ({ week: w, count: perWeek[i]! })),
    },
    visits: contacts.filter((c) => c.value.channel === "visit").length,
    consultations: calls.filter((c) => c.value.purpose === "consult").length,
    complaints: complaints.map((c) =>
      complaintRow(
        c,
        c.value.ticket === undefined ? undefined : complaintTickets.get(c.value.ticket),
        customers.get(c.value.customer),
      ),
    ),
    letters: {
      total: letters.length,
      by_kind: counts(
        letters.map((c) => c.value.letter!.kind),
        ["notice", "invitation", "reply"],
      ),
    },
    satisfaction: {
      count: rated.length,
      average: rated.length
        ? Math.round((rated.reduce((s, c) => s + c.value.satisfaction!, 0) / rated.length) * 100) / 100
        : null,
      distribution: [5, 4, 3, 2, 1].map((score) => ({
        score,
        count: rated.filter((c) => c.value.satisfaction === score).length,
      })),
    },
    overdue_at_end: [...overdue.keys()].sort().map((name) => ({
      name: name || null,
      duties: overdue.get(name)!.map((d) => dutyRow(d, customers.get(d.customer ?? ""))),
    })),
    top_customers: contenders
      .map(([id, s]) => ({ id, name: customers.get(id) ?? id, ...s }))
      .sort((a, b) => b.tickets + b.contacts - (a.tickets + a.contacts) || a.name.localeCompare(b.name))
      .slice(0, 5),
  };
}

export type Figures = ReturnType<typeof periodFigures>;

/**
 * The year-end review's line for each month of `year` — what periodFigures gives for that month
 * (tickets received and resolved, calls, letters, complaints, duties due and the on-time rate) —
 * in one pass over the records instead of twelve.
 */
export function monthRows(records: ReviewRecords, now: readonly Duty[], year: string, day: (at: string) => Day) {
  const rows = Array.from({ length: 12 }, (_, i) => ({
    label: `${year}-${String(i + 1).padStart(2, "0")}`,
    received: 0,
    resolved: 0,
    calls: 0,
    letters: 0,
    complaints: 0,
    due: [] as Duty[],
  }));
  const slot = (d: Day) => (d.startsWith(year) && d.charCodeAt(4) === 45 ? Number(d.slice(5, 7)) - 1 : -1);
  const monthOf = (at: string | undefined) => (at === undefined ? -1 : slot(day(at)));
  for (const t of records.tickets) {
    const r = monthOf(t.value.received);
    if (r >= 0) rows[r]!.received++;
    const s = monthOf(resolvedAt(t.value));
    if (s >= 0) rows[s]!.resolved++;
  }
  for (const c of records.contacts) {
    const i = monthOf(c.value.at);
    if (i < 0) continue;
    const row = rows[i]!;
    if (c.value.channel === "call") row.calls++;
    else if (c.value.channel === "letter") row.letters++;
    if (c.value.purpose === "complaint" || (c.value.complaints?.length ?? 0) > 0) row.complaints++;
  }
  for (const d of now) {
    const i = slot(d.deadline);
    if (i >= 0) rows[i]!.due.push(d);
  }
  return rows.map(({ due, ...r }) => {
    const t = tallyOf(due);
    return { ...r, duties_due: t.due, on_time_rate: t.rate };
  });
}

/** Mondays of the weeks the period touches, "YYYY-MM-DD". */
function weeks(p: Period): Day[] {
  const out: Day[] = [];
  let d = addDays(p.from, -((weekday(p.from) + 6) % 7));
  for (; d <= p.to; d = addDays(d, 7)) out.push(d);
  return out;
}

function complaintRow(c: { id: string; value: Contact }, t: Ticket | undefined, customerName: string | undefined) {
  return {
    id: c.id,
    at: c.value.at,
    customer: { id: c.value.customer, name: customerName ?? c.value.customer },
    text: c.value.complaints?.length ? c.value.complaints.join("; ") : (c.value.summary ?? ""),
    ticket: c.value.ticket ?? null,
    status: t?.status ?? null,
    resolution: t?.resolution?.note ?? null,
  };
}

export function dutyRow(d: Duty, customerName: string | undefined) {
  return {
    rule: d.rule,
    key: d.key,
    record: d.ticket ?? d.source,
    customer: d.customer ? { id: d.customer, name: customerName ?? d.customer } : null,
    earliest: d.earliest,
    due: d.due,
    deadline: d.deadline,
    state: d.state,
    days_late: d.daysLate ?? 0,
    assignee: d.assignee ?? null,
    topic: d.topic,
  };
}
