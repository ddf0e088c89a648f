// aftercare holidays' words and flags: the working calendar, and the store's own days off and
// make-up working days (holidays.ts runs them).
import type { Command } from "commander";
import { h, type Runner } from "./registry.js";

export function registerHolidays(program: Command, r: Runner): void {
  const holidays = program
    .command("holidays [year]")
    .description(h("help.holidays"))
    .action((year: string | undefined, _o: object, cmd: Command) =>
      r.run(cmd, { year }, async () => (await import("./holidays.js")).holidays),
    );
  holidays
    .command("add <name>")
    .description(h("help.holidays.add"))
    .option("--from <date>", h("help.holidays.add.from"))
    .option("--to <date>", h("help.holidays.add.to"))
    .action((name: string, o: { from?: string; to?: string }, cmd: Command) =>
      r.run(cmd, { name, ...o }, async () => (await import("./holidays.js")).holidaysAdd),
    );
  holidays
    .command("workday <date>")
    .description(h("help.holidays.workday"))
    .action((date: string, _o: object, cmd: Command) =>
      r.run(cmd, { date }, async () => (await import("./holidays.js")).holidaysWorkday),
    );
}
