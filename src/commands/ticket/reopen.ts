// aftercare ticket reopen: a resolved, closed or cancelled ticket is open again.
import type { Context } from "../../context.js";
import { type Ticket } from "../../domain/schema.js";
import { reopenedStatus } from "../../domain/ticket.js";
import { step } from "../../services/ticket-step.js";

export async function ticketReopen(opts: { id: string; note?: string; at?: string }, ctx: Context) {
  return step(ctx, opts.id, opts.at, {
    action: "reopen",
    next: (t, at, actor) => {
      const base: Ticket = { ...t, resolution: undefined, closed: undefined, cancelled: undefined };
      // the solution and close taken back stay on record: a request solved within the day was solved (R-ESC-1DAY)
      return {
        ...base,
        status: reopenedStatus(base),
        reopened: [
          ...(t.reopened ?? []),
          { at, by: actor.name, note: opts.note, resolution: t.resolution, closed: t.closed },
        ],
      };
    },
  });
}
