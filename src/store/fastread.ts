// A fast reader for the plain YAML aftercare itself writes, with the full reader behind it: the
// parser (fast-yaml.ts) reads the subset aftercare writes and answers UNSURE for anything else,
// which goes to the full reader (readRecord); and many files are read on every core.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { encodeFacts, factsOf, recordFindings, type Finding } from "../domain/check.js";
import type { RecordKind } from "../domain/ids.js";
import { spanOf } from "../domain/kpi.js";
import { SCHEMAS, type Contact, type RecordOf } from "../domain/schema.js";
import { stampOf } from "./cache.js";
import { readRecord } from "./read-record.js";
import { idOfPath, type FileProblem } from "./layout.js";
import { unreadableFile } from "./unreadable.js";
import { decodeUtf8 } from "./yaml.js";
import { MAX_BYTES, parseFast, UNSURE } from "./fast-yaml.js";
import { CHUNK, onWorkers, type Ask, type Done } from "./read-pool.js";

export { parseFast, UNSURE } from "./fast-yaml.js";

export interface FastRead<K extends RecordKind> {
  value?: RecordOf[K];
  problems: FileProblem[];
  /** read by the fast path (else by readRecord) */
  fast: boolean;
}

/**
 * readRecord's answer for a record file — the same value for a file that reads cleanly, the same
 * problems (from readRecord itself) for one that does not — without building a YAML document
 * when the file is plain YAML as aftercare writes it.
 */
export function readRecordFast<K extends RecordKind>(kind: K, path: string, bytes: Uint8Array): FastRead<K> {
  if (bytes.length <= MAX_BYTES) {
    const text = decodeUtf8(bytes);
    if (text.text !== undefined) {
      const raw = parseFast(text.text);
      if (raw !== UNSURE) {
        const r = SCHEMAS[kind].safeParse(raw);
        if (r.success) return { value: r.data as RecordOf[K], problems: [], fast: true };
      }
    }
  }
  const r = readRecord(kind, path, bytes);
  return r.value ? { value: r.value, problems: [], fast: false } : { problems: r.problems, fast: false };
}

// --- many files, on every core ------------------------------------------------------------------

export interface ReadItem {
  kind: RecordKind;
  /** relative to the store root, with "/" */
  path: string;
  /** the stamp the caller last saw: when the file still has it, it is not read (`unchanged`) */
  stamp?: string;
}

/** Files to read: a list, or (to keep memory flat for a whole store) each made when it is asked for. */
export type ReadItems = readonly ReadItem[] | ItemSource;
export interface ItemSource {
  readonly length: number;
  item(i: number): ReadItem;
}
const sourceOf = (items: ReadItems): ItemSource =>
  "item" in items ? items : { length: items.length, item: (i) => items[i]! };

/** What `check` needs of a record, worked out where it is read: its facts (encodeFacts) and its own findings, if any (domain/check.ts). */
export interface CheckDigest {
  facts: string;
  findings?: Finding[];
}

/** What the derived index keeps of a record that read cleanly, worked out where it is read (index/record-index.ts put). */
export interface IndexDigest {
  /** the validated value as JSON */
  json: string;
  /** a ticket's or contact's customer, a contact's ticket: its group and reference */
  customer?: string;
  ticket?: string;
  /** the first and last moment it names (kpi.ts spanOf) */
  span?: { lo: number; hi: number };
}

export interface ReadResult<K extends RecordKind = RecordKind> {
  path: string;
  kind: K;
  /** the file's name without .yaml/.yml: the record's ID when it is well named */
  id: string;
  /** the validated record (unless `values: false`); absent when the file has problems, is unchanged or is gone */
  value?: RecordOf[K];
  /** with `digest: "check"`: what the rules across records need of a record that read cleanly */
  check?: CheckDigest;
  /** with `digest: "index"`: what the derived index keeps of a record that read cleanly */
  index?: IndexDigest;
  problems: FileProblem[];
  /** the file's cache stamp (cache.ts stampOf) as it was read; absent when the file is gone */
  stamp?: string;
  /** the file still has the stamp the caller gave: not read */
  unchanged?: true;
  /** the file was removed since it was listed */
  gone?: true;
  /** read by the fast path */
  fast?: boolean;
}

/** What to return of each record that reads cleanly. */
export interface ReadWhat {
  /** the validated value (default true); false keeps memory flat for a caller that needs only a digest */
  values?: boolean;
  /** a digest worked out with the record in hand */
  digest?: "check" | "index";
  /** for the "check" digest: the staff list, whose people the facts leave out (domain/check.ts factsOf) */
  staff?: string[];
}

export interface ReadManyOptions extends ReadWhat {
  /** called as files are done (done of total), from the calling thread */
  onProgress?: (done: number, total: number) => void;
  /** worker threads to use (default: one per core, at most 8); 0 reads in this thread */
  threads?: number;
  /** below this many files, read in this thread: starting workers costs more (default 2,000) */
  minForThreads?: number;
  /** files per message to a worker (default CHUNK, 512; the tests' small chunks) */
  chunk?: number;
  /** told when the workers could not start or failed, and this thread read their files instead */
  onWorkerError?: (e: unknown) => void;
}

/** Below this many files a worker's start-up (≈ 0.1–0.2 s to load the schemas) costs more than it saves. */
export const MIN_FOR_THREADS = 2000;
/** Files per message to a worker: few messages, yet an even share at the end. */
const MAX_THREADS = 8;

/** One file: stamp (of the open file, so it is never newer than what was read), bytes, record. */
export function readOne(root: string, item: ReadItem, what: ReadWhat = {}, onList?: ReadonlySet<string>): ReadResult {
  const { kind, path } = item;
  const id = idOfPath(path);
  const abs = root.endsWith(sep) ? root + path : root + sep + path;
  let fd: number;
  try {
    // a file the caller has seen: a stat is half the cost of opening it
    if (item.stamp !== undefined && stampOf(statSync(abs)) === item.stamp)
      return { path, kind, id, problems: [], stamp: item.stamp, unchanged: true };
    fd = openSync(abs, "r");
  } catch (e) {
    return failed(e, item, id);
  }
  let bytes: Buffer;
  let stamp: string;
  try {
    const st = fstatSync(fd);
    stamp = stampOf(st);
    bytes = readAll(fd, st.size);
  } catch (e) {
    return failed(e, item, id);
  } finally {
    closeSync(fd);
  }
  const r = readRecordFast(kind, path, bytes);
  if (!r.value) return { path, kind, id, problems: r.problems, stamp, fast: false };
  const out: ReadResult = { path, kind, id, problems: [], stamp, fast: r.fast };
  if (what.values !== false) out.value = r.value;
  if (what.digest === "check") {
    const findings = recordFindings(kind, path, r.value);
    const facts = encodeFacts(factsOf(kind, r.value, onList ?? (what.staff && new Set(what.staff))));
    out.check = findings.length ? { facts, findings } : { facts };
  } else if (what.digest === "index") out.index = indexDigest(kind, r.value);
  return out;
}

function indexDigest(kind: RecordKind, value: RecordOf[RecordKind]): IndexDigest {
  const out: IndexDigest = { json: JSON.stringify(value) };
  if (kind === "ticket" || kind === "contact") out.customer = (value as { customer: string }).customer;
  if (kind === "contact" && (value as Contact).ticket !== undefined) out.ticket = (value as Contact).ticket;
  const span = spanOf(kind, value);
  if (span) out.span = span;
  return out;
}

/**
 * An open file's bytes, its size known: one read into a buffer of that size (readFileSync of a
 * descriptor reads 64 KiB chunks into fresh buffers until it sees the end, several times slower).
 */
function readAll(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size + 1);
  let n = 0;
  for (;;) {
    const got = readSync(fd, buf, n, buf.length - n, n);
    if (got === 0) return buf.subarray(0, n);
    n += got;
    if (n === buf.length) return Buffer.concat([buf, readFileSync(fd)]); // it grew since its stat
  }
}

/** A file that could not be opened or read: gone (removed since it was listed), or a problem, as Store names it. */
function failed(e: unknown, { kind, path }: ReadItem, id: string): ReadResult {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return { path, kind, id, problems: [], gone: true };
  return { path, kind, id, problems: [{ path, line: 1, col: 1, ...unreadableFile(e) }] };
}

/** Files one after another in this thread. */
export function readBatch(root: string, items: readonly ReadItem[], what: ReadWhat = {}): ReadResult[] {
  const out = new Array<ReadResult>(items.length);
  const onList = what.staff && new Set(what.staff);
  for (let i = 0; i < items.length; i++) out[i] = readOne(root, items[i]!, what, onList);
  return out;
}

/** How to start the worker: the built file next to this one, or in development the TypeScript source through tsx. */
export function workerSpec(): { url: URL } | { code: string } | undefined {
  for (const name of ["./read-worker.mjs", "./read-worker.js"]) {
    const url = new URL(name, import.meta.url);
    if (existsSync(url)) return { url };
  }
  const ts = new URL("./read-worker.ts", import.meta.url);
  if (!existsSync(ts)) return undefined;
  try {
    // tsx's ES module API (package exports "./esm/api" → import), registered inside the worker: a
    // worker does not inherit the hooks of the thread that starts it
    const require = createRequire(import.meta.url);
    const pkg = require.resolve("tsx/package.json");
    const exp = (
      JSON.parse(readFileSync(pkg, "utf8")) as { exports: Record<string, { import?: { default?: string } }> }
    ).exports["./esm/api"]?.import?.default;
    if (!exp) return undefined;
    const api = pathToFileURL(join(dirname(pkg), exp)).href;
    return {
      code: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); })`,
    };
  } catch {
    return undefined;
  }
}

/**
 * Read and validate many record files: on worker threads (src/store/read-worker.ts, one per core)
 * when there are many, else in this thread. Results come in the order of `items`; each file's
 * answer is readRecord's (readRecordFast), with its stamp. A worker that cannot start or fails
 * leaves its files to this thread: the answer is the same, only slower.
 */
export async function readMany(items: ReadItems, root: string, opts: ReadManyOptions = {}): Promise<ReadResult[]> {
  const out = new Array<ReadResult>(items.length);
  await readEach(items, root, opts, (r, i) => (out[i] = r));
  return out;
}

/**
 * readMany, handing each file's result to `each` (with its index in `items`) as it comes, in no
 * particular order, instead of keeping them all: for a caller that keeps only a little of each.
 */
export async function readEach(
  list: ReadItems,
  root: string,
  opts: ReadManyOptions,
  each: (r: ReadResult, i: number) => void,
): Promise<void> {
  const items = sourceOf(list);
  // files the caller has seen are stat-ed here first (a stat costs less than sending a file
  // to a worker and its answer back); only those that changed, and new ones, are read
  let seen = false;
  for (let i = 0; i < items.length && !seen; i++) seen = items.item(i).stamp !== undefined;
  if (!seen) return readUnseen(items, root, opts, each);
  const rest: ReadItem[] = [];
  const at: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items.item(i);
    if (it.stamp !== undefined) {
      let stamp: string | undefined;
      try {
        stamp = stampOf(statSync(root.endsWith(sep) ? root + it.path : root + sep + it.path));
      } catch {
        stamp = undefined; // gone or unreadable: read below, which says which
      }
      if (stamp === it.stamp) {
        each({ path: it.path, kind: it.kind, id: idOfPath(it.path), problems: [], stamp, unchanged: true }, i);
        continue;
      }
    }
    rest.push(it.stamp === undefined ? it : { kind: it.kind, path: it.path });
    at.push(i);
  }
  const unchanged = items.length - rest.length;
  await readUnseen(
    sourceOf(rest),
    root,
    { ...opts, onProgress: opts.onProgress && ((done) => opts.onProgress!(unchanged + done, items.length)) },
    (r, j) => each(r, at[j]!),
  );
}

/** Read every one of `items`: on worker threads when there are many, else in this thread. */
async function readUnseen(
  items: ItemSource,
  root: string,
  opts: ReadManyOptions,
  each: (r: ReadResult, i: number) => void,
): Promise<void> {
  const total = items.length;
  const progress = opts.onProgress;
  const what: ReadWhat = { values: opts.values, digest: opts.digest, staff: opts.staff };
  const onList = what.staff && new Set(what.staff);
  const chunk = Math.max(1, opts.chunk ?? CHUNK);
  const threads = Math.min(opts.threads ?? Math.min(availableParallelism(), MAX_THREADS), Math.ceil(total / chunk));
  const wanted = threads > 0 && total >= (opts.minForThreads ?? MIN_FOR_THREADS);
  const spec = wanted ? workerSpec() : undefined;
  if (!spec) {
    if (wanted) opts.onWorkerError?.(new Error(`no read worker next to ${import.meta.url}`));
    return inThread(items, root, what, each, progress, onList);
  }

  const { answered, done: byWorkers } = await onWorkers(
    items,
    root,
    what,
    { threads, chunk, spec, each, progress },
    opts,
  );
  let done = byWorkers;
  if (done < total) {
    for (let i = 0; i < total; i++) {
      if (answered[i]) continue;
      each(readOne(root, items.item(i), what, onList), i);
      if (++done % CHUNK === 0) progress?.(done, total);
    }
    progress?.(total, total);
  }
}

function inThread(
  items: ItemSource,
  root: string,
  what: ReadWhat,
  each: (r: ReadResult, i: number) => void,
  progress?: (done: number, total: number) => void,
  onList?: ReadonlySet<string>,
): void {
  for (let i = 0; i < items.length; i++) {
    each(readOne(root, items.item(i), what, onList), i);
    if (progress && (i + 1) % CHUNK === 0) progress(i + 1, items.length);
  }
  progress?.(items.length, items.length);
}

/** The worker's side: a message with files, answered with them read (read-worker.ts). */
export function answerReads(m: Ask): Done {
  return { chunk: m.chunk, results: readBatch(m.root, m.items, m.what) };
}
