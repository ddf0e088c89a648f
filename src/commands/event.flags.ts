// aftercare event's words and flags: customer events and campaigns (R-EVENT-NOTICE; event.ts runs them).
import { type Command, Option } from "commander";
import { EVENT_KINDS } from "../domain/enums.js";
import { h, type Runner } from "./registry.js";
import type { EventAddOptions } from "./event.js";

export function registerEvent(program: Command, r: Runner): void {
  const event = program.command("event").description(h("help.event"));
  event
    .command("add")
    .description(h("help.event.add"))
    .option("--title <text>", h("help.event.add.title"))
    .option("--date <date>", h("help.event.add.date"))
    .addOption(new Option("--kind <kind>", h("help.event.add.kind")).choices(EVENT_KINDS).default("gathering"))
    .option("--audience <who>", h("help.event.add.audience"), "all")
    .option("--owner <name>", h("help.event.add.owner"))
    .option("--note <text>", h("help.event.add.note"))
    .action((o: EventAddOptions, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./event.js")).eventAdd),
    );
  event
    .command("list")
    .description(h("help.event.list"))
    .action((_o: object, cmd: Command) =>
      r.run(cmd, {}, async () => {
        const { eventList } = await import("./event.js");
        return (_: object, ctx) => eventList(ctx);
      }),
    );
}
