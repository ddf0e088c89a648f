// aftercare ticket answer (the reception desk, regulation part C): C-EXTRA-WORK: the customer's answer on an extra-work request.
import { EXIT, refusal, UserError } from "../../errors.js";
import type { Context } from "../../context.js";
import { VIA, type Ticket } from "../../domain/schema.js";
import { choice, dateTimeFlag } from "../../services/flags.js";
import { step } from "../../services/ticket-step.js";

export interface AnswerOptions {
  id: string;
  no: string;
  approved?: boolean;
  declined?: boolean;
  by?: string;
  via?: string;
  passed?: string;
  at?: string;
}

export async function ticketAnswer(o: AnswerOptions, ctx: Context) {
  if (Boolean(o.approved) === Boolean(o.declined)) throw refusal("rf.answerOneOf", {}, EXIT.usage);
  const via = choice(o.via ?? "phone", VIA, "--via")!;
  const no = Number(o.no);
  const passed = await dateTimeFlag(ctx, o.passed, "--passed");
  return step(ctx, o.id, o.at, {
    action: "answer",
    detail: `${no} ${o.approved ? "approved" : "declined"}`,
    words: { no: String(no), answer: o.approved ? "approved" : "declined" },
    next: (t, at): Ticket => {
      const x = t.extras?.find((e) => e.no === no);
      if (!x)
        throw new UserError(
          `ticket ${o.id} has no extra-work request ${o.no}${t.extras?.length ? ` (it has 1–${t.extras.length})` : ""}; nothing was written`,
        );
      if (x.answer)
        throw new UserError(
          `extra-work request ${no} was already ${x.answer.approved ? "approved" : "declined"} at ${x.answer.at}; nothing was written`,
        );
      const customer = o.by;
      return {
        ...t,
        extras: t.extras!.map((e) =>
          e.no === no
            ? { ...e, answer: { approved: Boolean(o.approved), at, by: customer, via, passed: passed ?? at } }
            : e,
        ),
      };
    },
  });
}
