// aftercare ticket close: close a resolved ticket, planning the next contact (R-NEXT-SERVICE).
import type { Context } from "../../context.js";
import { precheck, step } from "../../services/ticket-step.js";
import { planOf, withPlan } from "../../services/ticket-plan.js";

export async function ticketClose(
  opts: { id: string; at?: string; nextDate?: string; nextTopic?: string },
  ctx: Context,
) {
  // at a terminal, refuse a ticket that cannot be closed before asking about the next contact
  if (ctx.canPrompt && (opts.nextDate === undefined || opts.nextTopic === undefined))
    await precheck(ctx, opts.id, "close");
  const plan = await planOf(ctx, opts);
  return step(ctx, opts.id, opts.at, {
    action: "close",
    detail: plan && `(next contact ${plan.date})`,
    next: (t, at, actor) => ({ ...t, status: "closed", closed: at, ...withPlan(t, plan, at, actor.name) }),
    suffix: plan && ((say) => say.t("w.nextPlanned", { date: plan.date })),
  });
}
