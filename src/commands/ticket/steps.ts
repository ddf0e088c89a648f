// aftercare ticket escalate | dispatch | arrive | resolve | close | reopen | cancel.
import { checkEdit, UsageError, UserError } from "../../errors.js";
import type { Context } from "../../context.js";
import { ticketSchema, type Staff, type Ticket } from "../../domain/schema.js";
import { pastTense, refuse, reopenedStatus, type TicketAction } from "../../domain/ticket.js";
import type { MessageKey, Translator } from "../../i18n.js";
import { oneLine } from "../../format/text.js";
import { dayOf } from "../../domain/time.js";
import type { Loaded, Store } from "../../store/store.js";
import { dateFlag, dateTimeFlag, fillInto, findRecord, nowStamp, written, notFuture, planDateCheck } from "../common.js";

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

/** The engineering supervisor escalations go to when --to is not given: the one engineering member. */
async function engineeringLead(ctx: Context): Promise<Staff> {
  const eng = (await ctx.store()).settings.staff.filter((s) => s.role === "engineering" && !s.left);
  if (eng.length === 1) return eng[0]!;
  throw new UsageError(
    eng.length
      ? `more than one engineering supervisor (${eng.map((s) => s.name).join(", ")}): say which with --to NAME; nothing was written`
      : "no staff member has the role engineering: say who with --to NAME, or add the engineering supervisor with 'aftercare staff add NAME --role engineering'; nothing was written",
  );
}

/** R-ESC-1DAY: an escalation goes to the engineering supervisor; anyone else is refused, naming who. */
async function engineeringNamed(ctx: Context, name: string): Promise<Staff> {
  const s = await ctx.staffNamed(name, "--to");
  if (s.role === "engineering" && !s.left) return s;
  const eng = (await ctx.store()).settings.staff.filter((x) => x.role === "engineering" && !x.left).map((x) => x.name);
  const is = s.left
    ? `${s.name} left on ${s.left}`
    : `${s.name} is ${s.role === "engineering" ? "an engineering supervisor" : `a ${s.role}`}, not the engineering supervisor`;
  throw new UserError(
    eng.length === 1
      ? `--to ${s.name}: ${is}; an escalation goes to the engineering supervisor (R-ESC-1DAY): use --to ${eng[0]}, or leave out --to; nothing was written`
      : eng.length
        ? `--to ${s.name}: ${is}; an escalation goes to the engineering supervisor (R-ESC-1DAY): use --to with one of ${eng.join(", ")}; nothing was written`
        : `--to ${s.name}: ${is}, and nobody on the staff list has the role engineering; add the engineering supervisor with 'aftercare staff add NAME --role engineering'; nothing was written`,
  );
}

export async function ticketEscalate(opts: { id: string; to?: string; note?: string; at?: string }, ctx: Context) {
  const to = opts.to ? await engineeringNamed(ctx, opts.to) : await engineeringLead(ctx);
  return step(ctx, opts.id, opts.at, {
    action: "escalate",
    detail: `to ${to.name}`,
    words: { who: to.name },
    // a dispatched ticket stays dispatched: the escalation is recorded beside it
    next: (t, at, actor) => ({
      ...t,
      status: t.status === "open" ? "escalated" : t.status,
      escalation: { to: to.name, at, by: actor.name, note: opts.note },
    }),
  });
}

export async function ticketDispatch(
  opts: { id: string; technician?: string; depart?: string; arrive?: string; at?: string },
  ctx: Context,
) {
  if (!opts.technician) {
    const techs = (await ctx.store()).settings.staff
      .filter((s) => s.role === "technician" && !s.left)
      .map((s) => s.name);
    opts = await fillInto(ctx, "ticket dispatch", opts, [
      ["technician", "--technician", "Technician", techs.length ? techs : undefined],
    ]);
  }
  const tech = await ctx.staffNamed(opts.technician!, "--technician");
  const depart = await dateTimeFlag(ctx, opts.depart, "--depart");
  const arrive = await dateTimeFlag(ctx, opts.arrive, "--arrive");
  if (depart && arrive && new Date(arrive) < new Date(depart))
    throw new UsageError(`--arrive ${arrive} is before --depart ${depart}; nothing was written`);
  return step(ctx, opts.id, opts.at, {
    action: "dispatch",
    detail: `to ${tech.name}`,
    words: { who: tech.name },
    next: (t, at, actor) => ({
      ...t,
      status: "dispatched",
      dispatch: { technician: tech.name, at, by: actor.name, depart, arrive },
    }),
  });
}

export async function ticketArrive(opts: { id: string; at?: string }, ctx: Context) {
  return step(ctx, opts.id, opts.at, {
    action: "arrive",
    next: (t, at) => ({ ...t, status: "onsite", dispatch: { ...t.dispatch!, arrived: at } }),
  });
}

export async function ticketResolve(opts: { id: string; note?: string; at?: string }, ctx: Context) {
  if (!opts.note?.trim()) {
    if (!ctx.canPrompt)
      throw new UsageError(
        "ticket resolve needs --note TEXT: what solved it (the customer is told this, R-ANSWER-SAME-DAY); nothing was written",
      );
    opts = await fillInto(ctx, "ticket resolve", opts, [["note", "--note", "What solved it"]]);
  }
  return step(ctx, opts.id, opts.at, {
    action: "resolve",
    next: (t, at, actor) => ({ ...t, status: "resolved", resolution: { at, by: actor.name, note: opts.note! } }),
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

export async function ticketClose(
  opts: { id: string; at?: string; nextDate?: string; nextTopic?: string },
  ctx: Context,
) {
  // at a terminal, refuse a ticket that cannot be closed before asking about the next contact
  if (ctx.canPrompt && (opts.nextDate === undefined || opts.nextTopic === undefined))
    await precheck(ctx, opts.id, "close");
  const plan = await planOf(ctx, opts);
  return step(ctx, opts.id, opts.at, {
    action: "close",
    detail: plan && `(next contact ${plan.date})`,
    next: (t, at, actor) => ({ ...t, status: "closed", closed: at, ...withPlan(t, plan, at, actor.name) }),
    suffix: plan && ((say) => say.t("w.nextPlanned", { date: plan.date })),
  });
}

export async function ticketCancel(opts: { id: string; reason?: string; at?: string }, ctx: Context) {
  opts = { ...opts, reason: opts.reason?.trim() || undefined };
  if (!opts.reason && ctx.canPrompt) await precheck(ctx, opts.id, "cancel");
  const { reason } = await fillInto(ctx, "ticket cancel", opts, [
    ["reason", "--reason", "Why is the ticket cancelled"],
  ]);
  return step(ctx, opts.id, opts.at, {
    action: "cancel",
    next: (t, at) => ({ ...t, status: "cancelled", cancelled: { at, reason: reason!.trim() } }),
  });
}

/** R-DISPATCH: nobody can be sent at once; when the job is scheduled and why (the customer is told). */
export async function ticketSchedule(opts: { id: string; date?: string; reason?: string }, ctx: Context) {
  opts = { ...opts, reason: opts.reason?.trim() || undefined };
  if ((!opts.date || !opts.reason) && ctx.canPrompt) await precheck(ctx, opts.id, "schedule");
  opts = await fillInto(ctx, "ticket schedule", opts, [
    ["date", "--date", "Dispatch scheduled for (YYYY-MM-DD)"],
    ["reason", "--reason", "Why nobody can be sent at once (the customer is told)"],
  ]);
  const date = (await dateFlag(ctx, opts.date, "--date"))!;
  const today = dayOf(await ctx.now(), (await ctx.store()).settings.timezone);
  if (date < today)
    throw new UsageError(
      `--date ${date} is in the past (today is ${today}); schedule the dispatch for today or later; nothing was written`,
    );
  return step(ctx, opts.id, undefined, {
    action: "schedule",
    detail: `for ${date}`,
    words: { date },
    next: (t, at, actor) => ({ ...t, schedule: { date, reason: opts.reason!.trim(), at, by: actor.name } }),
  });
}

export async function ticketReopen(opts: { id: string; note?: string; at?: string }, ctx: Context) {
  return step(ctx, opts.id, opts.at, {
    action: "reopen",
    next: (t, at, actor) => {
      const base: Ticket = { ...t, resolution: undefined, closed: undefined, cancelled: undefined };
      // the solution and close taken back stay on record: a request solved within the day was solved (R-ESC-1DAY)
      return {
        ...base,
        status: reopenedStatus(base),
        reopened: [
          ...(t.reopened ?? []),
          { at, by: actor.name, note: opts.note, resolution: t.resolution, closed: t.closed },
        ],
      };
    },
  });
}
