// The values a command needs: from its flags, else asked at a terminal, else a usage error naming
// every missing flag.
import { customerSearch, findCustomer } from "./find-record.js";
import { UsageError } from "../errors.js";
import type { Context } from "../context.js";
import type { Loaded } from "../store/store.js";
import { question } from "../i18n.js";
import type { Choice } from "../prompt.js";
import { searchCustomer } from "../prompt-customer.js";

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
  const say = await ctx.say();
  if (!ctx.canPrompt)
    throw new UsageError(
      say.t("ask.needs", {
        command,
        flags: missing.map((a) => question(say.locale, a.flag)).join(say.t("ask.flagSep")),
      }),
    );
  const out: (string | undefined)[] = [];
  for (const a of asks) {
    if (!empty(a.value)) {
      out.push(a.value);
      continue;
    }
    if (a.choices) {
      const choices = (a.choices as (string | Choice)[]).map((c) =>
        typeof c === "string" ? { name: say.value(c), value: c } : { ...c, name: question(say.locale, c.name) },
      );
      out.push(await ctx.prompter.select({ message: question(say.locale, a.message), choices, default: a.default }));
    } else {
      const v = await ctx.prompter.input({
        message: question(say.locale, a.message) + (a.optional ? say.t("ask.optional") : ""),
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
