// Helpers every command shares: finding the record a person meant, reading dates from flags,
// and reporting what was written.
import { UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import type { Rec } from "../domain/duties/index.js";
import { isId, isIdPrefix, LETTER_OF, normalizeIdInput, type RecordKind } from "../domain/ids.js";
import type { Customer, RecordOf } from "../domain/schema.js";
import { bestOf, matchTier, ranked, wantsPinyin } from "../domain/search.js";
import { formatDateTime } from "../domain/time.js";
import { readDateTime, readDay, type Direction } from "../domain/typed-time.js";
import { typedProblem } from "../format/typed-dates.js";
import type { Loaded } from "../store/store.js";
import type { Choice } from "../prompt.js";
import { pickAmong, searchCustomer } from "../prompt-customer.js";
import { oneLine } from "../format/text.js";
import { channelLabel, channelNames } from "../report/labels.js";

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
  if (!q) throw new UsageError(`${flag} is empty: give a customer ID or name`);
  if (/^c-/i.test(q)) return resolveId(ctx, "customer", q);
  const matches = await (await customerSearch(ctx))(q);
  const one = bestOf(matches);
  if (one) return one.id;
  if (!matches.length)
    throw new UserError(
      `no customer matches "${q}" (${flag}); see 'aftercare customer list --search TEXT', or add one with 'aftercare customer add'; nothing was written`,
    );
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
    `"${q}" matches ${matches.length} customers: ${list}${matches.length > 8 ? "; …" : ""}; give the ID; nothing was written`,
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

/**
 * Which side of now a flag's moment is on: what happened cannot be later than now (a time read as
 * still to come is refused, naming the earlier moment probably meant); what is planned reads a
 * weekday or a time forward; the rest take the nearest reading.
 */
const PAST_FLAGS = new Set(["--received", "--at", "--sent", "--passed"]);
const FUTURE_FLAGS = new Set(["--next-date", "--appointment", "--promise", "--date", "--finish"]);
export function directionOf(flag: string): Direction {
  return PAST_FLAGS.has(flag) ? "past" : FUTURE_FLAGS.has(flag) ? "future" : "any";
}

/** A date-time flag as people write it (2026/12/07 08:55, 昨天 15:30, 下午3点半…), in the store's zone, stored with the company's offset. */
export async function dateTimeFlag(
  ctx: Context,
  value: string | undefined,
  flag: string,
  direction = directionOf(flag),
): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const tz = (await ctx.store()).settings.timezone;
  const now = await ctx.now();
  const r = await readDateTime(value, tz, now, direction);
  const problem = typedProblem(await ctx.say(), r, value, flag, tz, now, "datetime");
  if (problem || r.kind !== "ok") throw new UsageError(problem!);
  return formatDateTime(r.reading.at, tz);
}

/** A date flag as people write it (2026/12/07, 12月7日, 下周一, tomorrow…): a calendar day in the store's zone. */
export async function dateFlag(
  ctx: Context,
  value: string | undefined,
  flag: string,
  direction = directionOf(flag),
): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const tz = (await ctx.store()).settings.timezone;
  const now = await ctx.now();
  const r = await readDay(value, tz, now, direction);
  const problem = typedProblem(await ctx.say(), r, value, flag, tz, now, "date");
  if (problem || r.kind !== "ok") throw new UsageError(problem!);
  return r.reading.day;
}

/** True when a stored date or date-time is at or before the context's moment (a replayed day). */
export async function happened(ctx: Context): Promise<(at: string) => boolean> {
  const now = await ctx.now();
  const today = formatDateTime(now, (await ctx.store()).settings.timezone).slice(0, 10);
  return (at) => (at.length === 10 ? at <= today : Date.parse(at) <= now.getTime());
}

/** The answer check of a "next contact planned for" question: empty, or a day today or later, as people write it. */
export async function planDateCheck(ctx: Context): Promise<(v: string) => Promise<true | string>> {
  const tz = (await ctx.store()).settings.timezone;
  const now = await ctx.now();
  const say = await ctx.say();
  const today = formatDateTime(now, tz).slice(0, 10);
  return async (v: string) => {
    if (!v.trim()) return true;
    const r = await readDay(v, tz, now, "future");
    if (r.kind === "ambiguous") return typedProblem(say, r, v, "", tz, now, "date")!.trim();
    return r.kind !== "ok" ? say.t("date.askDate") : r.reading.day < today ? say.t("date.askNotPast", { today }) : true;
  };
}

/** A moment (or a bare date) a record says already happened: refused when it is in the future. */
export async function notFuture(ctx: Context, stamp: string | undefined, flag: string): Promise<string | undefined> {
  if (stamp === undefined) return undefined;
  const now = await ctx.now();
  const tz = (await ctx.store()).settings.timezone;
  const future = stamp.length === 10 ? stamp > formatDateTime(now, tz).slice(0, 10) : Date.parse(stamp) > now.getTime();
  if (future)
    throw new UsageError(
      `${flag} ${stamp.length === 10 ? stamp : formatDateTime(new Date(stamp), tz).slice(0, 16).replace("T", " ")} is in the future (now ${formatDateTime(now, tz).slice(0, 16).replace("T", " ")}); record what has happened, when it happened; nothing was written`,
    );
  return stamp;
}

/** The file a command writes with --output: an OS error is the user's path, said in one line. */
export async function writeOutput(ctx: Context, file: string, data: string | Uint8Array): Promise<void> {
  const { promises: fs } = await import("node:fs");
  const path = await import("node:path");
  try {
    await fs.writeFile(path.resolve(ctx.deps.cwd, file), data);
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
export function choice<T extends string>(
  value: string | undefined,
  choices: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} "${value}" is not one of ${choices.join(", ")}; nothing was written`);
}

/**
 * A channel as a person types it: its name (`wechat`) or its word in either language (`微信`,
 * `WeChat`, `短信`, a store's own `抖音`), in any case; else a usage error naming the choices, in
 * the user's language.
 */
export async function channelFlag(
  ctx: Context,
  value: string | undefined,
  flag = "--channel",
): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const added = (await ctx.store()).settings.channels;
  const names = channelNames(added);
  const typed = value.trim().toLowerCase();
  const hit = names.find((n) =>
    [n, channelLabel(n, "en", added), channelLabel(n, "zh-CN", added)].some((w) => w.toLowerCase() === typed),
  );
  if (hit) return hit;
  const say = await ctx.say();
  const choices =
    say.locale === "zh-CN"
      ? names.map((n) => `${n}（${channelLabel(n, "zh-CN", added)}）`).join("、")
      : names.join(", ");
  throw new UsageError(say.t("ch.unknown", { flag, value, choices }));
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
  if (!ctx.canPrompt)
    throw new UsageError(`${command} needs ${missing.map((a) => a.flag).join(", ")}; nothing was written`);
  const out: (string | undefined)[] = [];
  for (const a of asks) {
    if (!empty(a.value)) {
      out.push(a.value);
      continue;
    }
    if (a.choices) {
      const choices = (a.choices as (string | Choice)[]).map((c) =>
        typeof c === "string" ? { name: c, value: c } : c,
      );
      out.push(await ctx.prompter.select({ message: a.message, choices, default: a.default }));
    } else {
      const v = await ctx.prompter.input({
        message: a.message + (a.optional ? " (optional)" : ""),
        default: a.default,
        required: !a.optional,
      });
      out.push(v.trim() || undefined);
    }
  }
  return out;
}

/**
 * `fill` for an options object: each [key, flag, question] missing from `o` is asked at a terminal
 * or named in the usage error; returns the options with the answers in.
 */
export async function fillInto<T extends object>(
  ctx: Context,
  command: string,
  o: T,
  asks: [keyof T & string, string, string, (readonly string[])?][],
): Promise<T> {
  const values = await fill(
    ctx,
    command,
    asks.map(([key, flag, message, choices]) => ({
      flag,
      value: (o as Record<string, unknown>)[key] as string | undefined,
      message,
      choices,
    })),
  );
  const out = { ...o } as Record<string, unknown>;
  asks.forEach(([key], i) => (out[key] = values[i]));
  return out as T;
}

/** The customer, from the flag or, at a terminal, by typing part of a name, pinyin or phone. */
export async function customerOrAsk(
  ctx: Context,
  input: string | undefined,
  flag = "--customer",
): Promise<Loaded<"customer"> | undefined> {
  if (input) return findCustomer(ctx, input, flag);
  if (!ctx.canPrompt) return undefined;
  const store = await ctx.store();
  const id = await searchCustomer(ctx, await customerSearch(ctx));
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
