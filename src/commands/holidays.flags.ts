// aftercare holidays' words and flags: the working calendar, and the store's own days off and
// make-up working days (holidays.ts runs them).
import type { Command } from "commander";
import type { Runner } from "./registry.js";

export function registerHolidays(program: Command, r: Runner): void {
  const holidays = program
    .command("holidays [year]")
    .description(
      "the working week, public holidays and make-up working days the deadlines use, each day with where it comes from (calendar.source or aftercare.yaml)",
    )
    .action((year: string | undefined, _o: object, cmd: Command) =>
      r.run(cmd, { year }, async () => (await import("./holidays.js")).holidays),
    );
  holidays
    .command("add <name>")
    .description(
      "add days off of the store's own to aftercare.yaml (a published holiday, a company closure); they win over calendar.source",
    )
    .option("--from <date>", "the first day off")
    .option("--to <date>", "the last day off (default: --from)")
    .action((name: string, o: { from?: string; to?: string }, cmd: Command) =>
      r.run(cmd, { name, ...o }, async () => (await import("./holidays.js")).holidaysAdd),
    );
  holidays
    .command("workday <date>")
    .description(
      "add a make-up working day (调休上班) of the store's own to aftercare.yaml: a weekend day or holiday that is worked",
    )
    .action((date: string, _o: object, cmd: Command) =>
      r.run(cmd, { date }, async () => (await import("./holidays.js")).holidaysWorkday),
    );
}
