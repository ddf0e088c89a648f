// Which contacts close a duty, written once per duty as data: the channels, whether the customer
// must have been told (an outbound contact, or an inbound call marked told), the purposes, the
// record it must be linked to, and the moment from which it counts. Nothing else closes it.
// reasons() says why a contact does not count, for `due --explain` and the show pages.
import type { Contact } from "../schema.js";
import type { Reason, Rec, RuleCode, RuleContext, Task, Unmet } from "./types.js";

export type Channel = Contact["channel"];
export type Purpose = Contact["purpose"];
type LetterKind = NonNullable<Contact["letter"]>["kind"];

/** Telling a customer something: an outbound call, a visit or a letter. */
export const TELL: readonly Channel[] = ["call", "visit", "letter"];
/** Talking to them: a call or a visit (a letter cannot tell a time an hour ahead). */
export const TALK: readonly Channel[] = ["call", "visit"];

export interface Counts {
  customer: string;
  /** the contact must be linked to this ticket, or to this event */
  ticket?: string;
  event?: string;
  channels: readonly Channel[];
  /** an outbound contact or a visit, or an inbound call in which the clerk marked the customer told */
  tell: boolean;
  purposes?: readonly Purpose[];
  letterKinds?: readonly LetterKind[];
  /** contacts before this moment (ms since the epoch) do not count; a letter counts from its day */
  from: number;
  /** contacts that already count for another duty (the first follow-up is not the second), and which */
  not?: ReadonlyMap<string, { rule: RuleCode; date?: string }>;
  /** a contact that names this plan (contact.plan) counts whatever its channel, purpose or day */
  plan?: string;
  /** contacts at or after this moment no longer count: the duty ended (the technician arrived, the vehicle was delivered) */
  until?: number;
  /** what the contact must do, for explanations: "the solution" */
  what: Task;
  /** contacts from this moment on are listed when explaining (default: from) */
  listFrom?: number;
}

/** The moment of a contact: a letter's bare date counts as the end of its day, so it is never early. */
function onOrAfter(rx: RuleContext, c: Contact, from: number): boolean {
  if (c.at.length === 10) return c.at >= rx.dayOf(new Date(from).toISOString());
  return Date.parse(c.at) >= from;
}

/**
 * Why `c` does not count for the duty (every reason, so the advice is complete), or an empty list
 * when it does. `quiet`: only whether it counts (stops at the first reason).
 */
export function reasons(rx: RuleContext, k: Rec<Contact>, spec: Counts, quiet = false): Reason[] {
  const c = k.value;
  const id = k.id;
  const dayOfMs = (ms: number) => rx.dayOf(new Date(ms).toISOString());
  const used = spec.not?.get(id);
  if (used) return [{ why: "used", id, ...used }];
  if (spec.plan && c.plan === spec.plan) return [];
  const at = c.at.length === 10 ? c.at : rx.dayOf(c.at);
  // outside the window says the most: linking it would not help
  if (!onOrAfter(rx, c, spec.from)) return [{ why: "early", id, at, from: dayOfMs(spec.from) }];
  // a letter dated the day the duty ended is not before it
  if (spec.until !== undefined && (c.at.length === 10 ? c.at >= dayOfMs(spec.until) : Date.parse(c.at) >= spec.until))
    return [{ why: "ended", id, at, ended: dayOfMs(spec.until) }];
  const why: Reason[] = [];
  for (const check of CHECKS) {
    const r = check(k, spec);
    if (r === undefined) continue;
    why.push(r);
    if (quiet) break;
  }
  return why;
}

/** The checks past the window, each a reason or undefined (the order the explanation lists them). */
const CHECKS: ((k: Rec<Contact>, spec: Counts) => Reason | undefined)[] = [
  ({ id, value: c }, spec) =>
    spec.ticket && c.ticket !== spec.ticket
      ? c.ticket
        ? { why: "otherTicket", id, other: c.ticket, ticket: spec.ticket }
        : { why: "unlinked", id, ticket: spec.ticket }
      : undefined,
  ({ id, value: c }, spec) =>
    spec.event && c.event !== spec.event
      ? c.event
        ? { why: "otherEvent", id, other: c.event, event: spec.event }
        : { why: "unlinkedEvent", id, event: spec.event }
      : undefined,
  ({ id, value: c }, spec) => {
    if (!spec.channels.includes(c.channel))
      return spec.plan && c.channel === "letter"
        ? { why: "letterPlan", id, plan: spec.plan }
        : { why: "channel", id, channel: c.channel, channels: spec.channels };
    // a visit tells in person; an inbound call only when the clerk marked it told; an inbound letter never
    if (spec.tell && c.direction === "in" && c.channel !== "visit" && !(c.channel === "call" && c.told))
      return { why: c.channel === "call" ? "inbound" : "inboundLetter", id, task: spec.what };
    return undefined;
  },
  ({ id, value: c }, spec) =>
    spec.purposes && !spec.purposes.includes(c.purpose)
      ? { why: "purpose", id, purpose: c.purpose, purposes: spec.purposes }
      : undefined,
  ({ id, value: c }, spec) =>
    spec.letterKinds && c.letter && !spec.letterKinds.includes(c.letter.kind)
      ? { why: "letterKind", id, kind: c.letter.kind, kinds: spec.letterKinds }
      : undefined,
];

/** The days the duty's window opens and ends on, each worked out once when a letter asks. */
function windowDays(rx: RuleContext, spec: Counts): { from: () => string; until: () => string } {
  let from: string | undefined;
  let until: string | undefined;
  return {
    from: () => (from ??= rx.dayOf(new Date(spec.from).toISOString())),
    until: () => (until ??= rx.dayOf(new Date(spec.until!).toISOString())),
  };
}

/**
 * Whether `k` counts for the duty: what `reasons(rx, k, spec, true)` finds nothing against, without
 * wording why not (asked for every contact of a customer and every duty the rules find).
 */
function counts(k: Rec<Contact>, spec: Counts, days: ReturnType<typeof windowDays>): boolean {
  const c = k.value;
  if (spec.not?.get(k.id)) return false;
  if (spec.plan && c.plan === spec.plan) return true;
  if (c.at.length === 10) {
    if (!(c.at >= days.from())) return false;
    if (spec.until !== undefined && c.at >= days.until()) return false;
  } else {
    const t = Date.parse(c.at);
    if (!(t >= spec.from)) return false;
    if (spec.until !== undefined && t >= spec.until) return false;
  }
  for (const check of CHECKS) if (check(k, spec) !== undefined) return false;
  return true;
}

/** The first contact that counts, or the ones looked at that did not, and why (only when none counts). */
export function firstCounting(rx: RuleContext, spec: Counts): { found?: Rec<Contact>; considered: Unmet[] } {
  const skipped: Rec<Contact>[] = [];
  const days = windowDays(rx, spec);
  for (const k of rx.ofCustomer(spec.customer)) {
    if (counts(k, spec, days)) return { found: k, considered: [] };
    skipped.push(k);
  }
  // a duty that is done never shows what else was looked at: the reasons are worded for the undone
  const listFrom = spec.listFrom ?? spec.from;
  const considered: Unmet[] = [];
  for (const k of skipped)
    if (onOrAfter(rx, k.value, listFrom)) considered.push({ record: k.id, reasons: reasons(rx, k, spec) });
  return { considered };
}
