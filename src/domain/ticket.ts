// A ticket's life: open → escalated → dispatched → on site → resolved → closed (or cancelled, or
// reopened). Pure functions from a ticket and an action to the next ticket.
import type { Ticket, TicketStatus } from "./schema.js";

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
  | "deliver";

export const SHOP_ACTIONS: readonly TicketAction[] = ["intake", "estimate", "handover", "extra", "answer", "progress", "ready", "deliver"];

const FROM: Record<TicketAction, readonly TicketStatus[]> = {
  escalate: ["open"],
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
  if (action === "close") return `${now}; only a resolved ticket can be closed: resolve it first with 'aftercare ticket resolve ${id} --note TEXT', or cancel it`;
  if (action === "reopen") return `${now}; only a resolved, closed or cancelled ticket can be reopened`;
  if (action === "arrive") return `${now}; only a dispatched ticket can be marked on site (dispatch it first)`;
  if (action === "escalate") return `${now}; only an open ticket can be escalated`;
  if (action === "intake" || action === "handover") return `${now}; a vehicle is ${DONE[action]} while its ticket is open`;
  if (action === "extra" || action === "progress" || action === "ready") return `${now}; only a vehicle in the workshop can be ${DONE[action]} (hand it over first: aftercare ticket handover ${id})`;
  if (action === "deliver") return `${now}; only a vehicle marked ready can be delivered (aftercare ticket ready ${id})`;
  if (status === "resolved") return `${now}; it cannot be ${DONE[action]}; reopen it first with 'aftercare ticket reopen ${id}'`;
  return `${now}; it cannot be ${DONE[action]}`;
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
