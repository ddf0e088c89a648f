// What the long passes over a store (`check`, the index's rebuild) share about their memory and
// their tuning: a garbage collection asked for at a quiet point, and the sizes the tests set small.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined;

/**
 * Collect this thread's garbage now. V8 lets the old generation of a thread with no heap limit
 * grow to several times what is live before it collects: reading a store's files leaves 120 MB of
 * garbage at 205k records (300 MB at 820k), and a pass's rows and answers would pile up on it. A
 * full collection of the little that is live costs a few ms. (The `gc` function Node's --expose-gc
 * gives, asked for in a context of its own: nothing else sees it.)
 */
export function collect(): void {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}

/** A whole number from the environment (the tests' small chunks and thresholds), else undefined. */
export function envCount(env: NodeJS.ProcessEnv | undefined, name: string): number | undefined {
  const v = env?.[name]?.trim();
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}
