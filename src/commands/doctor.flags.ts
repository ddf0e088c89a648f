// aftercare doctor's flags (doctor.ts runs it): exit 1 when anything is found.
import type { Command } from "commander";
import type { Runner } from "./registry.js";

export function registerDoctor(program: Command, r: Runner): void {
  program
    .command("doctor")
    .description(
      "find what a crash, a full disk or a bad merge left (uncommitted records, stale locks, temp files, duplicates, misplaced files, conflict markers, stale hooks), one line each with what to do; exit 1 when anything is found",
    )
    .option(
      "--fix",
      "repair what is safe and commit it: uncommitted valid records, orphan temp files, stale locks, hooks and merge driver; never deletes a record",
    )
    .action((o: { fix?: boolean }, cmd: Command) =>
      r.run(cmd, { ...o }, async () => {
        const { doctor } = await import("./doctor.js");
        return (options: { fix?: boolean }, ctx) => doctor(ctx, options);
      }),
    );
}
