// aftercare calendar's flags (calendar.ts runs it).
import type { Command } from "commander";
import type { Runner } from "./registry.js";
import type { CalendarOptions } from "./calendar.js";

export function registerCalendar(program: Command, r: Runner): void {
  program
    .command("calendar")
    .description(
      "the open duties as an iCalendar file for a phone or Outlook calendar (stable UIDs: re-importing updates)",
    )
    .option("--for <name>", "only this person's duties")
    .option("--days <n>", "how far ahead (default 90)")
    .option("--output <file>", "write to a file")
    .action((o: CalendarOptions, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./calendar.js")).calendarCmd),
    );
}
