// R-NEXT-SERVICE: the next contact planned while filing or closing a ticket.
import { EXIT, refusal, UsageError } from "../errors.js";
import type { Context } from "../context.js";
import type { Ticket } from "../domain/schema.js";
import { dayOf } from "../domain/time.js";
import { dateFlag, planDateCheck } from "./flags.js";

export interface Plan {
  date: string;
  topic: string;
}

/**
 * R-NEXT-SERVICE: the next contact planned while filing or closing a ticket, from --next-date and
 * --next-topic (both or neither), else asked at a terminal (an empty date plans none). The date is
 * today or later in the store's zone.
 */
export async function planOf(ctx: Context, o: { nextDate?: string; nextTopic?: string }): Promise<Plan | undefined> {
  let { nextDate: date, nextTopic: topic } = o;
  const tz = (await ctx.store()).settings.timezone;
  const today = dayOf(await ctx.now(), tz);
  const validate = await planDateCheck(ctx);
  if (date === undefined && topic === undefined) {
    if (!ctx.canPrompt) return undefined;
    date = (await ctx.prompter.input({ message: (await ctx.say()).t("ask.nextDate"), validate })).trim();
    if (!date) return undefined;
  }
  if (ctx.canPrompt && topic === undefined)
    topic = await ctx.prompter.input({ message: (await ctx.say()).t("ask.nextTopic"), required: true });
  if (ctx.canPrompt && date === undefined)
    date = await ctx.prompter.input({ message: (await ctx.say()).t("ask.nextDateNeeded"), required: true, validate });
  if (date === undefined || topic === undefined) throw new UsageError((await ctx.say()).t("plan.together"));
  if (!topic.trim()) throw new UsageError((await ctx.say()).t("plan.emptyTopic"));
  const day = (await dateFlag(ctx, date, "--next-date"))!;
  if (day < today) throw refusal("rf.nextPast", { day, today }, EXIT.usage);
  return { date: day, topic: topic.trim() };
}

/** A ticket's plans with one more. */
export const withPlan = (t: Ticket, plan: Plan | undefined, at: string, by: string): Pick<Ticket, "plans"> =>
  plan ? { plans: [...(t.plans ?? []), { date: plan.date, topic: plan.topic, at, by }] } : {};
