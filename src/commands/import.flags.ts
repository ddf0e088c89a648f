// aftercare import customers' flags (import.ts runs it).
import type { Command } from "commander";
import type { Runner } from "./registry.js";
import type { ImportOptions } from "./import.js";

export function registerImport(program: Command, r: Runner): void {
  program
    .command("import")
    .description("bring records in from a spreadsheet")
    .command("customers <file>")
    .description(
      "customers from CSV or .xlsx, with Chinese or English column names (客户单位名称, 地址, 联系人, 联系电话…), or aftercare's own export",
    )
    .option(
      "--map <field=column,...>",
      "which column holds which field: name, address, contact, title, phone, email, tags, note, equipment, vehicles, created",
    )
    .option("--encoding <enc>", "the CSV's encoding (default: detected): utf-8, gb18030 (GBK), utf-16le")
    .option("--sheet <name>", "the .xlsx sheet (default: the first)")
    .option("--delimiter <sep>", "the CSV's column separator: , ; tab or | (default: sniffed from the header row)")
    .option("--header-row <n>", "the row that holds the column headings (default: found below titles and blank rows)")
    .option("--dry-run", "show row by row what would be added, skipped and refused; write nothing")
    .option("--strict", "write nothing when any row is refused or a column is no customer field")
    .action((file: string, o: Omit<ImportOptions, "file">, cmd: Command) =>
      r.run(cmd, { ...o, file }, async () => (await import("./import.js")).importCustomers),
    );
}
