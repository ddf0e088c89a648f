// aftercare ticket ready (the reception desk, regulation part C): C-READY-NOTICE: the job is done.
import { refusal } from "../../errors.js";
import type { Context } from "../../context.js";
import { type Ticket } from "../../domain/schema.js";
import { billOf } from "../../domain/shop.js";
import { step } from "../../services/ticket-step.js";
import { money } from "./shop.js";

/** C-READY-NOTICE: the job is done, belongings counted back, the bill totalled. */
export async function ticketReady(
  o: { id: string; missing?: string; bill?: string; note?: string; at?: string },
  ctx: Context,
) {
  const bill = money(o.bill, "--bill");
  return step(ctx, o.id, o.at, {
    action: "ready",
    next: (t, at, actor): Ticket => {
      const pending = (t.extras ?? []).filter((x) => !x.answer);
      if (pending.length)
        throw refusal("rf.extrasPending", {
          n: pending.length,
          nos: pending.map((x) => x.no).join(", "),
          id: o.id,
        });
      return {
        ...t,
        status: "ready",
        ready: {
          at,
          by: actor.name,
          belongings: !o.missing,
          bill: bill ?? billOf(t),
          note: o.missing ? `missing: ${o.missing}` : o.note,
        },
      };
    },
  });
}
