// aftercare event's words and flags: customer events and campaigns (R-EVENT-NOTICE; event.ts runs them).
import { type Command, Option } from "commander";
import { EVENT_KINDS } from "../domain/enums.js";
import type { Runner } from "./registry.js";
import type { EventAddOptions } from "./event.js";

export function registerEvent(program: Command, r: Runner): void {
  const event = program.command("event").description("customer events and campaigns (R-EVENT-NOTICE)");
  event
    .command("add")
    .description("add an event; its audience is phoned 14 days ahead, then sent a letter")
    .option("--title <text>", "what it is")
    .option("--date <date>", "when it takes place")
    .addOption(new Option("--kind <kind>", "kind of event").choices(EVENT_KINDS).default("gathering"))
    .option("--audience <who>", 'who is invited: "all" or "tag:NAME"', "all")
    .option("--owner <name>", "who phones and writes (default: you)")
    .option("--note <text>", "details")
    .action((o: EventAddOptions, cmd: Command) =>
      r.run(cmd, { ...o }, async () => (await import("./event.js")).eventAdd),
    );
  event
    .command("list")
    .description("events, with how many customers were phoned and written to")
    .action((_o: object, cmd: Command) =>
      r.run(cmd, {}, async () => {
        const { eventList } = await import("./event.js");
        return (_: object, ctx) => eventList(ctx);
      }),
    );
}
