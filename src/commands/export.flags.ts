// aftercare export's flags (export.ts runs it).
import { type Command, Option } from "commander";
import { h, type Runner } from "./registry.js";
import type { ExportOptions } from "./export.js";

export function registerExport(program: Command, r: Runner): void {
  program
    .command("export <what>")
    .description(h("help.export"))
    .addOption(new Option("--format <format>", h("help.export.format")).choices(["csv", "json", "xlsx"]).default("csv"))
    .option("--month <month>", h("help.shared.month"))
    .option("--from <date>", h("help.export.from"))
    .option("--to <date>", h("help.export.to"))
    .option("--bom", h("help.export.bom"))
    .option("--no-bom", h("help.export.bom2"))
    .option("--output <file>", h("help.export.output"))
    .action((what: string, o: Omit<ExportOptions, "what">, cmd: Command) =>
      r.run(cmd, { ...o, what }, async () => (await import("./export.js")).exportRecords),
    );
}
