// One rules engine: every duty the regulation imposes, derived from the records and settings at
// a given moment. Pure: no files, no clock. State is always derived, never stored.
import { workCalendar, workClock, workingHours } from "../calendar.js";
import type { Contact, Settings, Waiver } from "../schema.js";
import { asOf } from "./as-of.js";
import { addDays, type Day, dayCache, dayOf, daysBetween, momentOf } from "../time.js";
import { DEFAULT_GRACE_MINUTES, ruleSettings } from "./config.js";
import { nextServiceDuty, ticketPlanDuties } from "./contacts.js";
import { eventDuties } from "./events.js";
import { reviewDuties, storeStart } from "./reviews.js";
import { shopDuties } from "./shop.js";
import { ticketDuties } from "./tickets.js";
import type { DutyInput, DutyState, Found, Judged, Rec, ReportRecord, RuleContext } from "./types.js";

export * from "./types.js";
export { ruleSettings, DEFAULTS } from "./config.js";
export { inAudience } from "./events.js";
export { promiseOf } from "./shop.js";
export { supervisorOf } from "./reviews.js";

function stateOf(
  d: Found,
  today: Day,
  dayOfAt: (at: string) => Day,
  now: number,
  tz: string,
): Pick<Judged, "state" | "daysLate" | "hoursLate" | "minutesLate"> {
  const expired =
    (d.expires !== undefined && today > d.expires) || (d.expiresAt !== undefined && now >= Date.parse(d.expiresAt));
  if (d.dueAt) {
    const due = Date.parse(d.dueAt);
    const late = (t: number) => {
      const minutes = Math.max(1, Math.ceil((t - due) / 60_000));
      return { minutesLate: minutes, hoursLate: Math.floor(minutes / 60) };
    };
    if (d.done) {
      const t = momentOf(d.done.at, tz);
      return t <= due
        ? { state: "done" }
        : { state: "late", ...late(t), daysLate: daysBetween(d.deadline, dayOfAt(d.done.at)) };
    }
    if (expired) return { state: "missed" };
    if (d.earliestAt && now < Date.parse(d.earliestAt)) return { state: "upcoming" };
    if (now <= due) return { state: "due" };
    return { state: "overdue", ...late(now), daysLate: daysBetween(d.deadline, today) };
  }
  if (d.done) {
    const day = dayOfAt(d.done.at);
    return day <= d.deadline ? { state: "done" } : { state: "late", daysLate: daysBetween(d.deadline, day) };
  }
  if (expired) return { state: "missed", daysLate: Math.max(0, daysBetween(d.deadline, d.expires ?? today)) };
  if (today < d.earliest || (d.earliestAt && now < Date.parse(d.earliestAt))) return { state: "upcoming" };
  if (today <= d.deadline) return { state: "due" };
  return { state: "overdue", daysLate: daysBetween(d.deadline, today) };
}

/**
 * R-COVER: while its owner is absent, a duty goes to the cover; a cover who is away too passes it
 * on to theirs, until someone present. Someone who has left hands it to the follow-up clerk.
 */
function assigneeOf(
  settings: Settings,
  staff: Map<string, Settings["staff"][number]>,
  owner: string | undefined,
  today: Day,
): string | undefined {
  const gone = (name: string) => {
    const l = staff.get(name)?.left;
    return l !== undefined && l <= today;
  };
  const awayToday = (name: string) => staff.get(name)?.absences?.find((a) => today >= a.from && today <= a.to);
  const present = (name: string) => staff.has(name) && !gone(name) && !awayToday(name);
  const clerk = settings.followupClerk && !gone(settings.followupClerk) ? settings.followupClerk : undefined;
  if (owner === undefined) return undefined;
  const seen = new Set<string>();
  let who = owner;
  for (let hops = 0; hops <= settings.staff.length + 1; hops++) {
    seen.add(who);
    let next: string | undefined;
    if (gone(who)) next = clerk;
    else {
      const away = awayToday(who);
      if (!away) return who;
      // a cover who has left passes it to the follow-up clerk
      next = gone(away.cover) ? clerk : away.cover;
    }
    if (next === undefined || seen.has(next)) {
      // nobody on the chain is here: the follow-up clerk, else any clerk who is, else the
      // supervisor (who appoints covers, R-COVER)
      const roles = (r: string) => settings.staff.filter((s) => s.role === r).map((s) => s.name);
      return (
        [clerk, ...roles("clerk"), ...roles("supervisor")].find((n): n is string => n !== undefined && present(n)) ??
        who
      );
    }
    who = next;
  }
  return who;
}

const ORDER: Record<DutyState, number> = { overdue: 0, due: 1, upcoming: 2, late: 3, done: 4, missed: 5, waived: 6 };

/** What urgency is judged by: a duty judged, worded or not. */
type Urgency = Pick<Judged, "state" | "earliest" | "earliestAt" | "daysLate" | "minutesLate" | "due" | "dueAt" | "key">;

/** Most urgent first: overdue (longest first), then due (soonest first), then upcoming. */
export function byUrgency(a: Urgency, b: Urgency): number {
  return (
    ORDER[a.state] - ORDER[b.state] ||
    // what is coming up: in the order the windows open
    (a.state === "upcoming" ? (a.earliestAt ?? a.earliest).localeCompare(b.earliestAt ?? b.earliest) : 0) ||
    (b.daysLate ?? 0) - (a.daysLate ?? 0) ||
    (b.minutesLate ?? 0) - (a.minutesLate ?? 0) ||
    a.due.localeCompare(b.due) ||
    (a.dueAt ?? "~").localeCompare(b.dueAt ?? "~") ||
    a.earliest.localeCompare(b.earliest) ||
    a.key.localeCompare(b.key)
  );
}

/** A duty as the records make it, with who made the contact that did it (for the reviews). */
export type FoundDuty = Found & { doneBy?: string };

/** The working calendar and clock of a settings object, made once (the index asks per customer). */
const calendars = new WeakMap<
  Settings,
  { cal: ReturnType<typeof workCalendar>; clock: ReturnType<typeof workClock> }
>();
function calendarOf(settings: Settings) {
  let c = calendars.get(settings);
  if (!c) {
    const cal = workCalendar(settings.calendar);
    c = { cal, clock: workClock(cal, workingHours(settings.calendar), settings.timezone) };
    calendars.set(settings, c);
  }
  return c;
}

/** The rules' shared context at `raw.now` (after the records are taken as of that moment). */
function contextOf(raw: DutyInput): { input: DutyInput; rx: RuleContext; rs: ReturnType<typeof ruleSettings> } {
  const tz = raw.settings.timezone;
  const today = dayOf(raw.now, tz);
  const input = asOf(raw, today);
  const { cal, clock } = calendarOf(raw.settings);
  const staffNames = new Set(raw.settings.staff.map((s) => s.name));
  const followupClerk =
    raw.settings.followupClerk && staffNames.has(raw.settings.followupClerk) ? raw.settings.followupClerk : undefined;
  // a ticket's owner: its assignee; else the designated follow-up clerk (A1); else the first clerk
  const here = (s: Settings["staff"][number]) => !s.left || s.left > today;
  const fallbackClerk =
    (followupClerk && raw.settings.staff.some((s) => s.name === followupClerk && here(s))
      ? followupClerk
      : undefined) ?? raw.settings.staff.find((s) => s.role === "clerk" && here(s))?.name;
  // the zone's calendar day of a moment is asked for often; work each one out once
  const dayOfAt = dayCache(tz);
  const contacts = input.contacts
    .map((c) => ({ c, m: momentOf(c.value.at, tz) }))
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
    clock,
    grace: (raw.settings.rules?.graceMinutes ?? DEFAULT_GRACE_MINUTES) * 60_000,
    deadline: (from, days, workingDays) => (workingDays ? cal.addWorkingDays(from, days) : addDaysTo(from, days)),
    shown: (earliest, deadline) => {
      const d = cal.onOrBefore(deadline);
      return d < earliest ? (earliest < deadline ? earliest : deadline) : d;
    },
    ticketOwner: (t) => t.assignee ?? fallbackClerk,
  };
  return { input, rx, rs: ruleSettings(raw.settings.rules) };
}

/**
 * The duties the records impose at `raw.now` (every rule but R-MONTHLY), before the moment
 * decides their state, and the first day anything happened (R-MONTHLY owes reviews from its
 * month). Customers do not share duties: the duties of one customer's records (the customer, its
 * tickets, its contacts, and every event) are the same whether the others are there or not,
 * which is what lets the index keep them per customer.
 */
export function recordDuties(
  raw: DutyInput,
  sources?: ReadonlySet<string>,
): { found: FoundDuty[]; start: Day | undefined } {
  const { input, rx, rs } = contextOf(raw);
  const found: Found[] = [];
  const add = (list: Found[]) => {
    for (const d of list) found.push(d);
  };
  // `sources`: only the duties of these tickets, contacts and events (a duty's `source`); every
  // record is still read (the contacts that do them, a plan made on another ticket, the first day)
  const wanted = (id: string) => !sources || sources.has(id);
  const tickets = sources ? input.tickets.filter((t) => sources.has(t.id)) : input.tickets;
  for (const t of tickets) add(ticketDuties(t, rx, rs));
  for (const t of tickets) add(shopDuties(t, rx, rs));
  for (const t of tickets) add(ticketPlanDuties(t, rx, rs));
  for (const c of rx.contacts) if (wanted(c.id)) add(nextServiceDuty(c, rx, rs));
  for (const e of input.events) if (wanted(e.id)) add(eventDuties(e, rx, rs));
  // done by a contact: whoever made it did the duty (a cover, a colleague), and the reviews say so
  const contactStaff = new Map(input.contacts.map((c) => [c.id, c.value.staff]));
  const out = found.map((d): FoundDuty => {
    const by = d.done?.record ? contactStaff.get(d.done.record) : undefined;
    return by === undefined ? d : { ...d, doneBy: by };
  });
  return { found: out, start: storeStart(rx) };
}

/** R-MONTHLY's duties at `now`, for a store whose first activity was on `start`. */
export function reviewDutiesAt(
  settings: Settings,
  reports: ReportRecord[],
  start: Day | undefined,
  now: Date,
): Found[] {
  const raw: DutyInput = { settings, customers: [], tickets: [], contacts: [], events: [], reports, waivers: [], now };
  const { rx, rs } = contextOf(raw);
  return reviewDuties(rx, rs, start);
}

/**
 * The moment decides each duty's state, R-COVER its assignee, and a supervisor's waiver (written
 * by `now`) excuses it; most urgent first.
 */
export function judge(
  found: readonly FoundDuty[],
  settings: Settings,
  now: Date,
  waiverRecords: readonly Rec<Waiver>[] = [],
): Judged[] {
  const tz = settings.timezone;
  const today = dayOf(now, tz);
  const nowMs = now.getTime();
  const dayOfAt = dayCache(tz);
  const since = settings.rules?.since;
  // a waiver is the supervisor's: one written by anyone else (by hand) does not excuse anything
  const supervisors = new Set(settings.staff.filter((s) => s.role === "supervisor").map((s) => s.name));
  const happened = (at: string) => (at.length === 10 ? at <= today : Date.parse(at) <= nowMs);
  const waivers = new Map(
    waiverRecords.filter((w) => happened(w.value.at) && supervisors.has(w.value.by)).map((w) => [w.value.duty, w]),
  );
  // R-COVER depends only on the owner and today: worked out once per person
  const staffByName = new Map(settings.staff.map((s) => [s.name, s]));
  const assignees = new Map<string, string | undefined>();
  for (const s of settings.staff) assignees.set(s.name, assigneeOf(settings, staffByName, s.name, today));
  const out: Judged[] = [];
  for (const f of found) {
    if (since && f.deadline < since) continue;
    const { doneBy, ...d } = f;
    const s = stateOf(d, today, dayOfAt, nowMs, tz);
    const w = waivers.get(d.key);
    const done = s.state === "done" || s.state === "late";
    // R-COVER moves open work only: what was done (or missed) stays with its owner, in reviews too
    const open = s.state === "due" || s.state === "overdue" || s.state === "upcoming";
    const duty: Judged = {
      ...d,
      ...s,
      assignee: open
        ? (assignees.get(d.owner ?? "") ?? assigneeOf(settings, staffByName, d.owner, today))
        : (doneBy ?? d.owner),
    };
    if (done) delete duty.considered;
    if (w && !done)
      out.push({
        ...duty,
        state: "waived",
        waived: { at: w.value.at, by: w.value.by, reason: w.value.reason, record: w.id },
        daysLate: undefined,
        hoursLate: undefined,
        minutesLate: undefined,
      });
    else out.push(duty);
  }
  return out.sort(byUrgency);
}

/** Every duty at `raw.now`, judged (src/format/duty-words.ts words them). */
export function duties(raw: DutyInput): Judged[] {
  const { found, start } = recordDuties(raw);
  const reports = raw.reports.filter((r) => !r.saved || Date.parse(r.saved) <= raw.now.getTime());
  const all: FoundDuty[] = found;
  for (const d of reviewDutiesAt(raw.settings, reports, start, raw.now)) all.push(d);
  return judge(all, raw.settings, raw.now, raw.waivers ?? []);
}

function addDaysTo(day: Day, n: number): Day {
  return n === 0 ? day : addDays(day, n);
}
