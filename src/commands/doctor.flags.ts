// aftercare doctor's flags (doctor.ts runs it): exit 1 when anything is found.
import type { Command } from "commander";
import { h, type Runner } from "./registry.js";

export function registerDoctor(program: Command, r: Runner): void {
  program
    .command("doctor")
    .description(h("help.doctor"))
    .option("--fix", h("help.doctor.fix"))
    .action((o: { fix?: boolean }, cmd: Command) =>
      r.run(cmd, { ...o }, async () => {
        const { doctor } = await import("./doctor.js");
        return (options: { fix?: boolean }, ctx) => doctor(ctx, options);
      }),
    );
}
