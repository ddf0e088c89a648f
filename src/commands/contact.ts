// aftercare call log | letter log: every conversation and letter, written down (R-RECORD-CALL,
// R-CALL-REGISTER, R-LETTER-REGISTER), with the next contact it plans (R-NEXT-SERVICE).
import { UsageError } from "../errors.js";
import type { Context } from "../context.js";
import { contactSchema, DIRECTIONS, LETTER_KINDS, PURPOSES, type Contact } from "../domain/schema.js";
import { oneLine } from "../format/text.js";
import type { Loaded } from "../store/store.js";
import { isOpen } from "../domain/ticket.js";
import { choice, customerOrAsk, dateFlag, dateTimeFlag, fill, findCustomer, findRecord, nowStamp, written } from "./common.js";
import { allDuties } from "./due.js";

/**
 * Who and what a contact is about, as the fields of the record: the customer (--ticket alone is
 * enough to know it), the ticket and the event.
 */
async function about(ctx: Context, opts: { customer?: string; ticket?: string; event?: string }): Promise<{ customer: Loaded<"customer">; ticket?: string; fields: Pick<Contact, "customer" | "ticket" | "event"> }> {
  const t = opts.ticket ? await findRecord(ctx, "ticket", opts.ticket) : undefined;
  const c = !opts.customer && t ? await (await ctx.store()).get("customer", t.value.customer) : await findCustomer(ctx, opts.customer!);
  if (t && t.value.customer !== c.id) throw new UsageError(`ticket ${t.id} belongs to customer ${t.value.customer}, not to ${c.id}; nothing was written`);
  const event = opts.event ? (await findRecord(ctx, "event", opts.event)).id : undefined;
  return { customer: c, ticket: t?.id, fields: { customer: c.id, ticket: t?.id, event } };
}

async function save(ctx: Context, value: Contact, subjectLine: string, sentence: string) {
  const store = await ctx.store();
  const actor = await ctx.actor();
  const clean = contactSchema.parse({ ...value, staff: actor.name });
  return ctx.writing(async () => {
    const rec = await store.create("contact", clean, await ctx.now(), ctx.random);
    await ctx.commit([rec.path], subjectLine.replace("{id}", rec.id), actor);
    written(ctx, rec, sentence.replace("{id}", rec.id));
    return rec;
  });
}

export interface CallLogOptions {
  customer?: string;
  ticket?: string;
  event?: string;
  direction?: string;
  purpose?: string;
  summary?: string;
  at?: string;
  person?: string;
  request?: string[];
  complaint?: string[];
  satisfaction?: string;
  nextDate?: string;
  nextTopic?: string;
  /** at a terminal: the purpose suggested by the duty the call answers */
  purposeDefault?: string;
}

/** What a call with this customer most likely answers: their open ticket, the duty due first. */
async function callDefaults(ctx: Context, customer: string, opts: CallLogOptions): Promise<Partial<CallLogOptions>> {
  const store = await ctx.store();
  const open = (await store.all("ticket", () => undefined)).filter((t) => t.value.customer === customer && isOpen(t.value)).sort((a, b) => b.value.received.localeCompare(a.value.received));
  const { list } = await allDuties(ctx);
  const duty = list.find((d) => d.customer === customer && (d.state === "due" || d.state === "overdue"));
  const ticket = opts.ticket ?? (open.length
    ? await ctx.prompter.select<string>({
        message: "Ticket the call is about",
        choices: [...open.map((t) => ({ name: `${t.id} ${oneLine(t.value.problem, 40)} (${t.value.status})`, value: t.id })), { name: "none", value: "" }],
        default: duty?.ticket ?? open[0]!.id,
      })
    : "");
  const purpose = duty && ({ "R-FOLLOWUP-1": "followup", "R-FOLLOWUP-2": "followup", "R-NEXT-SERVICE": "followup", "R-EVENT-NOTICE": "notice", "C-APPOINTMENT": "reminder", "C-READY-NOTICE": "notice", "R-ANSWER-SAME-DAY": "other" } as Record<string, string>)[duty.rule];
  return { ticket: ticket || undefined, purposeDefault: purpose, event: opts.event ?? duty?.event };
}

export async function callLog(opts: CallLogOptions, ctx: Context) {
  choice(opts.direction, DIRECTIONS, "--direction");
  choice(opts.purpose, PURPOSES, "--purpose");
  if (!opts.customer && !opts.ticket && ctx.canPrompt) {
    // walk the clerk through: the customer, their open ticket, and what the call answers
    const c = (await customerOrAsk(ctx, undefined))!;
    opts = { ...opts, customer: c.id, ...(await callDefaults(ctx, c.id, opts)) };
  }
  const [, direction0, purpose0, summary] = await fill(ctx, "call log", [
    { flag: "--customer (or --ticket)", value: opts.customer ?? opts.ticket, message: "Customer" },
    { flag: "--direction", value: opts.direction, message: "Who called", choices: [{ name: "they called us (in)", value: "in" }, { name: "we called them (out)", value: "out" }], default: "out" },
    { flag: "--purpose", value: opts.purpose, message: "What the call was for", choices: PURPOSES, default: opts.purposeDefault ?? "followup" },
    { flag: "--summary", value: opts.summary, message: "Key points of the conversation" },
  ]);
  const direction = choice(direction0, DIRECTIONS, "--direction")!;
  const purpose = choice(purpose0, PURPOSES, "--purpose")!;
  opts = { ...opts, summary };
  let satisfaction: number | undefined;
  if (opts.satisfaction !== undefined) {
    satisfaction = Number(opts.satisfaction);
    if (!/^[1-5]$/.test(opts.satisfaction.trim())) throw new UsageError(`--satisfaction "${opts.satisfaction}" must be a whole number from 1 (poor) to 5 (excellent); nothing was written`);
  }
  if ((opts.nextDate === undefined) !== (opts.nextTopic === undefined))
    throw new UsageError("--next-date and --next-topic go together: the planned next contact needs its date and what it is about; nothing was written");
  const nextDate = await dateFlag(ctx, opts.nextDate, "--next-date");
  const at = (await dateTimeFlag(ctx, opts.at, "--at")) ?? (await nowStamp(ctx));
  const { customer, ticket, fields } = await about(ctx, opts);
  const value: Contact = {
    ...fields,
    at,
    channel: "call",
    direction,
    purpose,
    staff: "",
    person: opts.person,
    summary: opts.summary,
    requests: opts.request?.length ? opts.request : undefined,
    complaints: opts.complaint?.length ? opts.complaint : undefined,
    satisfaction,
    next: nextDate ? { date: nextDate, topic: opts.nextTopic! } : undefined,
  };
  const dir = direction === "in" ? "inbound" : "outbound";
  const say = await ctx.say();
  const sentence = say.t("w.loggedCall", { direction: say.word(direction), purpose: say.value(purpose), id: "{id}", customer: oneLine(customer.value.name) }) + (nextDate ? say.t("w.nextPlanned", { date: nextDate }) : "");
  return save(ctx, value, `call {id} logged (${dir} ${purpose}${ticket ? `, ${ticket}` : ""}) — ${customer.value.name}`, sentence);
}

export interface LetterLogOptions {
  customer?: string;
  ticket?: string;
  event?: string;
  kind?: string;
  subject?: string;
  sent?: string;
  summary?: string;
}

const LETTER_PURPOSE = { notice: "notice", invitation: "notice", reply: "followup" } as const;

export async function letterLog(opts: LetterLogOptions, ctx: Context) {
  choice(opts.kind, LETTER_KINDS, "--kind");
  if (!opts.customer && !opts.ticket) opts = { ...opts, customer: (await customerOrAsk(ctx, undefined))?.id };
  const [, kind0, subject] = await fill(ctx, "letter log", [
    { flag: "--customer (or --ticket)", value: opts.customer ?? opts.ticket, message: "Customer" },
    { flag: "--kind", value: opts.kind, message: "Kind of letter", choices: LETTER_KINDS, default: "notice" },
    { flag: "--subject", value: opts.subject, message: "Subject" },
  ]);
  const kind = choice(kind0, LETTER_KINDS, "--kind")!;
  opts = { ...opts, subject };
  const sent = opts.sent === undefined ? (await nowStamp(ctx)).slice(0, 10) : /[T ]\d|^\d{1,2}:\d\d$/.test(opts.sent.trim()) ? await dateTimeFlag(ctx, opts.sent, "--sent") : await dateFlag(ctx, opts.sent, "--sent");
  const { customer, fields } = await about(ctx, opts);
  const value: Contact = {
    ...fields,
    at: sent!,
    channel: "letter",
    direction: "out",
    purpose: LETTER_PURPOSE[kind],
    staff: "",
    letter: { kind, subject: opts.subject! },
    summary: opts.summary,
  };
  const say = await ctx.say();
  return save(ctx, value, `letter {id} logged (${kind}: ${opts.subject!.trim()}) — ${customer.value.name}`, say.t("w.loggedLetter", { kind: say.value(kind), id: "{id}", customer: oneLine(customer.value.name), date: sent! }));
}
