// aftercare event add | list: customer events and campaigns, whose audience is phoned two weeks
// ahead and then written to (R-EVENT-NOTICE).
import { parseInput, UsageError } from "../errors.js";
import type { Context } from "../context.js";
import { inAudience } from "../domain/duties/index.js";
import { EVENT_KINDS, eventSchema } from "../domain/schema.js";
import { table } from "../format/table.js";
import { oneLine } from "../format/text.js";
import { allDuties } from "../services/duties.js";
import { fillInto } from "../services/ask.js";
import { choice, dateFlag, nowStamp } from "../services/flags.js";
import { written } from "../services/output.js";
import { filled, jsonText } from "../format/json.js";

export interface EventAddOptions {
  title?: string;
  date?: string;
  kind?: string;
  audience?: string;
  owner?: string;
  note?: string;
}

export async function eventAdd(opts: EventAddOptions, ctx: Context) {
  opts = await fillInto(ctx, "event add", opts, [
    ["title", "--title", "q.eventTitle"],
    ["date", "--date", "q.eventDate"],
  ]);
  const store = await ctx.store();
  const kind = choice(opts.kind ?? "gathering", EVENT_KINDS, "--kind")!;
  const audience = opts.audience ?? "all";
  if (audience !== "all" && !/^tag:\S+$/.test(audience))
    throw new UsageError((await ctx.say()).t("ev.badAudience", { audience }));
  const date = (await dateFlag(ctx, opts.date, "--date"))!;
  const today = (await nowStamp(ctx)).slice(0, 10);
  if (date < today) throw new UsageError((await ctx.say()).t("ev.past", { date, today }));
  const actor = await ctx.actor();
  const owner = opts.owner ? (await ctx.staffNamed(opts.owner, "--owner")).name : actor.name;
  const value = parseInput(eventSchema, {
    title: opts.title,
    date,
    kind,
    audience,
    owner,
    note: opts.note,
    created: await nowStamp(ctx),
  });
  const customers = await store.all("customer", (m) => ctx.io.err(m));
  const reach = customers.filter((c) => inAudience(value, c.value)).length;
  if (!reach && audience !== "all") ctx.io.err(`${(await ctx.say()).t("ev.noTag", { tag: audience.slice(4) })}\n`);
  return ctx.writing(async () => {
    const rec = await store.create("event", value, await ctx.now(), ctx.random);
    await ctx.commit([rec.path], `event ${rec.id} added (${kind} on ${date}) — ${value.title}`, actor);
    written(
      ctx,
      rec,
      (await ctx.say()).t("ev.added", { id: rec.id, title: oneLine(value.title), date, n: reach, owner }),
    );
    return rec;
  });
}

export async function eventList(ctx: Context) {
  const store = await ctx.store();
  const events = (await store.all("event", (m) => ctx.io.err(m))).sort((a, b) =>
    a.value.date.localeCompare(b.value.date),
  );
  const { list } = await allDuties(ctx);
  const rows = events.map((e) => {
    const calls = list.filter((d) => d.event === e.id && d.key.endsWith(":call"));
    const phoned = calls.filter((d) => d.state === "done" || d.state === "late").length;
    const letters = list.filter(
      (d) => d.event === e.id && d.key.endsWith(":letter") && (d.state === "done" || d.state === "late"),
    ).length;
    return { id: e.id, ...e.value, audienceSize: calls.length, phoned, letters };
  });
  const say = await ctx.say();
  if (ctx.json) ctx.io.out(jsonText(rows.map((r) => ({ id: r.id, ...filled("event", r) }))));
  else if (!rows.length) ctx.io.err(`${say.t("ev.none")}\n`);
  else
    ctx.io.out(
      table(
        ctx.io,
        (["id", "date", "kind", "title", "audience", "owner", "phoned", "letters"] as const).map((h) =>
          say.t(`ev.h.${h}`),
        ),
        rows.map((r) => [
          r.id,
          r.date,
          say.value(r.kind),
          oneLine(r.title, 30),
          r.audience === "all" ? say.t("ev.all") : say.t("ev.tag", { tag: r.audience.slice(4) }),
          oneLine(r.owner),
          `${r.phoned}/${r.audienceSize}`,
          String(r.letters),
        ]),
      ),
    );
  return rows;
}
