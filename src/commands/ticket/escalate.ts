// aftercare ticket escalate: report to the engineering supervisor (R-ESC-1DAY).
import { UsageError, UserError } from "../../errors.js";
import type { Context } from "../../context.js";
import { type Staff } from "../../domain/schema.js";
import { step } from "../../services/ticket-step.js";

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
