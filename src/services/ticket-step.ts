// One step in a ticket's life (escalate, dispatch, close, an extra-work answer...): refused before
// anything is asked when it does not fit the ticket, else written under the lock, committed with
// the customer's name, and said in the user's language. Shared by the ticket verbs and the shop's.
import { checkEdit, EXIT, refusal } from "../errors.js";
import type { Context } from "../context.js";
import { ticketSchema, type Staff, type Ticket } from "../domain/schema.js";
import { pastTense, refuse, type TicketAction } from "../domain/ticket.js";
import type { MessageKey, Translator } from "../i18n.js";
import { oneLine } from "../format/text.js";
import type { Loaded, Store } from "../store/store.js";
import { findRecord } from "./find-record.js";
import { dateTimeFlag, notFuture, nowStamp } from "./flags.js";
import { written } from "./output.js";

/** Ticket fields whose flag is not --kebab-case of the field's own name, for usage errors. */
const TICKET_FLAGS = {
  "plans.date": "--next-date",
  "plans.topic": "--next-topic",
  "intake.damage": "--damage",
  "intake.belongings": "--belonging",
  "intake.papers": "--papers",
  "estimate.lines": "--line",
};

export interface TicketStep {
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
  if (why) throw refusal("tk.refused", { why });
  return t;
}

export async function step(
  ctx: Context,
  input: string,
  at: string | undefined,
  s: TicketStep,
): Promise<Loaded<"ticket">> {
  const store = await ctx.store();
  const first = await findRecord(ctx, "ticket", input);
  const actor = await ctx.actor();
  const when = (await notFuture(ctx, await dateTimeFlag(ctx, at, "--at"), "--at")) ?? (await nowStamp(ctx));
  return ctx.writing(async () => {
    const t = await store.get("ticket", first.id);
    const why = refuse(s.action, t.value, t.id);
    if (why) throw refusal("tk.refused", { why });
    if (new Date(when) < new Date(t.value.received))
      throw refusal("rf.atBeforeReceived", { when, received: t.value.received }, EXIT.usage);
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
