// The contacts' words and flags: call log, letter log (call-log.ts, letter-log.ts), and the
// corrections after the fact, contact link | unlink | edit (link.ts, edit.ts), with call edit the
// same correction where a clerk looks for it.
import { type Command, Option } from "commander";
import { DIRECTIONS, LETTER_KINDS, PURPOSES } from "../../domain/enums.js";
import { collect, type Runner } from "../registry.js";
import type { CallLogOptions } from "./call-log.js";
import type { EditOptions } from "./edit.js";
import type { LetterLogOptions } from "./letter-log.js";
import type { LinkOptions, UnlinkOptions } from "./link.js";

export function registerContacts(program: Command, r: Runner): void {
  const call = program.command("call").description("phone calls (R-RECORD-CALL, R-CALL-REGISTER)");
  registerCallLog(call, r);
  program
    .command("letter")
    .description("letters: notices, invitations, replies (R-LETTER-REGISTER)")
    .command("log")
    .description("log a letter sent to a customer")
    .option("--customer <id-or-name>", "the customer (optional with --ticket)")
    .option("--ticket <id>", "the ticket the letter is about")
    .option("--event <id>", "the event the letter announces (R-EVENT-NOTICE)")
    .addOption(new Option("--kind <kind>", "notice, invitation or reply").choices(LETTER_KINDS))
    .option("--subject <text>", "the letter's subject")
    .option("--sent <date>", "when it was sent (default: today)")
    .option("--summary <text>", "what it says")
    .option("--plan <id>", "the contact (K-…) or ticket (T-…) whose planned next contact this letter carries out")
    .action((o: LetterLogOptions, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./letter-log.js")).letterLog),
    );
  const contact = program
    .command("contact")
    .description(
      "correct a logged call or letter after the fact; each change is one commit and says which duties the contact now closes",
    );
  registerLinks(contact, r);
  contactEdit(contact.command("edit <id>").description("correct what a contact records"), r);
  // the same correction, where a clerk looks for it: next to call log
  contactEdit(call.command("edit <id>").description("correct a logged call (the same as contact edit)"), r);
}

function registerCallLog(call: Command, r: Runner): void {
  call
    .command("log")
    .description(
      "log a call, inbound or outbound; without --ticket, linked to the customer's ticket whose open duty it answers when there is exactly one",
    )
    .option("--customer <id-or-name>", "the customer (optional with --ticket)")
    .option("--ticket <id>", "the ticket the call is about (default: found from the duty the call closes)")
    .option("--event <id>", "the event the call announces (R-EVENT-NOTICE)")
    .addOption(new Option("--direction <dir>", "in (they called) or out (we called)").choices(DIRECTIONS))
    .addOption(new Option("--purpose <purpose>", "what the call was for").choices(PURPOSES))
    .option("--summary <text>", "the key points of the conversation")
    .option("--at <datetime>", "when (default: now)")
    .option("--person <name>", "who we spoke to")
    .option("--request <text>", "a request the customer made (repeatable)", collect)
    .option("--complaint <text>", "a complaint the customer made (repeatable)", collect)
    .option("--satisfaction <1-5>", "the customer's satisfaction, 1 (poor) to 5 (excellent)")
    .option("--next-date <date>", "the planned next contact (R-NEXT-SERVICE)")
    .option("--next-topic <text>", "what the next contact is about")
    .option(
      "--told",
      "with --direction in: the customer was told in this call what a duty asks (the solution, a notice)",
    )
    .option("--plan <id>", "the contact (K-…) or ticket (T-…) whose planned next contact this call carries out")
    .addHelpText(
      "after",
      "\nA call logged without a ticket can be linked later: aftercare contact link K-… --ticket T-…",
    )
    .action((o: CallLogOptions, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./call-log.js")).callLog),
    );
}

function registerLinks(contact: Command, r: Runner): void {
  contact
    .command("link <id>")
    .description("link a contact to its ticket, event or planned contact")
    .option("--ticket <id>", "the ticket it is about (the same customer's)")
    .option("--event <id>", "the event it announces (R-EVENT-NOTICE)")
    .option("--plan <id>", "the contact (K-…) or ticket (T-…) whose planned next contact it carries out")
    .addHelpText("after", "\nExample: aftercare contact link K-261110-7K3F --ticket T-261102-2MWC")
    .action((id: string, o: Omit<LinkOptions, "id">, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./link.js")).contactLink),
    );
  contact
    .command("unlink <id>")
    .description("remove a contact's link (default: its ticket)")
    .option("--ticket", "unlink the ticket")
    .option("--event", "unlink the event")
    .option("--plan", "unlink the planned contact")
    .action((id: string, o: Omit<UnlinkOptions, "id">, cmd: Command) =>
      r.run(cmd, { ...o, id }, async () => (await import("./link.js")).contactUnlink),
    );
}

/** contact edit and call edit: the same flags, the same correction. */
function contactEdit(cmd: Command, r: Runner): void {
  cmd
    .option("--at <datetime>", "when it happened (a letter: the day it was sent)")
    .addOption(new Option("--direction <dir>", "in (they called) or out (we called)").choices(DIRECTIONS))
    .addOption(new Option("--purpose <purpose>", "what it was for").choices(PURPOSES))
    .option("--summary <text>", "the key points")
    .option("--person <name>", "who we spoke to")
    .option("--satisfaction <1-5>", "the customer's satisfaction, 1 (poor) to 5 (excellent)")
    .option("--told", "an inbound call in which the customer was told what a duty asks")
    .option("--not-told", "remove the told mark")
    .action((id: string, o: Omit<EditOptions, "id">, c: Command) =>
      r.run(c, { ...o, id }, async () => (await import("./edit.js")).contactEdit),
    );
}
