// aftercare duty waive's flags (duty.ts runs it).
import type { Command } from "commander";
import { h, type Runner } from "./registry.js";

export function registerDuty(program: Command, r: Runner): void {
  program
    .command("duty")
    .description(h("help.duty"))
    .command("waive <duty...>")
    .description(h("help.duty.waive"))
    .option("--reason <text>", h("help.duty.waive.reason"))
    .action((key: string[], o: { reason?: string }, cmd: Command) =>
      r.run(cmd, { duty: key.join(" "), ...o }, async () => (await import("./duty.js")).dutyWaive),
    );
}
