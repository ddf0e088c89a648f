// The store's watcher (src/store/watch/) that the bench's reads start in a large store: stopped at
// the end of each size, so that no process is left behind watching the cached store. The bench's
// own resets (git reset --hard, git clean, .aftercare/ removed for the cold rows) are changes it
// sees like any other: a read after them is told, or asks git when the burst was too large.
import { stopWatcher, watcherStatus } from "../../src/store/watch/client.js";

/** Stop the store's watcher, if one runs; the line to log, or undefined when none ran. */
export async function stopStoreWatcher(store: string): Promise<string | undefined> {
  const s = await watcherStatus(store, process.env);
  if (!s) return undefined;
  const stopped = await stopWatcher(store, process.env);
  return stopped
    ? `    (stopped the store's watcher, process ${s.pid})`
    : `    (the store's watcher, process ${s.pid}, did not stop)`;
}
