// aftercare ticket deliver (the reception desk, regulation part C): the customer collects the vehicle and pays.
import type { Context } from "../../context.js";
import { type Ticket } from "../../domain/schema.js";
import { fillInto } from "../../services/ask.js";
import { step } from "../../services/ticket-step.js";
import { planOf, withPlan } from "../../services/ticket-plan.js";
import { money } from "./shop.js";

export async function ticketDeliver(
  o: { id: string; paid?: string; at?: string; nextDate?: string; nextTopic?: string },
  ctx: Context,
) {
  o = await fillInto(ctx, "ticket deliver", o, [["paid", "--paid", "q.paid"]]);
  const paid = money(o.paid, "--paid")!;
  // the delivery closes the ticket: plan the next contact as closing does (R-NEXT-SERVICE)
  const plan = await planOf(ctx, o);
  return step(ctx, o.id, o.at, {
    action: "deliver",
    detail: plan && `(next contact ${plan.date})`,
    next: (t, at, actor): Ticket => ({
      ...t,
      status: "closed",
      delivery: { at, by: actor.name, paid },
      closed: at,
      ...withPlan(t, plan, at, actor.name),
    }),
    suffix: plan && ((say) => say.t("w.nextPlanned", { date: plan.date })),
  });
}
