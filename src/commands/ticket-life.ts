// aftercare ticket escalate | dispatch | arrive | resolve | close | reopen | cancel.
import { UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import type { Staff, Ticket } from "../domain/schema.js";
import { canApply, pastTense, refusal, reopenedStatus, SHOP_ACTIONS, type TicketAction } from "../domain/ticket.js";
import type { MessageKey } from "../i18n.js";
import { oneLine } from "../format/text.js";
import type { Loaded } from "../store/store.js";
import { dateTimeFlag, fillInto, findRecord, nowStamp, written } from "./common.js";

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
}

export async function step(ctx: Context, input: string, at: string | undefined, s: Step): Promise<Loaded<"ticket">> {
  const store = await ctx.store();
  const first = await findRecord(ctx, "ticket", input);
  const actor = await ctx.actor();
  const when = (await dateTimeFlag(ctx, at, "--at")) ?? (await nowStamp(ctx));
  return ctx.writing(async () => {
    const t = await store.get("ticket", first.id);
    const shop = SHOP_ACTIONS.includes(s.action);
    if (shop !== (t.value.kind === "shop") && (shop || ["dispatch", "arrive", "escalate"].includes(s.action)))
      throw new UserError(shop ? `ticket ${t.id} is a ${t.value.kind} ticket; ${s.action} is for vehicles at the reception desk (kind shop); nothing was written` : `ticket ${t.id} is a vehicle at the reception desk; use ticket handover / ready / deliver; nothing was written`);
    if (!canApply(s.action, t.value.status)) throw new UserError(`${refusal(s.action, t.value.status, t.id)}; nothing was written`);
    if (new Date(when) < new Date(t.value.received)) throw new UsageError(`--at ${when} is before the ticket was received (${t.value.received}); nothing was written`);
    const rec = await store.update(t, s.next(t.value, when, actor));
    const others = s.also ? await s.also(rec.value) : [];
    const customer = (await store.load("customer")).records.find((c) => c.id === t.value.customer);
    const subject = `ticket ${t.id} ${pastTense(s.action)}${s.detail ? ` ${s.detail}` : ""} — ${customer?.value.name ?? t.value.customer}`;
    await ctx.commit([rec.path, ...others.map((o) => o.path)], subject, actor);
    const say = await ctx.say();
    const sentence = say.t("act.sentence", {
      id: t.id,
      done: say.t(`act.${s.action}` as MessageKey),
      detail: s.words ? say.t(`act.${s.action}.detail` as MessageKey, Object.fromEntries(Object.entries(s.words).map(([k, v]) => [k, oneLine(say.value(v))]))) : "",
      change: t.value.status === rec.value.status ? "" : say.t("act.change", { from: say.value(t.value.status), to: say.value(rec.value.status) }),
    });
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

export async function ticketEscalate(opts: { id: string; to?: string; note?: string; at?: string }, ctx: Context) {
  const to = opts.to ? await ctx.staffNamed(opts.to, "--to") : await engineeringLead(ctx);
  return step(ctx, opts.id, opts.at, {
    action: "escalate",
    detail: `to ${to.name}`,
    words: { who: to.name },
    next: (t, at, actor) => ({ ...t, status: "escalated", escalation: { to: to.name, at, by: actor.name, note: opts.note } }),
  });
}

export async function ticketDispatch(opts: { id: string; technician?: string; depart?: string; arrive?: string; at?: string }, ctx: Context) {
  if (!opts.technician) {
    const techs = (await ctx.store()).settings.staff.filter((s) => s.role === "technician" && !s.left).map((s) => s.name);
    opts = await fillInto(ctx, "ticket dispatch", opts, [["technician", "--technician", "Technician", techs.length ? techs : undefined]]);
  }
  const tech = await ctx.staffNamed(opts.technician!, "--technician");
  const depart = await dateTimeFlag(ctx, opts.depart, "--depart");
  const arrive = await dateTimeFlag(ctx, opts.arrive, "--arrive");
  if (depart && arrive && new Date(arrive) < new Date(depart)) throw new UsageError(`--arrive ${arrive} is before --depart ${depart}; nothing was written`);
  return step(ctx, opts.id, opts.at, {
    action: "dispatch",
    detail: `to ${tech.name}`,
    words: { who: tech.name },
    next: (t, at, actor) => ({ ...t, status: "dispatched", dispatch: { technician: tech.name, at, by: actor.name, depart, arrive } }),
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
    if (!ctx.canPrompt) throw new UsageError("ticket resolve needs --note TEXT: what solved it (the customer is told this, R-ANSWER-SAME-DAY); nothing was written");
    opts = await fillInto(ctx, "ticket resolve", opts, [["note", "--note", "What solved it"]]);
  }
  return step(ctx, opts.id, opts.at, {
    action: "resolve",
    next: (t, at, actor) => ({ ...t, status: "resolved", resolution: { at, by: actor.name, note: opts.note! } }),
  });
}

export async function ticketClose(opts: { id: string; at?: string }, ctx: Context) {
  return step(ctx, opts.id, opts.at, { action: "close", next: (t, at) => ({ ...t, status: "closed", closed: at }) });
}

export async function ticketCancel(opts: { id: string; reason?: string; at?: string }, ctx: Context) {
  return step(ctx, opts.id, opts.at, {
    action: "cancel",
    next: (t, at) => ({ ...t, status: "cancelled", cancelled: { at, reason: opts.reason } }),
  });
}

export async function ticketReopen(opts: { id: string; note?: string; at?: string }, ctx: Context) {
  return step(ctx, opts.id, opts.at, {
    action: "reopen",
    next: (t, at, actor) => {
      const base: Ticket = { ...t, resolution: undefined, closed: undefined, cancelled: undefined };
      return { ...base, status: reopenedStatus(base), reopened: [...(t.reopened ?? []), { at, by: actor.name, note: opts.note }] };
    },
  });
}
