// A ticket's life: open → escalated → dispatched → on site → resolved → closed (or cancelled, or
// reopened). Pure functions from a ticket and an action to the next ticket.
import type { Ticket, TicketStatus } from "./schema.js";

type TicketKind = Ticket["kind"];

export type TicketAction =
  | "escalate"
  | "dispatch"
  | "arrive"
  | "resolve"
  | "close"
  | "reopen"
  | "cancel"
  // the reception desk (kind shop)
  | "intake"
  | "estimate"
  | "handover"
  | "extra"
  | "answer"
  | "progress"
  | "ready"
  | "deliver"
  | "promise"
  // R-DISPATCH: nobody can be sent at once; the job is scheduled
  | "schedule";

export const SHOP_ACTIONS: readonly TicketAction[] = [
  "intake",
  "estimate",
  "handover",
  "extra",
  "answer",
  "progress",
  "ready",
  "deliver",
  "promise",
];

/** The kinds of ticket that send a technician to the customer's site (R-DISPATCH). */
export const ONSITE_KINDS: readonly TicketKind[] = ["repair", "install", "maintenance"];

const FROM: Record<TicketAction, readonly TicketStatus[]> = {
  // R-ESC-1DAY: a ticket already dispatched may still need the engineering supervisor
  escalate: ["open", "dispatched", "onsite"],
  dispatch: ["open", "escalated", "dispatched"],
  arrive: ["dispatched"],
  resolve: ["open", "escalated", "dispatched", "onsite"],
  close: ["resolved"],
  reopen: ["resolved", "closed", "cancelled"],
  cancel: ["open", "escalated", "dispatched", "onsite", "workshop", "ready"],
  intake: ["open"],
  estimate: ["open", "workshop"],
  handover: ["open"],
  extra: ["workshop"],
  answer: ["workshop", "ready"],
  progress: ["workshop"],
  ready: ["workshop"],
  deliver: ["ready"],
  promise: ["workshop"],
  schedule: ["open", "escalated"],
};

const DONE: Record<TicketAction, string> = {
  escalate: "escalated",
  dispatch: "dispatched",
  arrive: "marked on site",
  resolve: "resolved",
  close: "closed",
  reopen: "reopened",
  cancel: "cancelled",
  intake: "taken in",
  estimate: "estimated",
  handover: "handed to the workshop",
  extra: "given an extra-work request",
  answer: "given the customer's answer",
  progress: "checked on",
  ready: "marked ready",
  deliver: "delivered",
  promise: "given a revised promise",
  schedule: "scheduled",
};

export function canApply(action: TicketAction, status: TicketStatus): boolean {
  return FROM[action].includes(status);
}

/** Why an action is refused, and what would work instead. */
export function refusal(action: TicketAction, status: TicketStatus, id: string): string {
  const now = `ticket ${id} is ${status === "onsite" ? "on site" : status === "workshop" ? "in the workshop" : status}`;
  if (status === "closed" || status === "cancelled")
    return action === "close" && status === "closed"
      ? `${now}; it cannot be closed again`
      : `${now}; it cannot be ${DONE[action]}; reopen it first with 'aftercare ticket reopen ${id}'`;
  if (action === "close")
    return `${now}; only a resolved ticket can be closed: resolve it first with 'aftercare ticket resolve ${id} --note TEXT', or cancel it`;
  if (action === "reopen") return `${now}; only a resolved, closed or cancelled ticket can be reopened`;
  if (action === "arrive") return `${now}; only a dispatched ticket can be marked on site (dispatch it first)`;
  if (action === "escalate") return `${now}; only an open, dispatched or on-site ticket can be escalated`;
  if (action === "intake" || action === "handover")
    return `${now}; a vehicle is ${DONE[action]} while its ticket is open`;
  if (action === "extra" || action === "progress" || action === "ready")
    return `${now}; only a vehicle in the workshop can be ${DONE[action]} (hand it over first: aftercare ticket handover ${id})`;
  if (action === "promise")
    return `${now}; only a vehicle in the workshop can be given a revised promise${status === "open" ? ` (hand it over first: aftercare ticket handover ${id})` : ""}`;
  if (action === "schedule") return `${now}; only a ticket not yet dispatched (open or escalated) can be scheduled`;
  if (action === "deliver")
    return `${now}; only a vehicle marked ready can be delivered (aftercare ticket ready ${id})`;
  if (status === "resolved")
    return `${now}; it cannot be ${DONE[action]}; reopen it first with 'aftercare ticket reopen ${id}'`;
  return `${now}; it cannot be ${DONE[action]}`;
}

/** Why an action does not fit a ticket of this kind, or undefined when it does. */
export function wrongKind(action: TicketAction, kind: TicketKind, id: string): string | undefined {
  const shop = SHOP_ACTIONS.includes(action);
  if (shop && kind !== "shop")
    return `ticket ${id} is a ${kind} ticket; ${action} is for vehicles at the reception desk (kind shop)`;
  if (!shop && kind === "shop" && ["dispatch", "arrive", "escalate", "schedule"].includes(action))
    return `ticket ${id} is a vehicle at the reception desk; use ticket handover / ready / deliver`;
  if (action === "schedule" && !ONSITE_KINDS.includes(kind))
    return `ticket ${id} is a ${kind} ticket; only on-site work (${ONSITE_KINDS.join(", ")}) is scheduled for a dispatch`;
  return undefined;
}

/** A step that must come first (the intake before the hand-over), or undefined. */
export function missingStep(action: TicketAction, t: Ticket, id: string): string | undefined {
  if (action === "handover" && !t.intake)
    return `ticket ${id} has no intake yet: take the vehicle in first (C-INTAKE) with 'aftercare ticket intake ${id} --plate PLATE --odometer KM --fuel LEVEL --key-tag N --papers ok'`;
  if (action === "promise" && !t.handover)
    return `ticket ${id} was never handed to the workshop: hand it over with 'aftercare ticket handover ${id} --receiver NAME --promise DATETIME'`;
  return undefined;
}

/** Why an action is refused on this ticket (kind, status, a missing step), or undefined. */
export function refuse(action: TicketAction, t: Ticket, id: string): string | undefined {
  return (
    wrongKind(action, t.kind, id) ??
    (canApply(action, t.status) ? missingStep(action, t, id) : refusal(action, t.status, id))
  );
}

export function pastTense(action: TicketAction): string {
  return DONE[action];
}

/** The status a reopened ticket returns to: the furthest step it had reached before resolution. */
export function reopenedStatus(t: Ticket): TicketStatus {
  if (t.dispatch?.arrived) return "onsite";
  if (t.dispatch) return "dispatched";
  if (t.escalation) return "escalated";
  return "open";
}

export function isOpen(t: Ticket): boolean {
  // a vehicle marked ready is still the desk's until it is delivered
  return t.status !== "resolved" && t.status !== "closed" && t.status !== "cancelled";
}
