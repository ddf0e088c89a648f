// What the completion scripts ask for (aftercare __complete, aftercare __ids): the words that fit
// the end of a command line, and the record IDs of one kind.
import { Context, type Deps } from "../context.js";
import { KIND_OF_LETTER } from "../domain/ids.js";
import { storeSource } from "../services/completion-source.js";
import { complete, type CommandTree } from "./completion.js";

/** What fits the last of `words`: one a line, then the directive (:words, :files or :dirs). */
export async function completeWords(o: { words: string[] }, tree: CommandTree, deps: Deps): Promise<number> {
  const got = await complete(tree, o.words, (records) => storeSource(new Context({ records }, deps)));
  deps.io.out(got.words.map((w) => `${w}\n`).join("") + `:${got.directive}\n`);
  return 0;
}

/** The IDs of the records of one kind, by its letter (C, T, K, E), one a line; nothing for another letter. */
export async function listIds(o: { letter: string }, ctx: Context): Promise<void> {
  const kind = KIND_OF_LETTER[o.letter.toUpperCase() as keyof typeof KIND_OF_LETTER];
  if (!kind) return;
  const store = await ctx.store();
  for (const f of await store.files(kind)) ctx.io.out(`${f.slice(f.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "")}\n`);
}
