// Helpers every command shares: finding the record a person meant, reading dates from flags,
// and reporting what was written.
import { UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import type { RecordKind } from "../domain/ids.js";
import type { Customer } from "../domain/schema.js";
import { pickCustomer, searchCustomers } from "../domain/search.js";
import { DATE_HELP, DATETIME_HELP, formatDateTime, parseDateTime, parseDay } from "../domain/time.js";
import type { Loaded } from "../store/store.js";
import { oneLine } from "../format/text.js";

/** A customer from an ID (or unique prefix) or from what a clerk types: name, contact, phone. */
export async function findCustomer(ctx: Context, input: string, flag = "--customer"): Promise<Loaded<"customer">> {
  const store = await ctx.store();
  const q = input.trim();
  if (!q) throw new UsageError(`${flag} is empty: give a customer ID or name`);
  if (/^c-/i.test(q)) return store.get("customer", await store.resolveId("customer", q));
  const customers = await store.all("customer", (m) => ctx.io.err(m));
  const matches = searchCustomers(customers, q);
  const one = pickCustomer(matches, q);
  if (one) return one;
  if (!matches.length) throw new UserError(`no customer matches "${q}" (${flag}); see 'aftercare customer list --search TEXT', or add one with 'aftercare customer add'; nothing was written`);
  const list = matches.slice(0, 8).map((m) => `${m.id} ${oneLine(m.value.name)}`).join("; ");
  throw new UserError(`"${q}" matches ${matches.length} customers: ${list}${matches.length > 8 ? "; …" : ""}; give the ID; nothing was written`);
}

export async function findRecord<K extends RecordKind>(ctx: Context, kind: K, input: string): Promise<Loaded<K>> {
  const store = await ctx.store();
  return store.get(kind, await store.resolveId(kind, input));
}

/** A date-time flag in the store's zone, stored with the company's offset. */
export async function dateTimeFlag(ctx: Context, value: string | undefined, flag: string): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const store = await ctx.store();
  const d = parseDateTime(value, store.settings.timezone, await ctx.now());
  if (!d) throw new UsageError(`${flag} "${value}" is not a date-time: use ${DATETIME_HELP}; nothing was written`);
  return formatDateTime(d, store.settings.timezone);
}

export async function dateFlag(ctx: Context, value: string | undefined, flag: string): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const store = await ctx.store();
  const d = parseDay(value, store.settings.timezone, await ctx.now());
  if (!d) throw new UsageError(`${flag} "${value}" is not a date: use ${DATE_HELP}; nothing was written`);
  return d;
}

export async function nowStamp(ctx: Context): Promise<string> {
  const store = await ctx.store();
  return formatDateTime(await ctx.now(), store.settings.timezone);
}

/** One value from a fixed list, or a usage error naming the choices. */
export function choice<T extends string>(value: string | undefined, choices: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} "${value}" is not one of ${choices.join(", ")}; nothing was written`);
}

/** Flags a non-interactive run must have; named all at once. */
export function requireFlags(missing: [string, unknown][], command: string): void {
  const names = missing.filter(([, v]) => v === undefined || v === "").map(([n]) => n);
  if (names.length) throw new UsageError(`${command} needs ${names.join(", ")}; nothing was written`);
}

/** Every write prints the ID it wrote (or the record as JSON) on stdout, and a sentence on stderr. */
export function written(ctx: Context, rec: { id: string; value: unknown }, sentence: string): void {
  if (ctx.json) ctx.io.out(JSON.stringify({ id: rec.id, ...(rec.value as object) }, null, 2) + "\n");
  else {
    ctx.io.out(`${rec.id}\n`);
    ctx.io.err(`${sentence}\n`);
  }
}

export function customerName(c: Customer | undefined, id: string): string {
  return c ? oneLine(c.name) : id;
}

export function firstPhone(c: Customer | undefined): string | undefined {
  for (const p of c?.contacts ?? []) if (p.phones?.length) return p.phones[0];
  return undefined;
}
