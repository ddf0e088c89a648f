// aftercare init's words and flags: a new store, the hooks of a fresh clone, the desks' server (init.ts runs them).
import type { Command } from "commander";
import type { Runner } from "./registry.js";
import type { InitCommandOptions } from "./init.js";

export function registerInit(program: Command, r: Runner): void {
  program
    .command("init [dir]")
    .description(
      "create a store: aftercare.yaml, the folders, a git repository and its first commit; --locale zh-CN|en sets its language",
    )
    .option("--company <name>", "the company's name (required for a new store)")
    .option("--timezone <zone>", "IANA time zone the company works in (default: this machine's)")
    .option(
      "--hooks",
      "in an existing store (a fresh clone): install the pre-commit and pre-push checks and the field-by-field merge driver",
    )
    .option(
      "--server <path>",
      "make a bare git repository at PATH for the desks to sync with (its HEAD the store's branch), the store's origin, and send the store to it",
    )
    .action((dir: string | undefined, o: Omit<InitCommandOptions, "dir">, cmd: Command) =>
      r.run(cmd, { ...o, dir }, async () => (await import("./init.js")).initCommand),
    );
}
