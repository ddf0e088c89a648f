// aftercare reindex: build the derived index under .aftercare/ again from the record files. Never
// needed for correctness (every read brings the index up to date itself, store/record-index.ts);
// for after a restore from backup, or to measure a cold start.
import type { Context } from "../context.js";
import { indexProgress } from "../index-progress.js";
import { RecordIndex } from "../store/record-index.js";
import { stopWatcher } from "../store/watch/client.js";

export async function reindex(_opts: Record<string, never>, ctx: Context): Promise<number> {
  const store = await ctx.store();
  if (ctx.deps.env.AFTERCARE_INDEX === "off") {
    ctx.io.err(`${(await ctx.say()).t("ri.off")}\n`);
    return 0;
  }
  // the store's watcher first (src/store/watch/): the index built again starts from no token
  await stopWatcher(store.root, ctx.deps.env);
  const started = Date.now();
  const progress = await indexProgress(ctx);
  const idx = await RecordIndex.open(store, await ctx.now(), ctx.deps.env, {
    rebuild: true,
    progress,
  });
  if (progress) process.stderr.write("\r\x1b[K");
  if (!idx) {
    ctx.io.err(`${(await ctx.say()).t("ri.cannot")}\n`);
    return 1;
  }
  const n = idx.size();
  for (const w of idx.warnings()) ctx.io.err(w);
  idx.close();
  const count = (x: number) => x.toLocaleString("en");
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const [files, duties, customers] = [count(n.files), count(n.duties), count(n.customers)];
  ctx.io.err(`${(await ctx.say()).t("ri.done", { files, duties, customers, seconds })}\n`);
  return 0;
}
