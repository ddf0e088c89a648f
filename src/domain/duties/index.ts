// One rules engine: every duty the regulation imposes, derived from the records and settings at
// a given moment. Pure: no files, no clock. State is always derived, never stored.
import { workCalendar } from "../calendar.js";
import { translator } from "../../i18n.js";
import type { Contact, Settings, Ticket } from "../schema.js";
import { addDays, dayOf, daysBetween, zonedTime, type Day } from "../time.js";
import { ruleSettings } from "./config.js";
import { nextServiceDuty } from "./contacts.js";
import { eventDuties } from "./events.js";
import { reviewDuties } from "./reviews.js";
import { shopDuties } from "./shop.js";
import { ticketDuties } from "./tickets.js";
import type { Duty, DutyInput, DutyState, Found, Rec, RuleContext } from "./types.js";

export * from "./types.js";
export { ruleSettings, DEFAULTS } from "./config.js";
export { inAudience } from "./events.js";

const after = (at: string | undefined, now: number) => at !== undefined && Date.parse(at) > now;

/** The records as they stood at `now`: what happened later has not happened yet (a replayed day). */
function asOf(input: DutyInput, today: Day): DutyInput {
  const now = input.now.getTime();
  const happened = (at: string) => (at.length === 10 ? at <= today : Date.parse(at) <= now);
  const ticket = (t: Rec<Ticket>): Rec<Ticket> => {
    const v = { ...t.value };
    if (after(v.escalation?.at, now)) v.escalation = undefined;
    if (after(v.dispatch?.at, now)) v.dispatch = undefined;
    if (after(v.resolution?.at, now)) v.resolution = undefined;
    if (after(v.closed, now)) v.closed = undefined;
    if (after(v.cancelled?.at, now)) v.cancelled = undefined;
    if (after(v.intake?.at, now)) v.intake = undefined;
    if (after(v.handover?.at, now)) v.handover = undefined;
    if (after(v.ready?.at, now)) v.ready = undefined;
    if (after(v.delivery?.at, now)) v.delivery = undefined;
    if (v.progress) v.progress = v.progress.filter((p) => !after(p.at, now));
    if (v.extras) v.extras = v.extras.filter((x) => !after(x.asked, now)).map((x) => (after(x.answer?.at, now) ? { ...x, answer: undefined } : x));
    if (v.status === "cancelled" && !v.cancelled) v.status = "open";
    return { id: t.id, value: v };
  };
  return {
    ...input,
    customers: input.customers.filter((c) => happened(c.value.created)),
    tickets: input.tickets.filter((t) => happened(t.value.filed)).map(ticket),
    contacts: input.contacts.filter((c) => happened(c.value.at)),
    events: input.events.filter((e) => happened(e.value.created)),
    reports: input.reports.filter((r) => !r.saved || happened(r.saved)),
  };
}

function stateOf(d: Found, today: Day, dayOfAt: (at: string) => Day, now: number): Pick<Duty, "state" | "daysLate" | "hoursLate"> {
  if (d.dueAt) {
    const due = Date.parse(d.dueAt);
    const hours = (t: number) => Math.max(1, Math.floor((t - due) / 3_600_000));
    if (d.done) {
      const t = Date.parse(d.done.at.length === 10 ? `${d.done.at}T00:00:00Z` : d.done.at);
      return t <= due ? { state: "done" } : { state: "late", hoursLate: hours(t), daysLate: daysBetween(d.due, dayOfAt(d.done.at)) };
    }
    if (d.expires && today > d.expires) return { state: "missed" };
    if (d.earliestAt && now < Date.parse(d.earliestAt)) return { state: "upcoming" };
    if (now <= due) return { state: "due" };
    return { state: "overdue", hoursLate: hours(now), daysLate: daysBetween(d.due, today) };
  }
  if (d.done) {
    const day = dayOfAt(d.done.at);
    return day <= d.due ? { state: "done" } : { state: "late", daysLate: daysBetween(d.due, day) };
  }
  if (d.expires && today > d.expires) return { state: "missed", daysLate: daysBetween(d.due, d.expires) };
  if (today < d.earliest) return { state: "upcoming" };
  if (today <= d.due) return { state: "due" };
  return { state: "overdue", daysLate: daysBetween(d.due, today) };
}

/** R-COVER: a duty falling due in its owner's absence, or still open while they are away, goes to the cover. */
function assigneeOf(settings: Settings, owner: string | undefined, due: Day, today: Day, open: boolean): string | undefined {
  let who = owner;
  for (let hops = 0; who && hops < 5; hops++) {
    const away = settings.staff.find((s) => s.name === who)?.absences?.find((a) => (due >= a.from && due <= a.to) || (open && today >= a.from && today <= a.to));
    if (!away || away.cover === who) break;
    who = away.cover;
  }
  return who;
}

const ORDER: Record<DutyState, number> = { overdue: 0, due: 1, upcoming: 2, late: 3, done: 4, missed: 5 };

/** Most urgent first: overdue (longest first), then due (soonest first), then upcoming. */
export function byUrgency(a: Duty, b: Duty): number {
  return (
    ORDER[a.state] - ORDER[b.state] ||
    (b.daysLate ?? 0) - (a.daysLate ?? 0) ||
    (b.hoursLate ?? 0) - (a.hoursLate ?? 0) ||
    a.due.localeCompare(b.due) ||
    (a.dueAt ?? "~").localeCompare(b.dueAt ?? "~") ||
    a.earliest.localeCompare(b.earliest) ||
    a.key.localeCompare(b.key)
  );
}

/** Every duty at `raw.now`; topics in `locale` (default: the store's). */
export function duties(raw: DutyInput, locale: string = raw.settings.locale): Duty[] {
  const tz = raw.settings.timezone;
  const today = dayOf(raw.now, tz);
  const input = asOf(raw, today);
  const cal = workCalendar(raw.settings.calendar);
  // the zone's calendar day of a moment is asked for often; work each one out once
  const days = new Map<string, Day>();
  const dayOfAt = (at: string) => {
    if (at.length === 10) return at;
    let d = days.get(at);
    if (d === undefined) days.set(at, (d = dayOf(new Date(at), tz)));
    return d;
  };
  const contacts = input.contacts
    .map((c) => ({ c, m: moment(c.value, tz) }))
    .sort((a, b) => a.m - b.m || a.c.id.localeCompare(b.c.id))
    .map((x) => x.c);
  const group = (key: (c: Contact) => string | undefined) => {
    const m = new Map<string, Rec<Contact>[]>();
    for (const c of contacts) {
      const k = key(c.value);
      if (k !== undefined) (m.get(k) ?? m.set(k, []).get(k)!).push(c);
    }
    return (id: string) => m.get(id) ?? [];
  };
  const rx: RuleContext = {
    input,
    tz,
    today,
    cal,
    dayOf: dayOfAt,
    contacts,
    ofTicket: group((c) => c.ticket),
    ofCustomer: group((c) => c.customer),
    say: translator(locale),
    dueAfter: (from, days, workingDays) => (workingDays ? cal.addWorkingDays(from, days) : cal.onOrAfter(addDays(from, days))),
  };
  const rs = ruleSettings(raw.settings.rules);
  const found: Found[] = [
    ...input.tickets.flatMap((t) => ticketDuties(t, rx, rs)),
    ...input.tickets.flatMap((t) => shopDuties(t, rx, rs)),
    ...contacts.flatMap((c) => nextServiceDuty(c, rx, rs)),
    ...input.events.flatMap((e) => eventDuties(e, rx, rs)),
    ...reviewDuties(rx, rs),
  ];
  const since = raw.settings.rules?.since;
  return found
    .filter((d) => !since || d.due >= since)
    .map((d) => {
      const s = stateOf(d, today, dayOfAt, raw.now.getTime());
      const open = s.state === "due" || s.state === "overdue" || s.state === "upcoming";
      return { ...d, ...s, assignee: assigneeOf(raw.settings, d.owner, d.due, today, open) };
    })
    .sort(byUrgency);
}

/** A contact's moment for ordering: a letter's bare date counts from the start of its day. */
function moment(c: Contact, tz: string): number {
  return c.at.length === 10 ? zonedTime(c.at, 0, 0, 0, tz).getTime() : Date.parse(c.at);
}
