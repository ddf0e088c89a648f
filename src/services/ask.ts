// The values a command needs: from its flags, else asked at a terminal, else a usage error naming
// every missing flag. Every question, choice and worded flag is a catalogue key (typed: a question
// without an entry does not compile, one without a language fails test/catalogue.test.ts).
import { customerSearch, findCustomer } from "./find-record.js";
import { UsageError } from "../errors.js";
import type { Context } from "../context.js";
import type { Loaded } from "../store/store.js";
import { wordedText, type MessageKey, type Translator, type Worded } from "../i18n.js";
import type { Choice } from "../prompt.js";
import { searchCustomer } from "../prompt-customer.js";
import { wordsIn, type OwnWords } from "../report/labels.js";

/**
 * A flag a usage error names: as typed (`--summary`, `NAME`: the same in every language), or the
 * catalogue's words for more than a flag (`--customer (or --ticket)`).
 */
export type AskFlag = `--${string}` | Uppercase<string> | Worded;

/** A choice offered at a terminal, named in the catalogue's words (or the store's own, for what it added). */
export interface AskChoice {
  name: Worded | OwnWords;
  value: string;
}

export interface Ask {
  flag: AskFlag;
  value: string | undefined;
  /** the question, when a person is asked */
  message: MessageKey;
  /** a fixed list to choose from: values records hold (shown as say.value shows them), or named choices */
  choices?: readonly string[] | readonly AskChoice[];
  default?: string;
  /** may stay empty; asked only while walking a person through the command */
  optional?: boolean;
}

const empty = (v: unknown) => v === undefined || v === "";

/** A flag in a usage error, in the reader's language. */
const flagText = (say: Translator, flag: AskFlag) => (typeof flag === "string" ? flag : wordedText(say.locale, flag));

/** The choices of an ask as the prompter takes them, in the reader's language. */
function choicesOf(say: Translator, choices: readonly string[] | readonly AskChoice[]): Choice[] {
  return choices.map((c: string | AskChoice) =>
    typeof c === "string" ? { name: say.value(c), value: c } : { name: wordsIn(say.locale, c.name), value: c.value },
  );
}

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
      say.t("ask.needs", { command, flags: missing.map((a) => flagText(say, a.flag)).join(say.t("ask.flagSep")) }),
    );
  const out: (string | undefined)[] = [];
  for (const a of asks) {
    if (!empty(a.value)) {
      out.push(a.value);
      continue;
    }
    if (a.choices) {
      const choices = choicesOf(say, a.choices);
      out.push(await ctx.prompter.select({ message: say.t(a.message), choices, default: a.default }));
    } else {
      const v = await ctx.prompter.input({
        message: say.t(a.message) + (a.optional ? say.t("ask.optional") : ""),
        default: a.default,
        required: !a.optional,
      });
      out.push(v.trim() || undefined);
    }
  }
  return out;
}

/**
 * `fill` for an options object: each [key, flag, question, choices] missing from `o` is asked at a
 * terminal or named in the usage error; returns the options with the answers in.
 */
export async function fillInto<T extends object>(
  ctx: Context,
  command: string,
  o: T,
  asks: [keyof T & string, AskFlag, MessageKey, (readonly string[])?][],
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
