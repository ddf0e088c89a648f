// aftercare ticket cancel: its duties no longer apply.
import type { Context } from "../../context.js";
import { fillInto } from "../../services/ask.js";
import { precheck, step } from "../../services/ticket-step.js";

export async function ticketCancel(opts: { id: string; reason?: string; at?: string }, ctx: Context) {
  opts = { ...opts, reason: opts.reason?.trim() || undefined };
  if (!opts.reason && ctx.canPrompt) await precheck(ctx, opts.id, "cancel");
  const { reason } = await fillInto(ctx, "ticket cancel", opts, [["reason", "--reason", "q.cancelReason"]]);
  return step(ctx, opts.id, opts.at, {
    action: "cancel",
    next: (t, at) => ({ ...t, status: "cancelled", cancelled: { at, reason: reason!.trim() } }),
  });
}
