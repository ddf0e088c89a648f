// Finding the record a person meant: a customer by name, phone or pinyin (best first), any record
// by a whole ID or a unique start of one, as the commands read them.
import { UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import type { Rec } from "../domain/duties/index.js";
import { isId, isIdPrefix, LETTER_OF, normalizeIdInput, type RecordKind } from "../domain/ids.js";
import type { Customer, RecordOf } from "../domain/schema.js";
import { bestOf, matchTier, ranked, wantsPinyin } from "../domain/search.js";
import type { Loaded } from "../store/store.js";
import { oneLine } from "../format/text.js";
import { pickAmong } from "../prompt-customer.js";

/**
 * How the customers a person's words match are found, best first with how well (domain/search.ts):
 * the index's search keys when there is an index, else every customer file, read once. Files that
 * cannot be read are named once, here.
 */
export async function customerSearch(
  ctx: Context,
): Promise<(words: string) => Promise<{ item: Rec<Customer>; tier: number }[]>> {
  const idx = await ctx.index();
  if (idx) {
    for (const w of idx.warnings(["customer"])) ctx.io.err(w);
    return (words) => idx.findCustomers(words);
  }
  const customers = await (await ctx.store()).all("customer", (m) => ctx.io.err(m));
  return async (words) => {
    // pinyin-pro loads only for a search in letters
    const pinyin = wantsPinyin(words) ? (await import("../domain/pinyin.js")).pinyinKeys : undefined;
    return ranked(customers.map((c) => ({ item: c, tier: matchTier(c.value, words, pinyin), name: c.value.name })));
  };
}

/** The ID of the customer a person meant: an ID (or unique prefix), or words one customer matches best (name, contact, phone). */
export async function customerId(ctx: Context, input: string, flag = "--customer"): Promise<string> {
  const q = input.trim();
  if (!q) throw new UsageError((await ctx.say()).t("cu.emptyFlag", { flag }));
  if (/^c-/i.test(q)) return resolveId(ctx, "customer", q);
  const matches = await (await customerSearch(ctx))(q);
  const one = bestOf(matches);
  if (one) return one.id;
  if (!matches.length) throw new UserError((await ctx.say()).t("cu.noMatch", { q, flag }));
  // at a terminal: the clerk picks among the matches (issue 13, item 4)
  if (ctx.canPrompt)
    return pickAmong(
      ctx,
      q,
      matches.map((m) => m.item),
    );
  const list = matches
    .slice(0, 8)
    .map((m) => `${m.item.id} ${oneLine(m.item.value.name)}`)
    .join("; ");
  throw new UserError(
    (await ctx.say()).t("cu.many", { q, n: matches.length, list: list + (matches.length > 8 ? "; …" : "") }),
  );
}

/** A customer from an ID (or unique prefix) or from what a clerk types: name, contact, phone; its file read. */
export async function findCustomer(ctx: Context, input: string, flag = "--customer"): Promise<Loaded<"customer">> {
  const id = await customerId(ctx, input, flag);
  return (await ctx.store()).get("customer", id);
}

/** The customer a read shows (`findCustomer`'s), from the index when it holds the file read cleanly. */
export async function customerToShow(ctx: Context, input: string, flag = "--customer"): Promise<Rec<Customer>> {
  return shown(ctx, "customer", await customerId(ctx, input, flag));
}

/**
 * The full ID a person meant, as `Store.resolveId` finds it: a whole ID is looked for on disk; a
 * prefix among the index's files when the run has the index open (a read), else the store lists
 * the kind's folders. What the index cannot settle (no match, several) the store answers, in its
 * words.
 */
export async function resolveId(ctx: Context, kind: RecordKind, input: string): Promise<string> {
  const want = normalizeIdInput(input);
  if (isIdPrefix(want) && want[0] === LETTER_OF[kind] && !isId(want)) {
    const ids = (await ctx.openedIndex())?.idsStartingWith(kind, want);
    if (ids?.length === 1) return ids[0]!;
  }
  return (await ctx.store()).resolveId(kind, input);
}

export async function findRecord<K extends RecordKind>(ctx: Context, kind: K, input: string): Promise<Loaded<K>> {
  const store = await ctx.store();
  return store.get(kind, await resolveId(ctx, kind, input));
}

/** The record a read shows (`findRecord`'s), from the index when it holds the file read cleanly. */
export async function recordToShow<K extends RecordKind>(
  ctx: Context,
  kind: K,
  input: string,
): Promise<Rec<RecordOf[K]>> {
  return shown(ctx, kind, await resolveId(ctx, kind, input));
}

/** A record by its full ID: the index's value, else the file (whose problems the store words). */
async function shown<K extends RecordKind>(ctx: Context, kind: K, id: string): Promise<Rec<RecordOf[K]>> {
  const value = (await ctx.index())?.record(kind, id);
  if (value !== undefined) return { id, value };
  const r = await (await ctx.store()).get(kind, id);
  return { id: r.id, value: r.value };
}
