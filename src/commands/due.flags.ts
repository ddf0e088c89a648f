// aftercare due and overdue: the morning list of duties (due.ts runs both).
import type { Command } from "commander";
import { h, type Runner } from "./registry.js";
import type { DueOptions } from "./due.js";

function dueCommand(program: Command, r: Runner, name: string, description: string, overdueOnly: boolean): Command {
  return program
    .command(name)
    .description(description)
    .option("--within <days>", h("help.shared.within"))
    .option("--for <name>", h("help.shared.for"))
    .option("--fail-if-overdue", h("help.shared.failIfOverdue"))
    .option("--explain", h("help.shared.explain"))
    .option("--all", h("help.shared.all"))
    .action((o: DueOptions, cmd: Command) =>
      r.run(cmd, { ...o, overdue: overdueOnly || o.overdue }, async () => (await import("./due.js")).due),
    );
}

export function registerDue(program: Command, r: Runner): void {
  dueCommand(program, r, "due", h("help.due"), false).option("--overdue", h("help.due.overdue"));
  dueCommand(program, r, "overdue", h("help.overdue"), true);
}
