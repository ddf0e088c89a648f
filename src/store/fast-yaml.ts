// The fast YAML parser of fastread.ts.
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
import { MAX_FILE_BYTES } from "./yaml.js";
import { BAIL, bail, doubleQuoted, NOT_TEXT_KEYS, plainOk, plainValue, singleQuoted } from "./fast-yaml-scalars.js";

/** parseFast's answer for a text it is not sure to read exactly as parseYaml does. */
export const UNSURE: unique symbol = Symbol("unsure");

// Well inside parseYaml's limits (256 KiB, 16 levels, 2,000 items, 5,000 lines), so that nothing
// the fast path takes is near one of them.
export const MAX_BYTES = MAX_FILE_BYTES / 2;
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
