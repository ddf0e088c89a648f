// aftercare ticket resolve: the solution, told the customer the same day (R-ANSWER-SAME-DAY).
import { UsageError } from "../../errors.js";
import type { Context } from "../../context.js";
import { fillInto } from "../../services/ask.js";
import { step } from "../../services/ticket-step.js";

export async function ticketResolve(opts: { id: string; note?: string; at?: string }, ctx: Context) {
  if (!opts.note?.trim()) {
    if (!ctx.canPrompt)
      throw new UsageError(
        "ticket resolve needs --note TEXT: what solved it (the customer is told this, R-ANSWER-SAME-DAY); nothing was written",
      );
    opts = await fillInto(ctx, "ticket resolve", opts, [["note", "--note", "q.solution"]]);
  }
  return step(ctx, opts.id, opts.at, {
    action: "resolve",
    next: (t, at, actor) => ({ ...t, status: "resolved", resolution: { at, by: actor.name, note: opts.note! } }),
  });
}
