// aftercare contact edit (and call edit): correct what a logged call or letter records; says which
// duties the contact now closes.
import { EXIT, refusal, UsageError } from "../../errors.js";
import { type Context } from "../../context.js";
import { DIRECTIONS, PURPOSES, type Contact } from "../../domain/schema.js";
import { fieldWords } from "../../i18n.js";
import { choice, dateFlag, dateTimeFlag, notFuture } from "../../services/flags.js";
import { TOLD_OUTBOUND } from "../../services/contact-links.js";
import { satisfactionFlag } from "../../services/flags.js";
import { correct } from "./correct.js";

export interface EditOptions {
  id: string;
  at?: string;
  direction?: string;
  purpose?: string;
  summary?: string;
  person?: string;
  satisfaction?: string;
  told?: boolean;
  notTold?: boolean;
}

export async function contactEdit(opts: EditOptions, ctx: Context) {
  const direction = choice(opts.direction, DIRECTIONS, "--direction");
  const purpose = choice(opts.purpose, PURPOSES, "--purpose");
  if (opts.told && opts.notTold) throw refusal("rf.toldBoth", {}, EXIT.usage);
  const satisfaction = satisfactionFlag(opts.satisfaction);
  const given: string[] = (["at", "direction", "purpose", "summary", "person", "satisfaction"] as const).filter(
    (f) => opts[f] !== undefined,
  );
  if (opts.told || opts.notTold) given.push(opts.told ? "told" : "not-told");
  if (!given.length) throw new UsageError((await ctx.say()).t("k.editNothing"));
  for (const f of ["summary", "person"] as const)
    if (opts[f] !== undefined && !opts[f].trim()) throw refusal("rf.flagEmpty", { flag: f }, EXIT.usage);
  return correct(ctx, opts.id, async (k, say) => {
    const next: Contact = { ...k.value };
    if (opts.at !== undefined) {
      const dated = k.value.channel === "letter" && !/[T ]\d|^\d{1,2}:\d\d$/.test(opts.at.trim());
      next.at = (await notFuture(
        ctx,
        dated ? await dateFlag(ctx, opts.at, "--at") : await dateTimeFlag(ctx, opts.at, "--at"),
        "--at",
      ))!;
    }
    if (direction) {
      if (k.value.channel === "letter" && direction === "in") throw refusal("rf.letterOut", { id: k.id }, EXIT.usage);
      next.direction = direction;
    }
    if (purpose) next.purpose = purpose;
    if (opts.summary !== undefined) next.summary = opts.summary;
    if (opts.person !== undefined) next.person = opts.person;
    if (satisfaction !== undefined) next.satisfaction = satisfaction;
    if (opts.told) next.told = true;
    if (opts.notTold) delete next.told;
    if (next.told && (next.direction !== "in" || next.channel !== "call"))
      throw new UsageError(
        opts.told
          ? `${k.id} is ${k.value.channel === "letter" ? "a letter" : "an outbound call"}: ${TOLD_OUTBOUND}`
          : `${k.id} is marked told (an inbound call in which the customer was told); an outbound contact is not: add --not-told; nothing was written`,
      );
    const fields = given.join(", ");
    return {
      next,
      subject: `contact ${k.id} edited (${fields})`,
      sentence: say.t("k.edited", { id: k.id, fields: fieldWords(say.locale, given) }),
    };
  });
}
