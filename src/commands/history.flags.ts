// aftercare history, undo and redo: a record's life in git, and taking back one's own change
// (history.ts, undo.ts run them).
import type { Command } from "commander";
import { h, type Runner } from "./registry.js";

export function registerHistory(program: Command, r: Runner): void {
  program
    .command("history <id>")
    .description(h("help.history"))
    .action((id: string, _o: object, cmd: Command) =>
      r.run(cmd, { id }, async () => (await import("./history.js")).history),
    );
  program
    .command("undo")
    .description(h("help.undo"))
    .action((_o: object, cmd: Command) =>
      r.run(cmd, {}, async () => {
        const { undo } = await import("./undo.js");
        return (_: object, ctx) => undo(ctx);
      }),
    );
  program
    .command("redo")
    .description(h("help.redo"))
    .action((_o: object, cmd: Command) =>
      r.run(cmd, {}, async () => {
        const { redo } = await import("./undo.js");
        return (_: object, ctx) => redo(ctx);
      }),
    );
}
