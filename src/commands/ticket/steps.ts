// What the ticket verbs share: one step of a ticket's life (check, write, commit, say), the planned next contact.
import { checkEdit, UsageError, UserError } from "../../errors.js";
import type { Context } from "../../context.js";
import { ticketSchema, type Staff, type Ticket } from "../../domain/schema.js";
import { pastTense, refuse, type TicketAction } from "../../domain/ticket.js";
import type { MessageKey, Translator } from "../../i18n.js";
import { oneLine } from "../../format/text.js";
import { dayOf } from "../../domain/time.js";
import type { Loaded, Store } from "../../store/store.js";
import { dateFlag, dateTimeFlag, findRecord, nowStamp, written, notFuture, planDateCheck } from "../common.js";

/** Ticket fields whose flag is not --kebab-case of the field's own name, for usage errors. */
const TICKET_FLAGS = {
  "plans.date": "--next-date",
  "plans.topic": "--next-topic",
  "intake.damage": "--damage",
  "intake.belongings": "--belonging",
  "intake.papers": "--papers",
  "estimate.lines": "--line",
};

export interface Step {
  action: TicketAction;
  /** other files the step writes (a customer's vehicles), committed with the ticket */
  also?: (t: Ticket) => Promise<{ path: string }[]>;
  /** the next ticket, given the current one and when it happens */
  next: (t: Ticket, at: string, actor: Staff) => Ticket;
  /** what the commit subject says after "ticket ID <action>" */
  detail?: string;
  /** the detail as a person reads it: the placeholders of act.ACTION.detail in the catalogue */
  words?: Record<string, string>;
  /** what stdout shows instead of the ticket's ID (an extra-work request's number) */
  print?: (t: Ticket) => string;
  /** what the sentence on stderr adds at its end (a planned next contact) */
  suffix?: (say: Translator) => string;
}

/** The customer's name for a commit subject: from their own file (one file read), else their ID. */
export async function customerNameOf(store: Store, id: string): Promise<string> {
  try {
    return (await store.get("customer", id)).value.name;
  } catch {
    return id; // the file is missing or cannot be read: the commit still says whose ticket it is
  }
}

/** Refuse, before anything is asked or written, a step that does not fit the ticket as it stands. */
export async function precheck(ctx: Context, input: string, action: TicketAction): Promise<Loaded<"ticket">> {
  const t = await findRecord(ctx, "ticket", input);
  const why = refuse(action, t.value, t.id);
  if (why) throw new UserError(`${why}; nothing was written`);
  return t;
}

export async function step(ctx: Context, input: string, at: string | undefined, s: Step): Promise<Loaded<"ticket">> {
  const store = await ctx.store();
  const first = await findRecord(ctx, "ticket", input);
  const actor = await ctx.actor();
  const when = (await notFuture(ctx, await dateTimeFlag(ctx, at, "--at"), "--at")) ?? (await nowStamp(ctx));
  return ctx.writing(async () => {
    const t = await store.get("ticket", first.id);
    const why = refuse(s.action, t.value, t.id);
    if (why) throw new UserError(`${why}; nothing was written`);
    if (new Date(when) < new Date(t.value.received))
      throw new UsageError(`--at ${when} is before the ticket was received (${t.value.received}); nothing was written`);
    const rec = await store.update(t, checkEdit(ticketSchema, t.value, s.next(t.value, when, actor), TICKET_FLAGS));
    const others = s.also ? await s.also(rec.value) : [];
    const subject = `ticket ${t.id} ${pastTense(s.action)}${s.detail ? ` ${s.detail}` : ""} — ${await customerNameOf(store, t.value.customer)}`;
    await ctx.commit([rec.path, ...others.map((o) => o.path)], subject, actor);
    const say = await ctx.say();
    const sentence =
      say.t("act.sentence", {
        id: t.id,
        done: say.t(`act.${s.action}` as MessageKey),
        detail: s.words
          ? say.t(
              `act.${s.action}.detail` as MessageKey,
              Object.fromEntries(Object.entries(s.words).map(([k, v]) => [k, oneLine(say.value(v))])),
            )
          : "",
        change:
          t.value.status === rec.value.status
            ? ""
            : say.t("act.change", { from: say.value(t.value.status), to: say.value(rec.value.status) }),
      }) + (s.suffix ? s.suffix(say) : "");
    if (s.print && !ctx.json) {
      ctx.io.out(`${s.print(rec.value)}\n`);
      ctx.io.err(`${sentence}\n`);
    } else written(ctx, rec, sentence);
    return rec;
  });
}

export interface Plan {
  date: string;
  topic: string;
}

/**
 * R-NEXT-SERVICE: the next contact planned while filing or closing a ticket, from --next-date and
 * --next-topic (both or neither), else asked at a terminal (an empty date plans none). The date is
 * today or later in the store's zone.
 */
export async function planOf(ctx: Context, o: { nextDate?: string; nextTopic?: string }): Promise<Plan | undefined> {
  let { nextDate: date, nextTopic: topic } = o;
  const tz = (await ctx.store()).settings.timezone;
  const today = dayOf(await ctx.now(), tz);
  const validate = await planDateCheck(ctx);
  if (date === undefined && topic === undefined) {
    if (!ctx.canPrompt) return undefined;
    date = (
      await ctx.prompter.input({ message: "Next contact planned for (YYYY-MM-DD; empty for none)", validate })
    ).trim();
    if (!date) return undefined;
  }
  if (ctx.canPrompt && topic === undefined)
    topic = await ctx.prompter.input({ message: "Next contact: what it is about", required: true });
  if (ctx.canPrompt && date === undefined)
    date = await ctx.prompter.input({ message: "Next contact planned for (YYYY-MM-DD)", required: true, validate });
  if (date === undefined || topic === undefined)
    throw new UsageError(
      "--next-date and --next-topic go together: the planned next contact needs its date and what it is about; nothing was written",
    );
  if (!topic.trim())
    throw new UsageError("--next-topic is empty: say what the next contact is about; nothing was written");
  const day = (await dateFlag(ctx, date, "--next-date"))!;
  if (day < today)
    throw new UsageError(
      `--next-date ${day} is in the past (today is ${today}); plan the next contact for today or later; nothing was written`,
    );
  return { date: day, topic: topic.trim() };
}

/** A ticket's plans with one more. */
export const withPlan = (t: Ticket, plan: Plan | undefined, at: string, by: string): Pick<Ticket, "plans"> =>
  plan ? { plans: [...(t.plans ?? []), { date: plan.date, topic: plan.topic, at, by }] } : {};
