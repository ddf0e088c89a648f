// aftercare reindex (reindex.ts runs it).
import type { Command } from "commander";
import type { Runner } from "./registry.js";

export function registerReindex(program: Command, r: Runner): void {
  program
    .command("reindex")
    .description(
      "rebuild the derived index under .aftercare/ from the record files (never needed for correctness; reads bring it up to date themselves)",
    )
    .action((_o: object, cmd: Command) =>
      r.run(cmd, {}, async () => {
        const { reindex } = await import("./reindex.js");
        return async (options: Record<string, never>, ctx) => ({ exitCode: await reindex(options, ctx) });
      }),
    );
}
