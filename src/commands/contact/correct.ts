// What contact link, unlink and edit share: the one way a stored contact is rewritten, under the
// store's lock, saying which duties it closes before and after.
import type { Context } from "../../context.js";
import type { Contact } from "../../domain/schema.js";
import type { Translator } from "../../i18n.js";
import type { Loaded } from "../../store/store.js";
import { closedBy, closureSentence, customerInput } from "../../services/contact-links.js";
import { findRecord } from "../../services/find-record.js";
import { written } from "../../services/output.js";
import { customerNameOf } from "../../services/ticket-step.js";

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
export async function correct(
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
