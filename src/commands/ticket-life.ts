// aftercare ticket escalate | dispatch | arrive | resolve | close | reopen | cancel.
import { UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import { type Staff, type Ticket } from "../domain/schema.js";
import { reopenedStatus } from "../domain/ticket.js";
import { dayOf } from "../domain/time.js";
import { dateFlag, dateTimeFlag, fillInto } from "./common.js";
import { planOf, withPlan } from "../services/ticket-plan.js";
import { precheck, step } from "../services/ticket-step.js";

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
