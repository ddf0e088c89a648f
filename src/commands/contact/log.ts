// What call log and letter log share: who and what a contact is about, saving it with the duties it
// closes, and the next contact it plans (R-NEXT-SERVICE).
import { EXIT, parseInput, refusal } from "../../errors.js";
import type { Context } from "../../context.js";
import { contactSchema, type Contact } from "../../domain/schema.js";
import type { Loaded } from "../../store/store.js";
import { findCustomer, findRecord } from "../../services/find-record.js";
import { dateFlag } from "../../services/flags.js";
import { written } from "../../services/output.js";
import { type DutyInput } from "../../domain/duties/index.js";
import { dayOf } from "../../domain/time.js";
import { closesNote, customerInput, resolvePlan } from "../../services/contact-links.js";

/**
 * Who and what a contact is about, as the fields of the record: the customer (--ticket alone is
 * enough to know it), the ticket and the event.
 */
export async function about(
  ctx: Context,
  opts: { customer?: string; ticket?: string; event?: string },
): Promise<{ customer: Loaded<"customer">; ticket?: string; fields: Pick<Contact, "customer" | "ticket" | "event"> }> {
  const t = opts.ticket ? await findRecord(ctx, "ticket", opts.ticket) : undefined;
  const c =
    !opts.customer && t
      ? await (await ctx.store()).get("customer", t.value.customer)
      : await findCustomer(ctx, opts.customer!);
  if (t && t.value.customer !== c.id)
    throw refusal("rf.ticketOfOther", { ticket: t.id, owner: t.value.customer, customer: c.id }, EXIT.usage);
  const event = opts.event ? (await findRecord(ctx, "event", opts.event)).id : undefined;
  return { customer: c, ticket: t?.id, fields: { customer: c.id, ticket: t?.id, event } };
}

export async function save(
  ctx: Context,
  value: Contact,
  subjectLine: string,
  sentence: string,
  notes: (id: string) => string[] = () => [],
) {
  const store = await ctx.store();
  const actor = await ctx.actor();
  const clean = parseInput(
    contactSchema,
    { ...value, staff: actor.name },
    {
      at: value.channel === "letter" ? "--sent" : "--at",
      requests: "--request",
      complaints: "--complaint",
      "letter.subject": "--subject",
      "next.date": "--next-date",
      "next.topic": "--next-topic",
    },
  );
  // the customer's duties as the store holds them once the lock is taken (every file written before
  // it, by this desk or another), read while earlier writes are finished and this one is made
  let view: Promise<DutyInput> | undefined;
  const read = ctx.json
    ? undefined
    : () => void (view = customerInput(ctx, clean.customer, [clean.at])).catch(() => undefined);
  return ctx.writing(async () => {
    const rec = await store.create("contact", clean, await ctx.now(), ctx.random);
    const said = notes(rec.id);
    // what the contact closes (late ones marked), beyond what linking already said
    const closes = view && closesNote(ctx, rec, said.join("\n"), view);
    closes?.catch(() => undefined); // its failure is reported where it is awaited, below
    await ctx.commit([rec.path], subjectLine.replace("{id}", rec.id), actor);
    written(ctx, rec, sentence.replace("{id}", rec.id));
    for (const line of said) ctx.io.err(`${line}\n`);
    const note = await closes;
    if (note) ctx.io.err(`${note}\n`);
    return rec;
  }, read);
}

/** --next-date: a day in the store's zone, today or later. */
export async function nextDateFlag(ctx: Context, value: string | undefined): Promise<string | undefined> {
  const day = await dateFlag(ctx, value, "--next-date");
  if (!day) return undefined;
  const today = dayOf(await ctx.now(), (await ctx.store()).settings.timezone);
  if (day < today) throw refusal("rf.nextBeforeToday", { day, today }, EXIT.usage);
  return day;
}

/** --plan: resolved against the contact's customer; given to call log and letter log. */
export async function planFlag(
  ctx: Context,
  value: string | undefined,
  customer: string,
): Promise<Pick<Contact, "plan">> {
  return value === undefined ? {} : { plan: await resolvePlan(ctx, value, customer) };
}
