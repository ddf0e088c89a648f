// aftercare ticket progress (the reception desk, regulation part C): C-PROGRESS-CHECK: the progress check with the workshop.
import type { Context } from "../../context.js";
import { type Ticket } from "../../domain/schema.js";
import { dateTimeFlag } from "../../services/flags.js";
import { step } from "../../services/ticket-step.js";

export async function ticketProgress(o: { id: string; note?: string; finish?: string; at?: string }, ctx: Context) {
  const finish = await dateTimeFlag(ctx, o.finish, "--finish");
  return step(ctx, o.id, o.at, {
    action: "progress",
    next: (t, at, actor): Ticket => ({
      ...t,
      progress: [...(t.progress ?? []), { at, by: actor.name, note: o.note, finish }],
    }),
  });
}
