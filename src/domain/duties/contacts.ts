// R-NEXT-SERVICE: the next contact planned while talking to a customer (or while filing or closing
// a ticket) falls due on its date. It is carried out by a contact that names the plan
// (`--plan ID`), or by a follow-up call or visit to the customer on or after the planned day;
// a letter counts only when it names the plan.
import type { Contact, Ticket } from "../schema.js";
import { momentOf, zonedTime } from "../time.js";
import type { RuleSettings } from "./config.js";
import { type Counts, firstCounting, TALK } from "./counts.js";
import type { Found, Rec, RuleContext } from "./types.js";

function planDuty(
  rx: RuleContext,
  rs: RuleSettings,
  p: {
    key: string;
    source: string;
    customer: string;
    ticket?: string;
    owner?: string;
    date: string;
    /** the plan as the clerk wrote it */
    text: string;
    madeAt: number;
    not?: Counts["not"];
  },
): Found {
  const cfg = rs["R-NEXT-SERVICE"];
  // a plan for a day off is carried out on the working day before it
  const earliest =
    rx.cal.onOrBefore(p.date) < p.date && rx.cal.onOrBefore(p.date) >= rx.dayOf(new Date(p.madeAt).toISOString())
      ? rx.cal.onOrBefore(p.date)
      : p.date;
  const by = rx.deadline(p.date, cfg.days, cfg.workingDays);
  const from = Math.max(p.madeAt + 1, momentOf(earliest, rx.tz));
  const r = firstCounting(rx, {
    customer: p.customer,
    channels: TALK,
    tell: true,
    purposes: ["followup", "reminder", "notice"],
    from,
    plan: p.source,
    not: p.not,
    listFrom: p.madeAt + 1,
    what: { task: "plan" },
  });
  return {
    key: p.key,
    rule: "R-NEXT-SERVICE",
    source: p.source,
    customer: p.customer,
    ticket: p.ticket,
    owner: p.owner,
    earliest,
    due: rx.shown(earliest, by),
    deadline: by,
    done: r.found && { at: r.found.value.at, record: r.found.id },
    considered: r.considered,
    about: { what: "plan", text: p.text },
  };
}

export function nextServiceDuty(c: Rec<Contact>, rx: RuleContext, rs: RuleSettings): Found[] {
  const next = c.value.next;
  if (!next) return [];
  const madeAt = c.value.at.length === 10 ? zonedTime(c.value.at, 23, 59, 59, rx.tz).getTime() : Date.parse(c.value.at);
  return [
    planDuty(rx, rs, {
      key: `R-NEXT-SERVICE:${c.id}`,
      source: c.id,
      customer: c.value.customer,
      ticket: c.value.ticket,
      owner: c.value.staff,
      date: next.date,
      text: next.topic,
      madeAt,
    }),
  ];
}

/** The plans made while filing or closing a ticket (A2). */
export function ticketPlanDuties(t: Rec<Ticket>, rx: RuleContext, rs: RuleSettings): Found[] {
  // in date order, one contact carries out one plan: a call naming the ticket closes its next plan
  const order = (t.value.plans ?? [])
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.date.localeCompare(b.p.date) || a.i - b.i);
  const used = new Map<string, { rule: "R-NEXT-SERVICE"; date: string }>();
  const out: Found[] = [];
  for (const { p, i } of order) {
    const d = planDuty(rx, rs, {
      key: `R-NEXT-SERVICE:${t.id}:${i + 1}`,
      source: t.id,
      customer: t.value.customer,
      ticket: t.id,
      owner: rx.ticketOwner(t.value),
      date: p.date,
      text: p.topic,
      madeAt: Date.parse(p.at),
      not: new Map(used),
    });
    if (d.done?.record) used.set(d.done.record, { rule: "R-NEXT-SERVICE", date: p.date });
    out.push(d);
  }
  // a cancelled ticket's plans no longer apply, except what was already done
  return t.value.status === "cancelled" ? out.filter((d) => d.done) : out;
}
