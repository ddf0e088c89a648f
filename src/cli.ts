// The registry of commands: the global flags, every command's flags module (src/commands/index.ts),
// the runner that makes the Context (src/runner.ts), and the one place that turns errors into
// messages and exit codes.
//
// Start-up stays small: this module loads only commander, the flags modules and what the help text
// needs (the error table, the fixed vocabularies). The context (store, schemas, YAML) and every
// command's run module load when a command runs; in the bundle (scripts/build.mjs) each is a chunk
// of its own, so --version and --help never read zod, yaml, liquidjs, exceljs, the prompts or the
// CSV libraries.
import { Command, CommanderError, type Help, Option } from "commander";
import pkg from "../package.json" with { type: "json" };
import type { Deps } from "./context.js";
import { EXIT, fromOsError, internalError, messageIn, render, describe, UserError } from "./errors.js";
import type { IO } from "./io.js";
import { registerCommands } from "./commands/index.js";
import { h, type Runner, type Say } from "./commands/registry.js";
import { contextRunner, type RunState } from "./runner.js";

// what bin/aftercare needs besides main, from the same bundle
export { processIO } from "./io.js";

/**
 * How the command line shows its own words: `say` gives a text under the help in the locale shown,
 * wrapped to `width`; `help` is commander's help configuration (src/help/render.ts); `width` the
 * columns help is wrapped to. Until help or wrong usage is to be shown, all are absent and
 * commander keeps the catalogue's keys.
 */
export interface Words {
  say: Say;
  help: Partial<Help>;
  width: number;
}

/** The program: global flags and every command, handing what was typed to `runner`. */
export function program(io: IO, runner: Runner, words?: Words): Command {
  const say: Say = words?.say ?? ((key) => key);
  const program = new Command("aftercare")
    .description(h("help.program"))
    .version(pkg.version, "-V, --version", h("help.program.version"))
    .helpOption("-h, --help", h("help.helpOption"))
    .helpCommand("help [command]", h("help.helpCommand"))
    .option("--records <dir>", h("help.program.records"))
    .option("--as <name>", h("help.program.as"))
    .option("--now <datetime>", h("help.program.now"))
    .option("--json", h("help.program.json"))
    .addOption(new Option("--locale <locale>", h("help.program.locale")).choices(["zh-CN", "en"]))
    .option("--no-input", h("help.program.input"))
    .option("--no-color", h("help.program.color"))
    .option("--debug", h("help.program.debug"))
    .exitOverride()
    .configureHelp(words?.help ?? {})
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      getOutHelpWidth: () => words?.width ?? 80,
      getErrHelpWidth: () => words?.width ?? 80,
      // wrong usage is written by failed(), one line in the user's language
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true)
    .addHelpText("after", () => say("help.exitCodes"));
  registerCommands(program, runner, say);
  return program;
}

/** What commander wrote while the command line was read, held back until it is known to be wanted. */
function heldIO(io: IO): { io: IO; flush: () => void } {
  const held: string[] = [];
  return {
    io: { ...io, out: (s: string) => void held.push(s), err: () => undefined },
    flush: () => held.forEach((s) => io.out(s)),
  };
}

/**
 * Run the command line `argv`; the exit code. `runner` runs what was parsed (the parse tests give
 * one that only records it).
 *
 * Read twice when the line asks for help or is wrong (issue 13): the first reading keeps the
 * catalogue unloaded (--version and every command's run never load its help block); if commander
 * has help or an error to show, the catalogue loads and a second reading shows it in the locale of
 * what is shown. Nothing has run by then: commander refuses or shows help before any action.
 */
export async function main(
  argv: string[],
  deps: Deps,
  runner: (state: RunState) => Runner = (state) => contextRunner(argv, deps, state),
): Promise<number> {
  const state: RunState = { exitCode: 0 };
  const first = heldIO(deps.io);
  try {
    await program(first.io, runner(state)).parseAsync(argv, { from: "user" });
    return state.exitCode;
  } catch (e) {
    if (!(e instanceof CommanderError) || e.code === "commander.version") {
      first.flush();
      return failed(e, argv, deps, state);
    }
  }
  const { shownLocale } = await import("./help/locale.js");
  const locale = shownLocale(argv, deps.env, deps.cwd);
  const render = await import("./help/render.js");
  const width = render.helpWidth(deps.env, deps.io);
  const words: Words = {
    say: (key) => render.helpBlock(locale, key, width),
    help: render.helpConfiguration(locale),
    width,
  };
  try {
    await program(deps.io, runner(state), words).parseAsync(argv, { from: "user" });
    return state.exitCode;
  } catch (e) {
    if (e instanceof CommanderError && !/^commander\.(help|helpDisplayed|version)$/.test(e.code) && e.exitCode !== 0)
      deps.io.err(`${render.usageLine(locale, e)}\n`);
    return failed(e, argv, deps, state);
  }
}

/** An error's message on stderr, and its exit code. */
async function failed(e: unknown, argv: string[], deps: Deps, state: RunState): Promise<number> {
  const io = deps.io;
  if (e instanceof CommanderError)
    return e.exitCode === 0 || e.code === "commander.helpDisplayed" || e.code === "commander.version"
      ? EXIT.ok
      : EXIT.usage;
  const { shownLocale } = await import("./help/locale.js");
  const locale = (await state.ctx?.locale().catch(() => undefined)) ?? shownLocale(argv, deps.env, deps.cwd);
  if (e instanceof UserError) {
    // an error never carries colour of its own: escape codes in it came from what was typed
    io.err(`${messageIn(e, locale).replace(/\u001b/g, "\\u001b")}\n`);
    return e.exitCode;
  }
  // Ctrl+C or Ctrl+D at a prompt
  if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) {
    io.err(`${render(describe("cancelled", {}, locale), locale)}\n`);
    return EXIT.cancelled;
  }
  const debug = (state.ctx?.globals.debug ?? argv.includes("--debug")) || Boolean(deps.env.AFTERCARE_DEBUG);
  // the machine refused (a full disk, a read-only store…): plain words, and what was left behind
  const os = fromOsError(e, (await state.ctx?.leftovers()) ?? { state: "storeUntouched" });
  if (os) {
    const said = messageIn(os, locale);
    io.err(debug && e instanceof Error ? `${e.stack}\n${said}\n` : `${said}\n`);
    return os.exitCode;
  }
  io.err(debug && e instanceof Error ? `${e.stack}\n` : `${internalError(e, locale)}\n`);
  return EXIT.refused;
}
