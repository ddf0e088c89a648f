// aftercare customer add | edit: the customer file (form 1 of the regulation, A2); list and show are in show.ts.
import { checkEdit, parseInput, UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import { customerSchema, type Customer, type Person } from "../domain/schema.js";
import { oneLine } from "../format/text.js";
import { bytesOf, changedSince, editInEditor, runEditor, saveEdit } from "../services/editor.js";
import { fillInto, findCustomer, nowStamp, written } from "./common.js";

export interface CustomerFields {
  name?: string;
  address?: string;
  contact?: string;
  title?: string;
  phone?: string[];
  email?: string;
  tag?: string[];
  untag?: string[];
  equipment?: string[];
  vehicle?: string[];
  note?: string;
}

/** Which flag sets which field, for usage errors that name the flag. */
const CUSTOMER_FLAGS = {
  name: "--name",
  "contacts.name": "--contact",
  "contacts.title": "--title",
  "contacts.phones": "--phone",
  "contacts.email": "--email",
  tags: "--tag",
  "equipment.name": "--equipment",
  "vehicles.plate": "--vehicle",
};

const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

function applyFields(c: Customer, f: CustomerFields): Customer {
  const next: Customer = { ...c };
  if (f.name !== undefined) next.name = f.name;
  if (f.address !== undefined) next.address = f.address || undefined;
  if (f.note !== undefined) next.note = f.note || undefined;
  const blank = (f.phone ?? []).find((x) => !x.trim());
  if (blank !== undefined)
    throw new UsageError(`--phone "${blank}" is empty: give the number, such as "021-5555 1234"; nothing was written`);
  if (f.email !== undefined && f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim()))
    throw new UsageError(`--email "${f.email}" is not an e-mail address such as name@example.com; nothing was written`);
  if (f.contact !== undefined || f.phone?.length || f.email !== undefined) {
    const contacts = [...(c.contacts ?? [])];
    const name = f.contact ?? contacts[0]?.name;
    if (!name)
      throw new UsageError(
        "--phone and --email belong to a contact person: give --contact NAME too; nothing was written",
      );
    const i = contacts.findIndex((p) => p.name === name.trim());
    const old: Person = i >= 0 ? contacts[i]! : { name };
    const person: Person = {
      ...old,
      ...(f.title ? { title: f.title } : {}),
      ...(f.phone?.length ? { phones: uniq([...(old.phones ?? []), ...f.phone]) } : {}),
      ...(f.email ? { email: f.email } : {}),
    };
    if (i >= 0) contacts[i] = person;
    else contacts.push(person);
    next.contacts = contacts;
  }
  if (f.tag?.length || f.untag?.length) {
    const tags = uniq([...(c.tags ?? []), ...(f.tag ?? [])]).filter((t) => !(f.untag ?? []).includes(t));
    next.tags = tags.length ? tags : undefined;
  }
  if (f.equipment?.length) next.equipment = [...(c.equipment ?? []), ...f.equipment.map((name) => ({ name }))];
  if (f.vehicle?.length)
    next.vehicles = [
      ...(c.vehicles ?? []),
      ...f.vehicle.filter((p) => !(c.vehicles ?? []).some((v) => v.plate === p)).map((plate) => ({ plate })),
    ];
  return next;
}

export async function customerAdd(opts: CustomerFields & { allowDuplicate?: boolean }, ctx: Context) {
  const store = await ctx.store();
  if (!opts.name?.trim()) {
    if (!ctx.canPrompt)
      throw new UsageError("customer add needs the customer's name (NAME or --name); nothing was written");
    const say = await ctx.say();
    opts = await fillInto(ctx, "customer add", opts, [["name", "NAME", say.t("ask.customerName")]]);
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
      if (same)
        throw new UserError(
          `customer "${ordered.name}" already exists as ${same.id}; use that ID, or pass --allow-duplicate for a different customer of the same name; nothing was written`,
        );
    }
    const rec = await store.create("customer", ordered, await ctx.now(), ctx.random);
    await ctx.commit([rec.path], `customer ${rec.id} added — ${ordered.name}`, actor);
    written(ctx, rec, (await ctx.say()).t("w.addedCustomer", { id: rec.id, name: oneLine(ordered.name) }));
    return rec;
  });
}

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
        ctx.io.err(`no changes to ${c.id}\n`);
        return c;
      }
      await ctx.commit([c.path], `customer ${c.id} edited — ${rec.value.name}`, actor);
      written(ctx, rec, `saved customer ${c.id}`);
      return rec;
    });
  if (!ctx.io.interactive && !editor)
    throw new UsageError(
      "customer edit needs something to change (--name, --address, --contact, --phone, --tag, --untag, --note…), or a terminal to open $EDITOR; nothing was written",
    );

  // The editor runs before the store's lock is taken: nobody waits while a person types. Under the
  // lock the file is compared with what the editor was given, and a change made meanwhile wins.
  const before = await bytesOf(store, first.path);
  const edit = await editInEditor(first.path, first.src, editor ?? runEditor(ctx));
  if (!edit) {
    ctx.io.err(`no changes to ${first.id}\n`);
    return first;
  }
  return ctx.writing(async () => {
    const by = await changedSince(ctx, store, first.path, before);
    if (by)
      throw new UserError(
        `${first.path} was changed meanwhile by ${by}; your edit is kept in ${edit.tmp}: compare it with the file as it is now and run 'aftercare customer edit ${first.id}' again; nothing was written`,
      );
    try {
      await saveEdit(store, first, edit);
    } catch (e) {
      ctx.io.err(`your edit is kept in ${edit.tmp}\n`);
      throw e;
    }
    const fresh = await store.get("customer", first.id);
    await ctx.commit([first.path], `customer ${first.id} edited — ${fresh.value.name}`, actor);
    written(ctx, fresh, `saved customer ${first.id}`);
    return fresh;
  });
}
