// aftercare due and overdue: the morning list of duties (due.ts runs both).
import type { Command } from "commander";
import type { Runner } from "./registry.js";
import type { DueOptions } from "./due.js";

function dueCommand(program: Command, r: Runner, name: string, description: string, overdueOnly: boolean): Command {
  return program
    .command(name)
    .description(description)
    .option("--within <days>", "also list duties whose window opens in the next DAYS days")
    .option("--for <name>", "only this person's duties (after cover)")
    .option("--fail-if-overdue", "exit 1 when anything is overdue (for monitoring)")
    .option("--explain", "under the list, the contacts each duty looked at and why they did not count")
    .option("--all", "every row; without it each person's list shows the most urgent rows and a count of the rest")
    .action((o: DueOptions, cmd: Command) =>
      r.run(cmd, { ...o, overdue: overdueOnly || o.overdue }, async () => (await import("./due.js")).due),
    );
}

export function registerDue(program: Command, r: Runner): void {
  dueCommand(
    program,
    r,
    "due",
    "what is due today and what is overdue, per person, most urgent first (the morning cron job)",
    false,
  ).option("--overdue", "only what is overdue");
  dueCommand(program, r, "overdue", "only the overdue duties (same as due --overdue)", true);
}
