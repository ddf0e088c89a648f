// The command line's own words in the locale of what is shown (issue 13, items 1 and 4): help
// rendered from the catalogue's help block, and commander's errors as one catalogue sentence each.
// Loaded only when help or wrong usage is shown (src/cli.ts), so --version and a command's run
// never read the catalogue for them.
import type { Argument, CommanderError, Help, Option } from "commander";
import { CHANNELS } from "../domain/enums.js";
import { width } from "../format/text.js";
import { CATALOGUE, t, type Locale, type MessageKey } from "../i18n.js";
import { wrapBlock, wrapBox, wrapLine } from "./wrap.js";

/** The values help texts name by placeholder, the same in every locale. */
const PARAMS: Record<string, string> = { channels: CHANNELS.join(", ") };

/** A description as written by a flags module (a catalogue key) in `locale`; other text as is. */
export function helpText(locale: Locale, text: string): string {
  return text in CATALOGUE ? t(locale, text as MessageKey, PARAMS) : text;
}

/**
 * The narrowest description column wrapped (commander leaves a narrower one unwrapped, at 40): below
 * it a description runs past the width rather than stand a few characters a line.
 */
const MIN_WRAP = 20;

/** The help's width as commander takes it: COLUMNS when set, else the terminal's, else (a pipe) 80. */
export function helpWidth(env: Record<string, string | undefined>, io: { isTTY: boolean; columns: number }): number {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return io.isTTY ? io.columns : 80;
}

/** A text under the help (a catalogue key) in `locale`, wrapped to `max` columns. */
export function helpBlock(locale: Locale, text: string, max: number): string {
  return wrapBlock(helpText(locale, text), max);
}

/** choices and default after a flag's or argument's help, in the locale's words and punctuation. */
function withExtra(locale: Locale, description: string, item: Option | Argument): string {
  const info: string[] = [];
  const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(t(locale, "help.listSep"));
  if (item.argChoices) info.push(t(locale, "help.choices", { list: list(item.argChoices) }));
  // as commander shows it: a flag's default when it takes a value or is a boolean with one
  const option = "isBoolean" in item ? item : undefined;
  const shown =
    !option || option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean");
  if (item.defaultValue !== undefined && shown)
    info.push(t(locale, "help.default", { value: item.defaultValueDescription ?? JSON.stringify(item.defaultValue) }));
  if (!info.length) return description;
  return `${description}${t(locale, "help.extra", { info: info.join(t(locale, "help.listSep")) })}`;
}

/** "[options] [command]" of a usage line in the locale's words. */
const usageWords = (locale: Locale, usage: string) =>
  usage.replace("[options]", t(locale, "help.usage.options")).replace("[command]", t(locale, "help.usage.command"));

const TITLES: Record<string, MessageKey> = {
  "Usage:": "help.title.usage",
  "Options:": "help.title.options",
  "Commands:": "help.title.commands",
  "Arguments:": "help.title.arguments",
  "Global Options:": "help.title.globalOptions",
};

/** commander's help, every word from the catalogue (Command.configureHelp). */
export function helpConfiguration(locale: Locale): Partial<Help> {
  const say = (text: string) => helpText(locale, text);
  return {
    styleTitle: (title) => (TITLES[title] ? t(locale, TITLES[title]) : title),
    commandUsage: (cmd) => {
      const words: string[] = [];
      for (let c = cmd.parent; c; c = c.parent) words.unshift(c.name());
      return [...words, cmd.name(), usageWords(locale, cmd.usage())].join(" ");
    },
    subcommandTerm: (cmd) => [cmd.name(), usageWords(locale, cmd.usage())].filter(Boolean).join(" ").trim(),
    commandDescription: (cmd) => say(cmd.description()),
    subcommandDescription: (cmd) => say(cmd.summary() || cmd.description()),
    optionDescription: (option) => withExtra(locale, say(option.description ?? ""), option),
    argumentDescription: (argument) => withExtra(locale, say(argument.description), argument),
    // by display width, breaking between Chinese characters too (src/help/wrap.ts)
    displayWidth: width,
    // the usage line too, at spaces, the lines after the first under the first word after "Usage:"
    styleUsage(this: Help, usage: string) {
      const title = t(locale, "help.title.usage");
      const lines = wrapLine(`${title} ${usage}`, this.helpWidth ?? 80, width(title) + 1, true);
      return lines.join("\n").slice(title.length + 1);
    },
    minWidthToWrap: MIN_WRAP,
    boxWrap: (text, max) => (max < MIN_WRAP ? text : wrapBox(text, max)),
  };
}

/** What commander said, taken apart by the sentence its code stands for: the parameters, or null. */
const PATTERNS: Record<string, [RegExp, MessageKey, string[]]> = {
  "commander.unknownOption": [/unknown option '([^']*)'/, "usage.unknownOption", ["flag"]],
  "commander.unknownCommand": [/unknown command '([^']*)'/, "usage.unknownCommand", ["name"]],
  "commander.missingArgument": [/missing required argument '([^']*)'/, "usage.missingArgument", ["name"]],
  "commander.optionMissingArgument": [/option '([^']*)' argument missing/, "usage.optionMissingArgument", ["flag"]],
  "commander.conflictingOption": [
    /option '([^']*)' cannot be used with option '([^']*)'/,
    "usage.conflictingOption",
    ["flag", "other"],
  ],
};

/** An invalid choice, of a flag or of an argument. */
function invalidChoice(locale: Locale, message: string): string | undefined {
  const choices = (list: string) => list.split(", ").join(t(locale, "help.listSep"));
  const option = /option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/.exec(message);
  if (option)
    return t(locale, "usage.invalidChoice", { flag: option[1]!, value: option[2]!, choices: choices(option[3]!) });
  const arg = /command-argument value '([^']*)' is invalid for argument '([^']*)'\. Allowed choices are (.*)\.$/.exec(
    message,
  );
  if (arg) return t(locale, "usage.invalidArgument", { value: arg[1]!, name: arg[2]!, choices: choices(arg[3]!) });
  return undefined;
}

/** Too many arguments, with the command's name when commander gave it. */
function excess(locale: Locale, message: string): string | undefined {
  const m = /too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./.exec(message);
  if (!m) return undefined;
  const forName = m[1] === undefined ? "" : t(locale, "usage.for", { name: m[1] });
  return t(locale, "usage.excessArguments", { n: Number(m[2]), got: m[3]!, for: forName });
}

/**
 * Wrong usage as one line in `locale` (issue 13 item 4): commander's error by its code, with its
 * suggestion ("did you mean") kept; commander's own sentence, joined on one line, for any other.
 */
export function usageLine(locale: Locale, e: CommanderError): string {
  const message = e.message
    .replace(/^error: /, "")
    .trim()
    .replace(/\s*\n\s*/g, " ");
  const suggestion = /\(Did you mean (.*)\?\)$/.exec(message)?.[1];
  const tail = suggestion ? t(locale, "usage.didYouMean", { suggestion }) : "";
  const pattern = PATTERNS[e.code];
  const m = pattern?.[0].exec(message);
  if (pattern && m) {
    const params = Object.fromEntries(pattern[2].map((name, i) => [name, m[i + 1]!]));
    return t(locale, pattern[1], params) + tail;
  }
  if (e.code === "commander.invalidArgument") return invalidChoice(locale, message) ?? message;
  if (e.code === "commander.excessArguments") return excess(locale, message) ?? message;
  return message;
}
