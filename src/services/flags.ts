// Reading flags as people type them: dates and times in either language (in the store's zone, on
// the right side of now), a choice from a list, a channel by its name or its word.
import { EXIT, refusal, UsageError } from "../errors.js";
import type { Context } from "../context.js";
import { formatDateTime } from "../domain/time.js";
import { readDateTime, readDay, type Direction } from "../domain/typed-time.js";
import { typedProblem } from "../format/typed-dates.js";
import { channelLabel, channelNames } from "../report/labels.js";

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
    throw refusal(
      "date.future",
      {
        flag,
        shown: stamp.length === 10 ? stamp : formatDateTime(new Date(stamp), tz).slice(0, 16).replace("T", " "),
        now: formatDateTime(now, tz).slice(0, 16).replace("T", " "),
        meant: "",
      },
      EXIT.usage,
    );
  return stamp;
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
  throw refusal("rf.notOneOf", { flag, value, choices: { typed: choices } }, EXIT.usage);
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

/** --satisfaction: a whole number from 1 to 5. */
export function satisfactionFlag(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^[1-5]$/.test(v.trim())) throw refusal("rf.satisfaction", { value: v }, EXIT.usage);
  return Number(v.trim());
}
