// aftercare call log: a phone call, inbound or outbound (R-RECORD-CALL, R-CALL-REGISTER), linked to
// the ticket whose open duty it answers.
import { UsageError } from "../../errors.js";
import type { Context } from "../../context.js";
import { DIRECTIONS, PURPOSES, type Contact } from "../../domain/schema.js";
import { oneLine } from "../../format/text.js";
import { isOpen } from "../../domain/ticket.js";
import { customerOrAsk, fill } from "../../services/ask.js";
import { choice, dateTimeFlag, notFuture, nowStamp, planDateCheck } from "../../services/flags.js";
import { allDuties } from "../../services/duties.js";
import { byUrgency, type Duty } from "../../domain/duties/index.js";
import { findLinks, TOLD_OUTBOUND } from "../../services/contact-links.js";
import { satisfactionFlag } from "../../services/flags.js";
import { askAfterCall } from "../../prompt-call.js";
import { about, nextDateFlag, planFlag, save } from "./log.js";

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
  /** an inbound call in which the customer was told what a duty asks */
  told?: boolean;
  /** the contact (K-…) or ticket (T-…) whose planned next contact this call carries out */
  plan?: string;
  /** at a terminal: the purpose suggested by the duty the call answers */
  purposeDefault?: string;
}

const OPEN = new Set(["due", "overdue", "upcoming"]);

const PURPOSE_OF: Record<string, string> = {
  "R-FOLLOWUP-1": "followup",
  "R-FOLLOWUP-2": "followup",
  "R-NEXT-SERVICE": "followup",
  "R-EVENT-NOTICE": "notice",
  "C-APPOINTMENT": "reminder",
  "C-READY-NOTICE": "notice",
  "R-ANSWER-SAME-DAY": "other",
};

/**
 * What a call with this customer most likely answers: the ticket question offers every ticket of
 * theirs with an open duty (closed or not) and their open tickets, the most urgent duty's first.
 */
async function callDefaults(
  ctx: Context,
  customer: string,
  opts: CallLogOptions,
): Promise<Partial<CallLogOptions> & { asked: boolean }> {
  const store = await ctx.store();
  // this customer's duties and tickets only: from the index, else from every file
  const { list } = await allDuties(ctx, { customer });
  const mine = list.filter((d) => d.customer === customer && OPEN.has(d.state)).sort(byUrgency);
  const urgent = new Map<string, Duty>();
  for (const d of mine) if (d.ticket && !urgent.has(d.ticket)) urgent.set(d.ticket, d);
  const idx = await ctx.index();
  const offered = (idx ? idx.group(customer).tickets : await store.all("ticket", () => undefined))
    .filter((t) => t.value.customer === customer && (isOpen(t.value) || urgent.has(t.id)))
    .sort((a, b) => {
      const da = urgent.get(a.id);
      const db = urgent.get(b.id);
      return da && db ? byUrgency(da, db) : da ? -1 : db ? 1 : b.value.received.localeCompare(a.value.received);
    });
  const say = await ctx.say();
  const asked = !opts.ticket && offered.length > 0;
  const ticket =
    opts.ticket ??
    (asked
      ? await ctx.prompter.select<string>({
          message: say.t("q.ticketOfCall"),
          choices: [
            ...offered.map((t) => {
              const d = urgent.get(t.id);
              return {
                name: `${t.id} ${oneLine(t.value.problem, 40)} (${say.value(t.value.status)})${d ? ` — ${d.rule} ${say.word(d.state)}` : ""}`,
                value: t.id,
              };
            }),
            { name: say.t("q.none"), value: "" },
          ],
          default: offered[0]!.id,
        })
      : "");
  const pressing = (d: Duty) => d.state === "due" || d.state === "overdue";
  const duty =
    (ticket ? mine.find((d) => d.ticket === ticket && pressing(d)) : undefined) ??
    mine.find((d) => !d.ticket && pressing(d)) ??
    mine.find(pressing);
  const purpose = duty && PURPOSE_OF[duty.rule];
  return { ticket: ticket || undefined, purposeDefault: purpose, event: opts.event ?? duty?.event, asked };
}

/**
 * The call's flags, with what is missing asked at a terminal (walking the clerk through the call:
 * the customer, their ticket, what the call answers, then satisfaction and the next contact).
 */
async function askCall(ctx: Context, opts: CallLogOptions) {
  choice(opts.direction, DIRECTIONS, "--direction");
  choice(opts.purpose, PURPOSES, "--purpose");
  if (opts.told && opts.direction === "out") throw new UsageError(TOLD_OUTBOUND);
  let ticketAsked = false;
  if (!opts.customer && !opts.ticket && ctx.canPrompt) {
    // walk the clerk through: the customer, their ticket, and what the call answers
    const c = (await customerOrAsk(ctx, undefined))!;
    const { asked, ...defaults } = await callDefaults(ctx, c.id, opts);
    opts = { ...opts, customer: c.id, ...defaults };
    ticketAsked = asked;
  }
  const [, direction0, purpose0, summary] = await fill(ctx, "call log", [
    { flag: { key: "q.flag.customerOrTicket" }, value: opts.customer ?? opts.ticket, message: "q.customer" },
    {
      flag: "--direction",
      value: opts.direction,
      message: "q.whoCalled",
      choices: [
        { name: { key: "q.calledIn" }, value: "in" },
        { name: { key: "q.calledOut" }, value: "out" },
      ],
      default: "out",
    },
    {
      flag: "--purpose",
      value: opts.purpose,
      message: "q.callPurpose",
      choices: PURPOSES,
      default: opts.purposeDefault ?? "followup",
    },
    { flag: "--summary", value: opts.summary, message: "q.callSummary" },
  ]);
  const direction = choice(direction0, DIRECTIONS, "--direction")!;
  const purpose = choice(purpose0, PURPOSES, "--purpose")!;
  if (opts.told && direction !== "in") throw new UsageError(TOLD_OUTBOUND);
  opts = { ...opts, summary };
  // at a terminal: satisfaction and the next contact, when no flag gave them (both skippable; issue 13, item 4)
  if (ctx.canPrompt) opts = await askAfterCall(ctx, opts, await planDateCheck(ctx));
  return { opts, direction, purpose, ticketAsked };
}

export async function callLog(opts: CallLogOptions, ctx: Context) {
  const asked = await askCall(ctx, opts);
  const { direction, purpose, ticketAsked } = asked;
  opts = asked.opts;
  const satisfaction = satisfactionFlag(opts.satisfaction);
  if ((opts.nextDate === undefined) !== (opts.nextTopic === undefined))
    throw new UsageError((await ctx.say()).t("plan.together"));
  const nextDate = await nextDateFlag(ctx, opts.nextDate);
  const at = (await notFuture(ctx, await dateTimeFlag(ctx, opts.at, "--at"), "--at")) ?? (await nowStamp(ctx));
  const found = await about(ctx, opts);
  const { customer } = found;
  let { fields } = found;
  const plan = await planFlag(ctx, opts.plan, customer.id);
  const draft: Contact = {
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
    told: opts.told || undefined,
    ...plan,
    satisfaction,
    next: nextDate ? { date: nextDate, topic: opts.nextTopic! } : undefined,
  };
  // no --ticket (and no answer to the ticket question): the ticket whose open duty the call answers;
  // a notice call without --event: the event it announces (any other call may not have mentioned one)
  const look = [
    ...(fields.ticket || ticketAsked ? [] : ["ticket" as const]),
    ...(fields.event || purpose !== "notice" ? [] : ["event" as const]),
  ];
  const linking = await findLinks(ctx, draft, look);
  fields = { ...fields, ...linking.fields };
  const value: Contact = { ...draft, ...linking.fields };
  const ticket = fields.ticket;
  const dir = direction === "in" ? "inbound" : "outbound";
  const say = await ctx.say();
  const sentence =
    say.t("w.loggedCall", {
      direction: say.word(direction),
      purpose: say.value(purpose),
      id: "{id}",
      customer: oneLine(customer.value.name),
    }) + (nextDate ? say.t("w.nextPlanned", { date: nextDate }) : "");
  return save(
    ctx,
    value,
    `call {id} logged (${dir} ${purpose}${ticket ? `, ${ticket}` : ""}) — ${customer.value.name}`,
    sentence,
    linking.notes,
  );
}
