// Which contacts close a duty, written once per duty as data: the channels, whether the customer
// must have been told (an outbound contact, or an inbound call marked told), the purposes, the
// record it must be linked to, and the moment from which it counts. Nothing else closes it.
// judge() says why a contact does not count, for `due --explain` and the show pages.
import type { Contact } from "../schema.js";
import type { Considered, Rec, RuleContext } from "./types.js";

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
  /** contacts that already count for another duty (the first follow-up is not the second) */
  not?: ReadonlyMap<string, string>;
  /** a contact that names this plan (contact.plan) counts whatever its channel, purpose or day */
  plan?: string;
  /** contacts at or after this moment no longer count: the duty ended (the technician arrived, the vehicle was delivered) */
  until?: number;
  /** what the contact must do, for explanations: "tell the solution" */
  what: string;
  /** contacts from this moment on are listed when explaining (default: from) */
  listFrom?: number;
}

/** The moment of a contact: a letter's bare date counts as the end of its day, so it is never early. */
function onOrAfter(rx: RuleContext, c: Contact, from: number): boolean {
  if (c.at.length === 10) return c.at >= rx.dayOf(new Date(from).toISOString());
  return Date.parse(c.at) >= from;
}

/** What judge() says in place of a reason when only whether a contact counts is asked. */
const NO = "-";

/**
 * Why `c` does not count for the duty (every reason, so the advice is complete), or undefined when
 * it does. `quiet`: only whether it counts (a reason is worded only for a duty left undone).
 */
export function judge(rx: RuleContext, k: Rec<Contact>, spec: Counts, quiet = false): string | undefined {
  const c = k.value;
  const say = rx.say;
  const id = k.id;
  const dayOfMs = (ms: number) => rx.dayOf(new Date(ms).toISOString());
  const used = spec.not?.get(id);
  if (used) return quiet ? NO : say.t("why.used", { id, rule: used });
  if (spec.plan && c.plan === spec.plan) return undefined;
  // outside the window says the most: linking it would not help
  if (!onOrAfter(rx, c, spec.from))
    return quiet
      ? NO
      : say.t("why.early", { id, at: c.at.length === 10 ? c.at : rx.dayOf(c.at), from: dayOfMs(spec.from) });
  // a letter dated the day the duty ended is not before it
  if (spec.until !== undefined && (c.at.length === 10 ? c.at >= dayOfMs(spec.until) : Date.parse(c.at) >= spec.until))
    return quiet
      ? NO
      : say.t("why.ended", { id, at: c.at.length === 10 ? c.at : rx.dayOf(c.at), ended: dayOfMs(spec.until) });
  const why: string[] = [];
  if (spec.ticket && c.ticket !== spec.ticket)
    why.push(
      quiet
        ? NO
        : c.ticket
          ? say.t("why.otherTicket", { id, other: c.ticket, ticket: spec.ticket })
          : say.t("why.unlinked", { id, ticket: spec.ticket }),
    );
  if (spec.event && c.event !== spec.event)
    why.push(
      quiet
        ? NO
        : c.event
          ? say.t("why.otherEvent", { id, other: c.event, event: spec.event })
          : say.t("why.unlinkedEvent", { id, event: spec.event }),
    );
  if (!spec.channels.includes(c.channel))
    why.push(
      quiet
        ? NO
        : say.t(spec.plan && c.channel === "letter" ? "why.letterPlan" : "why.channel", {
            id,
            channel: say.word(c.channel),
            channels: spec.channels.map((x) => say.word(x)).join(" / "),
            plan: spec.plan ?? "",
          }),
    );
  // a visit tells in person; an inbound call only when the clerk marked it told; an inbound letter never
  else if (spec.tell && c.direction === "in" && c.channel !== "visit" && !(c.channel === "call" && c.told))
    why.push(quiet ? NO : say.t(c.channel === "call" ? "why.inbound" : "why.inboundLetter", { id, what: spec.what }));
  if (spec.purposes && !spec.purposes.includes(c.purpose))
    why.push(
      quiet
        ? NO
        : say.t("why.purpose", {
            id,
            purpose: say.word(c.purpose),
            purposes: spec.purposes.map((x) => say.word(x)).join(" / "),
          }),
    );
  if (spec.letterKinds && c.letter && !spec.letterKinds.includes(c.letter.kind))
    why.push(
      quiet
        ? NO
        : say.t("why.letterKind", {
            id,
            kind: say.word(c.letter.kind),
            kinds: spec.letterKinds.map((x) => say.word(x)).join(" / "),
          }),
    );
  return why.length ? why.join("; ") : undefined;
}

/** The first contact that counts, or the ones looked at that did not, and why (only when none counts). */
export function firstCounting(rx: RuleContext, spec: Counts): { found?: Rec<Contact>; considered: Considered[] } {
  const skipped: Rec<Contact>[] = [];
  for (const k of rx.ofCustomer(spec.customer)) {
    if (judge(rx, k, spec, true) === undefined) return { found: k, considered: [] };
    skipped.push(k);
  }
  // a duty that is done never shows what else was looked at: the reasons are worded for the undone
  const listFrom = spec.listFrom ?? spec.from;
  const considered: Considered[] = [];
  for (const k of skipped)
    if (onOrAfter(rx, k.value, listFrom)) considered.push({ record: k.id, why: judge(rx, k, spec)! });
  return { considered };
}
