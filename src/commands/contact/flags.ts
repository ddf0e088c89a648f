// The contacts' words and flags: call log, letter log (call-log.ts, letter-log.ts), and the
// corrections after the fact, contact link | unlink | edit (link.ts, edit.ts), with call edit the
// same correction where a clerk looks for it.
import { type Command, Option } from "commander";
import { DIRECTIONS, LETTER_KINDS, PURPOSES } from "../../domain/enums.js";
import { h, collect, helpAfter, type Runner } from "../registry.js";
import type { CallLogOptions } from "./call-log.js";
import type { EditOptions } from "./edit.js";
import type { LetterLogOptions } from "./letter-log.js";
import type { LinkOptions, UnlinkOptions } from "./link.js";

export function registerContacts(program: Command, r: Runner): void {
  const call = program.command("call").description(h("help.call"));
  registerCallLog(call, r);
  program
    .command("letter")
    .description(h("help.letter"))
    .command("log")
    .description(h("help.letter.log"))
    .option("--customer <id-or-name>", h("help.shared.customer"))
    .option("--ticket <id>", h("help.letter.log.ticket"))
    .option("--event <id>", h("help.letter.log.event"))
    .addOption(new Option("--kind <kind>", h("help.letter.log.kind")).choices(LETTER_KINDS))
    .option("--subject <text>", h("help.letter.log.subject"))
    .option("--sent <date>", h("help.letter.log.sent"))
    .option("--summary <text>", h("help.letter.log.summary"))
    .option("--plan <id>", h("help.letter.log.plan"))
    .action((o: LetterLogOptions, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./letter-log.js")).letterLog),
    );
  const contact = program.command("contact").description(h("help.contact"));
  registerLinks(contact, r);
  contactEdit(contact.command("edit <id>").description(h("help.contact.edit")), r);
  // the same correction, where a clerk looks for it: next to call log
  contactEdit(call.command("edit <id>").description(h("help.call.edit")), r);
}

function registerCallLog(call: Command, r: Runner): void {
  call
    .command("log")
    .description(h("help.call.log"))
    .option("--customer <id-or-name>", h("help.shared.customer"))
    .option("--ticket <id>", h("help.call.log.ticket"))
    .option("--event <id>", h("help.call.log.event"))
    .addOption(new Option("--direction <dir>", h("help.shared.direction")).choices(DIRECTIONS))
    .addOption(new Option("--purpose <purpose>", h("help.call.log.purpose")).choices(PURPOSES))
    .option("--summary <text>", h("help.call.log.summary"))
    .option("--at <datetime>", h("help.call.log.at"))
    .option("--person <name>", h("help.shared.person"))
    .option("--request <text>", h("help.call.log.request"), collect)
    .option("--complaint <text>", h("help.call.log.complaint"), collect)
    .option("--satisfaction <1-5>", h("help.shared.satisfaction"))
    .option("--next-date <date>", h("help.call.log.nextDate"))
    .option("--next-topic <text>", h("help.shared.nextTopic"))
    .option("--told", h("help.call.log.told"))
    .option("--plan <id>", h("help.call.log.plan"))
    .action((o: CallLogOptions, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./call-log.js")).callLog),
    );
  helpAfter(call.commands.at(-1)!, "help.call.log.after");
}

function registerLinks(contact: Command, r: Runner): void {
  contact
    .command("link <id>")
    .description(h("help.contact.link"))
    .option("--ticket <id>", h("help.contact.link.ticket"))
    .option("--event <id>", h("help.contact.link.event"))
    .option("--plan <id>", h("help.contact.link.plan"))
    .action((id: string, o: Omit<LinkOptions, "id">, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./link.js")).contactLink),
    );
  helpAfter(contact.commands.at(-1)!, "help.contact.link.after");
  contact
    .command("unlink <id>")
    .description(h("help.contact.unlink"))
    .option("--ticket", h("help.contact.unlink.ticket"))
    .option("--event", h("help.contact.unlink.event"))
    .option("--plan", h("help.contact.unlink.plan"))
    .action((id: string, o: Omit<UnlinkOptions, "id">, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./link.js")).contactUnlink),
    );
}

/** contact edit and call edit: the same flags, the same correction. */
function contactEdit(cmd: Command, r: Runner): void {
  cmd
    .option("--at <datetime>", h("help.shared.at2"))
    .addOption(new Option("--direction <dir>", h("help.shared.direction")).choices(DIRECTIONS))
    .addOption(new Option("--purpose <purpose>", h("help.shared.purpose")).choices(PURPOSES))
    .option("--summary <text>", h("help.shared.summary"))
    .option("--person <name>", h("help.shared.person"))
    .option("--satisfaction <1-5>", h("help.shared.satisfaction"))
    .option("--told", h("help.shared.told"))
    .option("--not-told", h("help.shared.notTold"))
    .action((id: string, o: Omit<EditOptions, "id">, c: Command) =>
      r.run(c, { ...o, id }, async () => (await import("./edit.js")).contactEdit),
    );
}
