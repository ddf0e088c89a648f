// A ticket's life: open → escalated → dispatched → on site → resolved → closed (or cancelled, or
// reopened). Pure functions from a ticket and an action to the next ticket.
import type { MessageKey, Worded } from "../i18n.js";
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

const done = (action: TicketAction): Worded => ({ key: `do.${action}` });

/** Why an action is refused, and what would work instead (worded from the catalogue: tk.*). */
function statusRefusal(action: TicketAction, status: TicketStatus, id: string): Worded {
  const now: Worded = { key: "tk.now", params: { id, status: { key: `word.${status}` } } };
  const say = (key: MessageKey): Worded => ({ key, params: { now, id, done: done(action) } });
  if (status === "closed" || status === "cancelled")
    return action === "close" && status === "closed" ? say("tk.closedAgain") : say("tk.reopenFirst");
  if (action === "close") return say("tk.closeOnlyResolved");
  if (action === "reopen") return say("tk.reopenOnly");
  if (action === "arrive") return say("tk.arriveOnly");
  if (action === "escalate") return say("tk.escalateOnly");
  if (action === "intake" || action === "handover") return say("tk.vehicleOpen");
  if (action === "extra" || action === "progress" || action === "ready") return say("tk.workshopOnly");
  if (action === "promise") return say(status === "open" ? "tk.promiseOnlyOpen" : "tk.promiseOnly");
  if (action === "schedule") return say("tk.scheduleOnly");
  if (action === "deliver") return say("tk.deliverOnly");
  if (status === "resolved") return say("tk.reopenFirst");
  return say("tk.cannot");
}

/** Why an action does not fit a ticket of this kind, or undefined when it does. */
export function wrongKind(action: TicketAction, kind: TicketKind, id: string): Worded | undefined {
  const shop = SHOP_ACTIONS.includes(action);
  if (shop && kind !== "shop") return { key: "tk.notShop", params: { id, kind: { value: kind }, action } };
  if (!shop && kind === "shop" && ["dispatch", "arrive", "escalate", "schedule"].includes(action))
    return { key: "tk.shopNotOnsite", params: { id } };
  if (action === "schedule" && !ONSITE_KINDS.includes(kind))
    return { key: "tk.scheduleKind", params: { id, kind: { value: kind }, kinds: { values: ONSITE_KINDS } } };
  return undefined;
}

/** A step that must come first (the intake before the hand-over), or undefined. */
export function missingStep(action: TicketAction, t: Ticket, id: string): Worded | undefined {
  if (action === "handover" && !t.intake) return { key: "tk.noIntake", params: { id } };
  if (action === "promise" && !t.handover) return { key: "tk.noHandover", params: { id } };
  return undefined;
}

/** Why an action is refused on this ticket (kind, status, a missing step), or undefined. */
export function refuse(action: TicketAction, t: Ticket, id: string): Worded | undefined {
  return (
    wrongKind(action, t.kind, id) ??
    (canApply(action, t.status) ? missingStep(action, t, id) : statusRefusal(action, t.status, id))
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
