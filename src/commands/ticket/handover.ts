// aftercare ticket handover (the reception desk, regulation part C): C-PROMISE, C-WORKSHOP-HANDOVER: the vehicle goes to the workshop.
import { EXIT, refusal } from "../../errors.js";
import type { Context } from "../../context.js";
import { type Ticket } from "../../domain/schema.js";
import { nearestTenMinutes } from "../../domain/shop.js";
import { formatDateTime } from "../../domain/time.js";
import { fillInto } from "../../services/ask.js";
import { dateTimeFlag } from "../../services/flags.js";
import { precheck, step } from "../../services/ticket-step.js";

/** C-PROMISE, C-WORKSHOP-HANDOVER: to the workshop, signed for to the nearest ten minutes. */
export async function ticketHandover(
  o: { id: string; receiver?: string; promise?: string; at?: string },
  ctx: Context,
) {
  // the intake comes first: refuse before asking anything
  if (ctx.canPrompt && (!o.receiver || !o.promise)) await precheck(ctx, o.id, "handover");
  o = await fillInto(ctx, "ticket handover", o, [
    ["receiver", "--receiver", "q.receiver"],
    ["promise", "--promise", "q.promise"],
  ]);
  const store = await ctx.store();
  const promise = (await dateTimeFlag(ctx, o.promise, "--promise"))!;
  return step(ctx, o.id, o.at, {
    action: "handover",
    detail: `(received by ${o.receiver!.trim()})`,
    words: { who: o.receiver!.trim() },
    next: (t, at, actor): Ticket => {
      const rounded = formatDateTime(nearestTenMinutes(new Date(at)), store.settings.timezone);
      if (Date.parse(promise) <= Date.parse(rounded))
        throw refusal("rf.promiseNotAfter", { promise, at: rounded }, EXIT.usage);
      return {
        ...t,
        status: "workshop",
        handover: { at: rounded, receiver: o.receiver!.trim(), by: actor.name, promise },
      };
    },
  });
}
