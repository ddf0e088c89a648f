// Which duties a contact closes, asked of the duty engine; the ticket or event a call answers;
// and corrections after the fact: aftercare contact link | unlink | edit.
import { UsageError } from "../errors.js";
import { type Context } from "../context.js";
import { DIRECTIONS, PURPOSES, type Contact } from "../domain/schema.js";
import { fieldWords, type Translator } from "../i18n.js";
import type { Loaded } from "../store/store.js";
import { choice, dateFlag, dateTimeFlag, findRecord, written, notFuture } from "./common.js";
import { closedBy, closureSentence, customerInput, resolvePlan, TOLD_OUTBOUND } from "../services/contact-links.js";
import { satisfactionFlag } from "../services/flags.js";
import { customerNameOf } from "../services/ticket-step.js";

/** What a correction writes: the contact as it becomes, the commit's subject, and the sentence said. */
interface Correction {
  next: Contact;
  subject: string;
  sentence: string;
}

/**
 * Rewrite a contact under the store's lock, commit it, and say what it now closes. `change` gets
 * the stored contact and returns the new one and the words for the commit and the sentence.
 */
async function correct(
  ctx: Context,
  input: string,
  change: (k: Loaded<"contact">, say: Translator) => Correction | undefined | Promise<Correction | undefined>,
): Promise<Loaded<"contact">> {
  const store = await ctx.store();
  const first = await findRecord(ctx, "contact", input);
  const actor = await ctx.actor();
  const say = await ctx.say();
  return ctx.writing(async () => {
    const k = await store.get("contact", first.id);
    const c = await change(k, say);
    if (!c || JSON.stringify(c.next) === JSON.stringify(k.value)) {
      written(ctx, k, say.t("k.unchanged", { id: k.id }));
      return k;
    }
    const inputBefore = await customerInput(ctx, k.value.customer, [k.value.at, c.next.at]);
    const before = closedBy(inputBefore, k);
    const after = closedBy(inputBefore, { id: k.id, value: c.next });
    const rec = await store.update(k, c.next);
    await ctx.commit([rec.path], `${c.subject} — ${await customerNameOf(store, k.value.customer)}`, actor);
    written(ctx, rec, c.sentence + say.t("k.then") + closureSentence(say, before, after));
    return rec;
  });
}

export interface LinkOptions {
  id: string;
  ticket?: string;
  event?: string;
  plan?: string;
}

export async function contactLink(opts: LinkOptions, ctx: Context) {
  if (!opts.ticket && !opts.event && !opts.plan)
    throw new UsageError(
      "contact link needs --ticket T, --event E or --plan P: what to link the contact to; nothing was written",
    );
  return correct(ctx, opts.id, async (k) => {
    const next: Contact = { ...k.value };
    const targets: string[] = [];
    const olds: string[] = [];
    if (opts.ticket) {
      const t = await findRecord(ctx, "ticket", opts.ticket);
      if (t.value.customer !== k.value.customer)
        throw new UsageError(
          `ticket ${t.id} belongs to customer ${t.value.customer}, and contact ${k.id} to ${k.value.customer}: a contact is linked only to its own customer's tickets; nothing was written`,
        );
      if (k.value.ticket && k.value.ticket !== t.id) olds.push(k.value.ticket);
      next.ticket = t.id;
      targets.push(t.id);
    }
    if (opts.event) {
      const e = await findRecord(ctx, "event", opts.event);
      if (k.value.event && k.value.event !== e.id) olds.push(k.value.event);
      next.event = e.id;
      targets.push(e.id);
    }
    if (opts.plan) {
      const p = await resolvePlan(ctx, opts.plan, k.value.customer, k.id);
      if (k.value.plan && k.value.plan !== p) olds.push(k.value.plan);
      next.plan = p;
      targets.push(`plan ${p}`);
    }
    const say = await ctx.say();
    const target = targets.join(", ");
    return {
      next,
      subject: `contact ${k.id} linked to ${target}${olds.length ? ` (was ${olds.join(", ")})` : ""}`,
      sentence: say.t("k.linked", {
        id: k.id,
        target,
        was: olds.length ? say.t("k.was", { old: olds.join(say.t("k.sep")) }) : "",
      }),
    };
  });
}

export interface UnlinkOptions {
  id: string;
  ticket?: boolean;
  event?: boolean;
  plan?: boolean;
}

export async function contactUnlink(opts: UnlinkOptions, ctx: Context) {
  const which = (["ticket", "event", "plan"] as const).filter((f) => opts[f]);
  if (!which.length) which.push("ticket");
  return correct(ctx, opts.id, (k, say) => {
    const linked = which.filter((f) => k.value[f]);
    if (!linked.length) return undefined;
    const next: Contact = { ...k.value };
    for (const f of linked) delete next[f];
    const targets = linked.map((f) => (f === "plan" ? `plan ${k.value.plan}` : k.value[f]!)).join(", ");
    return {
      next,
      subject: `contact ${k.id} unlinked from ${targets}`,
      sentence: say.t("k.unlinked", { id: k.id, targets }),
    };
  });
}

export interface EditOptions {
  id: string;
  at?: string;
  direction?: string;
  purpose?: string;
  summary?: string;
  person?: string;
  satisfaction?: string;
  told?: boolean;
  notTold?: boolean;
}

export async function contactEdit(opts: EditOptions, ctx: Context) {
  const direction = choice(opts.direction, DIRECTIONS, "--direction");
  const purpose = choice(opts.purpose, PURPOSES, "--purpose");
  if (opts.told && opts.notTold)
    throw new UsageError("--told and --not-told contradict each other: give one; nothing was written");
  const satisfaction = satisfactionFlag(opts.satisfaction);
  const given: string[] = (["at", "direction", "purpose", "summary", "person", "satisfaction"] as const).filter(
    (f) => opts[f] !== undefined,
  );
  if (opts.told || opts.notTold) given.push(opts.told ? "told" : "not-told");
  if (!given.length) throw new UsageError((await ctx.say()).t("k.editNothing"));
  for (const f of ["summary", "person"] as const)
    if (opts[f] !== undefined && !opts[f].trim()) throw new UsageError(`--${f} is empty; nothing was written`);
  return correct(ctx, opts.id, async (k, say) => {
    const next: Contact = { ...k.value };
    if (opts.at !== undefined) {
      const dated = k.value.channel === "letter" && !/[T ]\d|^\d{1,2}:\d\d$/.test(opts.at.trim());
      next.at = (await notFuture(
        ctx,
        dated ? await dateFlag(ctx, opts.at, "--at") : await dateTimeFlag(ctx, opts.at, "--at"),
        "--at",
      ))!;
    }
    if (direction) {
      if (k.value.channel === "letter" && direction === "in")
        throw new UsageError(`${k.id} is a letter we sent: its direction is out; nothing was written`);
      next.direction = direction;
    }
    if (purpose) next.purpose = purpose;
    if (opts.summary !== undefined) next.summary = opts.summary;
    if (opts.person !== undefined) next.person = opts.person;
    if (satisfaction !== undefined) next.satisfaction = satisfaction;
    if (opts.told) next.told = true;
    if (opts.notTold) delete next.told;
    if (next.told && (next.direction !== "in" || next.channel !== "call"))
      throw new UsageError(
        opts.told
          ? `${k.id} is ${k.value.channel === "letter" ? "a letter" : "an outbound call"}: ${TOLD_OUTBOUND}`
          : `${k.id} is marked told (an inbound call in which the customer was told); an outbound contact is not: add --not-told; nothing was written`,
      );
    const fields = given.join(", ");
    return {
      next,
      subject: `contact ${k.id} edited (${fields})`,
      sentence: say.t("k.edited", { id: k.id, fields: fieldWords(say.locale, given) }),
    };
  });
}
