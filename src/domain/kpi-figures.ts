// The figures of one review's period (R-MONTHLY, docs/rules.md "What a review counts"): tickets,
// the reception desk, the regulation's deadlines kept, calls, letters, complaints, satisfaction,
// what was overdue at the end, the customers served most. Pure: the duties come in from the rules engine.
import type { Duty, Rec } from "./duties/index.js";
import { RULE_CODES } from "./duties/index.js";
import type { Contact, Ticket } from "./schema.js";
import { addDays, dayCache, daysBetween, weekday, type Day } from "./time.js";
import { periodEnd, resolvedAt, type Period, type ReviewRecords } from "./kpi.js";
import { monthRecordRows } from "./kpi-months.js";
import { counts, dutyCount, groupBy, spread, tallyOf, type Judgement } from "./kpi-stats.js";

export interface KpiInput {
  records: ReviewRecords;
  /** the duties as of the report's moment (compliance: done on time, late, still open); those due in the period are enough; not worded (no topic is shown) */
  now: readonly Judgement[];
  /** the duties as of the period's last moment (what was overdue at its end); the overdue ones are enough */
  atEnd: Duty[];
  period: Period;
  /** the store's calendar day of a stored date or date-time (`dayCache`): pass one to share it between periods */
  day?: (at: string) => Day;
}

const hoursBetween = (a: string, b: string) => Math.round(((Date.parse(b) - Date.parse(a)) / 3_600_000) * 10) / 10;

/** A period's tests of its days: in it (each day worked out once), and by its end. */
function periodTests(period: Period, tz: string, day: (at: string) => Day) {
  const end = periodEnd(period, tz).getTime();
  return {
    inP: (at: string | undefined) => {
      if (at === undefined) return false;
      const d = day(at);
      return d >= period.from && d <= period.to;
    },
    by: (at: string | undefined) => at !== undefined && Date.parse(at) <= end,
  };
}
type Tests = ReturnType<typeof periodTests>;

/** The tickets received, resolved and open at the period's end, and each kind's count of them. */
function ticketSets(tickets: readonly Rec<Ticket>[], { inP, by }: Tests) {
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
  return { received, resolved, openAtEnd, byKind };
}

/** The tickets' part of a review (but filed late, which its duties tell). */
function ticketFigures(
  tickets: readonly Rec<Ticket>[],
  { received, resolved, openAtEnd, byKind }: ReturnType<typeof ticketSets>,
  { inP }: Tests,
) {
  return {
    received: received.length,
    resolved: resolved.length,
    closed: tickets.filter((t) => inP(t.value.closed)).length,
    cancelled: tickets.filter((t) => inP(t.value.cancelled?.at)).length,
    open_at_end: openAtEnd.length,
    by_kind: [...byKind.keys()].sort().map((k) => ({ key: k, ...byKind.get(k)! })),
    by_channel: counts(received.map((t) => t.value.channel)),
    to_dispatch: spread(
      tickets.filter((t) => inP(t.value.dispatch?.at)).map((t) => hoursBetween(t.value.received, t.value.dispatch!.at)),
    ),
    to_resolution: spread(resolved.map((t) => hoursBetween(t.value.received, resolvedAt(t.value)!))),
  };
}

/** The reception desk (part C): vehicles in, promises kept, extra work, bills. */
function deskFigures(tickets: readonly Rec<Ticket>[], { inP }: Tests) {
  const shop = tickets.filter((t) => t.value.kind === "shop");
  const readyIn = shop.filter((t) => inP(t.value.ready?.at) && t.value.handover);
  const extras = shop.flatMap((t) => (t.value.extras ?? []).filter((x) => inP(x.asked)));
  const delivered = shop.filter((t) => inP(t.value.delivery?.at));
  return {
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
}

/** How the regulation's deadlines were kept: a duty belongs to the period its deadline falls in (not the working day it is listed on). */
function complianceFigures(now: readonly Judgement[], period: Period) {
  const dueIn = now.filter((d) => d.deadline >= period.from && d.deadline <= period.to);
  const duePerPerson = groupBy(dueIn, (d) => d.assignee ?? "");
  const dueRule = groupBy(dueIn, (d) => d.rule);
  const people = [...duePerPerson.keys()].sort();
  return {
    total: tallyOf(dueIn),
    rules: RULE_CODES.map((rule) => ({ rule, ...tallyOf(dueRule.get(rule) ?? []) })).filter((r) => r.due > 0),
    people: people.map((name) => ({ name: name || null, ...tallyOf(duePerPerson.get(name)!) })),
  };
}

/** The calls of the period: by direction, by purpose, and each week's (each call counted once). */
function callFigures(calls: readonly Rec<Contact>[], period: Period, day: (at: string) => Day) {
  const mondays = weeks(period);
  const perWeek = mondays.map(() => 0);
  for (const c of calls) {
    const i = Math.floor(daysBetween(mondays[0]!, day(c.value.at)) / 7);
    if (i >= 0 && i < perWeek.length) perWeek[i]!++;
  }
  return {
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
  };
}

/** Satisfaction as the customers rated it. */
function satisfactionFigures(contacts: readonly Rec<Contact>[]) {
  const rated = contacts.filter((c) => c.value.satisfaction !== undefined);
  return {
    count: rated.length,
    average: rated.length
      ? Math.round((rated.reduce((s, c) => s + c.value.satisfaction!, 0) / rated.length) * 100) / 100
      : null,
    distribution: [5, 4, 3, 2, 1].map((score) => ({
      score,
      count: rated.filter((c) => c.value.satisfaction === score).length,
    })),
  };
}

/** Tickets and contacts per customer; the five served most (ties by name): only those level with the fifth need their names. */
function servedMost(received: readonly Rec<Ticket>[], contacts: readonly Rec<Contact>[]) {
  const served = new Map<string, { tickets: number; contacts: number }>();
  const of = (id: string) => served.get(id) ?? served.set(id, { tickets: 0, contacts: 0 }).get(id)!;
  for (const t of received) of(t.value.customer).tickets++;
  for (const c of contacts) of(c.value.customer).contacts++;
  const totals = [...served.values()].map((s) => s.tickets + s.contacts).sort((a, b) => b - a);
  const fifth = totals[Math.min(4, totals.length - 1)] ?? 0;
  return [...served].filter(([, s]) => s.tickets + s.contacts >= fifth);
}

/**
 * What a review reports of its records alone (no duty): the same at every moment the review is
 * made while those records stay, so the index may keep it (report/source.ts). Plain data (JSON).
 */
export function recordFigures(records: ReviewRecords, period: Period, day = dayCache(records.settings.timezone)) {
  const tests = periodTests(period, records.settings.timezone, day);
  const tickets = records.tickets;
  const contacts = records.contacts.filter((c) => tests.inP(c.value.at));
  const calls = contacts.filter((c) => c.value.channel === "call");
  const letters = contacts.filter((c) => c.value.channel === "letter");
  const sets = ticketSets(tickets, tests);
  const contenders = servedMost(sets.received, contacts);
  const complaints = contacts.filter((c) => c.value.purpose === "complaint" || (c.value.complaints?.length ?? 0) > 0);
  const customers = records.customerNames([
    ...contenders.map(([id]) => id),
    ...complaints.map((c) => c.value.customer),
  ]);
  const complaintTickets = records.ticketsById(
    complaints.map((c) => c.value.ticket).filter((t): t is string => t !== undefined),
  );
  return {
    desk: deskFigures(tickets, tests),
    tickets: ticketFigures(tickets, sets, tests),
    calls: callFigures(calls, period, day),
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
    satisfaction: satisfactionFigures(contacts),
    top_customers: contenders
      .map(([id, s]) => ({ id, name: customers.get(id) ?? id, ...s }))
      .sort((a, b) => b.tickets + b.contacts - (a.tickets + a.contacts) || a.name.localeCompare(b.name))
      .slice(0, 5),
    /** the year-end review's months (monthRecordRows); none for a month */
    months: period.kind === "annual" ? monthRecordRows(records, period.label, day) : [],
  };
}

export type RecordFigures = ReturnType<typeof recordFigures>;

/** Everything a review reports about one period: its records' figures (`figures`, worked out when not given) with its duties'. */
export function periodFigures({ records, now, atEnd, period, day, figures }: KpiInput & { figures?: RecordFigures }) {
  const f = figures ?? recordFigures(records, period, day);
  const dueIn = (d: Judgement) => d.deadline >= period.from && d.deadline <= period.to;
  const overdueAtEnd = atEnd.filter((d) => d.state === "overdue");
  const overdue = groupBy(overdueAtEnd, (d) => d.assignee ?? "");
  const customers = records.customerNames(overdueAtEnd.map((d) => d.customer ?? ""));
  return {
    desk: f.desk,
    tickets: {
      ...f.tickets,
      filed_late: dutyCount(now.filter((d) => d.rule === "R-FILE-SAME-DAY" && d.state === "late" && dueIn(d))),
    },
    compliance: complianceFigures(now, period),
    calls: f.calls,
    visits: f.visits,
    consultations: f.consultations,
    complaints: f.complaints,
    letters: f.letters,
    satisfaction: f.satisfaction,
    overdue_at_end: [...overdue.keys()].sort().map((name) => ({
      name: name || null,
      duties: overdue.get(name)!.map((d) => dutyRow(d, customers.get(d.customer ?? ""))),
    })),
    top_customers: f.top_customers,
  };
}

export type Figures = ReturnType<typeof periodFigures>;

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
