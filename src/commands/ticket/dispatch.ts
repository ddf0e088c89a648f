// aftercare ticket dispatch: send a technician (R-DISPATCH).
import { EXIT, refusal } from "../../errors.js";
import type { Context } from "../../context.js";
import { fillInto } from "../../services/ask.js";
import { dateTimeFlag } from "../../services/flags.js";
import { step } from "../../services/ticket-step.js";

export async function ticketDispatch(
  opts: { id: string; technician?: string; depart?: string; arrive?: string; at?: string },
  ctx: Context,
) {
  if (!opts.technician) {
    const techs = (await ctx.store()).settings.staff
      .filter((s) => s.role === "technician" && !s.left)
      .map((s) => s.name);
    opts = await fillInto(ctx, "ticket dispatch", opts, [
      ["technician", "--technician", "q.technician", techs.length ? techs : undefined],
    ]);
  }
  const tech = await ctx.staffNamed(opts.technician!, "--technician");
  const depart = await dateTimeFlag(ctx, opts.depart, "--depart");
  const arrive = await dateTimeFlag(ctx, opts.arrive, "--arrive");
  if (depart && arrive && new Date(arrive) < new Date(depart))
    throw refusal("rf.arriveBeforeDepart", { arrive, depart }, EXIT.usage);
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
