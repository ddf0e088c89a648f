// Reading many record files on worker threads (read-worker.ts), chunk by chunk, for fastread.ts's readMany.
import { Worker } from "node:worker_threads";
import type { ItemSource, ReadItem, ReadManyOptions, ReadResult, ReadWhat } from "./fastread.js";

/** Files sent to a worker at a time. */
export const CHUNK = 512;

/** A message to a worker, and its answer. */
export interface Ask {
  chunk: number;
  root: string;
  items: ReadItem[];
  what: ReadWhat;
}
export interface Done {
  chunk: number;
  results: ReadResult[];
}

/**
 * The heap a read worker may grow to. It holds a chunk at a time (a few MB), so a small heap
 * only makes it collect its garbage sooner: without a limit each worker let its heap grow to
 * 100–150 MB of garbage before collecting, on top of the main thread's. A worker that runs out
 * fails like any other: its files are read in the calling thread.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };
/**
 * A worker that only reads files: what it makes of a chunk is garbage once the chunk is answered,
 * so a young generation of 4 MB suffices (16 MB let each worker hold 30–40 MB more at its peak).
 */
const READ_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 };

/** A read worker (read-worker.ts), its heap bounded. */
export function startWorker(spec: { url: URL } | { code: string }, limits = WORKER_LIMITS): Worker {
  return "url" in spec
    ? new Worker(spec.url, { resourceLimits: limits })
    : new Worker(spec.code, { eval: true, resourceLimits: limits });
}

/**
 * Read `items` on `threads` worker threads, chunk by chunk, handing each result to `each`; a
 * worker that fails stops them all (told to opts.onWorkerError). Returns which files were
 * answered for, and how many.
 */
export async function onWorkers(
  items: ItemSource,
  root: string,
  what: ReadWhat,
  o: {
    threads: number;
    /** files per message */
    chunk: number;
    spec: { url: URL } | { code: string };
    each: (r: ReadResult, i: number) => void;
    progress?: (done: number, total: number) => void;
  },
  opts: ReadManyOptions,
): Promise<{ answered: Uint8Array; done: number }> {
  const total = items.length;
  /** which files have been answered for */
  const answered = new Uint8Array(total);
  const size = o.chunk;
  const chunks = Math.ceil(total / size);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (e?: Error) => void (settled || ((settled = true), e ? reject(e) : resolve()));
      const send = (w: Worker) => {
        if (next >= chunks) return;
        const chunk = next++;
        const ask: Ask = { chunk, root, items: [], what };
        for (let i = chunk * size; i < Math.min((chunk + 1) * size, total); i++) ask.items.push(items.item(i));
        w.postMessage(ask);
      };
      for (let t = 0; t < o.threads; t++) {
        const w = startWorker(o.spec, READ_LIMITS);
        workers.push(w);
        w.on("message", (m: Done) => {
          const at = m.chunk * size;
          for (let i = 0; i < m.results.length; i++) {
            answered[at + i] = 1;
            o.each(m.results[i]!, at + i);
          }
          done += m.results.length;
          o.progress?.(done, total);
          if (done >= total) finish();
          else send(w);
        });
        // a worker that fails stops them all: what none of them answered for is read in this thread
        w.on("error", (e) => finish(e));
        w.on("exit", (code) => {
          if (done < total) finish(new Error(`read worker exited (${code})`));
        });
        // two chunks in flight: a worker never waits for this thread between them
        send(w);
        send(w);
      }
    });
  } catch (e) {
    opts.onWorkerError?.(e);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { answered, done };
}
