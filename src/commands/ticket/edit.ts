// aftercare ticket edit: correct what a ticket records (when it came in, by which channel, the
// problem…), with flags or in $EDITOR, checked as ticket open checks it, in one commit.
import { promises as fs } from "node:fs";
import { dirname } from "node:path";
import { checkEdit, refusal, UsageError, UserError } from "../../errors.js";
import type { Context } from "../../context.js";
import { fieldWords, type MessageKey, type Worded } from "../../i18n.js";
import { ticketSchema, TICKET_KINDS, type Ticket } from "../../domain/schema.js";
import { formatShort } from "../../domain/time.js";
import { channelNames } from "../../report/labels.js";
import { writeAtomic } from "../../store/fsutil.js";
import type { Loaded } from "../../store/store.js";
import { parseYaml } from "../../store/yaml.js";
import { findRecord } from "../../services/find-record.js";
import { channelFlag, choice, dateTimeFlag } from "../../services/flags.js";
import { written } from "../../services/output.js";
import { changedBy, editInEditor, runEditor } from "../../services/editor.js";
import { customerNameOf } from "../../services/ticket-step.js";

export interface TicketEditOptions {
  id: string;
  received?: string;
  channel?: string;
  kind?: string;
  problem?: string;
  request?: string;
  assignee?: string;
  appointment?: string;
}

/** The fields a flag changes, in the order of the record. */
const EDITABLE = ["received", "channel", "kind", "problem", "request", "assignee", "appointment"] as const;
const FLAGS = {
  received: "--received",
  channel: "--channel",
  kind: "--kind",
  problem: "--problem",
  request: "--request",
  assignee: "--assignee",
  appointment: "--appointment",
};

/** The steps taken on a ticket, each with when: a request is received before any of them. */
function steps(t: Ticket): [string, string][] {
  const out: [string, string | undefined][] = [
    ["escalation", t.escalation?.at],
    ["dispatch", t.dispatch?.at],
    ["schedule", t.schedule?.at],
    ["intake", t.intake?.at],
    ["handover", t.handover?.at],
    ["ready", t.ready?.at],
    ["resolution", t.resolution?.at],
    ["delivery", t.delivery?.at],
    ["closed", t.closed],
    ["cancelled", t.cancelled?.at],
    ...(t.reopened ?? []).map((r): [string, string] => ["reopened", r.at]),
  ];
  return out.filter((s): s is [string, string] => s[1] !== undefined);
}

/** What ticket open would refuse in a ticket's own fields: the same checks, for an edited one. */
async function refuse(ctx: Context, t: Ticket, id: string, before?: Ticket): Promise<void> {
  const store = await ctx.store();
  const say = await ctx.say();
  const tz = store.settings.timezone;
  const channels = channelNames(store.settings.channels);
  if (!channels.includes(t.channel))
    throw new UsageError(say.t("te.channel", { id, channel: t.channel, channels: channels.join(", ") }));
  if (new Date(t.received) > new Date(t.filed))
    throw new UsageError(
      say.t("te.receivedAfterFiled", {
        id,
        received: formatShort(new Date(t.received), tz),
        filed: formatShort(new Date(t.filed), tz),
      }),
    );
  // a received time moved after a step the ticket has taken (ticket dispatch --at refuses the same order)
  if (before && t.received !== before.received) {
    const first = steps(t).sort((a, b) => Date.parse(a[1]) - Date.parse(b[1]))[0];
    if (first && Date.parse(t.received) > Date.parse(first[1]))
      throw new UsageError(
        say.t("te.receivedAfterStep", {
          id,
          received: formatShort(new Date(t.received), tz),
          step: say.t(`te.step.${first[0]}` as MessageKey),
          at: formatShort(new Date(first[1]), tz),
        }),
      );
  }
  if (t.appointment && t.kind !== "shop") throw new UsageError(say.t("te.appointment", { id }));
  if (t.kind !== "shop" && (t.intake || t.estimate || t.handover || t.extras?.length || t.ready || t.delivery))
    throw new UsageError(say.t("te.notShop", { id }));
  if (t.assignee !== undefined && !store.settings.staff.some((s) => s.name === t.assignee))
    await ctx.staffNamed(t.assignee, "--assignee");
}

function changedFields(a: Ticket, b: Ticket): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter(
    (k) => JSON.stringify((a as Record<string, unknown>)[k]) !== JSON.stringify((b as Record<string, unknown>)[k]),
  );
}

async function commitEdit(ctx: Context, t: Loaded<"ticket">, rec: Loaded<"ticket">, fields: string[]) {
  const store = await ctx.store();
  const actor = await ctx.actor();
  await ctx.commit(
    [t.path],
    `ticket ${t.id} edited (${fields.join(", ")}) — ${await customerNameOf(store, rec.value.customer)}`,
    actor,
  );
  const say = await ctx.say();
  written(ctx, rec, say.t("te.edited", { id: t.id, fields: fieldWords(say.locale, fields) }));
  return rec;
}

/** The fields the flags give, checked as ticket open checks them, under the store's lock. */
async function editWithFlags(ctx: Context, opts: TicketEditOptions, first: Loaded<"ticket">) {
  const store = await ctx.store();
  const say = await ctx.say();
  const kind = choice(opts.kind, TICKET_KINDS, "--kind");
  const channel = await channelFlag(ctx, opts.channel);
  const received = await dateTimeFlag(ctx, opts.received, "--received");
  const appointment = await dateTimeFlag(ctx, opts.appointment, "--appointment");
  const assignee = opts.assignee === undefined ? undefined : (await ctx.staffNamed(opts.assignee, "--assignee")).name;
  return ctx.writing(async () => {
    const t = await store.get("ticket", first.id);
    const next: Ticket = { ...t.value };
    if (received !== undefined) next.received = received;
    if (channel !== undefined) next.channel = channel;
    if (kind !== undefined) next.kind = kind;
    if (opts.problem !== undefined) next.problem = opts.problem;
    if (opts.request !== undefined) next.request = opts.request.trim() ? opts.request : undefined;
    if (assignee !== undefined) next.assignee = assignee;
    if (appointment !== undefined) next.appointment = appointment;
    const checked = checkEdit(ticketSchema, t.value, next, FLAGS);
    await refuse(ctx, checked, t.id, t.value);
    const fields = changedFields(t.value, checked);
    if (!fields.length) {
      ctx.io.err(say.t("te.unchanged", { id: t.id }) + "\n");
      return t;
    }
    const rec = await store.update(t, checked);
    return commitEdit(ctx, t, rec, fields);
  });
}

/** The ticket's file in $EDITOR, then checked as ticket open checks it. */
async function editWithEditor(ctx: Context, first: Loaded<"ticket">, editor: (path: string) => void) {
  const store = await ctx.store();
  const say = await ctx.say();
  // the editor runs before the store's lock is taken; under the lock, a change made meanwhile wins
  const abs = store.abs(first.path);
  const before = await fs.readFile(abs);
  const edit = await editInEditor(first.path, first.src, editor, ticketSchema, "ticket");
  if (!edit) {
    ctx.io.err(say.t("te.unchanged", { id: first.id }) + "\n");
    return first;
  }
  return ctx.writing(async () => {
    const now = await fs.readFile(abs).catch(() => undefined);
    if (!now || !now.equals(before)) {
      const by: Worded = now ? await changedBy(ctx, first.path) : { key: "ed.by.deleted" };
      throw refusal("te.meanwhile", { path: first.path, by, tmp: edit.tmp, id: first.id });
    }
    const value = ticketSchema.parse(parseYaml(edit.text).parsed!.value);
    try {
      await refuse(ctx, value, first.id, first.value);
    } catch (e) {
      if (e instanceof UserError) {
        // the refusal's last clause ("nothing was written" / "未写入任何内容") gives way to where the edit is kept,
        // joined the way the refusal's own language joins clauses
        const m = /(; |；)[^;；]*$/.exec(e.message);
        const sep = m?.[1] ?? (/[\u3400-\u9fff]/.test(e.message) ? "；" : "; ");
        throw new UserError(
          `${m ? e.message.slice(0, m.index) : e.message}${sep}${say.t("te.kept", { tmp: edit.tmp, path: first.path })}`,
          e.exitCode,
        );
      }
      throw e;
    }
    await writeAtomic(abs, edit.text);
    await fs.rm(dirname(edit.tmp), { recursive: true, force: true }).catch(() => undefined);
    const fresh = await store.get("ticket", first.id);
    return commitEdit(ctx, first, fresh, changedFields(first.value, fresh.value));
  });
}

export async function ticketEdit(opts: TicketEditOptions, ctx: Context, editor?: (path: string) => void) {
  const say = await ctx.say();
  const first = await findRecord(ctx, "ticket", opts.id);
  await ctx.actor(); // who acts is known before anything is asked or written
  if (EDITABLE.some((k) => opts[k] !== undefined)) return editWithFlags(ctx, opts, first);
  if (!ctx.io.interactive && !editor) throw new UsageError(say.t("te.nothing"));
  return editWithEditor(ctx, first, editor ?? runEditor(ctx));
}
