// The reception desk's words and flags (vehicles, kind shop; regulation part C): intake, estimate,
// handover, promise, extra, answer, progress, ready, deliver; each runs from the file of its name.
import { type Command, Option } from "commander";
import { ESTIMATE_MODES, VIA } from "../../domain/enums.js";
import { h, collect, type OptionsOf, type Runner } from "../registry.js";
import type { AnswerOptions } from "./answer.js";
import type { ticketDeliver } from "./deliver.js";
import type { EstimateOptions } from "./estimate.js";
import type { ExtraOptions } from "./extra.js";
import type { ticketHandover } from "./handover.js";
import type { IntakeOptions } from "./intake.js";
import type { ticketProgress } from "./progress.js";
import type { ticketPromise } from "./promise.js";
import type { ticketReady } from "./ready.js";

type Opts<F> = Omit<OptionsOf<F>, "id">;
const AT = h("help.shared.at");

export function registerShop(ticket: Command, r: Runner): void {
  registerReception(ticket, r);
  registerWorkshop(ticket, r);
  registerCollection(ticket, r);
}

/** The vehicle comes in: intake, estimate, handover to the workshop. */
function registerReception(ticket: Command, r: Runner): void {
  ticket
    .command("intake <id>")
    .description(h("help.ticket.intake"))
    .option("--plate <plate>", h("help.ticket.intake.plate"))
    .option("--odometer <km>", h("help.ticket.intake.odometer"))
    .option("--fuel <level>", h("help.ticket.intake.fuel"))
    .option("--key-tag <n>", h("help.ticket.intake.keyTag"))
    .option("--model <model>", h("help.ticket.intake.model"))
    .option("--vin <vin>", h("help.ticket.intake.vin"))
    .option("--belonging <item>", h("help.ticket.intake.belonging"), collect)
    .option("--damage <text>", h("help.ticket.intake.damage"), collect)
    .option("--papers <ok|text>", h("help.ticket.intake.papers"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Omit<IntakeOptions, "id">, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./intake.js")).ticketIntake),
    );
  ticket
    .command("estimate <id>")
    .description(h("help.ticket.estimate"))
    .addOption(new Option("--mode <mode>", h("help.ticket.estimate.mode")).choices(ESTIMATE_MODES))
    .option("--line <line>", h("help.ticket.estimate.line"), collect)
    .option("--diagnosis <text>", h("help.ticket.estimate.diagnosis"))
    .option("--advice <text>", h("help.ticket.estimate.advice"))
    .option("--diagnosis-fee <amount>", h("help.ticket.estimate.diagnosisFee"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Omit<EstimateOptions, "id">, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./estimate.js")).ticketEstimate),
    );
  ticket
    .command("handover <id>")
    .description(h("help.ticket.handover"))
    .option("--receiver <name>", h("help.ticket.handover.receiver"))
    .option("--promise <datetime>", h("help.ticket.handover.promise"))
    .option("--at <datetime>", h("help.ticket.handover.at"))
    .action((id: string, o: Opts<typeof ticketHandover>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./handover.js")).ticketHandover),
    );
}

/** While the workshop has it: a revised promise, extra work and the customer's answer, the progress check. */
function registerWorkshop(ticket: Command, r: Runner): void {
  ticket
    .command("promise <id>")
    .description(h("help.ticket.promise"))
    .option("--promise <datetime>", h("help.ticket.promise.promise"))
    .option("--reason <text>", h("help.ticket.promise.reason"))
    .option("--at <datetime>", h("help.ticket.promise.at"))
    .action((id: string, o: Opts<typeof ticketPromise>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./promise.js")).ticketPromise),
    );
  ticket
    .command("extra <id>")
    .description(h("help.ticket.extra"))
    .option("--item <text>", h("help.ticket.extra.item"))
    .option("--safety", h("help.ticket.extra.safety"))
    .option("--effect <text>", h("help.ticket.extra.effect"))
    .option("--amount <amount>", h("help.ticket.extra.amount"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Omit<ExtraOptions, "id">, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./extra.js")).ticketExtra),
    );
  ticket
    .command("answer <id> <n>")
    .description(h("help.ticket.answer"))
    .option("--approved", h("help.ticket.answer.approved"))
    .option("--declined", h("help.ticket.answer.declined"))
    .option("--by <name>", h("help.ticket.answer.by"))
    .addOption(new Option("--via <how>", h("help.ticket.answer.via")).choices(VIA).default("phone"))
    .option("--passed <datetime>", h("help.ticket.answer.passed"))
    .option("--at <datetime>", h("help.ticket.answer.at"))
    .action((id: string, no: string, o: Omit<AnswerOptions, "id" | "no">, cmd: Command) =>
      r.run(cmd, { ...o, id, no }, async () => (await import("./answer.js")).ticketAnswer),
    );
  ticket
    .command("progress <id>")
    .description(h("help.ticket.progress"))
    .option("--note <text>", h("help.ticket.progress.note"))
    .option("--finish <datetime>", h("help.ticket.progress.finish"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketProgress>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./progress.js")).ticketProgress),
    );
}

/** The job is done and the customer collects the vehicle: ready, deliver. */
function registerCollection(ticket: Command, r: Runner): void {
  ticket
    .command("ready <id>")
    .description(h("help.ticket.ready"))
    .option("--missing <text>", h("help.ticket.ready.missing"))
    .option("--bill <amount>", h("help.ticket.ready.bill"))
    .option("--note <text>", h("help.ticket.ready.note"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketReady>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./ready.js")).ticketReady),
    );
  ticket
    .command("deliver <id>")
    .description(h("help.ticket.deliver"))
    .option("--paid <amount>", h("help.ticket.deliver.paid"))
    .option("--next-date <date>", h("help.ticket.deliver.nextDate"))
    .option("--next-topic <text>", h("help.shared.nextTopic"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketDeliver>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./deliver.js")).ticketDeliver),
    );
}
