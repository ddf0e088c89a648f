// aftercare report's words and flags: the reviews (R-MONTHLY), the registers and the forms (report.ts runs them).
import type { Command } from "commander";
import { h, type Runner } from "./registry.js";
import type { PeriodReportOptions, ReportOptions } from "./report.js";

/** Every report renders with the built-in template or --template. */
const reportFlags = (cmd: Command) => cmd.option("--template <file>", h("help.shared.template"));

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
  const report = program.command("report").description(h("help.report"));
  reportFlags(report.command("monthly [month]").description(h("help.report.monthly")))
    .option("--save", h("help.report.monthly.save"))
    .option("--force", h("help.shared.force"))
    .action((period: string | undefined, o: Omit<PeriodReportOptions, "period">, cmd: Command) =>
      r.run(cmd, { ...o, period }, async () => (await import("./report.js")).reportMonthly),
    );
  reportFlags(report.command("annual [year]").description(h("help.report.annual")))
    .option("--save", h("help.report.annual.save"))
    .option("--force", h("help.shared.force"))
    .action((period: string | undefined, o: Omit<PeriodReportOptions, "period">, cmd: Command) =>
      r.run(cmd, { ...o, period }, async () => (await import("./report.js")).reportAnnual),
    );
  reportFlags(
    report.command("calls").description(h("help.report.calls")).option("--month <month>", h("help.shared.month")),
  ).action((o: ReportOptions & { month?: string }, cmd: Command) =>
    r.run(cmd, { ...o }, async () => (await import("./report.js")).reportCalls),
  );
  reportFlags(
    report.command("letters").description(h("help.report.letters")).option("--month <month>", h("help.shared.month")),
  ).action((o: ReportOptions & { month?: string }, cmd: Command) =>
    r.run(cmd, { ...o }, async () => (await import("./report.js")).reportLetters),
  );
  oneRecord(report, r, "call", h("help.report.call"));
  oneRecord(report, r, "order", h("help.report.order"));
  oneRecord(report, r, "diagnosis", h("help.report.diagnosis"));
  oneRecord(report, r, "customer", h("help.report.customer"));
}
