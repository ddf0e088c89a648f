// The ticket's words and flags: open, list, show, its life (escalate … reopen) and edit; the
// reception desk's verbs are in shop.flags.ts. Each parses its flags into the options of its run
// function, in the file named after the verb (dispatch.ts …), loaded when it runs.
import { type Command, Option } from "commander";
import { CHANNELS, TICKET_KINDS } from "../../domain/enums.js";
import type { OptionsOf, Runner } from "../registry.js";
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
const AT = "when it happened (default: now)";
const channelHelp = (tail: string) =>
  `how it came in: ${CHANNELS.join(", ")}, or one the store adds under channels: in aftercare.yaml; its word will do too (微信, WeChat)${tail}`;

export function registerTicket(program: Command, r: Runner): void {
  const ticket = program
    .command("ticket")
    .description("tickets: repair, installation, maintenance, consultation, complaint");
  ticket
    .command("open")
    .description("open a ticket for a customer's request; at a terminal, asks for what is missing")
    .option("--customer <id-or-name>", "the customer: ID, prefix, name, contact or phone")
    .option("--problem <text>", "the problem as the customer reports it")
    .option("--request <text>", "the service the customer wants")
    .addOption(new Option("--kind <kind>", "kind of request (default: repair)").choices(TICKET_KINDS))
    .option("--channel <channel>", channelHelp(" (default: phone)"))
    .option("--received <datetime>", "when it came in (default: now)")
    .option("--assignee <name>", "staff member handling it (default: the follow-up clerk, else you)")
    .option(
      "--appointment <datetime>",
      "with --kind shop: the agreed time the vehicle comes in, still to come (C-APPOINTMENT)",
    )
    .option("--next-date <date>", "the planned next contact, today or later (R-NEXT-SERVICE); asked at a terminal")
    .option("--next-topic <text>", "what the next contact is about")
    .action((o: TicketOpenOptions, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./open.js")).ticketOpen),
    );
  ticket
    .command("list")
    .description("list tickets (default: the ones not yet resolved)")
    .option(
      "--status <status>",
      "open, escalated, dispatched, onsite, resolved, closed, cancelled (comma-separated), or all",
    )
    .option("--customer <id-or-name>", "only this customer's")
    .option("--assignee <name>", "only those assigned or dispatched to this person")
    .action((o: TicketListOptions, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./list.js")).ticketList),
    );
  ticket
    .command("show <id>")
    .description("a ticket and its contacts")
    .action((id: string, _o: object, cmd: Command) =>
      r.run(cmd, { id }, async () => (await import("./show.js")).ticketShow),
    );
  registerLife(ticket, r);
  ticket
    .command("edit <id>")
    .description(
      "correct what a ticket records, with flags or in $EDITOR when none are given; checked as ticket open checks it, one commit",
    )
    .option("--received <datetime>", "when it came in")
    .option("--channel <channel>", channelHelp(""))
    .addOption(new Option("--kind <kind>", "kind of request").choices(TICKET_KINDS))
    .option("--problem <text>", "the problem as the customer reports it")
    .option("--request <text>", "the service the customer wants (empty to remove)")
    .option("--assignee <name>", "staff member handling it")
    .option("--appointment <datetime>", "with kind shop: the agreed time the vehicle comes in")
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
    .description("report to the engineering supervisor (R-ESC-1DAY)")
    .option("--to <name>", "the engineering supervisor (default: the one staff member with role engineering)")
    .option("--note <text>", "what could not be answered")
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketEscalate>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./escalate.js")).ticketEscalate),
    );
  ticket
    .command("dispatch <id>")
    .description("send a technician (R-DISPATCH)")
    .option("--technician <name>", "who goes")
    .option("--depart <datetime>", "when they leave")
    .option("--arrive <datetime>", "when they arrive")
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketDispatch>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./dispatch.js")).ticketDispatch),
    );
  ticket
    .command("schedule <id>")
    .description(
      "nobody can be sent at once: when the on-site job is scheduled and why, to tell the customer (R-DISPATCH)",
    )
    .option("--date <date>", "the day a technician is planned to go, today or later")
    .option("--reason <text>", "why nobody can go at once")
    .action((id: string, o: Opts<typeof ticketSchedule>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./schedule.js")).ticketSchedule),
    );
  ticket
    .command("arrive <id>")
    .description("the technician is on site")
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketArrive>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./arrive.js")).ticketArrive),
    );
}

/** How a ticket ends, or starts again: resolve, close, cancel, reopen. */
function registerOutcome(ticket: Command, r: Runner): void {
  ticket
    .command("resolve <id>")
    .description("note the solution (the customer is told the same day, R-ANSWER-SAME-DAY)")
    .option("--note <text>", "what solved it")
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketResolve>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./resolve.js")).ticketResolve),
    );
  ticket
    .command("close <id>")
    .description("close a resolved ticket, planning the next contact (R-NEXT-SERVICE; asked at a terminal)")
    .option("--next-date <date>", "the planned next contact, today or later")
    .option("--next-topic <text>", "what the next contact is about")
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketClose>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./close.js")).ticketClose),
    );
  ticket
    .command("cancel <id>")
    .description("cancel a ticket (its duties no longer apply)")
    .option("--reason <text>", "why (required; asked at a terminal)")
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketCancel>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./cancel.js")).ticketCancel),
    );
  ticket
    .command("reopen <id>")
    .description("reopen a resolved, closed or cancelled ticket")
    .option("--note <text>", "why")
    .option("--at <datetime>", AT)
    .action((id: string, o: Opts<typeof ticketReopen>, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./reopen.js")).ticketReopen),
    );
}
