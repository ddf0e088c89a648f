// aftercare export's flags (export.ts runs it).
import { type Command, Option } from "commander";
import type { Runner } from "./registry.js";
import type { ExportOptions } from "./export.js";

export function registerExport(program: Command, r: Runner): void {
  program
    .command("export <what>")
    .description("customers, tickets, contacts or duties as CSV, JSON or .xlsx")
    .addOption(new Option("--format <format>", "output format").choices(["csv", "json", "xlsx"]).default("csv"))
    .option("--month <month>", "only this month (YYYY-MM)")
    .option("--from <date>", "from this day")
    .option("--to <date>", "to this day")
    .option(
      "--bom",
      "start the CSV with a byte-order mark, so Excel reads Chinese text right (default in a zh-CN store)",
    )
    .option("--no-bom", "no byte-order mark, for programs that do not expect one")
    .option("--output <file>", "write to a file (needed for .xlsx at a terminal)")
    .action((what: string, o: Omit<ExportOptions, "what">, cmd: Command) =>
      r.run(cmd, { ...o, what }, async () => (await import("./export.js")).exportRecords),
    );
}
