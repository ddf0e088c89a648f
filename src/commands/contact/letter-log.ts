// aftercare letter log: a letter sent to a customer (R-LETTER-REGISTER).
import type { Context } from "../../context.js";
import { LETTER_KINDS, type Contact } from "../../domain/schema.js";
import { oneLine } from "../../format/text.js";
import { customerOrAsk, fill } from "../../services/ask.js";
import { choice, dateFlag, dateTimeFlag, notFuture, nowStamp } from "../../services/flags.js";
import { about, planFlag, save } from "./log.js";

export interface LetterLogOptions {
  customer?: string;
  ticket?: string;
  event?: string;
  kind?: string;
  subject?: string;
  sent?: string;
  summary?: string;
  /** the contact (K-…) or ticket (T-…) whose planned next contact this letter carries out */
  plan?: string;
}

const LETTER_PURPOSE = { notice: "notice", invitation: "notice", reply: "followup" } as const;

export async function letterLog(opts: LetterLogOptions, ctx: Context) {
  choice(opts.kind, LETTER_KINDS, "--kind");
  if (!opts.customer && !opts.ticket) opts = { ...opts, customer: (await customerOrAsk(ctx, undefined))?.id };
  const [, kind0, subject] = await fill(ctx, "letter log", [
    { flag: { key: "q.flag.customerOrTicket" }, value: opts.customer ?? opts.ticket, message: "q.customer" },
    { flag: "--kind", value: opts.kind, message: "q.letterKind", choices: LETTER_KINDS, default: "notice" },
    { flag: "--subject", value: opts.subject, message: "q.subject" },
  ]);
  const kind = choice(kind0, LETTER_KINDS, "--kind")!;
  opts = { ...opts, subject };
  const sent = await notFuture(
    ctx,
    opts.sent === undefined
      ? (await nowStamp(ctx)).slice(0, 10)
      : /[T ]\d|^\d{1,2}:\d\d$/.test(opts.sent.trim())
        ? await dateTimeFlag(ctx, opts.sent, "--sent")
        : await dateFlag(ctx, opts.sent, "--sent"),
    "--sent",
  );
  const { customer, fields } = await about(ctx, opts);
  const plan = await planFlag(ctx, opts.plan, customer.id);
  const value: Contact = {
    ...fields,
    ...plan,
    at: sent!,
    channel: "letter",
    direction: "out",
    purpose: LETTER_PURPOSE[kind],
    staff: "",
    letter: { kind, subject: opts.subject! },
    summary: opts.summary,
  };
  const say = await ctx.say();
  return save(
    ctx,
    value,
    `letter {id} logged (${kind}: ${opts.subject!.trim()}) — ${customer.value.name}`,
    say.t("w.loggedLetter", { kind: say.value(kind), id: "{id}", customer: oneLine(customer.value.name), date: sent! }),
  );
}
