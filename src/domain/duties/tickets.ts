// The duties a ticket brings: filing it (R-FILE-SAME-DAY), escalating it (R-ESC-1DAY), telling
// the customer the solution (R-ANSWER-SAME-DAY), telling them why nobody could be sent yet
// (R-DISPATCH), the two follow-up calls (R-FOLLOWUP-1/2), and planning the next contact once it
// is closed (R-NEXT-SERVICE). docs/rules.md reads the regulation rule by rule.
import type { Contact, Ticket } from "../schema.js";
import { addDays, type Day, formatDateTime, momentOf, zonedTime } from "../time.js";
import type { RuleSettings } from "./config.js";
import { type Counts, firstCounting, TELL } from "./counts.js";
import type { Found, Rec, RuleContext, Topic } from "./types.js";

const ON_SITE = new Set<Ticket["kind"]>(["repair", "install", "maintenance"]);

type Base = Pick<Found, "source" | "customer" | "ticket" | "owner">;

export function ticketDuties(t: Rec<Ticket>, rx: RuleContext, rs: RuleSettings): Found[] {
  const v = t.value;
  const base: Base = { source: t.id, customer: v.customer, ticket: t.id, owner: rx.ticketOwner(v) };
  const out: Found[] = [fileDuty(t, rx, rs, base)];
  if (v.kind === "shop") {
    // C8: the post-service follow-ups count from the day the vehicle was delivered
    if (v.delivery)
      out.push(...followups(t, rx, rs, base, Date.parse(v.delivery.at), undefined, { what: "followup1Shop" }));
  } else {
    out.push(escalationDuty(t, rx, rs, base));
    if (v.escalation && v.resolution) out.push(answerDuty(t, rx, rs, base, v.resolution));
    if (ON_SITE.has(v.kind)) out.push(...dispatchDuty(t, rx, rs, base));
    // R-FOLLOWUP-1 on the day of dispatch, before the technician arrives; R-FOLLOWUP-2 in days 7–14.
    if (v.dispatch) {
      const { technician, depart, arrive } = v.dispatch;
      const moment = (at: string | undefined) => (at ? formatDateTime(new Date(at), rx.tz) : undefined);
      const about: Topic = { what: "followup1", technician, depart: moment(depart), arrive: moment(arrive) };
      out.push(...followups(t, rx, rs, base, Date.parse(v.dispatch.at), v.dispatch, about));
    }
  }
  out.push(...planAfterClose(t, rx, rs, base));
  // a cancelled ticket's duties no longer apply, except what was already done
  return v.status === "cancelled" ? out.filter((d) => d.done) : out;
}

/** R-FILE-SAME-DAY: filed the day it came in; a check the reviews count, never a task to do. */
function fileDuty(t: Rec<Ticket>, rx: RuleContext, rs: RuleSettings, base: Base): Found {
  const v = t.value;
  const received = rx.dayOf(v.received);
  const file = rs["R-FILE-SAME-DAY"];
  const fileBy = rx.deadline(received, file.days, file.workingDays);
  return {
    ...base,
    key: `R-FILE-SAME-DAY:${t.id}`,
    rule: "R-FILE-SAME-DAY",
    earliest: received,
    due: rx.shown(received, fileBy),
    deadline: fileBy,
    done: { at: v.filed, record: t.id },
    about: { what: "file", channel: v.channel },
  };
}

/**
 * R-ESC-1DAY: what is still unsolved reaches the engineering supervisor within one (working) day.
 * Only an escalation to someone of role engineering closes it; a request solved within the day
 * needs none.
 */
function escalationDuty(t: Rec<Ticket>, rx: RuleContext, rs: RuleSettings, base: Base): Found {
  const v = t.value;
  const received = rx.dayOf(v.received);
  const esc = rs["R-ESC-1DAY"];
  const engineering = new Set(rx.input.settings.staff.filter((s) => s.role === "engineering").map((s) => s.name));
  const escalated = v.escalation && engineering.has(v.escalation.to) ? v.escalation.at : undefined;
  const acted = [escalated, firstSolved(v)]
    .filter((x): x is string => Boolean(x))
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const escBy = rx.deadline(received, esc.days, esc.workingDays);
  return {
    ...base,
    key: `R-ESC-1DAY:${t.id}`,
    rule: "R-ESC-1DAY",
    earliest: received,
    due: rx.shown(received, escBy),
    deadline: escBy,
    done: acted ? { at: acted, record: t.id } : undefined,
    about: { what: "escalate", problem: v.problem },
  };
}

/** R-ANSWER-SAME-DAY: once an escalated ticket has its solution, the customer is told that day. */
function answerDuty(
  t: Rec<Ticket>,
  rx: RuleContext,
  rs: RuleSettings,
  base: Base,
  resolution: NonNullable<Ticket["resolution"]>,
): Found {
  const solved = rx.dayOf(resolution.at);
  const ans = rs["R-ANSWER-SAME-DAY"];
  const by = rx.deadline(solved, ans.days, ans.workingDays);
  const r = firstCounting(rx, {
    customer: t.value.customer,
    ticket: t.id,
    channels: TELL,
    tell: true,
    from: Date.parse(resolution.at),
    what: { task: "solution" },
  });
  return {
    ...base,
    key: `R-ANSWER-SAME-DAY:${t.id}`,
    rule: "R-ANSWER-SAME-DAY",
    earliest: solved,
    due: rx.shown(solved, by),
    deadline: by,
    done: r.found && { at: r.found.value.at, record: r.found.id },
    considered: r.considered,
    about: { what: "answer", note: resolution.note },
  };
}

/**
 * R-DISPATCH: work on site is sent at once; when nobody could be sent within the store's hours,
 * the customer is told why and when (the planned date recorded with `ticket schedule`).
 */
function dispatchDuty(t: Rec<Ticket>, rx: RuleContext, rs: RuleSettings, base: Base): Found[] {
  const v = t.value;
  const iso = (ms: number) => formatDateTime(new Date(ms), rx.tz);
  const opensAt = rx.clock.addWorkingMinutes(Date.parse(v.received), rs["R-DISPATCH"].hours * 60);
  const settled = [v.dispatch?.at, firstSolved(v), v.cancelled?.at].filter((x): x is string => Boolean(x));
  if (settled.length && Math.min(...settled.map(Date.parse)) <= opensAt) return [];
  const day = rx.dayOf(iso(opensAt));
  const r = v.schedule
    ? firstCounting(rx, {
        customer: v.customer,
        ticket: t.id,
        channels: TELL,
        tell: true,
        from: Date.parse(v.received),
        what: { task: "dispatch" },
      })
    : { considered: [] };
  // told: the plan is recorded and the customer heard it (the later of the two)
  const told =
    r.found && v.schedule ? Math.max(Date.parse(v.schedule.at), momentOf(r.found.value.at, rx.tz)) : undefined;
  const sent = v.dispatch ? Date.parse(v.dispatch.at) : undefined;
  const doneAt = [told, sent].filter((x): x is number => x !== undefined).sort((a, b) => a - b)[0];
  if (v.status === "cancelled" && doneAt === undefined) return [];
  // by the end of that working day
  const dueAt = Math.max(rx.clock.atOrBefore(zonedTime(day, 23, 59, 0, rx.tz).getTime()), opensAt + rx.grace);
  const byTelling = told !== undefined && (sent === undefined || told <= sent);
  return [
    {
      ...base,
      key: `R-DISPATCH:${t.id}`,
      rule: "R-DISPATCH",
      earliest: day,
      due: rx.dayOf(iso(dueAt)),
      deadline: rx.dayOf(iso(dueAt)),
      earliestAt: iso(opensAt),
      dueAt: iso(dueAt),
      // a resolution without a visit ends it: nothing is left to send anyone for
      expiresAt: v.resolution && !v.dispatch ? v.resolution.at : undefined,
      done: doneAt !== undefined ? { at: iso(doneAt), record: byTelling ? r.found!.id : t.id } : undefined,
      considered: v.schedule ? r.considered : [],
      about: v.schedule
        ? { what: "dispatchTell", date: v.schedule.date, reason: v.schedule.reason }
        : { what: "dispatch", problem: v.problem },
    },
  ];
}

/** When the request was first solved: a reopening takes a solution back, not the fact that it came. */
function firstSolved(v: Ticket): string | undefined {
  const all = [v.resolution?.at, ...(v.reopened ?? []).map((r) => r.resolution?.at)].filter((x): x is string =>
    Boolean(x),
  );
  return all.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

/** The plans on every ticket of a customer, indexed once per run. */
const plansIndex = new WeakMap<RuleContext, Map<string, NonNullable<Ticket["plans"]>>>();
function ticketPlansOf(rx: RuleContext, customer: string): NonNullable<Ticket["plans"]> {
  let m = plansIndex.get(rx);
  if (!m) {
    m = new Map();
    for (const t of rx.input.tickets) {
      if (!t.value.plans?.length) continue;
      const list = m.get(t.value.customer) ?? m.set(t.value.customer, []).get(t.value.customer)!;
      for (const p of t.value.plans) list.push(p);
    }
    plansIndex.set(rx, m);
  }
  return m.get(customer) ?? [];
}

/** The two follow-ups of a ticket: the first from `fromAt` (a dispatch or a delivery), the second after it. */
function followups(
  t: Rec<Ticket>,
  rx: RuleContext,
  rs: RuleSettings,
  base: Base,
  fromAt: number,
  dispatch: Ticket["dispatch"],
  about: Topic,
): Found[] {
  const fu1 = rs["R-FOLLOWUP-1"];
  const iso = (ms: number) => formatDateTime(new Date(ms), rx.tz);
  const from = rx.dayOf(iso(fromAt));
  const by = rx.deadline(from, fu1.days, fu1.workingDays);
  const arrived = dispatch?.arrived;
  const spec: Counts = {
    customer: base.customer!,
    ticket: t.id,
    channels: TELL,
    tell: true,
    purposes: ["followup"],
    from: fromAt,
    what: { task: "followup1" },
  };
  // a call once the technician is there is not the first follow-up (it may well be the second)
  const r1 = firstCounting(rx, { ...spec, until: arrived ? Date.parse(arrived) : undefined });
  // the customer hears the times before the technician arrives: the planned arrival is the deadline
  const arrive = dispatch?.arrive ? Math.max(Date.parse(dispatch.arrive), fromAt + rx.grace) : undefined;
  const deadline1 = arrive !== undefined ? rx.dayOf(iso(arrive)) : by;
  const first: Found = {
    ...base,
    key: `R-FOLLOWUP-1:${t.id}`,
    rule: "R-FOLLOWUP-1",
    earliest: from,
    due: arrive !== undefined ? deadline1 : rx.shown(from, by),
    deadline: deadline1,
    ...(arrive !== undefined ? { earliestAt: iso(fromAt), dueAt: iso(arrive) } : {}),
    // once the technician is there, telling the customer when he will arrive is moot
    expiresAt: arrived,
    done: r1.found && { at: r1.found.value.at, record: r1.found.id },
    considered: r1.considered,
    about,
  };
  // the second counts from the first, or, when the first was missed, from the day it was due
  const firstDay = r1.found
    ? rx.dayOf(r1.found.value.at)
    : arrived && Date.parse(arrived) <= rx.input.now.getTime()
      ? deadline1
      : undefined;
  if (!firstDay) return [first];
  return [first, secondFollowup(t, rx, rs, base, { spec, firstDay, firstCall: r1.found })];
}

/** R-FOLLOWUP-2: 7–14 days after the first follow-up (or the day it was due), never the first call again. */
function secondFollowup(
  t: Rec<Ticket>,
  rx: RuleContext,
  rs: RuleSettings,
  base: Base,
  first: { spec: Counts; firstDay: Day; firstCall: Rec<Contact> | undefined },
): Found {
  const { spec, firstDay, firstCall } = first;
  const fu2 = rs["R-FOLLOWUP-2"];
  const opens = fu2.workingDays ? rx.cal.addWorkingDays(firstDay, fu2.from) : addDays(firstDay, fu2.from);
  const by2 = rx.deadline(firstDay, fu2.to, fu2.workingDays);
  const r2 = firstCounting(rx, {
    ...spec,
    from: momentOf(opens, rx.tz),
    not: firstCall ? new Map([[firstCall.id, { rule: "R-FOLLOWUP-1" as const }]]) : undefined,
    what: { task: "followup2" },
    listFrom: firstCall ? momentOf(firstCall.value.at, rx.tz) : spec.from,
  });
  return {
    ...base,
    key: `R-FOLLOWUP-2:${t.id}`,
    rule: "R-FOLLOWUP-2",
    earliest: opens,
    due: rx.shown(opens, by2),
    deadline: by2,
    done: r2.found && { at: r2.found.value.at, record: r2.found.id },
    considered: r2.considered,
    about: { what: "followup2", first: firstDay },
  };
}

/**
 * R-NEXT-SERVICE after a ticket closes: a customer left with no planned contact after the close
 * gets a duty to plan one (a plan on the ticket, or on any contact with the customer).
 */
function planAfterClose(t: Rec<Ticket>, rx: RuleContext, rs: RuleSettings, base: Base): Found[] {
  const v = t.value;
  if (v.status !== "closed" || !v.closed) return [];
  const closed = rx.dayOf(v.closed);
  const closedAt = Date.parse(v.closed);
  const plans: number[] = [];
  for (const k of rx.ofCustomer(v.customer))
    if (k.value.next && k.value.next.date > closed) plans.push(momentOf(k.value.at, rx.tz));
  for (const p of ticketPlansOf(rx, v.customer)) if (p.date > closed) plans.push(Date.parse(p.at));
  const made = plans.length ? Math.max(closedAt, Math.min(...plans)) : undefined;
  const cfg = rs["R-NEXT-SERVICE"];
  const by = rx.deadline(closed, cfg.days, cfg.workingDays);
  return [
    {
      ...base,
      key: `R-NEXT-SERVICE:${t.id}:plan`,
      rule: "R-NEXT-SERVICE",
      earliest: closed,
      due: rx.shown(closed, by),
      deadline: by,
      done: made !== undefined ? { at: formatDateTime(new Date(made), rx.tz), record: t.id } : undefined,
      about: { what: "planNext", ticket: t.id },
    },
  ];
}
