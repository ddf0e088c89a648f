// aftercare ticket schedule: nobody can be sent at once (R-DISPATCH).
import { EXIT, refusal } from "../../errors.js";
import type { Context } from "../../context.js";
import { dayOf } from "../../domain/time.js";
import { fillInto } from "../../services/ask.js";
import { dateFlag } from "../../services/flags.js";
import { precheck, step } from "../../services/ticket-step.js";

/** R-DISPATCH: nobody can be sent at once; when the job is scheduled and why (the customer is told). */
export async function ticketSchedule(opts: { id: string; date?: string; reason?: string }, ctx: Context) {
  opts = { ...opts, reason: opts.reason?.trim() || undefined };
  if ((!opts.date || !opts.reason) && ctx.canPrompt) await precheck(ctx, opts.id, "schedule");
  opts = await fillInto(ctx, "ticket schedule", opts, [
    ["date", "--date", "q.scheduleDate"],
    ["reason", "--reason", "q.scheduleReason"],
  ]);
  const date = (await dateFlag(ctx, opts.date, "--date"))!;
  const today = dayOf(await ctx.now(), (await ctx.store()).settings.timezone);
  if (date < today) throw refusal("rf.schedulepast", { date, today }, EXIT.usage);
  return step(ctx, opts.id, undefined, {
    action: "schedule",
    detail: `for ${date}`,
    words: { date },
    next: (t, at, actor) => ({ ...t, schedule: { date, reason: opts.reason!.trim(), at, by: actor.name } }),
  });
}
