// The customer's words and flags: add, list, show, edit (form 1 of the regulation); each runs from
// the file of its name, loaded when it runs.
import type { Command } from "commander";
import { collect, type Runner } from "../registry.js";
import type { CustomerFields } from "./fields.js";

/** The flags customer add and customer edit share: what a customer's file holds. */
const customerFlags = (cmd: Command) =>
  cmd
    .option("--address <text>", "postal address")
    .option("--contact <name>", "contact person (added, or updated when the name exists)")
    .option("--title <text>", "the contact person's position")
    .option("--phone <phone>", "contact phone (repeatable)", collect)
    .option("--email <email>", "contact e-mail")
    .option("--tag <tag>", "tag, e.g. vip or a region (repeatable)", collect)
    .option("--equipment <text>", "equipment the customer runs (repeatable)", collect)
    .option("--vehicle <plate>", "a vehicle's plate (repeatable)", collect)
    .option("--note <text>", "free note");

export function registerCustomer(program: Command, r: Runner): void {
  const customer = program.command("customer").description("customer files (form 1 of the regulation)");
  customerFlags(
    customer
      .command("add [name]")
      .description("file a new customer")
      .option("--name <name>", "the customer's organisation or name")
      .option("--allow-duplicate", "add even if a customer of the same name exists"),
  ).action((name: string | undefined, o: CustomerFields & { allowDuplicate?: boolean }, cmd: Command) =>
    r.run(cmd, { ...o, name: o.name ?? name }, async () => (await import("./add.js")).customerAdd),
  );
  customer
    .command("list")
    .description("list customers")
    .option("--search <text>", "match name, contact, phone digits, address or tag")
    .action((o: { search?: string }, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./list.js")).customerList),
    );
  customer
    .command("show <id>")
    .description("a customer's file, tickets and contacts (ID, prefix or name)")
    .action((id: string, _o: object, cmd: Command) =>
      r.run(cmd, { id }, async () => (await import("./show.js")).customerShow),
    );
  customerFlags(
    customer
      .command("edit <id>")
      .description("change a customer: with flags, or in $EDITOR when none are given")
      .option("--name <name>", "new name")
      .option("--untag <tag>", "remove a tag (repeatable)", collect),
  ).action((id: string, o: CustomerFields, cmd: Command) =>
    r.run(cmd, { ...o, id }, async () => (await import("./edit.js")).customerEdit),
  );
}
