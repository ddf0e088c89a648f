// The line a terminal shows while the derived index is built (reindex, a first read of a large store).
import type { Context } from "./context.js";

/** A progress line on stderr in the reader's language, when stderr and the run are a terminal; else nothing. */
export async function indexProgress(
  ctx: Context,
): Promise<((c: { files: number; groups: number }) => void) | undefined> {
  if (!process.stderr.isTTY || !ctx.io.isTTY) return undefined;
  const say = await ctx.say();
  const count = (n: number) => n.toLocaleString("en");
  return (c) =>
    process.stderr.write(`\r\x1b[K${say.t("ri.progress", { files: count(c.files), groups: count(c.groups) })}`);
}
