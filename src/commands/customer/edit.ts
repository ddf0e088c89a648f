// aftercare customer edit: change a customer with flags, or in $EDITOR when none are given.
import { checkEdit, refusal, UsageError } from "../../errors.js";
import type { Context } from "../../context.js";
import { customerSchema } from "../../domain/schema.js";
import { bytesOf, changedSince, editInEditor, runEditor, saveEdit } from "../../services/editor.js";
import { findCustomer } from "../../services/find-record.js";
import { written } from "../../services/output.js";
import { applyFields, CUSTOMER_FLAGS, type CustomerFields } from "./fields.js";

function hasEdits(f: CustomerFields): boolean {
  return Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
}

export async function customerEdit(
  opts: CustomerFields & { id: string },
  ctx: Context,
  editor?: (path: string) => void,
) {
  const store = await ctx.store();
  const { id: input, ...f } = opts;
  const first = await findCustomer(ctx, input, "ID");
  const actor = await ctx.actor();
  if (hasEdits(f))
    return ctx.writing(async () => {
      const c = await store.get("customer", first.id);
      const rec = await store.update(c, checkEdit(customerSchema, c.value, applyFields(c.value, f), CUSTOMER_FLAGS));
      if (rec.src === c.src) {
        ctx.io.err(`${(await ctx.say()).t("cu.noChange", { id: c.id })}\n`);
        return c;
      }
      await ctx.commit([c.path], `customer ${c.id} edited — ${rec.value.name}`, actor);
      written(ctx, rec, (await ctx.say()).t("cu.saved", { id: c.id }));
      return rec;
    });
  if (!ctx.io.interactive && !editor) throw new UsageError((await ctx.say()).t("cu.editNothing"));

  // The editor runs before the store's lock is taken: nobody waits while a person types. Under the
  // lock the file is compared with what the editor was given, and a change made meanwhile wins.
  const before = await bytesOf(store, first.path);
  const edit = await editInEditor(first.path, first.src, editor ?? runEditor(ctx));
  if (!edit) {
    ctx.io.err(`${(await ctx.say()).t("cu.noChange", { id: first.id })}\n`);
    return first;
  }
  return ctx.writing(async () => {
    const by = await changedSince(ctx, store, first.path, before);
    if (by) throw refusal("ed.customerMeanwhile", { path: first.path, by, tmp: edit.tmp, id: first.id });
    try {
      await saveEdit(store, first, edit);
    } catch (e) {
      ctx.io.err(`${(await ctx.say()).t("ed.kept", { tmp: edit.tmp })}\n`);
      throw e;
    }
    const fresh = await store.get("customer", first.id);
    await ctx.commit([first.path], `customer ${first.id} edited — ${fresh.value.name}`, actor);
    written(ctx, fresh, (await ctx.say()).t("cu.saved", { id: first.id }));
    return fresh;
  });
}
