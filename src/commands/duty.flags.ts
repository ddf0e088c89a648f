// aftercare duty waive's flags (duty.ts runs it).
import type { Command } from "commander";
import type { Runner } from "./registry.js";

export function registerDuty(program: Command, r: Runner): void {
  program
    .command("duty")
    .description("one duty of the regulation")
    .command("waive <duty...>")
    .description("a supervisor excuses a duty that cannot be done, with a reason (the reviews count waivers apart)")
    .option("--reason <text>", "why it cannot be done (the customer cannot be reached…)")
    .action((key: string[], o: { reason?: string }, cmd: Command) =>
      r.run(cmd, { duty: key.join(" "), ...o }, async () => (await import("./duty.js")).dutyWaive),
    );
}
