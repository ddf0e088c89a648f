// The check of a whole store (aftercare check, doctor, the pre-commit and sync checks): every
// record file read on every core, the rules across records, each finding placed at its line, and
// a memo of the files found sound so the next check reads only what changed.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkRecords, decodeFacts, encodeFacts, type RecordList } from "../domain/check.js";
import { RECORD_KINDS } from "../domain/ids.js";
import { PROJECT } from "../paths.js";
import { CheckMemo, statStamp, type CheckMemoSource } from "../store/cache.js";
import { readEach, type ReadItem, type ReadManyOptions } from "../store/fastread.js";
import { FOLDERS, pathOf, SETTINGS_FILE, type FileProblem, type Store } from "../store/store.js";
import { decodeUtf8, locate, parseYaml, type Parsed } from "../store/yaml.js";
import { readMemo } from "./check-memo-read.js";
import { collect, envCount } from "../store/memory.js";
import { CheckTable } from "./check-table.js";

export interface CheckStoreOptions {
  /** read every file, not only those changed since the last check (`check --full`) */
  full?: boolean;
  /** keep what this check found sound in .aftercare/check.json, and use what an earlier one kept (default true) */
  memo?: boolean;
  /** files read of all, as they are read */
  onProgress?: (done: number, total: number) => void;
  /** files changed this many ms before the check began are not remembered as sound (default RACY_MS) */
  settleMs?: number;
  /** filled in: how many record files were listed, and how many of them were read (the rest unchanged since the memo) */
  stats?: { files: number; read: number };
  /** told when the read workers could not start or failed (the files are then read in one thread) */
  onWorkerError?: (e: unknown) => void;
  /**
   * AFTERCARE_READ_CHUNK (files per message to a read worker) and AFTERCARE_READ_MIN_FILES (the
   * fewest files read on workers) set other numbers than readMany's: the tests' small stores
   */
  env?: NodeJS.ProcessEnv;
}

/**
 * What the memo keeps of a sound record for the rules across records: the records it refers to
 * (encodeFacts). The people it names were on the staff list, and the memo holds only for the same
 * settings.
 */
const memoFacts = (encoded: string) => {
  // most records name nobody off the staff list: their facts are kept as they are, not copied
  if (encoded.split("|", 4).length < 4) return encoded;
  const f = decodeFacts(encoded);
  return encodeFacts({ customer: f.customer, ticket: f.ticket, event: f.event });
};

/**
 * A file written in the second before the check began may be written again within the same tick
 * of the file system's clock, keeping its size and times: its stamp would not show the change
 * (git's "racily clean" files). It is not remembered as sound; the next check reads it again.
 */
const RACY_MS = 1000;
function settled(stamp: string, before: number): boolean {
  // stampOf: size:mtimeMs:ctimeMs:ino
  const a = stamp.indexOf(":");
  const b = stamp.indexOf(":", a + 1);
  const c = stamp.indexOf(":", b + 1);
  return Number(stamp.slice(a + 1, b)) < before && Number(stamp.slice(b + 1, c)) < before;
}

/** What a memo of an earlier check is valid for: the settings as validated, this aftercare, the code that checked. */
function memoBasis(store: Store): string {
  // the running module: a bundle chunk (named by what it holds and what it imports) or, in
  // development, the source file, with the sources that decide what is sound
  const code = [import.meta.url];
  if (import.meta.url.endsWith(".ts"))
    for (const rel of [
      "../domain/check.ts",
      "../domain/schema.ts",
      "../store/yaml.ts",
      "../store/fastread.ts",
      "../store/layout.ts",
      "../store/read-record.ts",
    ])
      code.push(new URL(rel, import.meta.url).href);
  const text = JSON.stringify([VERSION, code.map((url) => statStamp(fileURLToPath(url)) ?? "-"), store.settings]);
  return createHash("sha256").update(text).digest("hex");
}

const RANK = new Map(RECORD_KINDS.map((k, i) => [FOLDERS[k], i]));
/** Whether `a` comes before `b` in the order checkStore lists files: by kind, then by path. */
function listedBefore(a: string, b: string): boolean {
  const ra = RANK.get(a.slice(0, a.indexOf("/"))) ?? -1;
  const rb = RANK.get(b.slice(0, b.indexOf("/"))) ?? -1;
  return ra !== rb ? ra < rb : a < b;
}

/** aftercare's version, from its package.json (one level above src/ and dist/). */
const VERSION = (() => {
  try {
    return (JSON.parse(readFileSync(join(PROJECT, "package.json"), "utf8")) as { version?: string }).version ?? "?";
  } catch {
    return "?";
  }
})();

/**
 * Every problem in the store, sorted by path, line and column. Files are read on every core
 * (readMany). A file found sound in an earlier check and unchanged since (same stamp, same
 * settings, same aftercare) is not read again unless `full`: the rules across records (references,
 * duplicate IDs, places) run on what the memo kept of it. A file with a finding is parsed in full
 * to place the finding at its line, and is read again next time. What is kept of each file while
 * the rules run is compact (CheckTable): memory stays near flat however large the store.
 */
export async function checkStore(store: Store, opts: CheckStoreOptions = {}): Promise<FileProblem[]> {
  const settledBefore = Date.now() - (opts.settleMs ?? RACY_MS);
  const table = new CheckTable();
  for (const kind of RECORD_KINDS) await table.listKind(store.root, kind);
  table.listed();
  collect();
  const memo = opts.memo !== false ? new CheckMemo(store.root) : undefined;
  const basis = memo ? memoBasis(store) : "";
  const { run, hadMemo, memoSize } = await readSince(store, table, !!memo && !opts.full, basis, opts);
  collect();
  const changed = !hadMemo || run.read > 0;
  const problems = run.problems;
  const records = table.records();
  const found = new Set<string>();
  for (const p of await findingsOf(store, records)) {
    problems.push(p);
    found.add(p.path);
  }
  // remember the files found sound: every record without a finding (when anything changed)
  if (memo && (changed || found.size)) {
    const next = soundFiles(table, records.fileOf, found, settledBefore);
    if (changed || next.length !== memoSize) memo.write(basis, next);
  }
  problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.col - b.col);
  return problems;
}

/**
 * Reads what changed since the memo, if any. The memo is read a piece at a time (readMemo): each
 * of its files is found in the listing (both are in listing order: kind, then path), and what it
 * kept of the file — stamp and facts — goes into the table, to be forgotten if the file changed.
 */
async function readSince(
  store: Store,
  table: CheckTable,
  memo: boolean,
  basis: string,
  opts: CheckStoreOptions,
): Promise<{ run: ReadRun; hadMemo: boolean; memoSize: number }> {
  const memoAt = new Int32Array(table.files).fill(-1);
  let memoSize: number | undefined;
  if (memo) {
    let fileOf = new Int32Array(1024);
    let i = 0;
    memoSize = readMemo(store.root, basis, {
      path: (j, path) => {
        if (j === fileOf.length) {
          const more = new Int32Array(j * 2);
          more.set(fileOf);
          fileOf = more;
        }
        while (i < table.files && listedBefore(table.paths.get(i), path)) i++;
        const at = i < table.files && table.paths.get(i) === path ? i++ : -1;
        fileOf[j] = at;
        if (at >= 0) memoAt[at] = j;
      },
      stamp: (j, stamp) => fileOf[j]! >= 0 && table.keepStamp(fileOf[j]!, stamp),
      facts: (j, facts) => fileOf[j]! >= 0 && table.keepFacts(fileOf[j]!, facts),
    });
    if (memoSize === undefined) {
      memoAt.fill(-1);
      table.forgetAll();
    }
  }
  const run = await readItems(store, table, memoAt, opts);
  return { run, hadMemo: memoSize !== undefined, memoSize: memoSize ?? 0 };
}

interface ReadRun {
  /** the problems of files that could not be read, in the order of the listing */
  problems: FileProblem[];
  /** how many files were read (the rest unchanged since the memo) */
  read: number;
}

/**
 * Reads what changed since the memo. Each record's facts and own findings are worked out where it
 * is read, and only they are kept (in the table): no record's value crosses threads or stays in
 * memory, nor the names of people on the staff list.
 */
async function readItems(
  store: Store,
  table: CheckTable,
  memoAt: Int32Array,
  opts: CheckStoreOptions,
): Promise<ReadRun> {
  const readProblems = new Map<number, FileProblem[]>();
  let read = 0;
  const staff = store.settings.staff.map((p) => p.name);
  const { onProgress, onWorkerError } = opts;
  const how: ReadManyOptions = { onProgress, onWorkerError, values: false, digest: "check", staff };
  const chunk = envCount(opts.env, "AFTERCARE_READ_CHUNK");
  const minForThreads = envCount(opts.env, "AFTERCARE_READ_MIN_FILES");
  if (chunk !== undefined) how.chunk = chunk;
  if (minForThreads !== undefined) how.minForThreads = minForThreads;
  const items = {
    length: table.files,
    item: (i: number): ReadItem => {
      const item: ReadItem = { kind: table.kind(i), path: table.paths.get(i) };
      if (memoAt[i]! >= 0) item.stamp = table.stamp(i);
      return item;
    },
  };
  let answers = 0;
  await readEach(items, store.root, how, (r, i) => {
    // the workers' answers, once kept, are garbage: collected every 32,768 files
    if (++answers % 32768 === 0) collect();
    if (r.unchanged) {
      table.fromMemo[i] = 1;
      return;
    }
    read++;
    if (memoAt[i]! >= 0) table.forget(i);
    if (r.problems.length) readProblems.set(i, r.problems);
    if (r.check) table.keep(i, r.check.facts, r.stamp, r.check.findings);
  });
  if (opts.stats) {
    opts.stats.files = table.files;
    opts.stats.read = read;
  }
  const problems: FileProblem[] = [];
  for (const i of [...readProblems.keys()].sort((a, b) => a - b)) problems.push(...readProblems.get(i)!);
  return { problems, read };
}

/** The rules across records, each finding placed at its field's line (the file parsed in full, once, for its findings). */
async function findingsOf(store: Store, records: RecordList): Promise<FileProblem[]> {
  const safePathOf = (id: string) => {
    try {
      return pathOf(id);
    } catch {
      return "";
    }
  };
  const findings = checkRecords({ settings: store.settings, records, pathOf: safePathOf });
  // aftercare.yaml's text is read (and YAML loaded for it) only when a finding is about the settings
  const docs = new Map<string, Parsed | undefined>();
  if (findings.some((f) => f.path === SETTINGS_FILE)) docs.set(SETTINGS_FILE, await store.settingsParsed());
  const parsedOf = (path: string): Parsed | undefined => {
    if (!docs.has(path)) {
      let parsed: Parsed | undefined;
      try {
        const text = decodeUtf8(readFileSync(store.abs(path))).text;
        if (text !== undefined) parsed = parseYaml(text).parsed;
      } catch {
        parsed = undefined;
      }
      docs.set(path, parsed);
    }
    return docs.get(path);
  };
  return findings.map((f) => {
    const parsed = parsedOf(f.path);
    const at = parsed ? locate(parsed, f.field) : { line: 1, col: 1 };
    return { path: f.path, ...at, message: f.message, ...(f.worded ? { worded: f.worded } : {}) };
  });
}

/** The memo to keep: every record without a finding whose stamp is known and settled (fresh ones). */
function soundFiles(table: CheckTable, fileOf: Int32Array, found: Set<string>, settledBefore: number): CheckMemoSource {
  const files = new Int32Array(fileOf.length);
  let n = 0;
  for (const i of fileOf) {
    const stamp = table.stamp(i);
    if (stamp === undefined || (!table.fromMemo[i] && !settled(stamp, settledBefore))) continue;
    if (found.size && found.has(table.paths.get(i))) continue;
    files[n++] = i;
  }
  let parts = 0;
  return {
    written: () => void (++parts % 32 === 0 && collect()),
    length: n,
    path: (k) => table.paths.get(files[k]!),
    stamp: (k) => table.stamp(files[k]!)!,
    facts: (k) => {
      const i = files[k]!;
      return table.fromMemo[i] ? table.factsText(i) : memoFacts(table.factsText(i));
    },
  };
}
