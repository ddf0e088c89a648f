// aftercare staff's words and flags: add, list, followup, absent (staff.ts runs them).
import { type Command, Option } from "commander";
import { ROLES } from "../domain/enums.js";
import { h, type Runner } from "./registry.js";
import type { AbsentOptions, StaffAddOptions } from "./staff.js";

export function registerStaff(program: Command, r: Runner): void {
  const staff = program.command("staff").description(h("help.staff"));
  staff
    .command("add <name>")
    .description(h("help.staff.add"))
    .addOption(new Option("--role <role>", h("help.staff.add.role")).choices(ROLES))
    .option("--phone <phone>", h("help.staff.add.phone"))
    .option("--email <email>", h("help.staff.add.email"))
    .action((name: string, o: Omit<StaffAddOptions, "name">, cmd: Command) =>
      r.run(cmd, { name, ...o }, async () => (await import("./staff.js")).staffAdd),
    );
  staff
    .command("list")
    .description(h("help.staff.list"))
    .action((_o: object, cmd: Command) =>
      r.run(cmd, {}, async () => {
        const { staffList } = await import("./staff.js");
        return (_: object, ctx) => staffList(ctx);
      }),
    );
  staff
    .command("followup <name>")
    .description(h("help.staff.followup"))
    .action((name: string, _o: object, cmd: Command) =>
      r.run(cmd, { name }, async () => (await import("./staff.js")).staffFollowup),
    );
  staff
    .command("absent <name>")
    .description(h("help.staff.absent"))
    .option("--from <date>", h("help.staff.absent.from"))
    .option("--to <date>", h("help.staff.absent.to"))
    .option("--cover <name>", h("help.staff.absent.cover"))
    .option("--note <text>", h("help.shared.note"))
    .action((name: string, o: Omit<AbsentOptions, "name">, cmd: Command) =>
      r.run(cmd, { name, ...o }, async () => (await import("./staff.js")).staffAbsent),
    );
}
