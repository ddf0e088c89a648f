// The customer's words and flags: add, list, show, edit (form 1 of the regulation); each runs from
// the file of its name, loaded when it runs.
import type { Command } from "commander";
import { h, collect, type Runner } from "../registry.js";
import type { CustomerFields } from "./fields.js";

/** The flags customer add and customer edit share: what a customer's file holds. */
const customerFlags = (cmd: Command) =>
  cmd
    .option("--address <text>", h("help.shared.address"))
    .option("--contact <name>", h("help.shared.contact"))
    .option("--title <text>", h("help.shared.title"))
    .option("--phone <phone>", h("help.shared.phone"), collect)
    .option("--email <email>", h("help.shared.email"))
    .option("--tag <tag>", h("help.shared.tag"), collect)
    .option("--equipment <text>", h("help.shared.equipment"), collect)
    .option("--vehicle <plate>", h("help.shared.vehicle"), collect)
    .option("--note <text>", h("help.shared.note2"));

export function registerCustomer(program: Command, r: Runner): void {
  const customer = program.command("customer").description(h("help.customer"));
  customerFlags(
    customer
      .command("add [name]")
      .description(h("help.customer.add"))
      .option("--name <name>", h("help.customer.add.name"))
      .option("--allow-duplicate", h("help.customer.add.allowDuplicate")),
  ).action((name: string | undefined, o: CustomerFields & { allowDuplicate?: boolean }, cmd: Command) =>
    r.run(cmd, { ...o, name: o.name ?? name }, async () => (await import("./add.js")).customerAdd),
  );
  customer
    .command("list")
    .description(h("help.customer.list"))
    .option("--search <text>", h("help.customer.list.search"))
    .action((o: { search?: string }, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./list.js")).customerList),
    );
  customer
    .command("show <id>")
    .description(h("help.customer.show"))
    .action((id: string, _o: object, cmd: Command) =>
      r.run(cmd, { id }, async () => (await import("./show.js")).customerShow),
    );
  customerFlags(
    customer
      .command("edit <id>")
      .description(h("help.customer.edit"))
      .option("--name <name>", h("help.customer.edit.name"))
      .option("--untag <tag>", h("help.customer.edit.untag"), collect),
  ).action((id: string, o: CustomerFields, cmd: Command) =>
    r.run(cmd, { ...o, id }, async () => (await import("./edit.js")).customerEdit),
  );
}
