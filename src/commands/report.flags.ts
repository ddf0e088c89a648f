// aftercare report's words and flags: the reviews (R-MONTHLY), the registers and the forms (report.ts runs them).
import type { Command } from "commander";
import type { Runner } from "./registry.js";
import type { PeriodReportOptions, ReportOptions } from "./report.js";

/** Every report renders with the built-in template or --template. */
const reportFlags = (cmd: Command) =>
  cmd.option(
    "--template <file>",
    "render with this template instead of the built-in one (--locale zh-CN|en chooses the language; default: the store's)",
  );

/** A report of one record (report call, order, diagnosis, customer). */
const oneRecord = (
  report: Command,
  r: Runner,
  name: "call" | "order" | "diagnosis" | "customer",
  description: string,
) =>
  reportFlags(report.command(`${name} <id>`).description(description)).action(
    (id: string, o: ReportOptions, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => {
        const m = await import("./report.js");
        return { call: m.reportCall, order: m.reportOrder, diagnosis: m.reportDiagnosis, customer: m.reportCustomer }[
          name
        ];
      }),
  );

export function registerReport(program: Command, r: Runner): void {
  const report = program
    .command("report")
    .description("the reviews (R-MONTHLY) and the regulation's registers and forms, as Markdown");
  reportFlags(report.command("monthly [month]").description("the monthly review (default: last month)"))
    .option(
      "--save",
      "archive it as reports/YYYY-MM-monthly.md and commit (closes R-MONTHLY; a supervisor, once the month has ended)",
    )
    .option("--force", "with --save: write a corrected review over the archived one (its first save date stays)")
    .action((period: string | undefined, o: Omit<PeriodReportOptions, "period">, cmd: Command) =>
      r.run(cmd, { ...o, period }, async () => (await import("./report.js")).reportMonthly),
    );
  reportFlags(report.command("annual [year]").description("the year-end review (default: last year)"))
    .option("--save", "archive it as reports/YYYY-annual.md and commit (a supervisor, once the year has ended)")
    .option("--force", "with --save: write a corrected review over the archived one (its first save date stays)")
    .action((period: string | undefined, o: Omit<PeriodReportOptions, "period">, cmd: Command) =>
      r.run(cmd, { ...o, period }, async () => (await import("./report.js")).reportAnnual),
    );
  reportFlags(
    report
      .command("calls")
      .description("the follow-up call register (form 3)")
      .option("--month <month>", "only this month (YYYY-MM)"),
  ).action((o: ReportOptions & { month?: string }, cmd: Command) =>
    r.run(cmd, { ...o }, async () => (await import("./report.js")).reportCalls),
  );
  reportFlags(
    report
      .command("letters")
      .description("the follow-up letter register (form 4)")
      .option("--month <month>", "only this month (YYYY-MM)"),
  ).action((o: ReportOptions & { month?: string }, cmd: Command) =>
    r.run(cmd, { ...o }, async () => (await import("./report.js")).reportLetters),
  );
  oneRecord(report, r, "call", "one follow-up call record (form 2)");
  oneRecord(report, r, "order", "the repair order of a vehicle: intake, estimate, belongings, lines to sign");
  oneRecord(report, r, "diagnosis", "the diagnosis sheet given to the customer (C-DIAGNOSIS)");
  oneRecord(report, r, "customer", "the customer file (form 1) with tickets, contacts and duties");
}
