// The reception desk's duties (regulation part C): the appointment reminder, the customer's answer
// on extra work, the progress check at 70–80 % of the job, and the call to collect the vehicle.
import type { Ticket } from "../schema.js";
import { addDays, dayOf, formatDateTime, formatShort } from "../time.js";
import type { RuleSettings } from "./config.js";
import type { Found, Rec, RuleContext } from "./types.js";

const HOUR = 3_600_000;

export function shopDuties(t: Rec<Ticket>, rx: RuleContext, rs: RuleSettings): Found[] {
  const v = t.value;
  if (v.kind !== "shop") return [];
  const out: Found[] = [];
  const base = { source: t.id, customer: v.customer, ticket: t.id, owner: v.assignee };
  const iso = (ms: number) => formatDateTime(new Date(ms), rx.tz);
  const at = (ms: number) => formatShort(new Date(ms), rx.tz);

  // C-APPOINTMENT: the customer is reminded the working day before
  if (v.appointment) {
    const day = rx.dayOf(v.appointment);
    const due = rx.cal.onOrBefore(addDays(day, -rs["C-APPOINTMENT"].daysBefore));
    const reminded = rx.ofTicket(t.id).find((c) => c.value.purpose === "reminder" && rx.dayOf(c.value.at) >= addDays(due, -7));
    if (reminded || !(v.intake && Date.parse(v.intake.at) < Date.parse(v.appointment)))
      out.push({ ...base, key: `C-APPOINTMENT:${t.id}`, rule: "C-APPOINTMENT", earliest: due, due, expires: addDays(day, -1), done: reminded && { at: reminded.value.at, record: reminded.id }, topic: rx.say.t("duty.appointment", { time: at(Date.parse(v.appointment)) }) });
  }

  // C-EXTRA-WORK: the customer answers before the extra work is done
  for (const x of v.extras ?? []) {
    const asked = Date.parse(x.asked);
    const dueAt = asked + rs["C-EXTRA-WORK"].hours * HOUR;
    out.push({
      ...base,
      key: `C-EXTRA-WORK:${t.id}:${x.no}`,
      rule: "C-EXTRA-WORK",
      earliest: rx.dayOf(x.asked),
      due: dayOf(new Date(dueAt), rx.tz),
      earliestAt: x.asked,
      dueAt: iso(dueAt),
      done: x.answer && { at: x.answer.at, record: t.id },
      topic: rx.say.t("duty.extra", { no: x.no, item: x.item, safety: x.safety ? rx.say.t("duty.extraSafety") : "", effect: x.effect ? rx.say.t("duty.extraEffect", { effect: x.effect }) : "" }),
    });
  }

  // C-PROGRESS-CHECK: ask the workshop at 70–80 % of the time between hand-over and promise
  if (v.handover) {
    const start = Date.parse(v.handover.at);
    const span = Date.parse(v.handover.promise) - start;
    const pc = rs["C-PROGRESS-CHECK"];
    const opens = start + (span * pc.from) / 100;
    const dueAt = start + (span * pc.to) / 100;
    const checked = (v.progress ?? []).find((p) => Date.parse(p.at) >= opens);
    const finishedFirst = v.ready && Date.parse(v.ready.at) < opens;
    if (span > 0 && (checked || !finishedFirst))
      out.push({
        ...base,
        key: `C-PROGRESS-CHECK:${t.id}`,
        rule: "C-PROGRESS-CHECK",
        earliest: dayOf(new Date(opens), rx.tz),
        due: dayOf(new Date(dueAt), rx.tz),
        earliestAt: iso(opens),
        dueAt: iso(dueAt),
        done: checked && { at: checked.at, record: t.id },
        topic: rx.say.t("duty.progress", { receiver: v.handover.receiver, time: at(Date.parse(v.handover.promise)) }),
      });
  }

  // C-READY-NOTICE: call the customer to collect, 1 h before the promise (4 h for jobs of 2 days or more)
  if (v.ready && v.handover) {
    const cfg = rs["C-READY-NOTICE"];
    const promise = Date.parse(v.handover.promise);
    const long = promise - Date.parse(v.handover.at) >= cfg.longJobDays * 24 * HOUR;
    const ready = Date.parse(v.ready.at);
    const dueAt = Math.max(promise - (long ? cfg.longHours : cfg.shortHours) * HOUR, ready);
    const told = rx.ofTicket(t.id).find((c) => c.value.direction === "out" && Date.parse(c.value.at.length === 10 ? `${c.value.at}T23:59:59Z` : c.value.at) >= ready);
    if (told || !v.delivery)
      out.push({
        ...base,
        key: `C-READY-NOTICE:${t.id}`,
        rule: "C-READY-NOTICE",
        earliest: rx.dayOf(v.ready.at),
        due: dayOf(new Date(dueAt), rx.tz),
        earliestAt: v.ready.at,
        dueAt: iso(dueAt),
        done: told && { at: told.value.at, record: told.id },
        topic: rx.say.t("duty.ready", { hours: long ? cfg.longHours : cfg.shortHours, time: at(promise) }),
      });
  }
  return v.status === "cancelled" ? out.filter((d) => d.done) : out;
}
