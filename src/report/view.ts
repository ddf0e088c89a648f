// The view model every template gets (documented in docs/templates.md). Built from the records
// and from the one rules engine; templates only format it.
import type { Duty, DutyInput } from "../domain/duties/index.js";
import {
  dayCache,
  dutyRow,
  inPeriod,
  monthPeriod,
  monthRows,
  periodFigures,
  recordFigures,
  storedMoment,
  type Period,
} from "../domain/kpi.js";
import type { Contact, Customer, Ticket } from "../domain/schema.js";
import { billOf, estimateTotals, lineTotal, noGuarantee } from "../domain/shop.js";
import type { Rec } from "../domain/duties/index.js";
import { fileReview, type ReviewInput } from "./source.js";

export interface Common {
  company: string;
  timezone: string;
  locale: string;
  /** when the report was made (date-time with offset) and by whom */
  generated: string;
  generated_by: string | null;
}

export function contactRow(c: Rec<Contact>, no: number, customers: Map<string, Customer>) {
  const v = c.value;
  return {
    no,
    id: c.id,
    at: v.at,
    channel: v.channel,
    direction: v.direction,
    purpose: v.purpose,
    staff: v.staff,
    person: v.person ?? null,
    customer: { id: v.customer, name: customers.get(v.customer)?.name ?? v.customer },
    ticket: v.ticket ?? null,
    event: v.event ?? null,
    summary: v.summary ?? null,
    requests: v.requests ?? [],
    complaints: v.complaints ?? [],
    satisfaction: v.satisfaction ?? null,
    next: v.next ?? null,
    letter: v.letter ?? null,
  };
}

export function ticketRow(t: Rec<Ticket>, customers: Map<string, Customer>) {
  return {
    id: t.id,
    ...t.value,
    customer: { id: t.value.customer, name: customers.get(t.value.customer)?.name ?? t.value.customer },
  };
}

export function customerRow(c: Rec<Customer>) {
  return {
    id: c.id,
    ...c.value,
    contacts: c.value.contacts ?? [],
    tags: c.value.tags ?? [],
    equipment: c.value.equipment ?? [],
    vehicles: c.value.vehicles ?? [],
  };
}

/**
 * Records in the order they happened (whatever offset each was written with), then by ID: each
 * record's moment worked out once, not at every comparison.
 */
function inTimeOrder<T>(records: Rec<T>[], at: (v: T) => string, tz: string): Rec<T>[] {
  return records
    .map((r) => ({ r, m: storedMoment(at(r.value), tz) }))
    .sort((a, b) => a.m - b.m || a.r.id.localeCompare(b.r.id))
    .map((x) => x.r);
}

/** The contacts of one channel, of the month (the company's calendar days in its zone) when one is given. */
function register(input: DutyInput, channel: Contact["channel"], month: string | null) {
  const tz = input.settings.timezone;
  const period = month ? monthPeriod(month) : null;
  return inTimeOrder(
    input.contacts.filter((c) => c.value.channel === channel && (!period || inPeriod(c.value.at, period, tz))),
    (v) => v.at,
    tz,
  );
}

/** The monthly or year-end review, from every record (the full read). */
export function periodView(input: DutyInput, period: Period, common: Common) {
  return reviewView(fileReview(input, period, common.locale), period, common);
}

/** The monthly or year-end review, from what it needs (report/source.ts: the files or the index). */
export function reviewView(review: ReviewInput, period: Period, common: Common) {
  const { records, now, atEnd } = review;
  // each stored date's day in the store's zone, worked out once for the period and its months
  const day = dayCache(records.settings.timezone);
  // the records' figures: kept by the index for a past period (source.ts), else worked out here
  const kept = review.figures ?? recordFigures(records, period, day);
  const figures = periodFigures({ records, now, atEnd, period, day, figures: kept });
  const months = period.kind === "annual" ? monthRows(records, now, period.label, day, kept.months) : [];
  return { ...common, period, ...figures, months, rated_months: months.filter((m) => m.on_time_rate !== null) };
}

export function callsView(input: DutyInput, month: string | null, common: Common) {
  const customers = new Map(input.customers.map((c) => [c.id, c.value]));
  const calls = register(input, "call", month);
  return { ...common, month, calls: calls.map((c, i) => contactRow(c, i + 1, customers)) };
}

export function lettersView(input: DutyInput, month: string | null, common: Common) {
  const customers = new Map(input.customers.map((c) => [c.id, c.value]));
  const letters = register(input, "letter", month);
  return { ...common, month, letters: letters.map((c, i) => contactRow(c, i + 1, customers)) };
}

export function callView(input: DutyInput, call: Rec<Contact>, common: Common) {
  const customers = new Map(input.customers.map((c) => [c.id, c.value]));
  const customer = input.customers.find((c) => c.id === call.value.customer);
  const ticket = input.tickets.find((t) => t.id === call.value.ticket);
  return {
    ...common,
    call: contactRow(call, 1, customers),
    customer: customer ? customerRow(customer) : null,
    ticket: ticket ? ticketRow(ticket, customers) : null,
  };
}

export function customerView(input: DutyInput, customer: Rec<Customer>, common: Common, all: Duty[]) {
  const customers = new Map(input.customers.map((c) => [c.id, c.value]));
  const tz = input.settings.timezone;
  const tickets = inTimeOrder(
    input.tickets.filter((t) => t.value.customer === customer.id),
    (v) => v.received,
    tz,
  );
  const contacts = inTimeOrder(
    input.contacts.filter((c) => c.value.customer === customer.id),
    (v) => v.at,
    tz,
  );
  const mine = all
    .filter((d) => d.customer === customer.id)
    .sort((a, b) => a.due.localeCompare(b.due) || a.key.localeCompare(b.key));
  return {
    ...common,
    customer: customerRow(customer),
    tickets: tickets.map((t) => ticketRow(t, customers)),
    contacts: contacts.map((c, i) => contactRow(c, i + 1, customers)),
    duties: mine.map((d) => dutyRow(d, customer.value.name)),
  };
}

/** The repair order and the diagnosis sheet of a vehicle at the reception desk (C-INTAKE, C-ESTIMATE, C-PARTS). */
export function orderView(input: DutyInput, ticket: Rec<Ticket>, common: Common) {
  const customers = new Map(input.customers.map((c) => [c.id, c.value]));
  const customer = input.customers.find((c) => c.id === ticket.value.customer);
  const v = ticket.value;
  const totals = estimateTotals(v.estimate);
  const approved = (v.extras ?? []).filter((x) => x.answer?.approved);
  return {
    ...common,
    ticket: ticketRow(ticket, customers),
    customer: customer ? customerRow(customer) : null,
    intake: v.intake ?? null,
    estimate: v.estimate
      ? {
          ...v.estimate,
          diagnosis_fee: v.estimate.diagnosisFee ?? null,
          lines: v.estimate.lines.map((l) => ({
            ...l,
            parts: l.parts ?? [],
            total: lineTotal(l),
          })),
          ...totals,
        }
      : null,
    no_guarantee: noGuarantee(v.estimate, input.settings.criticalSystems),
    handover: v.handover ?? null,
    extras: v.extras ?? [],
    ready: v.ready ?? null,
    delivery: v.delivery ?? null,
    bill: billOf(v),
    extras_total: approved.reduce((s, x) => s + (x.amount ?? 0), 0),
  };
}
