// Finding every customer's duties from nothing (a rebuild, a new index): the rules engine runs on
// the read workers (read-worker.ts), a chunk of customers at a time, while this thread reads the
// next chunks' records and writes what the workers found. Nothing but the chunks in flight is
// held: memory does not grow with the store.
import type { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { getHeapStatistics } from "node:v8";
import { collect, envCount } from "../memory.js";
import { startWorker } from "../read-pool.js";
import { groupsDuties, type EngineBasis, type FoundGroup, type GroupRecord } from "./group-duties.js";
import type { DB } from "./schema.js";

/** Customers per message to a worker (≈ 40 records each in the decade store); AFTERCARE_REBUILD_CHUNK sets another. */
const GROUPS_PER_CHUNK = 25;
/** Below this many customers the engine runs in this thread: starting workers costs more; AFTERCARE_REBUILD_MIN_WORKERS sets another. */
const MIN_FOR_WORKERS = 400;

/** Chunks written between two collections of this thread's garbage (collect)… */
const CHUNKS_PER_COLLECTION = 64;
/** …or fewer, at least this many, once its heap holds more than HEAP_MB (at 820k records it stood at 105–110 MB for a minute). */
const CHUNKS_AT_LEAST = 4;
const HEAP_MB = 48;

/** A message to a worker: the basis once, then chunks of groups; and its answer. */
export type DutiesAsk = { basis: EngineBasis } | { chunk: number; groups: { g: string; rows: GroupRecord[] }[] };
export interface DutiesDone {
  chunk: number;
  found?: FoundGroup[];
  error?: string;
}

/** The worker's side: keep the basis, answer each chunk with its groups' duties. */
export function serveDuties(port: { postMessage(m: DutiesDone): void }): (m: DutiesAsk) => void {
  let basis: EngineBasis | undefined;
  return (m) => {
    if ("basis" in m) return void (basis = m.basis);
    try {
      port.postMessage({ chunk: m.chunk, found: groupsDuties(basis!, m.groups) });
    } catch (e) {
      port.postMessage({ chunk: m.chunk, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  };
}

/**
 * Every duty of these groups (none kept yet: their rows were dropped or never written), found on
 * worker threads when there are many, written group by group in the order given.
 */
export async function rebuildDuties(
  db: DB,
  basis: EngineBasis,
  groups: readonly string[],
  onGroup: () => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const per = Math.max(1, envCount(env, "AFTERCARE_REBUILD_CHUNK") ?? GROUPS_PER_CHUNK);
  const recordsOf = db.prepare("SELECT kind, id, value FROM file WHERE grp = ? AND value IS NOT NULL");
  const putGrp = db.prepare("INSERT OR REPLACE INTO grp (id, start, valid_from, valid_until) VALUES (?, ?, ?, ?)");
  const putDuty = db.prepare(
    "INSERT INTO duty (grp, key, ticket, customer, undone, expires, expires_at, deadline, rule, judged, done_by, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const chunks = Math.ceil(groups.length / per);
  const chunkOf = (k: number) =>
    groups.slice(k * per, (k + 1) * per).map((g) => ({ g, rows: recordsOf.all(g) as GroupRecord[] }));
  let writes = 0;
  const write = (found: FoundGroup[]) => {
    if (
      ++writes >= CHUNKS_PER_COLLECTION ||
      (writes >= CHUNKS_AT_LEAST && getHeapStatistics().used_heap_size > HEAP_MB * 1048576)
    ) {
      collect();
      writes = 0;
    }
    for (const f of found) {
      onGroup();
      if (f.empty) continue;
      putGrp.run(f.g, f.start, f.validFrom, f.validUntil);
      for (const row of f.duties) putDuty.run(f.g, ...row);
    }
  };
  // what reading the files left behind, before the workers start
  collect();
  const threads = Math.min(availableParallelism(), 8, chunks);
  // (the reader, with zod and YAML, is loaded only here: a warm read loads neither)
  const spec =
    groups.length >= (envCount(env, "AFTERCARE_REBUILD_MIN_WORKERS") ?? MIN_FOR_WORKERS)
      ? (await import("../fastread.js")).workerSpec()
      : undefined;
  let k = 0;
  if (spec && threads > 0) k = await onWorkers(spec, threads, basis, chunks, chunkOf, write);
  // what the workers did not do (none started, or one failed): in this thread
  for (; k < chunks; k++) write(groupsDuties(basis, chunkOf(k)));
}

/**
 * Chunks sent to `threads` workers, two in flight each, their answers written in chunk order
 * (an answer that comes early waits for those before it). Returns how many chunks, from the
 * first, were written; a worker that fails stops them all, and the rest is left to the caller.
 */
async function onWorkers(
  spec: { url: URL } | { code: string },
  threads: number,
  basis: EngineBasis,
  chunks: number,
  chunkOf: (k: number) => { g: string; rows: GroupRecord[] }[],
  write: (found: FoundGroup[]) => void,
): Promise<number> {
  const workers: Worker[] = [];
  const early = new Map<number, FoundGroup[]>();
  let next = 0;
  let written = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (w: Worker) => {
        if (next < chunks) w.postMessage({ chunk: next, groups: chunkOf(next++) } satisfies DutiesAsk);
      };
      for (let t = 0; t < threads; t++) {
        const w = startWorker(spec);
        workers.push(w);
        w.on("message", (m: DutiesDone) => {
          if (!m.found) return reject(new Error(m.error));
          early.set(m.chunk, m.found);
          for (let f = early.get(written); f; f = early.get(written)) {
            early.delete(written++);
            write(f);
          }
          if (written >= chunks) resolve();
          else send(w);
        });
        w.on("error", reject);
        w.on("exit", (code) => written < chunks && reject(new Error(`read worker exited (${code})`)));
        w.postMessage({ basis } satisfies DutiesAsk);
        send(w);
        send(w);
      }
    });
  } catch {
    // the rest in this thread
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return written;
}
