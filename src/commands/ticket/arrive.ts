// aftercare ticket arrive: the technician is on site.
import type { Context } from "../../context.js";
import { step } from "../../services/ticket-step.js";

export async function ticketArrive(opts: { id: string; at?: string }, ctx: Context) {
  return step(ctx, opts.id, opts.at, {
    action: "arrive",
    next: (t, at) => ({ ...t, status: "onsite", dispatch: { ...t.dispatch!, arrived: at } }),
  });
}
