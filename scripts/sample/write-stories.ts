// Writer steps for the stories and the planned calls: each story becomes a ticket and the calls
// the regulation asks for around it.
import type { Ticket } from "../../src/domain/schema.js";
import { at, later, stamp } from "./clock.js";
import { call, customerId, type Sample } from "./context.js";
import { planned } from "./letters.js";
import { stories } from "./stories.js";
import type { Story } from "./story.js";

/** The furthest step a story reached. */
function statusOf(s: Story): Ticket["status"] {
  if (s.close) return "closed";
  if (s.resolve) return "resolved";
  if (s.dispatch) return "dispatched";
  if (s.escalate) return "escalated";
  return "open";
}

/** The ticket a story leaves behind, for the customer with the ID `customer`. */
function ticketOf(s: Story, customer: string): Ticket {
  return {
    customer,
    received: stamp(s.received),
    filed: stamp(s.filedLate ?? s.received),
    channel: s.channel,
    kind: s.kind,
    problem: s.problem,
    request: s.request,
    status: statusOf(s),
    assignee: s.assignee,
    escalation: s.escalate && { to: "赵建国", at: stamp(s.escalate[0]), by: s.assignee, note: s.escalate[1] },
    schedule: s.schedule && { date: s.schedule[1], reason: s.schedule[2], at: stamp(s.schedule[0]), by: s.assignee },
    dispatch: s.dispatch && {
      technician: s.dispatch[1],
      at: stamp(s.dispatch[0]),
      by: s.assignee,
      depart: stamp(s.dispatch[2]),
      arrive: stamp(s.dispatch[3]),
    },
    resolution: s.resolve && { at: stamp(s.resolve[0]), by: s.assignee, note: s.resolve[1] },
    closed: s.close && stamp(s.close),
    plans: s.next && s.close ? [{ date: s.next[0], topic: s.next[1], at: stamp(s.close), by: s.assignee }] : undefined,
  };
}

/** The calls of a story, in the order they were written: the notice of a schedule, the story's own, the answer. */
async function writeCalls(sample: Sample, s: Story, customer: string, ticket: string) {
  const en = /^[A-Z]/.test(s.problem);
  const base = { customer, ticket, direction: "out" as const, staff: s.assignee };
  // R-DISPATCH: the customer hears when and why, right after the job is scheduled
  if (s.schedule)
    await call(sample, {
      ...base,
      at: later(s.schedule[0], 5),
      purpose: "notice",
      summary: en
        ? `Told the customer: ${s.schedule[2]}; a technician comes on ${s.schedule[1]}`
        : `告知客户：${s.schedule[2]}，安排 ${s.schedule[1]} 上门`,
    });
  for (const [when, direction, purpose, staff, summary, extra] of s.calls)
    await call(sample, {
      ...base,
      at: stamp(when),
      direction,
      purpose,
      staff,
      summary,
      ...extra,
      ...(extra?.plan === "ticket" ? { plan: ticket } : {}),
    });
  // R-ANSWER-SAME-DAY: an escalated ticket's solution is told the day it is found
  if (s.escalate && s.resolve)
    await call(sample, {
      ...base,
      at: later(s.resolve[0], 30),
      purpose: "followup",
      summary: en ? `Told the customer the solution: ${s.resolve[1]}` : `告知解决方案：${s.resolve[1]}`,
    });
}

/** Every story's ticket, filed when it was filed, then its calls. */
export async function writeStories(sample: Sample) {
  for (const s of stories) {
    const customer = customerId(sample, s.customer);
    const ticket = await sample.store.create(
      "ticket",
      ticketOf(s, customer),
      at(s.filedLate ?? s.received),
      sample.random,
    );
    await writeCalls(sample, s, customer, ticket.id);
  }
}

/** The calls that planned a next contact (R-NEXT-SERVICE), and the call that carried a plan out on its day. */
export async function writePlanned(sample: Sample) {
  for (const [c, when, staff, summary, next, topic, done] of planned) {
    const customer = customerId(sample, c);
    const k = await call(sample, {
      customer,
      at: stamp(when),
      direction: "out",
      purpose: "followup",
      staff,
      summary,
      next: { date: next, topic },
    });
    if (done)
      await call(sample, {
        customer,
        at: stamp(done[0]),
        direction: "out",
        purpose: "followup",
        staff,
        summary: done[1],
        plan: k.id,
      });
  }
}
