// aftercare sync, resolve and git's pre-push hook: the commands of the desks' server (sync.ts,
// resolve.ts, outgoing.ts run them).
import type { Command } from "commander";
import { collect, hiddenCommand, type Runner } from "./registry.js";
import type { ResolveOptions } from "./resolve.js";

export function registerSync(program: Command, r: Runner): void {
  program
    .command("sync")
    .description(
      "bring in what other desks sent (a merge; lists merge as sets), check what is to be sent, send it; say what came in",
    )
    .option("--restore", "after the server was force-pushed: send back the changes it no longer has")
    .action((o: { restore?: boolean }, cmd: Command) =>
      r.run(cmd, { ...o }, async () => {
        const { sync } = await import("./sync.js");
        return (options: { restore?: boolean }, ctx) => sync(ctx, options);
      }),
    );
  program
    .command("resolve [id]")
    .description(
      "settle a record a sync stopped on: shows both values in full; --keep or --set settles it, finishes the merge and sends it",
    )
    .option(
      "--keep <side>",
      "here (this desk's value), there (the server's), or here:FIELD / there:FIELD for one field (repeatable)",
      collect,
    )
    .option("--set <field=value>", "give the field this value ([a, b] for a list) (repeatable)", collect)
    .action((id: string | undefined, o: Omit<ResolveOptions, "id">, cmd: Command) =>
      r.run(cmd, { id, ...o }, async () => (await import("./resolve.js")).resolve),
    );
  hiddenCommand(program, "pre-push [remote] [url]")
    .description("git's pre-push hook: check the commits about to be sent (set up by aftercare init)")
    .action((remote: string | undefined, _url: string | undefined, _o: object, cmd: Command) =>
      r.run(cmd, { remote: remote ?? "origin" }, async () => {
        const { prePush } = await import("./outgoing.js");
        return (options: { remote: string }, ctx) => prePush(ctx, options.remote);
      }),
    );
}
