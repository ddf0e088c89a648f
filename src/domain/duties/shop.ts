// The reception desk's duties (regulation part C): the appointment reminder, the customer's answer
// on extra work, the progress check at 70–80 % of the job, and the call to collect the vehicle.
// Hour-based windows fall in working time and are never shorter than the store's grace.
import type { Ticket } from "../schema.js";
import { addDays, daysBetween, formatDateTime } from "../time.js";
import type { RuleSettings } from "./config.js";
import { firstCounting, TALK, TELL } from "./counts.js";
import type { Found, Rec, RuleContext } from "./types.js";

const HOUR = 3_600_000;

/** The promised completion that counts: the latest revision (`ticket promise`), else the hand-over's. */
export function promiseOf(t: Ticket): string | undefined {
  const revised = t.promises?.[t.promises.length - 1]?.promise;
  return revised ?? t.handover?.promise;
}

type Base = Pick<Found, "source" | "customer" | "ticket" | "owner">;

/** The helpers every shop duty uses: moments in the store's zone, and hour-based deadlines. */
function helpers(rx: RuleContext) {
  const iso = (ms: number) => formatDateTime(new Date(ms), rx.tz);
  return {
    iso,
    day: (ms: number) => rx.dayOf(iso(ms)),
    /** an hour-based deadline: moved to the last working moment before it, at least `grace` after it opens */
    hourly: (opensAt: number, dueAt: number) => Math.max(rx.clock.atOrBefore(dueAt), opensAt + rx.grace),
  };
}

export function shopDuties(t: Rec<Ticket>, rx: RuleContext, rs: RuleSettings): Found[] {
  const v = t.value;
  if (v.kind !== "shop") return [];
  const base: Base = { source: t.id, customer: v.customer, ticket: t.id, owner: rx.ticketOwner(v) };
  const promised = promiseOf(v);
  const out: Found[] = [
    ...appointmentDuty(t, rx, rs, base),
    ...(v.extras ?? []).map((x) => extraDuty(t, x, rx, rs, base)),
    ...(v.handover && promised ? progressDuty(t, rx, rs, base, { handover: v.handover, promised }) : []),
    ...(v.ready && v.handover && promised ? [readyDuty(t, rx, rs, base, { ready: v.ready, promised })] : []),
  ];
  return v.status === "cancelled" ? out.filter((d) => d.done) : out;
}

/** C-APPOINTMENT: the customer is reminded the working day before; a same-day booking needs none. */
function appointmentDuty(t: Rec<Ticket>, rx: RuleContext, rs: RuleSettings, base: Base): Found[] {
  const v = t.value;
  if (!v.appointment) return [];
  const appt = rx.dayOf(v.appointment);
  const booked = rx.dayOf(v.filed);
  const cameEarly = v.intake && Date.parse(v.intake.at) < Date.parse(v.appointment);
  if (booked >= appt || cameEarly) return [];
  const deadline = addDays(appt, -rs["C-APPOINTMENT"].daysBefore);
  const r = firstCounting(rx, {
    customer: v.customer,
    ticket: t.id,
    channels: TELL,
    tell: true,
    purposes: ["reminder"],
    from: Date.parse(v.filed),
    until: Date.parse(v.appointment),
    what: { task: "appointment" },
  });
  // the list shows it on the reminder day; a reminder any time after booking counts
  const shownDay = rx.shown(booked, deadline < booked ? booked : deadline);
  return [
    {
      ...base,
      key: `C-APPOINTMENT:${t.id}`,
      rule: "C-APPOINTMENT",
      earliest: shownDay,
      due: shownDay,
      deadline: deadline < booked ? booked : deadline,
      expiresAt: v.appointment,
      done: r.found && { at: r.found.value.at, record: r.found.id },
      considered: r.considered,
      about: { what: "appointment", at: helpers(rx).iso(Date.parse(v.appointment)) },
    },
  ];
}

/** C-EXTRA-WORK: the customer answers before the extra work is done. */
function extraDuty(
  t: Rec<Ticket>,
  x: NonNullable<Ticket["extras"]>[number],
  rx: RuleContext,
  rs: RuleSettings,
  base: Base,
): Found {
  const { iso, day, hourly } = helpers(rx);
  const asked = Date.parse(x.asked);
  const dueAt = hourly(asked, asked + rs["C-EXTRA-WORK"].hours * HOUR);
  return {
    ...base,
    key: `C-EXTRA-WORK:${t.id}:${x.no}`,
    rule: "C-EXTRA-WORK",
    earliest: day(asked),
    due: day(dueAt),
    deadline: day(dueAt),
    earliestAt: x.asked,
    dueAt: iso(dueAt),
    done: x.answer && { at: x.answer.at, record: t.id },
    about: { what: "extra", no: x.no, item: x.item, safety: Boolean(x.safety), effect: x.effect || undefined },
  };
}

/** C-PROGRESS-CHECK: ask the workshop at 70–80 % of the time between hand-over and promise. */
function progressDuty(
  t: Rec<Ticket>,
  rx: RuleContext,
  rs: RuleSettings,
  base: Base,
  job: { handover: NonNullable<Ticket["handover"]>; promised: string },
): Found[] {
  const v = t.value;
  const { iso, day } = helpers(rx);
  const start = Date.parse(job.handover.at);
  const promise = Date.parse(job.promised);
  const span = promise - start;
  const pc = rs["C-PROGRESS-CHECK"];
  if (span <= 0) return [];
  const due0 = rx.clock.atOrBefore(start + (span * pc.to) / 100);
  // a window outside working time moves earlier as a whole, never before the hand-over
  const opensAt = Math.max(start, Math.min(start + (span * pc.from) / 100, due0 - rx.grace));
  const dueAt = Math.max(due0, opensAt + rx.grace);
  const checked = (v.progress ?? []).find((p) => Date.parse(p.at) >= opensAt);
  const endedAt = v.ready?.at ?? v.delivery?.at;
  // a job finished before the check was due never needed one
  if (!checked && endedAt && Date.parse(endedAt) < opensAt) return [];
  const early = (v.progress ?? []).filter((p) => Date.parse(p.at) < opensAt);
  return [
    {
      ...base,
      key: `C-PROGRESS-CHECK:${t.id}`,
      rule: "C-PROGRESS-CHECK",
      earliest: day(opensAt),
      due: day(dueAt),
      deadline: day(dueAt),
      earliestAt: iso(opensAt),
      dueAt: iso(dueAt),
      // once the vehicle is ready, asking how the job stands can no longer be done
      expiresAt: endedAt,
      done: checked && { at: checked.at, record: t.id },
      considered: early.map((p) => ({
        record: t.id,
        reasons: [{ why: "earlyCheck", at: iso(Date.parse(p.at)), from: iso(opensAt) }],
      })),
      about: { what: "progress", receiver: job.handover.receiver, promise: iso(promise) },
    },
  ];
}

/**
 * C-READY-NOTICE: call the customer to collect, 1 h before the promise (4 h for jobs of two
 * calendar days or more), in working time, and never before the vehicle is ready.
 */
function readyDuty(
  t: Rec<Ticket>,
  rx: RuleContext,
  rs: RuleSettings,
  base: Base,
  job: { ready: NonNullable<Ticket["ready"]>; promised: string },
): Found {
  const v = t.value;
  const { iso, day, hourly } = helpers(rx);
  const cfg = rs["C-READY-NOTICE"];
  const promise = Date.parse(job.promised);
  const long = daysBetween(rx.dayOf(v.handover!.at), rx.dayOf(job.promised)) >= cfg.longJobDays;
  const hours = long ? cfg.longHours : cfg.shortHours;
  const ready = Date.parse(job.ready.at);
  const dueAt = hourly(ready, Math.max(promise - hours * HOUR, ready));
  const r = firstCounting(rx, {
    customer: v.customer,
    ticket: t.id,
    channels: TALK,
    tell: true,
    from: ready,
    until: v.delivery ? Date.parse(v.delivery.at) : undefined,
    what: { task: "ready" },
  });
  return {
    ...base,
    key: `C-READY-NOTICE:${t.id}`,
    rule: "C-READY-NOTICE",
    earliest: day(ready),
    due: day(dueAt),
    deadline: day(dueAt),
    earliestAt: job.ready.at,
    dueAt: iso(dueAt),
    // the customer came for the vehicle: the notice can no longer be given
    expiresAt: v.delivery?.at,
    done: r.found && { at: r.found.value.at, record: r.found.id },
    considered: r.considered,
    about: { what: "ready", hours, promise: iso(promise) },
  };
}
