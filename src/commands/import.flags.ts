// aftercare import customers' flags (import.ts runs it).
import type { Command } from "commander";
import { h, type Runner } from "./registry.js";
import type { ImportOptions } from "./import.js";

export function registerImport(program: Command, r: Runner): void {
  program
    .command("import")
    .description(h("help.import"))
    .command("customers <file>")
    .description(h("help.import.customers"))
    .option("--map <field=column,...>", h("help.import.customers.map"))
    .option("--encoding <enc>", h("help.import.customers.encoding"))
    .option("--sheet <name>", h("help.import.customers.sheet"))
    .option("--delimiter <sep>", h("help.import.customers.delimiter"))
    .option("--header-row <n>", h("help.import.customers.headerRow"))
    .option("--dry-run", h("help.import.customers.dryRun"))
    .option("--strict", h("help.import.customers.strict"))
    .action((file: string, o: Omit<ImportOptions, "file">, cmd: Command) =>
      r.run(cmd, { ...o, file }, async () => (await import("./import.js")).importCustomers),
    );
}
