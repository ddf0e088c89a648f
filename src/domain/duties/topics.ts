// What a duty asks, and why a contact did not count, as data: the rule's parameters (records,
// people, the customer's own words) and moments. The engine never words them; src/format/duty-words.ts
// does, from the catalogue, in the locale shown (issue 13, item 1). Days are "YYYY-MM-DD"; moments
// are date-times in the store's zone ("2026-11-02T15:00:00+08:00"), so their wall clock is the store's.
import type { Contact, CustomerEvent, Ticket } from "../schema.js";
import type { Day } from "../time.js";
import type { RuleCode } from "./types.js";

type Channel = Contact["channel"];

/** What a duty asks: one kind per sentence of the catalogue's `duty.*`. */
export type Topic =
  /** R-FILE-SAME-DAY */
  | { what: "file"; channel: Ticket["channel"] }
  /** R-ESC-1DAY */
  | { what: "escalate"; problem: string }
  /** R-ANSWER-SAME-DAY */
  | { what: "answer"; note: string }
  /** R-DISPATCH, nobody sent and no plan yet */
  | { what: "dispatch"; problem: string }
  /** R-DISPATCH, a plan recorded: the customer hears it */
  | { what: "dispatchTell"; date: Day; reason: string }
  /** R-FOLLOWUP-1 after a dispatch: who comes, and when (moments) */
  | { what: "followup1"; technician: string; depart?: string; arrive?: string }
  /** R-FOLLOWUP-1 after a vehicle was delivered (C8) */
  | { what: "followup1Shop" }
  /** R-FOLLOWUP-2: the day of the first */
  | { what: "followup2"; first: Day }
  /** R-NEXT-SERVICE once a ticket closed with no plan */
  | { what: "planNext"; ticket: string }
  /** R-NEXT-SERVICE: a planned contact, in the words the clerk gave it */
  | { what: "plan"; text: string }
  /** R-EVENT-NOTICE, the call */
  | { what: "eventCall"; kind: CustomerEvent["kind"]; title: string; date: Day }
  /** R-EVENT-NOTICE, the letter after the call */
  | { what: "eventLetter"; title: string; date: Day; called: Day }
  /** R-MONTHLY */
  | { what: "monthly"; period: string }
  | { what: "annual"; period: string }
  /** C-APPOINTMENT: the appointment (a moment) */
  | { what: "appointment"; at: string }
  /** C-EXTRA-WORK */
  | { what: "extra"; no: number; item: string; safety: boolean; effect?: string }
  /** C-PROGRESS-CHECK: the promised completion (a moment) */
  | { what: "progress"; receiver: string; promise: string }
  /** C-READY-NOTICE: how many hours ahead of the promise (a moment) */
  | { what: "ready"; hours: number; promise: string };

/** What a contact must do to count, for the reasons: the catalogue's `what.*`. */
export type Task =
  | { task: "solution" | "dispatch" | "followup1" | "followup2" | "appointment" | "ready" | "eventLetter" | "plan" }
  | { task: "eventCall"; title: string };

/** Why one contact does not count for a duty: one kind per sentence of the catalogue's `why.*`. */
export type Reason =
  /** it already counts for another duty (a plan's, with the plan's day) */
  | { why: "used"; id: string; rule: RuleCode; date?: Day }
  | { why: "early"; id: string; at: Day; from: Day }
  | { why: "ended"; id: string; at: Day; ended: Day }
  | { why: "otherTicket"; id: string; other: string; ticket: string }
  | { why: "unlinked"; id: string; ticket: string }
  | { why: "otherEvent"; id: string; other: string; event: string }
  | { why: "unlinkedEvent"; id: string; event: string }
  | { why: "channel"; id: string; channel: Channel; channels: readonly Channel[] }
  | { why: "letterPlan"; id: string; plan: string }
  | { why: "inbound" | "inboundLetter"; id: string; task: Task }
  | { why: "purpose"; id: string; purpose: Contact["purpose"]; purposes: readonly Contact["purpose"][] }
  | {
      why: "letterKind";
      id: string;
      kind: NonNullable<Contact["letter"]>["kind"];
      kinds: readonly NonNullable<Contact["letter"]>["kind"][];
    }
  /** C-PROGRESS-CHECK: a check before the window opened (moments) */
  | { why: "earlyCheck"; at: string; from: string };

/** A record a duty looked at and did not count, and every reason why. */
export interface Unmet {
  record: string;
  reasons: Reason[];
}
