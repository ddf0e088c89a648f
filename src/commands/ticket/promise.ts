// aftercare ticket promise (the reception desk, regulation part C): C-PROMISE: a revised promised completion.
import { EXIT, refusal, UsageError } from "../../errors.js";
import type { Context } from "../../context.js";
import { type Ticket } from "../../domain/schema.js";
import { formatShort } from "../../domain/time.js";
import { fillInto } from "../../services/ask.js";
import { dateTimeFlag } from "../../services/flags.js";
import { precheck, step } from "../../services/ticket-step.js";

/**
 * C-PROMISE revised (after approved extra work): a new promised completion for a vehicle in the
 * workshop, with who, when and why; the latest one counts for the progress check and pick-up notice.
 */
export async function ticketPromise(o: { id: string; promise?: string; reason?: string; at?: string }, ctx: Context) {
  o = { ...o, reason: o.reason?.trim() || undefined };
  if (ctx.canPrompt && (!o.promise || !o.reason)) await precheck(ctx, o.id, "promise");
  o = await fillInto(ctx, "ticket promise", o, [
    ["promise", "--promise", "q.newPromise"],
    ["reason", "--reason", "q.promiseReason"],
  ]);
  const store = await ctx.store();
  const tz = store.settings.timezone;
  const promise = (await dateTimeFlag(ctx, o.promise, "--promise"))!;
  const show = (s: string) => formatShort(new Date(s), tz);
  let was = "";
  return step(ctx, o.id, o.at, {
    action: "promise",
    detail: `(${show(promise)})`,
    get words() {
      return { time: show(promise), was };
    },
    next: (t, at, actor): Ticket => {
      const h = t.handover!;
      if (Date.parse(at) < Date.parse(h.at))
        throw refusal("rf.atBeforeHandover", { at: show(at), handover: show(h.at) }, EXIT.usage);
      if (Date.parse(promise) <= Date.parse(h.at))
        throw refusal("rf.promiseBeforeHandover", { promise: show(promise), handover: show(h.at) }, EXIT.usage);
      if (Date.parse(promise) < Date.parse(at))
        throw new UsageError(
          o.at
            ? `--promise ${show(promise)} is before --at ${show(at)}, when it was given; nothing was written`
            : `--promise ${show(promise)} is in the past (it is ${show(at)}); promise a time still to come; nothing was written`,
        );
      was = show(t.promises?.at(-1)?.promise ?? h.promise);
      return { ...t, promises: [...(t.promises ?? []), { promise, at, by: actor.name, reason: o.reason!.trim() }] };
    },
  });
}
