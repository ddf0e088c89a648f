// aftercare ticket extra (the reception desk, regulation part C): C-EXTRA-WORK: extra work the workshop found.
import type { Context } from "../../context.js";
import { type Ticket } from "../../domain/schema.js";
import { fillInto } from "../../services/ask.js";
import { step } from "../../services/ticket-step.js";
import { money } from "./shop.js";

/** C-EXTRA-WORK: the workshop found more to do; the customer must answer before it is done. */
export interface ExtraOptions {
  id: string;
  item?: string;
  safety?: boolean;
  effect?: string;
  amount?: string;
  at?: string;
}

export async function ticketExtra(o: ExtraOptions, ctx: Context) {
  o = await fillInto(ctx, "ticket extra", o, [["item", "--item", "q.extraItem"]]);
  const amount = money(o.amount, "--amount");
  return step(ctx, o.id, o.at, {
    action: "extra",
    detail: `(${o.item!.trim()})`,
    words: { item: o.item!.trim() },
    print: (t) => String(t.extras!.length),
    next: (t, at, actor): Ticket => ({
      ...t,
      extras: [
        ...(t.extras ?? []),
        {
          no: (t.extras?.length ?? 0) + 1,
          item: o.item!,
          safety: o.safety || undefined,
          effect: o.effect,
          amount,
          asked: at,
          by: actor.name,
        },
      ],
    }),
  });
}
