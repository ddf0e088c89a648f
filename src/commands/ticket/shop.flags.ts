// The reception desk's words and flags (vehicles, kind shop; regulation part C): intake, estimate,
// handover, promise, extra, answer, progress, ready, deliver; each runs from the file of its name.
import { type Command, Option } from "commander";
import { ESTIMATE_MODES, VIA } from "../../domain/enums.js";
import { collect, type OptionsOf, type Runner } from "../registry.js";
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
const AT = "when it happened (default: now)";

export function registerShop(ticket: Command, r: Runner): void {
  registerReception(ticket, r);
  registerWorkshop(ticket, r);
  registerCollection(ticket, r);
}

/** The vehicle comes in: intake, estimate, handover to the workshop. */
function registerReception(ticket: Command, r: Runner): void {
  ticket
    .command("intake <id>")
    .description(
      "receive a vehicle (C-INTAKE): plate, odometer, fuel, key tag, papers, damage, belongings; --json reads them from stdin",
    )
    .option("--plate <plate>", "number plate")
    .option("--odometer <km>", "odometer reading in km")
    .option("--fuel <level>", "fuel gauge, e.g. 1/2")
    .option("--key-tag <n>", "number of the key tag in the key cabinet")
    .option("--model <model>", "vehicle model")
    .option("--vin <vin>", "vehicle identification number")
    .option("--belonging <item>", "a tool or belonging left in the vehicle (repeatable)", collect)
    .option("--damage <text>", "damage noted on body, interior, instruments or seats (repeatable)", collect)
    .option("--papers <ok|text>", '"ok" when the papers are valid and complete, else what is wrong')
    .option("--at <datetime>", AT)
    .action((id: string, o: Omit<IntakeOptions, "id">, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./intake.js")).ticketIntake),
    );
  ticket
    .command("estimate <id>")
    .description("diagnosis and estimate (C-DIAGNOSIS, C-ESTIMATE, C-PARTS)")
    .addOption(new Option("--mode <mode>", "estimate by system, by symptom or by item").choices(ESTIMATE_MODES))
    .option(
      "--line <line>",
      'a line (repeatable): "TEXT; labour=350.00; part=NAME/us|customer/genuine|aftermarket/AMOUNT; critical"',
      collect,
    )
    .option("--diagnosis <text>", "the fault found")
    .option("--advice <text>", "the advice given to the customer")
    .option("--diagnosis-fee <amount>", "charged when the customer leaves without the repair")
    .option("--at <datetime>", AT)
    .action((id: string, o: Omit<EstimateOptions, "id">, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./estimate.js")).ticketEstimate),
    );
  ticket
    .command("handover <id>")
    .description(
      "hand the vehicle to the workshop with a promised completion, after the intake (C-PROMISE, C-WORKSHOP-HANDOVER)",
    )
    .option("--receiver <name>", "who in the workshop signs for it")
    .option("--promise <datetime>", "the completion time promised to the customer")
    .option("--at <datetime>", "when (default: now; recorded to the nearest ten minutes)")
    .action((id: string, o: Opts<typeof ticketHandover>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./handover.js")).ticketHandover),
    );
}

/** While the workshop has it: a revised promise, extra work and the customer's answer, the progress check. */
function registerWorkshop(ticket: Command, r: Runner): void {
  ticket
    .command("promise <id>")
    .description(
      "revise the promised completion of a vehicle in the workshop, e.g. after approved extra work (C-PROMISE)",
    )
    .option("--promise <datetime>", "the completion time now promised, still to come")
    .option("--reason <text>", "why it changes")
    .option("--at <datetime>", "when the customer was given the new promise (default: now)")
    .action((id: string, o: Opts<typeof ticketPromise>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./promise.js")).ticketPromise),
    );
  ticket
    .command("extra <id>")
    .description("extra work the workshop found (C-EXTRA-WORK); prints the request's number")
    .option("--item <text>", "what the extra work is")
    .option("--safety", "it concerns safety: stress it to the customer")
    .option("--effect <text>", "its effect on the completion time")
    .option("--amount <amount>", "its price")
    .option("--at <datetime>", AT)
    .action((id: string, o: Omit<ExtraOptions, "id">, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./extra.js")).ticketExtra),
    );
  ticket
    .command("answer <id> <n>")
    .description("the customer's answer on extra-work request N")
    .option("--approved", "the customer agrees")
    .option("--declined", "the customer declines (it stays on record)")
    .option("--by <name>", "who answered for the customer")
    .addOption(new Option("--via <how>", "how the answer came").choices(VIA).default("phone"))
    .option("--passed <datetime>", "when it was passed to the workshop (default: when answered)")
    .option("--at <datetime>", "when the customer answered (default: now)")
    .action((id: string, no: string, o: Omit<AnswerOptions, "id" | "no">, cmd: Command) =>
      r.run(cmd, { ...o, id, no }, async () => (await import("./answer.js")).ticketAnswer),
    );
  ticket
    .command("progress <id>")
    .description("the progress check with the workshop (C-PROGRESS-CHECK)")
    .option("--note <text>", "how the job stands, anything abnormal")
    .option("--finish <datetime>", "when the workshop now expects to finish")
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketProgress>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./progress.js")).ticketProgress),
    );
}

/** The job is done and the customer collects the vehicle: ready, deliver. */
function registerCollection(ticket: Command, r: Runner): void {
  ticket
    .command("ready <id>")
    .description(
      "the job is done: belongings counted back, bill totalled; the pick-up call becomes due (C-READY-NOTICE)",
    )
    .option("--missing <text>", "belongings that could not be found")
    .option("--bill <amount>", "the bill (default: the estimate plus approved extra work)")
    .option("--note <text>", "remarks")
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketReady>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./ready.js")).ticketReady),
    );
  ticket
    .command("deliver <id>")
    .description("the customer collects the vehicle and pays; follow-ups count from now")
    .option("--paid <amount>", "the amount paid, e.g. 1280.00")
    .option("--next-date <date>", "the planned next contact, today or later (asked at a terminal)")
    .option("--next-topic <text>", "what the next contact is about")
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketDeliver>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./deliver.js")).ticketDeliver),
    );
}
