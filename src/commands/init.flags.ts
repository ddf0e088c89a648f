// aftercare init's words and flags: a new store, the hooks of a fresh clone, the desks' server (init.ts runs them).
import type { Command } from "commander";
import { h, type Runner } from "./registry.js";
import type { InitCommandOptions } from "./init.js";

export function registerInit(program: Command, r: Runner): void {
  program
    .command("init [dir]")
    .description(h("help.init"))
    .option("--company <name>", h("help.init.company"))
    .option("--timezone <zone>", h("help.init.timezone"))
    .option("--hooks", h("help.init.hooks"))
    .option("--server <path>", h("help.init.server"))
    .action((dir: string | undefined, o: Omit<InitCommandOptions, "dir">, cmd: Command) =>
      r.run(cmd, { ...o, dir }, async () => (await import("./init.js")).initCommand),
    );
}
