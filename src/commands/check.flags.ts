// aftercare check's flags (check.ts runs it): exit 1 when any problem is found.
import type { Command } from "commander";
import type { Runner } from "./registry.js";

export function registerCheck(program: Command, r: Runner): void {
  program
    .command("check")
    .description(
      "validate every record: prints path:line:col: message per problem, nothing when clean; exit 1 when any",
    )
    .option("--staged", "check what git would commit (the index) instead of the files; the pre-commit hook runs this")
    .option("--full", "check every file, not only what changed since the last clean check")
    .action((o: { staged?: boolean; full?: boolean }, cmd: Command) =>
      r.run(cmd, { ...o }, async () => {
        const { check } = await import("./check.js");
        return async (options: { staged?: boolean; full?: boolean }, ctx) => ({
          exitCode: (await check(ctx, options)).length ? 1 : 0,
        });
      }),
    );
}
