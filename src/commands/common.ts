// Helpers every command shares: finding the record a person meant, reading dates from flags,
// and reporting what was written.
import { UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import type { RecordKind } from "../domain/ids.js";
import type { Customer } from "../domain/schema.js";
import { pickCustomer, searchCustomers } from "../domain/search.js";
import { DATE_HELP, DATETIME_HELP, formatDateTime, parseDateTime, parseDay } from "../domain/time.js";
import type { Loaded } from "../store/store.js";
import type { Choice } from "../prompt.js";
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

/** True when a stored date or date-time is at or before the context's moment (a replayed day). */
export async function happened(ctx: Context): Promise<(at: string) => boolean> {
  const now = await ctx.now();
  const today = formatDateTime(now, (await ctx.store()).settings.timezone).slice(0, 10);
  return (at) => (at.length === 10 ? at <= today : Date.parse(at) <= now.getTime());
}

/** The answer check of a "next contact planned for" question: empty, or a day today or later. */
export async function planDateCheck(ctx: Context): Promise<(v: string) => true | string> {
  const tz = (await ctx.store()).settings.timezone;
  const now = await ctx.now();
  const today = formatDateTime(now, tz).slice(0, 10);
  return (v: string) => {
    if (!v.trim()) return true;
    const d = parseDay(v, tz, now);
    return !d ? "a date such as 2027-03-15, today or tomorrow" : d < today ? `today (${today}) or later: a planned next contact cannot be in the past` : true;
  };
}

/** A moment (or a bare date) a record says already happened: refused when it is in the future. */
export async function notFuture(ctx: Context, stamp: string | undefined, flag: string): Promise<string | undefined> {
  if (stamp === undefined) return undefined;
  const now = await ctx.now();
  const tz = (await ctx.store()).settings.timezone;
  const future = stamp.length === 10 ? stamp > formatDateTime(now, tz).slice(0, 10) : Date.parse(stamp) > now.getTime();
  if (future) throw new UsageError(`${flag} ${stamp.length === 10 ? stamp : formatDateTime(new Date(stamp), tz).slice(0, 16).replace("T", " ")} is in the future (now ${formatDateTime(now, tz).slice(0, 16).replace("T", " ")}); record what has happened, when it happened; nothing was written`);
  return stamp;
}

/** The file a command writes with --output: an OS error is the user's path, said in one line. */
export async function writeOutput(ctx: Context, file: string, data: string | Uint8Array): Promise<void> {
  const { promises: fs } = await import("node:fs");
  const { resolve } = await import("node:path");
  try {
    await fs.writeFile(resolve(ctx.deps.cwd, file), data);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why: Record<string, string> = {
      ENOENT: "its folder does not exist",
      ENOTDIR: "a part of the path is a file, not a folder",
      EISDIR: "it is a folder: give a file name",
      EACCES: "no permission to write there",
      EPERM: "no permission to write there",
      EROFS: "it is on a read-only disk",
      ENOSPC: "no space left on that disk",
      EDQUOT: "the disk quota there is used up",
    };
    if (!code || !why[code]) throw e;
    throw new UserError(`cannot write --output ${file}: ${why[code]}; the store was not changed`);
  }
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

export interface Ask {
  flag: string;
  value: string | undefined;
  /** the question, when a person is asked */
  message: string;
  /** a fixed list to choose from */
  choices?: readonly string[] | Choice[];
  default?: string;
  /** may stay empty; asked only while walking a person through the command */
  optional?: boolean;
}

const empty = (v: unknown) => v === undefined || v === "";

/**
 * The values a command needs: from the flags, else asked at a terminal (walking through the
 * optional ones too once anything was missing), else a usage error naming every missing flag.
 */
export async function fill(ctx: Context, command: string, asks: Ask[]): Promise<(string | undefined)[]> {
  const missing = asks.filter((a) => !a.optional && empty(a.value));
  if (!missing.length) return asks.map((a) => (empty(a.value) ? a.default : a.value));
  if (!ctx.canPrompt) throw new UsageError(`${command} needs ${missing.map((a) => a.flag).join(", ")}; nothing was written`);
  const out: (string | undefined)[] = [];
  for (const a of asks) {
    if (!empty(a.value)) {
      out.push(a.value);
      continue;
    }
    if (a.choices) {
      const choices = (a.choices as (string | Choice)[]).map((c) => (typeof c === "string" ? { name: c, value: c } : c));
      out.push(await ctx.prompter.select({ message: a.message, choices, default: a.default }));
    } else {
      const v = await ctx.prompter.input({ message: a.message + (a.optional ? " (optional)" : ""), default: a.default, required: !a.optional });
      out.push(v.trim() || undefined);
    }
  }
  return out;
}

/**
 * `fill` for an options object: each [key, flag, question] missing from `o` is asked at a terminal
 * or named in the usage error; returns the options with the answers in.
 */
export async function fillInto<T extends object>(ctx: Context, command: string, o: T, asks: [keyof T & string, string, string, (readonly string[])?][]): Promise<T> {
  const values = await fill(
    ctx,
    command,
    asks.map(([key, flag, message, choices]) => ({ flag, value: (o as Record<string, unknown>)[key] as string | undefined, message, choices })),
  );
  const out = { ...o } as Record<string, unknown>;
  asks.forEach(([key], i) => (out[key] = values[i]));
  return out as T;
}

/** The customer, from the flag or, at a terminal, by typing part of a name, pinyin or phone. */
export async function customerOrAsk(ctx: Context, input: string | undefined, flag = "--customer"): Promise<Loaded<"customer"> | undefined> {
  if (input) return findCustomer(ctx, input, flag);
  if (!ctx.canPrompt) return undefined;
  const store = await ctx.store();
  const customers = await store.all("customer", (m) => ctx.io.err(m));
  const id = await ctx.prompter.search<string>({
    message: "Customer (name, pinyin, contact or phone)",
    source: async (term) =>
      // nothing is offered before something is typed: Enter pressed before the list refreshes
      // must never pick a customer the clerk did not search for
      (term?.trim() ? searchCustomers(customers, term) : []).slice(0, 10).map((c) => {
        const p = c.value.contacts?.find((x) => x.phones?.length);
        return { name: `${oneLine(c.value.name)}${p ? `  ${oneLine(p.name)} ${p.phones![0]}` : ""}`, value: c.id, description: c.id };
      }),
  });
  return store.get("customer", id);
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
