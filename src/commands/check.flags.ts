// aftercare check's flags (check.ts runs it): exit 1 when any problem is found.
import type { Command } from "commander";
import { h, type Runner } from "./registry.js";

export function registerCheck(program: Command, r: Runner): void {
  program
    .command("check")
    .description(h("help.check"))
    .option("--staged", h("help.check.staged"))
    .option("--full", h("help.check.full"))
    .action((o: { staged?: boolean; full?: boolean }, cmd: Command) =>
      r.run(cmd, { ...o }, async () => {
        const { check } = await import("./check.js");
        return async (options: { staged?: boolean; full?: boolean }, ctx) => ({
          exitCode: (await check(ctx, options)).length ? 1 : 0,
        });
      }),
    );
}
