// A replayed day: the records as they stood at a moment, what happened later not yet happened.
import type { Ticket } from "../schema.js";
import type { Day } from "../time.js";
import type { DutyInput, Rec } from "./types.js";

const after = (at: string | undefined, now: number) => at !== undefined && Date.parse(at) > now;

/** The records as they stood at `now`: what happened later has not happened yet (a replayed day). */
export function asOf(input: DutyInput, today: Day): DutyInput {
  const now = input.now.getTime();
  const happened = (at: string) => (at.length === 10 ? at <= today : Date.parse(at) <= now);
  const ticket = (t: Rec<Ticket>): Rec<Ticket> => {
    const v = { ...t.value };
    if (after(v.escalation?.at, now)) v.escalation = undefined;
    if (after(v.dispatch?.at, now)) v.dispatch = undefined;
    if (v.dispatch && after(v.dispatch.arrived, now)) v.dispatch = { ...v.dispatch, arrived: undefined };
    if (after(v.schedule?.at, now)) v.schedule = undefined;
    if (v.plans) v.plans = v.plans.filter((p) => !after(p.at, now));
    if (v.promises) v.promises = v.promises.filter((p) => !after(p.at, now));
    if (after(v.resolution?.at, now)) v.resolution = undefined;
    if (after(v.closed, now)) v.closed = undefined;
    if (after(v.cancelled?.at, now)) v.cancelled = undefined;
    if (after(v.intake?.at, now)) v.intake = undefined;
    if (after(v.handover?.at, now)) v.handover = undefined;
    if (after(v.ready?.at, now)) v.ready = undefined;
    if (after(v.delivery?.at, now)) v.delivery = undefined;
    if (v.progress) v.progress = v.progress.filter((p) => !after(p.at, now));
    if (v.extras)
      v.extras = v.extras
        .filter((x) => !after(x.asked, now))
        .map((x) => (after(x.answer?.at, now) ? { ...x, answer: undefined } : x));
    if (v.status === "cancelled" && !v.cancelled) v.status = "open";
    // a reopening after the moment had not happened: the solution (and close) it took back stood
    if (v.reopened?.some((r) => after(r.at, now))) {
      const undone = v.reopened.find((r) => after(r.at, now))!;
      v.reopened = v.reopened.filter((r) => !after(r.at, now));
      if (undone.resolution && !after(undone.resolution.at, now)) {
        v.resolution = undone.resolution;
        v.status = undone.closed && !after(undone.closed, now) ? "closed" : "resolved";
        v.closed = undone.closed && !after(undone.closed, now) ? undone.closed : undefined;
      }
    }
    return { id: t.id, value: v };
  };
  return {
    ...input,
    customers: input.customers.filter((c) => happened(c.value.created)),
    tickets: input.tickets.filter((t) => happened(t.value.filed)).map(ticket),
    contacts: input.contacts.filter((c) => happened(c.value.at)),
    events: input.events.filter((e) => happened(e.value.created)),
    reports: input.reports.filter((r) => !r.saved || happened(r.saved)),
    waivers: (input.waivers ?? []).filter((w) => happened(w.value.at)),
  };
}
