// The ticket's words and flags: open, list, show, its life (escalate … reopen) and edit; the
// reception desk's verbs are in shop.flags.ts. Each parses its flags into the options of its run
// function, in the file named after the verb (dispatch.ts …), loaded when it runs.
import { type Command, Option } from "commander";
import { TICKET_KINDS } from "../../domain/enums.js";
import { h, type OptionsOf, type Runner } from "../registry.js";
import type { ticketArrive } from "./arrive.js";
import type { ticketCancel } from "./cancel.js";
import type { ticketClose } from "./close.js";
import type { ticketDispatch } from "./dispatch.js";
import type { ticketEscalate } from "./escalate.js";
import type { ticketReopen } from "./reopen.js";
import type { ticketResolve } from "./resolve.js";
import type { ticketSchedule } from "./schedule.js";
import type { TicketEditOptions } from "./edit.js";
import type { TicketListOptions } from "./list.js";
import type { TicketOpenOptions } from "./open.js";
import { registerShop } from "./shop.flags.js";

type Opts<F> = Omit<OptionsOf<F>, "id">;
const AT = h("help.shared.at");

export function registerTicket(program: Command, r: Runner): void {
  const ticket = program.command("ticket").description(h("help.ticket"));
  ticket
    .command("open")
    .description(h("help.ticket.open"))
    .option("--customer <id-or-name>", h("help.ticket.open.customer"))
    .option("--problem <text>", h("help.shared.problem"))
    .option("--request <text>", h("help.ticket.open.request"))
    .addOption(new Option("--kind <kind>", h("help.ticket.open.kind")).choices(TICKET_KINDS))
    .option("--channel <channel>", h("help.ticket.open.channel"))
    .option("--received <datetime>", h("help.ticket.open.received"))
    .option("--assignee <name>", h("help.ticket.open.assignee"))
    .option("--appointment <datetime>", h("help.ticket.open.appointment"))
    .option("--next-date <date>", h("help.ticket.open.nextDate"))
    .option("--next-topic <text>", h("help.shared.nextTopic"))
    .action((o: TicketOpenOptions, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./open.js")).ticketOpen),
    );
  ticket
    .command("list")
    .description(h("help.ticket.list"))
    .option("--status <status>", h("help.ticket.list.status"))
    .option("--customer <id-or-name>", h("help.ticket.list.customer"))
    .option("--assignee <name>", h("help.ticket.list.assignee"))
    .action((o: TicketListOptions, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./list.js")).ticketList),
    );
  ticket
    .command("show <id>")
    .description(h("help.ticket.show"))
    .action((id: string, _o: object, cmd: Command) =>
      r.run(cmd, { id }, async () => (await import("./show.js")).ticketShow),
    );
  registerLife(ticket, r);
  ticket
    .command("edit <id>")
    .description(h("help.ticket.edit"))
    .option("--received <datetime>", h("help.ticket.edit.received"))
    .option("--channel <channel>", h("help.ticket.edit.channel"))
    .addOption(new Option("--kind <kind>", h("help.ticket.edit.kind")).choices(TICKET_KINDS))
    .option("--problem <text>", h("help.shared.problem"))
    .option("--request <text>", h("help.ticket.edit.request"))
    .option("--assignee <name>", h("help.ticket.edit.assignee"))
    .option("--appointment <datetime>", h("help.ticket.edit.appointment"))
    .action((id: string, o: Omit<TicketEditOptions, "id">, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./edit.js")).ticketEdit),
    );
  registerShop(ticket, r);
}

/** A ticket's life: escalate, dispatch, schedule, arrive (help), then resolve, close, cancel, reopen. */
function registerLife(ticket: Command, r: Runner): void {
  registerHelp(ticket, r);
  registerOutcome(ticket, r);
}

/** Getting the customer help: escalate, dispatch, schedule, arrive. */
function registerHelp(ticket: Command, r: Runner): void {
  ticket
    .command("escalate <id>")
    .description(h("help.ticket.escalate"))
    .option("--to <name>", h("help.ticket.escalate.to"))
    .option("--note <text>", h("help.ticket.escalate.note"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketEscalate>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./escalate.js")).ticketEscalate),
    );
  ticket
    .command("dispatch <id>")
    .description(h("help.ticket.dispatch"))
    .option("--technician <name>", h("help.ticket.dispatch.technician"))
    .option("--depart <datetime>", h("help.ticket.dispatch.depart"))
    .option("--arrive <datetime>", h("help.ticket.dispatch.arrive"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketDispatch>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./dispatch.js")).ticketDispatch),
    );
  ticket
    .command("schedule <id>")
    .description(h("help.ticket.schedule"))
    .option("--date <date>", h("help.ticket.schedule.date"))
    .option("--reason <text>", h("help.ticket.schedule.reason"))
    .action((id: string, o: Opts<typeof ticketSchedule>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./schedule.js")).ticketSchedule),
    );
  ticket
    .command("arrive <id>")
    .description(h("help.ticket.arrive"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketArrive>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./arrive.js")).ticketArrive),
    );
}

/** How a ticket ends, or starts again: resolve, close, cancel, reopen. */
function registerOutcome(ticket: Command, r: Runner): void {
  ticket
    .command("resolve <id>")
    .description(h("help.ticket.resolve"))
    .option("--note <text>", h("help.ticket.resolve.note"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketResolve>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./resolve.js")).ticketResolve),
    );
  ticket
    .command("close <id>")
    .description(h("help.ticket.close"))
    .option("--next-date <date>", h("help.ticket.close.nextDate"))
    .option("--next-topic <text>", h("help.shared.nextTopic"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketClose>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./close.js")).ticketClose),
    );
  ticket
    .command("cancel <id>")
    .description(h("help.ticket.cancel"))
    .option("--reason <text>", h("help.ticket.cancel.reason"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketCancel>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./cancel.js")).ticketCancel),
    );
  ticket
    .command("reopen <id>")
    .description(h("help.ticket.reopen"))
    .option("--note <text>", h("help.shared.note"))
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketReopen>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./reopen.js")).ticketReopen),
    );
}
