// After a call at a terminal (issue 13, item 4): the customer's satisfaction and the next planned
// contact (R-NEXT-SERVICE), each asked when no flag gave it, each skippable with an empty answer.
// Never with --no-input, in a pipe or under cron (the caller asks only when a person can answer).
import type { Context } from "./context.js";

export interface AfterCall {
  satisfaction?: string;
  nextDate?: string;
  nextTopic?: string;
}

/**
 * The answers to what the flags left open: satisfaction (1–5 or empty), then the next contact's
 * date (empty: none planned) and what it is about. `validate` checks a typed day (planDateCheck).
 */
export async function askAfterCall<T extends AfterCall>(
  ctx: Context,
  opts: T,
  validate: (v: string) => Promise<true | string>,
): Promise<T> {
  const say = await ctx.say();
  type Check = (v: string) => true | string | Promise<true | string>;
  const ask = async (message: string, more: { required?: boolean; validate?: Check } = {}) =>
    (await ctx.prompter.input({ message, ...more })).trim() || undefined;
  const out = { ...opts };
  if (out.satisfaction === undefined)
    out.satisfaction = await ask(say.t("ask.satisfaction"), {
      validate: (s) => /^[1-5]?$/.test(s.trim()) || say.t("ask.satisfactionRange"),
    });
  if (out.nextDate === undefined && out.nextTopic === undefined) {
    out.nextDate = await ask(say.t("ask.nextDate"), { validate });
    if (out.nextDate === undefined) return out;
  }
  out.nextTopic ??= await ask(say.t("ask.nextTopic"), { required: true });
  out.nextDate ??= await ask(say.t("ask.nextDateNeeded"), { required: true, validate });
  return out;
}
