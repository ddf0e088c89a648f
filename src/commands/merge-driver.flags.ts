// git's merge driver for records, a hidden command aftercare init sets up (merge-driver.ts runs it).
import type { Command } from "commander";
import { h, hiddenCommand, type Runner } from "./registry.js";
import type { MergeDriverOptions } from "./merge-driver.js";

export function registerMergeDriver(program: Command, r: Runner): void {
  hiddenCommand(program, "merge-driver <base> <ours> <theirs> [path]")
    .description(h("help.mergeDriver"))
    .action((base: string, ours: string, theirs: string, path: string | undefined, _o: object, cmd: Command) =>
      r.bare<MergeDriverOptions>(
        cmd,
        { base, ours, theirs, path: path ?? ours },
        async () => (await import("./merge-driver.js")).mergeDriverCmd,
      ),
    );
}
