// aftercare customer add: file a new customer (form 1 of the regulation, A2).
import { EXIT, parseInput, refusal, UserError } from "../../errors.js";
import type { Context } from "../../context.js";
import { customerSchema } from "../../domain/schema.js";
import { oneLine } from "../../format/text.js";
import { fillInto } from "../../services/ask.js";
import { nowStamp } from "../../services/flags.js";
import { written } from "../../services/output.js";
import { applyFields, CUSTOMER_FLAGS, type CustomerFields } from "./fields.js";

export async function customerAdd(opts: CustomerFields & { allowDuplicate?: boolean }, ctx: Context) {
  const store = await ctx.store();
  if (!opts.name?.trim()) {
    if (!ctx.canPrompt) throw refusal("rf.customerName", {}, EXIT.usage);
    const say = await ctx.say();
    opts = await fillInto(ctx, "customer add", opts, [["name", "NAME", "ask.customerName"]]);
    if (opts.contact === undefined)
      opts = {
        ...opts,
        contact: (await ctx.prompter.input({ message: say.t("ask.contactPerson") })).trim() || undefined,
      };
    if (!opts.phone?.length) {
      const phone = await ctx.prompter.input({ message: say.t("ask.phone") });
      if (phone.trim()) opts = { ...opts, phone: [phone.trim()] };
    }
    if (!opts.address)
      opts = { ...opts, address: (await ctx.prompter.input({ message: say.t("ask.address") })).trim() || undefined };
  }
  // a private person (周先生 and a mobile number) is their own contact: no organisation, no one else to ask for
  if (!opts.contact?.trim() && (opts.phone?.length || opts.email?.trim() || opts.title))
    opts = { ...opts, contact: opts.name!.trim() };
  const actor = await ctx.actor();
  const value = applyFields({ name: opts.name!, created: await nowStamp(ctx) }, opts);
  const ordered = parseInput(customerSchema, value, CUSTOMER_FLAGS);
  return ctx.writing(async () => {
    if (!opts.allowDuplicate) {
      const same = (await store.all("customer", () => undefined)).find((c) => c.value.name === ordered.name);
      if (same) throw new UserError((await ctx.say()).t("cu.exists", { name: ordered.name, id: same.id }));
    }
    const rec = await store.create("customer", ordered, await ctx.now(), ctx.random);
    await ctx.commit([rec.path], `customer ${rec.id} added — ${ordered.name}`, actor);
    written(ctx, rec, (await ctx.say()).t("w.addedCustomer", { id: rec.id, name: oneLine(ordered.name) }));
    return rec;
  });
}
