// aftercare duty waive: a supervisor excuses a duty that cannot be done (the customer cannot be
// reached, the site was closed), with a reason. The waiver is a record (W-…) committed like any
// write; the duty then reads "waived" and the reviews count it apart.
import { parseInput, UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import { waiverSchema, type Waiver } from "../domain/schema.js";
import { allDuties } from "../services/duties.js";
import { nowStamp } from "../services/flags.js";
import { written } from "../services/output.js";
import { judge, reviewDutiesAt, type Duty, type FoundDuty } from "../domain/duties/index.js";
import { wordDuties } from "../format/duty-words.js";
import { engineSettings } from "../store/calendar-source.js";
import { savedReports } from "../store/duty-input.js";

/** The states a duty can be waived in: still open (domain/duty-state.ts), or missed. */
const WAIVABLE = new Set<Duty["state"]>(["upcoming", "due", "overdue", "missed"]);

/** The parts of a typed duty key: "R-FOLLOWUP-2 T-2611" or "R-FOLLOWUP-2:T-261102-7K3F". */
const partsOf = (input: string) =>
  input
    .trim()
    .toUpperCase()
    .split(/[\s:]+/)
    .filter(Boolean);

/** The duties a person meant: the exact key, or every duty whose key has all the parts typed. */
export function matchDuties<D extends { key: string }>(list: D[], input: string): D[] {
  const exact = list.filter((d) => d.key === input.trim());
  if (exact.length) return exact;
  const tokens = partsOf(input);
  if (!tokens.length) return [];
  return list.filter((d) => {
    const parts = d.key.toUpperCase().split(":");
    return tokens.every((t) => parts.some((p) => p.startsWith(t)));
  });
}

/**
 * The duties a typed key means, as they stand at the context's moment. With the index, only the
 * duties whose key holds the longest part typed are read and judged (every match holds it), with
 * the reviews' duties (R-MONTHLY); without it, every duty of the store.
 */
async function dutiesMeant(ctx: Context, input: string): Promise<Duty[]> {
  const idx = await ctx.index();
  if (!idx) return matchDuties((await allDuties(ctx)).list, input);
  // what a read of every duty would say of files that could not be read
  for (const w of idx.warnings()) ctx.io.err(w);
  const store = await ctx.store();
  const now = await ctx.now();
  const settings = await engineSettings(store);
  const longest = partsOf(input).reduce((a, b) => (b.length > a.length ? b : a), "");
  const found: FoundDuty[] = longest ? idx.foundWithKey(longest) : [];
  for (const d of reviewDutiesAt(settings, await savedReports(store), idx.start(), now)) found.push(d);
  return matchDuties(wordDuties(judge(found, settings, now, idx.eventsAndWaivers().waivers), await ctx.say()), input);
}

export async function dutyWaive(opts: { duty: string; reason?: string }, ctx: Context) {
  const store = await ctx.store();
  const actor = await ctx.actor();
  if (actor.role !== "supervisor") {
    const sups = store.settings.staff.filter((s) => s.role === "supervisor" && !s.left).map((s) => s.name);
    const say = await ctx.say();
    const [name, role] = [actor.name, say.value(actor.role)];
    throw new UserError(
      sups.length
        ? say.t("dw.onlySupervisorAsk", { name, role, sups: sups.join(say.t("dw.or")) })
        : say.t("dw.onlySupervisorAdd", { name, role }),
    );
  }
  let reason = opts.reason?.trim();
  if (!reason) {
    if (!ctx.canPrompt) throw new UsageError((await ctx.say()).t("dw.needsReason"));
    reason = (await ctx.prompter.input({ message: (await ctx.say()).t("q.whyWaive"), required: true })).trim();
  }
  const found = await dutiesMeant(ctx, opts.duty);
  if (!found.length)
    throw new UserError(
      `no duty matches "${opts.duty}"; give its key as 'aftercare due --json' or 'ticket show' lists it, such as R-FOLLOWUP-2:T-261102-7K3F; nothing was written`,
    );
  const open = found.filter((d) => WAIVABLE.has(d.state));
  if (!open.length)
    throw new UserError(
      `${found.map((d) => `${d.key} is ${d.state}`).join("; ")}: only a duty not done can be waived; nothing was written`,
    );
  if (open.length > 1)
    throw new UsageError(
      `"${opts.duty}" matches ${open.length} duties: ${open
        .slice(0, 6)
        .map((d) => d.key)
        .join(", ")}${open.length > 6 ? ", …" : ""}; give the whole key; nothing was written`,
    );
  const d = open[0]!;
  const value: Waiver = parseInput(
    waiverSchema,
    { duty: d.key, reason, by: actor.name, at: await nowStamp(ctx) },
    { duty: "DUTY" },
  );
  const say = await ctx.say();
  return ctx.writing(async () => {
    const rec = await store.create("waiver", value, await ctx.now(), ctx.random);
    await ctx.commit([rec.path], `duty ${d.key} waived by ${actor.name}: ${reason}`, actor);
    written(ctx, rec, say.t("w.waived", { key: d.key, id: rec.id, reason }));
    return rec;
  });
}
