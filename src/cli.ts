// The registry of commands: the global flags, every command's flags module (src/commands/index.ts),
// the runner that makes the Context (src/runner.ts), and the one place that turns errors into
// messages and exit codes.
//
// Start-up stays small: this module loads only commander, the flags modules and what the help text
// needs (the error table, the fixed vocabularies). The context (store, schemas, YAML) and every
// command's run module load when a command runs; in the bundle (scripts/build.mjs) each is a chunk
// of its own, so --version and --help never read zod, yaml, liquidjs, exceljs, the prompts or the
// CSV libraries.
import { Command, CommanderError, Option } from "commander";
import pkg from "../package.json" with { type: "json" };
import type { Deps } from "./context.js";
import { EXIT, fromOsError, internalError, render, describe, UserError } from "./errors.js";
import type { IO } from "./io.js";
import { registerCommands } from "./commands/index.js";
import type { Runner } from "./commands/registry.js";
import { contextRunner, type RunState } from "./runner.js";

// what bin/aftercare needs besides main, from the same bundle
export { processIO } from "./io.js";

/** The program: global flags and every command, handing what was typed to `runner`. */
export function program(io: IO, runner: Runner): Command {
  const program = new Command("aftercare")
    .description("A service desk for after-sales work: customers, tickets, calls and letters kept as YAML in git.")
    .version(pkg.version, "-V, --version")
    .option(
      "--records <dir>",
      "the store (default: $AFTERCARE_RECORDS, else the nearest folder upward with aftercare.yaml)",
    )
    .option("--as <name>", "who is acting (default: $AFTERCARE_USER, else git's user.name)")
    .option("--now <datetime>", "pretend it is this moment (default: $AFTERCARE_NOW, else the clock)")
    .option("--json", "print data as JSON")
    .addOption(
      new Option(
        "--locale <locale>",
        "language of what is shown (default: $AFTERCARE_LOCALE, else the store's)",
      ).choices(["zh-CN", "en"]),
    )
    .option("--no-input", "never prompt; a missing flag is an error")
    .option("--no-color", "no colour, even on a terminal")
    .option("--debug", "show stack traces of internal errors")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      // commander's error, on one line
      outputError: (s, write) =>
        write(
          s
            .replace(/^error: /, "")
            .trim()
            .replace(/\s*\n\s*/g, " ") + "\n",
        ),
    })
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      "\nExit codes: 0 done, 1 refused or failed (or problems found), 2 wrong usage, 3 saved but not committed to git, 130 cancelled.\nSee README.md for a day at the desk and docs/reliability.md for what each error promises.",
    );
  registerCommands(program, runner);
  return program;
}

/**
 * Run the command line `argv`; the exit code. `runner` runs what was parsed (the parse tests give
 * one that only records it).
 */
export async function main(
  argv: string[],
  deps: Deps,
  runner: (state: RunState) => Runner = (state) => contextRunner(argv, deps, state),
): Promise<number> {
  const state: RunState = { exitCode: 0 };
  try {
    await program(deps.io, runner(state)).parseAsync(argv, { from: "user" });
    return state.exitCode;
  } catch (e) {
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
  if (e instanceof UserError) {
    // an error never carries colour of its own: escape codes in it came from what was typed
    io.err(`${e.message.replace(/\u001b/g, "\\u001b")}\n`);
    return e.exitCode;
  }
  // Ctrl+C or Ctrl+D at a prompt
  if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) {
    io.err(`${render(describe("cancelled", {}))}\n`);
    return EXIT.cancelled;
  }
  const debug = (state.ctx?.globals.debug ?? argv.includes("--debug")) || Boolean(deps.env.AFTERCARE_DEBUG);
  // the machine refused (a full disk, a read-only store…): plain words, and what was left behind
  const os = fromOsError(e, (await state.ctx?.leftovers()) ?? { state: "storeUntouched" });
  if (os) {
    io.err(debug && e instanceof Error ? `${e.stack}\n${os.message}\n` : `${os.message}\n`);
    return os.exitCode;
  }
  io.err(debug && e instanceof Error ? `${e.stack}\n` : `${internalError(e)}\n`);
  return EXIT.refused;
}
