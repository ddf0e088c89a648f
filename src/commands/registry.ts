// How a command is declared (CONTRIBUTING.md, "How to add a command"): a flags module registers its
// words and flags with commander, parses what was typed into a typed options value, and hands it,
// with a loader of the run function, to a Runner. The CLI's runner (src/runner.ts) makes the
// Context and runs it; the parse tests' runner (test/parse.test.ts) records it and runs nothing.
//
// Flags modules (*.flags.ts, <noun>/flags.ts) and this file import only commander, the fixed
// vocabularies (src/domain/enums.ts), src/errors.ts and types: they all load at start-up, so
// --version and --help stay fast. A run module (the store, zod, YAML…) loads when its command runs.
import type { Command } from "commander";
import type { Context, Deps } from "../context.js";
import type { HelpKey } from "../i18n-help.js";

/** A command's work: its options and the context (store, clock, git, output) of this run. */
export type Run<O> = (options: O, ctx: Context) => Promise<unknown>;

/** The work of a command that runs without a store (completion, merge-driver): it returns its exit code. */
export type BareRun<O> = (options: O, deps: Deps) => Promise<number>;

/** The options a run function takes, for flags modules that name them by the function's type. */
export type OptionsOf<F> = F extends (options: infer O, ...rest: never[]) => unknown ? O : never;

/** What a parsed command is handed to. */
export interface Runner {
  /** Run the command with these options in a new Context; `load` imports its run function. */
  run<O>(cmd: Command, options: O, load: () => Promise<Run<O>>): Promise<void>;
  /** Run a command that needs no Context; its result is the exit code. */
  bare<O>(cmd: Command, options: O, load: () => Promise<BareRun<O>>): Promise<void>;
}

/** A repeatable flag's values, in the order given. */
export const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** Commands for git and the shell, not for people: left out of help and of completion. */
const hidden = new WeakSet<Command>();

export function hiddenCommand(parent: Command, nameAndArgs: string): Command {
  const cmd = parent.command(nameAndArgs, { hidden: true });
  hidden.add(cmd);
  return cmd;
}

export const isHidden = (cmd: Command): boolean => hidden.has(cmd);

/** The words that name a command under the program: "ticket dispatch". */
export function commandPath(cmd: Command): string {
  const words: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) words.unshift(c.name());
  return words.join(" ");
}

/**
 * A description or flag help as a key of the catalogue's help block (src/i18n-help.ts): commander
 * keeps the key and src/help/render.ts shows it in the locale of what is shown.
 */
export const h = (key: HelpKey): string => key;

/** The help block's text for `key` in the locale shown (the identity until the catalogue is loaded). */
export type Say = (key: HelpKey) => string;

/** Text shown after a command's help, by key: added in the locale shown by withHelpTexts. */
const after = new WeakMap<Command, HelpKey>();

export function helpAfter(cmd: Command, key: HelpKey): void {
  after.set(cmd, key);
}

/**
 * The texts after each command's help: its own (helpAfter), then, for every command that takes a
 * date or a time, how it may be written (src/domain/typed-time.ts).
 */
export function withHelpTexts(cmd: Command, say: Say): void {
  const own = after.get(cmd);
  if (own) cmd.addHelpText("after", () => say(own));
  if (cmd.options.some((o) => /<date(time)?>/.test(o.flags))) cmd.addHelpText("after", () => say("help.dates"));
  for (const sub of cmd.commands) withHelpTexts(sub, say);
}
