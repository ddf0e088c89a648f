// aftercare sync, resolve and git's pre-push hook: the commands of the desks' server (sync.ts,
// resolve.ts, outgoing.ts run them).
import type { Command } from "commander";
import { h, collect, hiddenCommand, type Runner } from "./registry.js";
import type { ResolveOptions } from "./resolve.js";

export function registerSync(program: Command, r: Runner): void {
  program
    .command("sync")
    .description(h("help.sync"))
    .option("--restore", h("help.sync.restore"))
    .action((o: { restore?: boolean }, cmd: Command) =>
      r.run(cmd, { ...o }, async () => {
        const { sync } = await import("./sync.js");
        return (options: { restore?: boolean }, ctx) => sync(ctx, options);
      }),
    );
  program
    .command("resolve [id]")
    .description(h("help.resolve"))
    .option("--keep <side>", h("help.resolve.keep"), collect)
    .option("--set <field=value>", h("help.resolve.set"), collect)
    .action((id: string | undefined, o: Omit<ResolveOptions, "id">, cmd: Command) =>
      r.run(cmd, { id, ...o }, async () => (await import("./resolve.js")).resolve),
    );
  hiddenCommand(program, "pre-push [remote] [url]")
    .description(h("help.prePush"))
    .action((remote: string | undefined, _url: string | undefined, _o: object, cmd: Command) =>
      r.run(cmd, { remote: remote ?? "origin" }, async () => {
        const { prePush } = await import("./outgoing.js");
        return (options: { remote: string }, ctx) => prePush(ctx, options.remote);
      }),
    );
}
