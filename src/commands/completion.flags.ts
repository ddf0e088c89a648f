// aftercare completion, and the two hidden commands its scripts call: __complete (what fits the
// word under the cursor) and __ids (record IDs of one kind). completion.ts and complete.ts run them.
import type { Command } from "commander";
import { h, hiddenCommand, isHidden, type Runner } from "./registry.js";
import type { CommandTree } from "./completion.js";

/** The commands and flags a person may type, from the program's own declarations. */
export function commandTree(cmd: Command): CommandTree {
  return {
    name: cmd.name(),
    options: cmd.options
      .filter((o) => o.long && !o.hidden)
      .map((o) => ({ long: o.long!, short: o.short, value: o.required || o.optional, choices: o.argChoices })),
    args: cmd.registeredArguments.map((a) => ({ name: a.name(), variadic: a.variadic })),
    commands: cmd.commands.filter((c) => !isHidden(c) && c.name() !== "help").map(commandTree),
  };
}

export function registerCompletion(program: Command, r: Runner): void {
  program
    .command("completion <shell>")
    .description(h("help.completion"))
    .action((shell: string, _o: object, cmd: Command) =>
      r.bare(cmd, { shell }, async () => {
        const { completion } = await import("./completion.js");
        return (o: { shell: string }, deps) => {
          deps.io.out(completion(o.shell));
          return Promise.resolve(0);
        };
      }),
    );
  hiddenCommand(program, "__complete [words...]")
    .description(h("help._complete"))
    .allowUnknownOption()
    .action((words: string[] | undefined, _o: object, cmd: Command) =>
      r.bare(cmd, { words: words?.length ? words : [""] }, async () => {
        const { completeWords } = await import("./complete.js");
        const tree = commandTree(program);
        return (o: { words: string[] }, deps) => completeWords(o, tree, deps);
      }),
    );
  hiddenCommand(program, "__ids <letter>")
    .description(h("help._ids"))
    .action((letter: string, _o: object, cmd: Command) =>
      r.run(cmd, { letter }, async () => (await import("./complete.js")).listIds),
    );
}
