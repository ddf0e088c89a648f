// A fast reader for the plain YAML aftercare itself writes, with the full reader behind it.
//
// parseYaml (yaml.ts) builds a comment-preserving document, checks its tokens and walks its tree:
// right for every file a person may have touched, and a few hundred microseconds a record. Most
// files in a store are exactly as stringifyRecord wrote them: block mappings and sequences
// (sequences indented under their key, or level with it), one-line plain, "double-quoted" and
// 'single-quoted' scalars, literal block scalars (`|` and `|-`), and the empty `[]` and `{}`.
// parseFast reads that subset, and only that: anything else — a comment, any other flow
// collection, a tag, an anchor, a folded or
// multi-line scalar, a tab, a CR, a control character, a duplicate or unusual key, odd spacing,
// a file near any of parseYaml's limits — makes it answer UNSURE, and the file goes to the full
// reader. So the fast path never decides a file the full reader would decide differently: what
// it accepts, parseYaml accepts with the same value (test/fastread.test.ts feeds both the same
// corpus), and every refusal, with its line and column, comes from the full reader.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { encodeFacts, factsOf, recordFindings, type Finding } from "../domain/check.js";
import type { RecordKind } from "../domain/ids.js";
import { SCHEMAS, type RecordOf } from "../domain/schema.js";
import { stampOf } from "./cache.js";
import { readRecord } from "./read-record.js";
import { idOfPath, type FileProblem } from "./layout.js";
import { decodeUtf8, MAX_FILE_BYTES } from "./yaml.js";

/** parseFast's answer for a text it is not sure to read exactly as parseYaml does. */
export const UNSURE: unique symbol = Symbol("unsure");

// Well inside parseYaml's limits (256 KiB, 16 levels, 2,000 items, 5,000 lines), so that nothing
// the fast path takes is near one of them.
const MAX_BYTES = MAX_FILE_BYTES / 2;
const MAX_DEPTH = 12;
const MAX_ITEMS = 1500;
const MAX_LINES = 4000;
const MAX_KEY = 64;

/**
 * What the fast path never reads: CR, every C0 control but tab and LF, DEL, C1 controls (NEL among
 * them), the Unicode line and paragraph separators and the noncharacters U+FFFE/U+FFFF. A tab is
 * read only inside a value (never as indentation or separation: the parser bails); a BOM inside a
 * value is text to yaml too, and one that starts a line is no key, so the parser bails.
 */
const NOT_FAST = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]/;

/** Keys the core schema reads as something other than text (unless quoted). */
const NOT_TEXT_KEYS = new Set(["true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"]);

// The YAML 1.2 core schema, as the yaml library resolves a plain scalar (yaml/dist/schema/core).
const NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const INT_HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const HEX_RE = /^[0-9a-fA-F]+$/;

/** The value of a plain scalar, as the core schema resolves it. */
function plainValue(v: string): unknown {
  const c = v.charCodeAt(0);
  // only these first characters can start anything but text: 0-9 + - . ~ n N t T f F
  if (!(
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x7e ||
    c === 0x6e ||
    c === 0x4e ||
    c === 0x74 ||
    c === 0x54 ||
    c === 0x66 ||
    c === 0x46
  ))
    return v;
  if (NULL_RE.test(v)) return null;
  if (BOOL_RE.test(v)) return v[0] === "t" || v[0] === "T";
  if (INT_OCT_RE.test(v)) return parseInt(v.substring(2), 8);
  if (INT_RE.test(v)) return parseInt(v, 10);
  if (INT_HEX_RE.test(v)) return parseInt(v.substring(2), 16);
  if (FLOAT_NAN_RE.test(v))
    return v.slice(-3).toLowerCase() === "nan"
      ? NaN
      : v[0] === "-"
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP_RE.test(v) || FLOAT_RE.test(v)) return parseFloat(v);
  return v;
}

/** The one-character escapes of a double-quoted scalar (yaml's resolve-flow-scalar escapeCodes, but an escaped tab). */
const ESCAPES = new Map<string, string>(
  Object.entries({
    "0": "\0",
    a: "\x07",
    b: "\b",
    e: "\x1b",
    f: "\f",
    n: "\n",
    r: "\r",
    t: "\t",
    v: "\v",
    N: "\u0085",
    _: "\u00a0",
    L: "\u2028",
    P: "\u2029",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
  }),
);

/** Thrown inside the parser when the text is outside the subset; caught in parseFast. Made once: a throw takes no stack. */
const BAIL = new Error("the text is outside the subset the fast parser reads");

function bail(): never {
  throw BAIL;
}

/** Characters a plain scalar may not start with (unless `-`, `?` or `:` is followed by a non-space). */
const INDICATOR = new Set([..."-?:,[]{}#&*!|>'\"%@`"]);

class Parser {
  i = 0;
  items = 0;
  constructor(private readonly lines: string[]) {}

  /** Leading spaces of a line. */
  private indent(l: string): number {
    let n = 0;
    while (l.charCodeAt(n) === 0x20) n++;
    return n;
  }

  /** The next line that is not empty, or -1. */
  next(): number {
    const { lines } = this;
    let j = this.i;
    while (j < lines.length && lines[j] === "") j++;
    if (j >= lines.length) return -1;
    return j;
  }

  private count(): void {
    if (++this.items > MAX_ITEMS) bail();
  }

  /**
   * The key of a `key:` entry starting at `at` — letters, digits and `_`, plain or in double quotes
   * (as stringifyRecord writes `"no":`) — and where its colon is; undefined when it is not one.
   */
  private key(l: string, at: number): { key: string; colon: number } | undefined {
    const quoted = l.charCodeAt(at) === 0x22;
    const from = quoted ? at + 1 : at;
    let j = from;
    const c0 = l.charCodeAt(j);
    if (!((c0 >= 0x41 && c0 <= 0x5a) || (c0 >= 0x61 && c0 <= 0x7a))) return undefined;
    for (j++; j < l.length; j++) {
      const c = l.charCodeAt(j);
      if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f)) break;
    }
    if (j - from > MAX_KEY) return undefined;
    const key = l.slice(from, j);
    if (quoted) {
      if (l.charCodeAt(j) !== 0x22) return undefined;
      j++;
    } else if (NOT_TEXT_KEYS.has(key)) return undefined;
    if (l.charCodeAt(j) !== 0x3a) return undefined;
    const after = l.charCodeAt(j + 1);
    if (!(Number.isNaN(after) || after === 0x20)) return undefined;
    return { key, colon: j };
  }

  /** A block mapping whose keys start at column `col`; the first may follow a `- ` on line i. */
  map(col: number, depth: number, inItem: boolean): Record<string, unknown> {
    if (depth > MAX_DEPTH) bail();
    const { lines } = this;
    const out: Record<string, unknown> = {};
    let first = inItem;
    for (;;) {
      let l: string;
      if (first) {
        l = lines[this.i]!;
        first = false;
      } else {
        const j = this.next();
        if (j < 0) break;
        l = lines[j]!;
        const ind = this.indent(l);
        if (ind === l.length) bail();
        if (ind < col) break;
        if (ind > col) bail();
        this.i = j;
      }
      const k = this.key(l, col);
      if (!k || Object.hasOwn(out, k.key)) bail();
      this.count();
      if (k.colon + 1 === l.length) {
        this.i++;
        out[k.key] = this.nested(col, depth);
      } else {
        out[k.key] = this.scalar(l, k.colon + 2, col);
      }
    }
    return out;
  }

  /** The collection under a `key:` that has nothing after its colon. */
  private nested(col: number, depth: number): unknown {
    const j = this.next();
    if (j < 0) bail();
    const l = this.lines[j]!;
    const ind = this.indent(l);
    if (ind === l.length) bail();
    const dash = l.charCodeAt(ind) === 0x2d && l.charCodeAt(ind + 1) === 0x20;
    if (ind > col || (ind === col && dash)) {
      this.i = j;
      return dash ? this.seq(ind, depth + 1) : this.map(ind, depth + 1, false);
    }
    return bail(); // an empty value (null)
  }

  /** A block sequence whose dashes stand at column `col`. */
  seq(col: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) bail();
    const { lines } = this;
    const out: unknown[] = [];
    for (;;) {
      const j = this.next();
      if (j < 0) break;
      const l = lines[j]!;
      const ind = this.indent(l);
      if (ind === l.length) bail();
      if (ind < col) break;
      if (ind > col) bail();
      if (!(l.charCodeAt(col) === 0x2d && l.charCodeAt(col + 1) === 0x20)) break; // the parent mapping's next key
      this.i = j;
      this.count();
      const at = col + 2;
      const c = l.charCodeAt(at);
      if (Number.isNaN(c) || c === 0x20 || c === 0x09 || (c === 0x2d && l.charCodeAt(at + 1) === 0x20)) bail(); // an empty or a nested item
      if (this.key(l, at)) out.push(this.map(at, depth + 1, true));
      else out.push(this.scalar(l, at, col));
    }
    return out;
  }

  /** A scalar starting at `at` on line i (the entry it belongs to starts at `entry`); moves past it. */
  private scalar(l: string, at: number, entry: number): unknown {
    const c = l[at];
    if (c === " " || c === "\t") bail(); // more than one space, or a tab, before the value
    if (c === "[" || c === "{") {
      // an empty collection, as stringifyRecord writes one: [] or {}
      if (l.length !== at + 2 || l[at + 1] !== (c === "[" ? "]" : "}")) bail();
      this.i++;
      return c === "[" ? [] : {};
    }
    if (c === '"') {
      const v = doubleQuoted(l, at);
      this.i++;
      return v;
    }
    if (c === "'") {
      const v = singleQuoted(l, at);
      this.i++;
      return v;
    }
    if (c === "|") {
      const header = l.length - at;
      if (header === 1) return this.literal(entry, false);
      if (header === 2 && l[at + 1] === "-") return this.literal(entry, true);
      bail();
    }
    const v = at === 0 ? l : l.slice(at);
    if (!plainOk(v)) bail();
    this.i++;
    return plainValue(v);
  }

  /** A literal block scalar (`|` or `|-`) whose header is line i, in an entry starting at `entry`. */
  private literal(entry: number, strip: boolean): string {
    const { lines } = this;
    const parts: string[] = [];
    let m = -1;
    let j = this.i + 1;
    let firstLine = -1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l === "") {
        parts.push("");
        continue;
      }
      const ind = this.indent(l);
      if (ind === l.length) {
        // only spaces: an empty line, or spaces of the text past the indentation
        if (m < 0) bail();
        parts.push(ind <= m ? "" : l.slice(m));
        continue;
      }
      if (m < 0) {
        if (ind <= entry + 1) break; // content at least two columns in (as written), or it is not ours
        m = ind;
        firstLine = j;
      } else if (ind < m) break;
      // a tab after the indentation is text (a line of only a tab too), but not on the line that sets it
      if (j === firstLine && l.charCodeAt(ind) === 0x09) bail();
      parts.push(m === 0 ? l : l.slice(m));
    }
    if (m < 0) bail();
    let end = parts.length;
    while (end > 0 && parts[end - 1] === "") end--;
    this.i = j;
    const body = parts.slice(0, end).join("\n");
    return strip ? body : body + "\n";
  }
}

/** A one-line plain scalar the block context reads as written: no indicator or white space first, no `: ` or ` #` (or with a tab), no trailing white space or colon. */
function plainOk(v: string): boolean {
  const n = v.length;
  if (n === 0) return false;
  const c = v[0]!;
  if (c === " " || c === "\t") return false;
  if (INDICATOR.has(c)) {
    if (!(c === "-" || c === "?" || c === ":")) return false;
    if (n < 2 || v[1] === " " || v[1] === "\t") return false;
  }
  const last = v.charCodeAt(n - 1);
  if (last === 0x20 || last === 0x09 || last === 0x3a) return false;
  // no ": " or " #" (or with a tab) inside
  for (let i = 1; i < n; i++) {
    const x = v.charCodeAt(i);
    if (x === 0x3a) {
      const y = v.charCodeAt(i + 1);
      if (y === 0x20 || y === 0x09) return false;
    } else if (x === 0x23) {
      const y = v.charCodeAt(i - 1);
      if (y === 0x20 || y === 0x09) return false;
    }
  }
  return true;
}

/** A "double-quoted" scalar that closes on its line with nothing after it. */
function doubleQuoted(l: string, at: number): string {
  let out = "";
  let from = at + 1;
  for (;;) {
    let k = from;
    while (k < l.length && l[k] !== '"' && l[k] !== "\\") k++;
    if (k >= l.length) bail();
    out += l.slice(from, k);
    if (l[k] === '"') {
      if (k + 1 !== l.length) bail();
      return out;
    }
    const e = l[k + 1];
    if (e === undefined) bail();
    const simple = ESCAPES.get(e);
    if (simple !== undefined) {
      out += simple;
      from = k + 2;
      continue;
    }
    const len = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
    if (!len) bail();
    const hex = l.substr(k + 2, len);
    if (hex.length !== len || !HEX_RE.test(hex)) bail();
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) bail();
    out += String.fromCodePoint(code);
    from = k + 2 + len;
  }
}

/** A 'single-quoted' scalar that closes on its line with nothing after it. */
function singleQuoted(l: string, at: number): string {
  let out = "";
  let from = at + 1;
  for (;;) {
    const k = l.indexOf("'", from);
    if (k < 0) bail();
    out += l.slice(from, k);
    if (l[k + 1] === "'") {
      out += "'";
      from = k + 2;
      continue;
    }
    if (k + 1 !== l.length) bail();
    return out;
  }
}

/**
 * The value of a record's text as parseYaml would give it, or UNSURE when the text is outside the
 * subset read here (the caller then uses parseYaml). The top level must be a block mapping.
 */
export function parseFast(src: string): unknown {
  if (src.length === 0 || src.charCodeAt(src.length - 1) !== 0x0a || src.length > MAX_BYTES || NOT_FAST.test(src))
    return UNSURE;
  if (src.length * 3 > MAX_BYTES && Buffer.byteLength(src, "utf8") > MAX_BYTES) return UNSURE;
  const lines = src.split("\n");
  lines.pop();
  if (lines.length > MAX_LINES) return UNSURE;
  const p = new Parser(lines);
  try {
    const j = p.next();
    if (j < 0) return UNSURE;
    p.i = j;
    if (lines[j]!.charCodeAt(0) === 0x20) return UNSURE;
    const value = p.map(0, 1, false);
    if (p.i < lines.length && lines.slice(p.i).some((l) => l !== "")) return UNSURE;
    return value;
  } catch (e) {
    if (e === BAIL) return UNSURE;
    throw e;
  }
}

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

/** What `check` needs of a record, worked out where it is read: its facts (encodeFacts) and its own findings, if any (domain/check.ts). */
export interface CheckDigest {
  facts: string;
  findings?: Finding[];
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
  digest?: "check";
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
  /** told when the workers could not start or failed, and this thread read their files instead */
  onWorkerError?: (e: unknown) => void;
}

/** Below this many files a worker's start-up (≈ 0.1–0.2 s to load the schemas) costs more than it saves. */
export const MIN_FOR_THREADS = 2000;
/** Files per message to a worker: few messages, yet an even share at the end. */
const CHUNK = 512;
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
  }
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
  const why = `${code ?? (e as Error).message}${code === "EACCES" || code === "EPERM" ? ": permission denied" : ""}`;
  return {
    path,
    kind,
    id,
    problems: [{ path, line: 1, col: 1, message: `cannot be read (${why}); fix its permissions` }],
  };
}

/** Files one after another in this thread. */
export function readBatch(root: string, items: readonly ReadItem[], what: ReadWhat = {}): ReadResult[] {
  const out = new Array<ReadResult>(items.length);
  const onList = what.staff && new Set(what.staff);
  for (let i = 0; i < items.length; i++) out[i] = readOne(root, items[i]!, what, onList);
  return out;
}

/** How to start the worker: the built file next to this one, or in development the TypeScript source through tsx. */
function workerSpec(): { url: URL } | { code: string } | undefined {
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

/** A message to a worker, and its answer. */
interface Ask {
  chunk: number;
  root: string;
  items: ReadItem[];
  what: ReadWhat;
}
interface Done {
  chunk: number;
  results: ReadResult[];
}

/**
 * Read and validate many record files: on worker threads (src/store/read-worker.ts, one per core)
 * when there are many, else in this thread. Results come in the order of `items`; each file's
 * answer is readRecord's (readRecordFast), with its stamp. A worker that cannot start or fails
 * leaves its files to this thread: the answer is the same, only slower.
 */
export async function readMany(
  items: readonly ReadItem[],
  root: string,
  opts: ReadManyOptions = {},
): Promise<ReadResult[]> {
  const out = new Array<ReadResult>(items.length);
  await readEach(items, root, opts, (r, i) => (out[i] = r));
  return out;
}

/**
 * readMany, handing each file's result to `each` (with its index in `items`) as it comes, in no
 * particular order, instead of keeping them all: for a caller that keeps only a little of each.
 */
export async function readEach(
  items: readonly ReadItem[],
  root: string,
  opts: ReadManyOptions,
  each: (r: ReadResult, i: number) => void,
): Promise<void> {
  // files the caller has seen are stat-ed here first (a stat costs less than sending a file
  // to a worker and its answer back); only those that changed, and new ones, are read
  if (!items.some((it) => it.stamp !== undefined)) return readUnseen(items, root, opts, each);
  const rest: ReadItem[] = [];
  const at: number[] = [];
  items.forEach((it, i) => {
    if (it.stamp !== undefined) {
      let stamp: string | undefined;
      try {
        stamp = stampOf(statSync(root.endsWith(sep) ? root + it.path : root + sep + it.path));
      } catch {
        stamp = undefined; // gone or unreadable: read below, which says which
      }
      if (stamp === it.stamp) {
        each({ path: it.path, kind: it.kind, id: idOfPath(it.path), problems: [], stamp, unchanged: true }, i);
        return;
      }
    }
    rest.push(it.stamp === undefined ? it : { kind: it.kind, path: it.path });
    at.push(i);
  });
  const unchanged = items.length - rest.length;
  await readUnseen(
    rest,
    root,
    { ...opts, onProgress: opts.onProgress && ((done) => opts.onProgress!(unchanged + done, items.length)) },
    (r, j) => each(r, at[j]!),
  );
}

/** Read every one of `items`: on worker threads when there are many, else in this thread. */
async function readUnseen(
  items: readonly ReadItem[],
  root: string,
  opts: ReadManyOptions,
  each: (r: ReadResult, i: number) => void,
): Promise<void> {
  const total = items.length;
  const progress = opts.onProgress;
  const what: ReadWhat = { values: opts.values, digest: opts.digest, staff: opts.staff };
  const onList = what.staff && new Set(what.staff);
  const threads = Math.min(opts.threads ?? Math.min(availableParallelism(), MAX_THREADS), Math.ceil(total / CHUNK));
  const wanted = threads > 0 && total >= (opts.minForThreads ?? MIN_FOR_THREADS);
  const spec = wanted ? workerSpec() : undefined;
  if (!spec) {
    if (wanted) opts.onWorkerError?.(new Error(`no read worker next to ${import.meta.url}`));
    return inThread(items, root, what, each, progress, onList);
  }

  /** which files have been answered for */
  const answered = new Uint8Array(total);
  const chunks = Math.ceil(total / CHUNK);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (e?: Error) => {
        if (settled) return;
        settled = true;
        if (e) reject(e);
        else resolve();
      };
      const send = (w: Worker) => {
        if (next >= chunks) return;
        const chunk = next++;
        const ask: Ask = { chunk, root, items: items.slice(chunk * CHUNK, (chunk + 1) * CHUNK), what };
        w.postMessage(ask);
      };
      for (let t = 0; t < threads; t++) {
        const w = "url" in spec ? new Worker(spec.url) : new Worker(spec.code, { eval: true });
        workers.push(w);
        w.on("message", (m: Done) => {
          const at = m.chunk * CHUNK;
          for (let i = 0; i < m.results.length; i++) {
            answered[at + i] = 1;
            each(m.results[i]!, at + i);
          }
          done += m.results.length;
          progress?.(done, total);
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
  if (done < total) {
    for (let i = 0; i < total; i++) {
      if (answered[i]) continue;
      each(readOne(root, items[i]!, what, onList), i);
      if (++done % CHUNK === 0) progress?.(done, total);
    }
    progress?.(total, total);
  }
}

function inThread(
  items: readonly ReadItem[],
  root: string,
  what: ReadWhat,
  each: (r: ReadResult, i: number) => void,
  progress?: (done: number, total: number) => void,
  onList?: ReadonlySet<string>,
): void {
  for (let i = 0; i < items.length; i++) {
    each(readOne(root, items[i]!, what, onList), i);
    if (progress && (i + 1) % CHUNK === 0) progress(i + 1, items.length);
  }
  progress?.(items.length, items.length);
}

/** The worker's side: answer each message with its files read (read-worker.ts). */
export function serveReads(port: {
  on(event: "message", fn: (m: Ask) => void): unknown;
  postMessage(m: Done): void;
}): void {
  port.on("message", (m) => port.postMessage({ chunk: m.chunk, results: readBatch(m.root, m.items, m.what) }));
}
