// aftercare reindex (reindex.ts runs it).
import type { Command } from "commander";
import { h, type Runner } from "./registry.js";

export function registerReindex(program: Command, r: Runner): void {
  program
    .command("reindex")
    .description(h("help.reindex"))
    .action((_o: object, cmd: Command) =>
      r.run(cmd, {}, async () => {
        const { reindex } = await import("./reindex.js");
        return async (options: Record<string, never>, ctx) => ({ exitCode: await reindex(options, ctx) });
      }),
    );
}
