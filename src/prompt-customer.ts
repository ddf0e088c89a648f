// The customer picker at a terminal (issue 13, item 4): words that match several customers open a
// list of the matches; the search box offers, under what it found, to file a new customer named as
// typed (name and phone), who then goes on with the ticket or the call. Never with --no-input, in a
// pipe or under cron: there the callers refuse as before.
import { parseInput, UserError } from "./errors.js";
import type { Context } from "./context.js";
import type { Rec } from "./domain/duties/index.js";
import type { Customer } from "./domain/schema.js";
import { formatDateTime } from "./domain/time.js";
import { oneLine } from "./format/text.js";
import type { Choice } from "./prompt.js";

/** The value of the choice that files a new customer: this prefix, then the words typed. */
const NEW = "\u0000new:";
/** At most this many customers in one list (the search narrows further as the clerk types). */
const SHOWN = 10;

/** One customer as a choice: the name, the first contact with a phone, the ID below. */
function choiceOf(c: Rec<Customer>): Choice {
  const p = c.value.contacts?.find((x) => x.phones?.length);
  return {
    name: `${oneLine(c.value.name)}${p ? `  ${oneLine(p.name)} ${p.phones![0]}` : ""}`,
    value: c.id,
    description: c.id,
  };
}

/** `typed` matched several customers: the clerk picks one of them, or files a new one. Returns its ID. */
export async function pickAmong(ctx: Context, typed: string, matches: Rec<Customer>[]): Promise<string> {
  const say = await ctx.say();
  const id = await ctx.prompter.select<string>({
    message: say.t("pick.which", { typed, n: matches.length }),
    choices: [
      ...matches.slice(0, SHOWN).map(choiceOf),
      { name: say.t("pick.new", { name: typed }), value: NEW + typed },
    ],
  });
  return id.startsWith(NEW) ? fileNew(ctx, id.slice(NEW.length)) : id;
}

/**
 * The search box: what the clerk types narrows the list (`match`: best first); under the matches,
 * filing a new customer named as typed. Returns the ID picked or filed.
 */
export async function searchCustomer(
  ctx: Context,
  match: (words: string) => Promise<{ item: Rec<Customer> }[]>,
): Promise<string> {
  const say = await ctx.say();
  const id = await ctx.prompter.search<string>({
    message: say.t("pick.search"),
    source: async (term) => {
      // nothing is offered before something is typed: Enter pressed before the list refreshes
      // must never pick a customer the clerk did not search for
      const words = term?.trim();
      if (!words) return [];
      const found = (await match(words)).slice(0, SHOWN).map((m) => choiceOf(m.item));
      return [...found, { name: say.t("pick.new", { name: words }), value: NEW + words }];
    },
  });
  return id.startsWith(NEW) ? fileNew(ctx, id.slice(NEW.length)) : id;
}

/**
 * A new customer on the spot: the name (as typed, unless changed) and a phone (optional); a private
 * person is their own contact. One commit, as `customer add` makes; the ID goes on to the caller.
 */
async function fileNew(ctx: Context, typed: string): Promise<string> {
  const say = await ctx.say();
  const store = await ctx.store();
  const name = (
    await ctx.prompter.input({ message: say.t("ask.customerName"), default: typed, required: true })
  ).trim();
  const phone = (await ctx.prompter.input({ message: say.t("ask.phone") })).trim();
  // the schemas (zod) load only when a customer is filed: a read that passes through here never needs them
  const { customerSchema } = await import("./domain/schema.js");
  const value = parseInput(customerSchema, {
    name,
    ...(phone ? { contacts: [{ name, phones: [phone] }] } : {}),
    created: formatDateTime(await ctx.now(), store.settings.timezone),
  });
  const actor = await ctx.actor();
  const rec = await ctx.writing(async () => {
    const same = (await store.all("customer", () => undefined)).find((c) => c.value.name === value.name);
    if (same) throw new UserError(say.t("pick.exists", { name: oneLine(value.name), id: same.id }));
    const made = await store.create("customer", value, await ctx.now(), ctx.random);
    await ctx.commit([made.path], `customer ${made.id} added — ${value.name}`, actor);
    return made;
  });
  ctx.io.err(`${say.t("w.addedCustomer", { id: rec.id, name: oneLine(value.name) })}\n`);
  return rec.id;
}
