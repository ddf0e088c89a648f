// aftercare history, undo and redo: a record's life in git, and taking back one's own change
// (history.ts, undo.ts run them).
import type { Command } from "commander";
import type { Runner } from "./registry.js";

export function registerHistory(program: Command, r: Runner): void {
  program
    .command("history <id>")
    .description("a record's life from git: each commit and what changed, field by field")
    .action((id: string, _o: object, cmd: Command) =>
      r.run(cmd, { id }, async () => (await import("./history.js")).history),
    );
  program
    .command("undo")
    .description(
      "revert your last aftercare change with a new commit; again, the one before it (refused when later work depends on it)",
    )
    .action((_o: object, cmd: Command) =>
      r.run(cmd, {}, async () => {
        const { undo } = await import("./undo.js");
        return (_: object, ctx) => undo(ctx);
      }),
    );
  program
    .command("redo")
    .description("re-apply what your last undo took back (until you make another change), with a new commit")
    .action((_o: object, cmd: Command) =>
      r.run(cmd, {}, async () => {
        const { redo } = await import("./undo.js");
        return (_: object, ctx) => redo(ctx);
      }),
    );
}
