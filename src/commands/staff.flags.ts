// aftercare staff's words and flags: add, list, followup, absent (staff.ts runs them).
import { type Command, Option } from "commander";
import { ROLES } from "../domain/enums.js";
import type { Runner } from "./registry.js";
import type { AbsentOptions, StaffAddOptions } from "./staff.js";

export function registerStaff(program: Command, r: Runner): void {
  const staff = program.command("staff").description("the staff list in aftercare.yaml");
  staff
    .command("add <name>")
    .description("add a staff member")
    .addOption(new Option("--role <role>", "what they do").choices(ROLES))
    .option("--phone <phone>", "their phone")
    .option("--email <email>", "their e-mail (used as the commit author's)")
    .action((name: string, o: Omit<StaffAddOptions, "name">, cmd: Command) =>
      r.run(cmd, { name, ...o }, async () => (await import("./staff.js")).staffAdd),
    );
  staff
    .command("list")
    .description("list the staff, their absences and the follow-up clerk")
    .action((_o: object, cmd: Command) =>
      r.run(cmd, {}, async () => {
        const { staffList } = await import("./staff.js");
        return (_: object, ctx) => staffList(ctx);
      }),
    );
  staff
    .command("followup <name>")
    .description("appoint the follow-up clerk (A1): a ticket opened without --assignee is theirs")
    .action((name: string, _o: object, cmd: Command) =>
      r.run(cmd, { name }, async () => (await import("./staff.js")).staffFollowup),
    );
  staff
    .command("absent <name>")
    .description("record an absence; while it lasts, the person's open duties go to the cover (R-COVER)")
    .option("--from <date>", "first day away")
    .option("--to <date>", "last day away")
    .option("--cover <name>", "who stands in (present on all those days)")
    .option("--note <text>", "why")
    .action((name: string, o: Omit<AbsentOptions, "name">, cmd: Command) =>
      r.run(cmd, { name, ...o }, async () => (await import("./staff.js")).staffAbsent),
    );
}
