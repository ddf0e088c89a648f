// The duties a ticket brings: filing it (R-FILE-SAME-DAY), escalating it (R-ESC-1DAY), telling
// the customer the solution (R-ANSWER-SAME-DAY), and the two follow-up calls (R-FOLLOWUP-1/2).
import type { Contact, Ticket } from "../schema.js";
import { formatShort } from "../time.js";
import type { RuleSettings } from "./config.js";
import type { Found, Rec, RuleContext } from "./types.js";

const isFollowupCall = (c: Contact) => c.channel === "call" && c.purpose === "followup";

export function ticketDuties(t: Rec<Ticket>, rx: RuleContext, rs: RuleSettings): Found[] {
  const v = t.value;
  const out: Found[] = [];
  const base = { source: t.id, customer: v.customer, ticket: t.id, owner: v.assignee };
  const received = rx.dayOf(v.received);

  // R-FILE-SAME-DAY: filed the day it came in; a check the reviews count, never a task to do.
  const file = rs["R-FILE-SAME-DAY"];
  out.push({
    ...base,
    key: `R-FILE-SAME-DAY:${t.id}`,
    rule: "R-FILE-SAME-DAY",
    earliest: received,
    due: rx.dueAfter(received, file.days, file.workingDays),
    done: { at: v.filed, record: t.id },
    topic: rx.say.t("duty.file", { channel: rx.say.word(v.channel) }),
  });
  if (v.kind === "shop") {
    // C8: the post-service follow-ups count from the day the vehicle was delivered
    if (v.delivery) out.push(...followups(t, rx, rs, base, rx.dayOf(v.delivery.at), rx.say.t("duty.followup1Shop")));
    return v.status === "cancelled" ? out.filter((d) => d.done) : out;
  }

  // R-ESC-1DAY: unsolved requests reach the engineering supervisor within a day; a dispatch or a
  // solution within that day shows the engineering side has acted.
  const esc = rs["R-ESC-1DAY"];
  const acted = [v.escalation?.at, v.dispatch?.at, v.resolution?.at].filter((x): x is string => Boolean(x)).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  out.push({
    ...base,
    key: `R-ESC-1DAY:${t.id}`,
    rule: "R-ESC-1DAY",
    earliest: received,
    due: rx.dueAfter(received, esc.days, esc.workingDays),
    done: acted ? { at: acted, record: t.id } : undefined,
    topic: rx.say.t("duty.escalate", { problem: v.problem }),
  });

  // R-ANSWER-SAME-DAY: once an escalated ticket has its solution, the customer hears it that day.
  if (v.escalation && v.resolution) {
    const solved = rx.dayOf(v.resolution.at);
    const ans = rs["R-ANSWER-SAME-DAY"];
    const told = rx.ofTicket(t.id).find((c) => (c.value.at.length === 10 ? c.value.at >= solved : Date.parse(c.value.at) >= Date.parse(v.resolution!.at)));
    out.push({
      ...base,
      key: `R-ANSWER-SAME-DAY:${t.id}`,
      rule: "R-ANSWER-SAME-DAY",
      earliest: solved,
      due: rx.dueAfter(solved, ans.days, ans.workingDays),
      done: told && { at: told.value.at, record: told.id },
      topic: rx.say.t("duty.answer", { note: v.resolution.note }),
    });
  }

  // R-FOLLOWUP-1 on the day of dispatch; R-FOLLOWUP-2 in days 7–14 after the first.
  if (v.dispatch) {
    const times = (v.dispatch.depart ? rx.say.t("duty.leaves", { time: formatShort(new Date(v.dispatch.depart), rx.tz) }) : "") + (v.dispatch.arrive ? rx.say.t("duty.arrives", { time: formatShort(new Date(v.dispatch.arrive), rx.tz) }) : "");
    out.push(...followups(t, rx, rs, base, rx.dayOf(v.dispatch.at), rx.say.t("duty.followup1", { technician: v.dispatch.technician, times })));
  }

  // a cancelled ticket's duties no longer apply, except what was already done
  if (v.status === "cancelled") return out.filter((d) => d.done);
  return out;
}

function followups(t: Rec<Ticket>, rx: RuleContext, rs: RuleSettings, base: Pick<Found, "source" | "customer" | "ticket" | "owner">, from: string, topic: string): Found[] {
  const out: Found[] = [];
  const fu1 = rs["R-FOLLOWUP-1"];
  const first = rx.ofTicket(t.id).find((c) => isFollowupCall(c.value) && rx.dayOf(c.value.at) >= from);
  out.push({ ...base, key: `R-FOLLOWUP-1:${t.id}`, rule: "R-FOLLOWUP-1", earliest: from, due: rx.dueAfter(from, fu1.days, fu1.workingDays), done: first && { at: first.value.at, record: first.id }, topic });
  if (first) {
    const fu2 = rs["R-FOLLOWUP-2"];
    const d1 = rx.dayOf(first.value.at);
    const opens = rx.dueAfter(d1, fu2.from, fu2.workingDays);
    const second = rx.ofTicket(t.id).find((c) => c.id !== first.id && isFollowupCall(c.value) && rx.dayOf(c.value.at) >= opens);
    out.push({
      ...base,
      key: `R-FOLLOWUP-2:${t.id}`,
      rule: "R-FOLLOWUP-2",
      earliest: opens,
      due: rx.dueAfter(d1, fu2.to, fu2.workingDays),
      done: second && { at: second.value.at, record: second.id },
      topic: rx.say.t("duty.followup2", { date: d1 }),
    });
  }
  return out;
}
