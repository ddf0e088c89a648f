// aftercare calendar's flags (calendar.ts runs it).
import type { Command } from "commander";
import { h, type Runner } from "./registry.js";
import type { CalendarOptions } from "./calendar.js";

export function registerCalendar(program: Command, r: Runner): void {
  program
    .command("calendar")
    .description(h("help.calendar"))
    .option("--for <name>", h("help.calendar.for"))
    .option("--days <n>", h("help.calendar.days"))
    .option("--output <file>", h("help.calendar.output"))
    .action((o: CalendarOptions, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./calendar.js")).calendarCmd),
    );
}
