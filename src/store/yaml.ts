// Safe YAML in, deterministic YAML out, and edits that leave untouched lines byte-for-byte.
import { safe } from "../format/text.js";
import {
  CST,
  Document,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  parseDocument,
  visit,
  type Node,
} from "yaml";

/** A record is a few KB; the settings file a few dozen. */
export const MAX_FILE_BYTES = 256 * 1024;
/** Collections inside collections: a ticket's estimate → lines → parts → part is 6 deep. */
export const MAX_DEPTH = 16;
/** Keys and list items in one file: a real record holds a few hundred at most. */
export const MAX_ITEMS = 2000;
/** Lines outside text values (blank lines, comments, keys): a record has a few hundred. */
export const MAX_LINES = 5000;
/** Tags, anchors and aliases: a record needs none (and parsing many on one node is slow). */
const MAX_PROPS = 50;
/** The longest quote of file content in a message. */
const MAX_QUOTE = 40;
/** The longest message about one problem: never a screenful of the file. */
const MAX_MESSAGE = 300;

export interface Problem {
  line: number;
  col: number;
  message: string;
}

export interface Parsed {
  doc: Document.Parsed;
  value: unknown;
  lines: LineCounter;
}

/** File content quoted in a message: cut short, and nothing a terminal would act on. */
export function excerpt(text: string, max = MAX_QUOTE): string {
  const chars = Array.from(text);
  return safe(chars.length > max ? chars.slice(0, max - 1).join("") + "…" : text);
}

/** Any message about a file (ours or the YAML parser's, which may quote the file): one short, safe line. */
export function capMessage(message: string): string {
  const one = safe(message.replace(/\r?\n/g, " ").replace(/\t/g, " "));
  return one.length > MAX_MESSAGE ? one.slice(0, MAX_MESSAGE - 1) + "…" : one;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode table 3-7). */
export function invalidUtf8At(b: Uint8Array): number {
  let i = 0;
  const cont = (j: number, lo = 0x80, hi = 0xbf) => j < b.length && b[j]! >= lo && b[j]! <= hi;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    if (c < 0x80) n = 1;
    else if (c >= 0xc2 && c <= 0xdf) n = cont(i + 1) ? 2 : 0;
    else if (c === 0xe0) n = cont(i + 1, 0xa0) && cont(i + 2) ? 3 : 0;
    else if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) n = cont(i + 1) && cont(i + 2) ? 3 : 0;
    else if (c === 0xed) n = cont(i + 1, 0x80, 0x9f) && cont(i + 2) ? 3 : 0;
    else if (c === 0xf0) n = cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (c >= 0xf1 && c <= 0xf3) n = cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (c === 0xf4) n = cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (!n) return i;
    i += n;
  }
  return -1;
}

/**
 * A record file's bytes as text, or where they stop being UTF-8. Never a lossy decode: a file
 * saved as GBK must not become U+FFFD and be written back that way. A UTF-8 BOM is dropped.
 */
export function decodeUtf8(
  bytes: Uint8Array,
): { text: string; problem?: undefined } | { text?: undefined; problem: Problem } {
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    const at = Math.max(0, invalidUtf8At(bytes));
    const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
    const col = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(lineStart, at)).length + 1;
    return { problem: { line, col, message: `not valid UTF-8 at byte ${at} — saved as GBK? re-save it as UTF-8` } };
  }
}

const CONFLICT_RE = /^(<{7}|={7}|>{7}|\|{7})(\s|$)/;

/** Lines left by an unresolved git merge. */
export function conflictMarkers(src: string): Problem[] {
  const out: Problem[] = [];
  src.split("\n").forEach((l, i) => {
    if (CONFLICT_RE.test(l))
      out.push({
        line: i + 1,
        col: 1,
        message: "leftover merge-conflict marker: resolve the conflict and remove the marker lines",
      });
  });
  return out;
}

function offsetPosition(src: string, offset: number): { line: number; col: number } {
  let line = 1;
  let from = 0;
  for (let i = src.indexOf("\n"); i >= 0 && i < offset; i = src.indexOf("\n", i + 1)) {
    line++;
    from = i + 1;
  }
  return { line, col: offset - from + 1 };
}

const MARKERS = new Set(["\u0002", "\u0018", "\u001f"]); // the lexer's doc-mode, flow-error-end and scalar marks: no source text

/**
 * Depth, size and shape limits from the token stream, before any tree is built: the lexer knows
 * what is quoted, a block scalar or a comment (no apostrophe fools it), costs a few ms per 100 KB
 * and never recurses, while composing a tree 5,000 block sequences deep exhausts the process.
 * Block depth comes from the columns of `-`, `?` and `key:`; flow depth from the brackets.
 */
function tokenProblem(src: string): Problem | undefined {
  type Open = { indent: number; seq: boolean };
  const stack: Open[] = [];
  let offset = 0;
  let col = 0;
  let flow = 0;
  let entry = -1; // column of the first token of the current block entry, -1 before it
  let entryAt = 0; // and its offset
  let items = 0;
  let lines = 0;
  let props = 0;
  let docs = 0;
  let content = false; // a token other than space, comment or newline has been seen
  const open = (c: number, seq: boolean): boolean => {
    while (stack.length && stack[stack.length - 1]!.indent > c) stack.pop();
    let top = stack[stack.length - 1];
    // a map's next key ends a sequence written at the key's own indentation
    if (!seq && top && top.indent === c && top.seq) {
      stack.pop();
      top = stack[stack.length - 1];
    }
    if (!(top && top.indent === c && top.seq === seq)) stack.push({ indent: c, seq });
    return stack.length > MAX_DEPTH;
  };
  let scalar = false; // the token after the scalar mark is a plain scalar or block scalar body, whatever it starts with
  for (const tok of new Lexer().lex(src)) {
    if (MARKERS.has(tok)) {
      scalar = tok === "\u001f";
      continue;
    }
    const start = col;
    const at = offset;
    offset += tok.length;
    const nl = tok.lastIndexOf("\n");
    col = nl >= 0 ? tok.length - nl - 1 : col + tok.length;
    const deep = (where = at) => ({
      ...offsetPosition(src, where),
      message: `nested more than ${MAX_DEPTH} levels deep; records are never that deep`,
    });
    const many = () => ({
      ...offsetPosition(src, at),
      message: `more than ${MAX_ITEMS} fields and list items; a record never holds that many`,
    });
    const type = scalar ? "scalar" : CST.tokenType(tok);
    scalar = false;
    const tooLong = () => ({
      ...offsetPosition(src, at),
      message: `more than ${MAX_LINES} lines outside text values; a record is never that long`,
    });
    if (
      type !== "newline" &&
      type !== "space" &&
      type !== "comment" &&
      type !== "byte-order-mark" &&
      type !== "doc-start"
    )
      content = true;
    switch (type) {
      case "newline":
        entry = -1;
        if (++lines > MAX_LINES) return tooLong();
        break;
      case "comment":
        if (++lines > MAX_LINES) return tooLong();
        break;
      case "space":
      case "byte-order-mark":
        break;
      case "tag":
      case "anchor":
      case "alias":
        if (++props > MAX_PROPS)
          return {
            ...offsetPosition(src, at),
            message: `more than ${MAX_PROPS} tags, anchors and aliases; a record needs none`,
          };
        if (flow === 0 && entry < 0) [entry, entryAt] = [start, at];
        break;
      case "directive-line":
        return {
          ...offsetPosition(src, at),
          message: "YAML directives (%YAML, %TAG) are not allowed in records; remove the line",
        };
      case "doc-start":
      case "doc-end":
        // one document: a '---' may open the file, nothing may follow the document
        if (type === "doc-end" || content || ++docs > 1)
          return {
            ...offsetPosition(src, at),
            message: "a record file holds one YAML document; remove the '---' separator",
          };
        stack.length = 0;
        flow = 0;
        entry = -1;
        break;
      case "flow-seq-start":
      case "flow-map-start":
        if (flow === 0 && entry < 0) [entry, entryAt] = [start, at];
        if (stack.length + ++flow > MAX_DEPTH) return deep();
        if (++items > MAX_ITEMS) return many();
        break;
      case "flow-seq-end":
      case "flow-map-end":
        // a closing bracket with no opening one is a parse error each: bounded like items
        if (flow === 0 && ++items > MAX_ITEMS) return many();
        flow = Math.max(0, flow - 1);
        break;
      case "comma":
        if (++items > MAX_ITEMS) return many();
        break;
      case "seq-item-ind":
      case "explicit-key-ind":
        if (++items > MAX_ITEMS) return many();
        if (flow === 0) {
          if (open(start, tok === "-")) return deep();
          entry = -1;
        }
        break;
      case "map-value-ind":
        if (++items > MAX_ITEMS) return many();
        if (flow === 0 && open(entry >= 0 ? entry : start, false)) return deep(entry >= 0 ? entryAt : at);
        break;
      default:
        if (flow === 0 && entry < 0) [entry, entryAt] = [start, at];
    }
    if (nl >= 0 && nl === tok.length - 1) entry = -1; // a block scalar's body ends its line
  }
  return undefined;
}

/** The tags a record may carry: the core schema's own scalars and collections, written out. */
const ALLOWED_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "seq", "map"].map((t) => `tag:yaml.org,2002:${t}`),
);
const YAML_TAG = "tag:yaml.org,2002:";

export function position(lines: LineCounter, offset: number): { line: number; col: number } {
  const p = lines.linePos(offset);
  return { line: p.line, col: p.col };
}

/**
 * Parse one record file. Refuses what a record never needs and an attacker might use: aliases and
 * anchors (billion laughs), tags beyond the core scalars and collections, duplicate keys, several
 * documents, directives, huge, deep or sprawling input. Every message is one short line.
 */
export function parseYaml(src: string): { parsed?: Parsed; problems: Problem[] } {
  if (src.length > MAX_FILE_BYTES || Buffer.byteLength(src, "utf8") > MAX_FILE_BYTES)
    return {
      problems: [
        { line: 1, col: 1, message: `file is larger than ${MAX_FILE_BYTES / 1024} KiB; a record is never that large` },
      ],
    };
  const markers = conflictMarkers(src);
  if (markers.length) return { problems: cap(markers) };
  const shape = tokenProblem(src);
  if (shape) return { problems: [shape] };
  const lines = new LineCounter();
  const doc = parseDocument(src, {
    lineCounter: lines,
    uniqueKeys: false,
    schema: "core",
    merge: false,
    prettyErrors: false,
    strict: true,
  });
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings.filter((w) => !w.message.startsWith("Unresolved tag"))]) {
    const at = e.linePos?.[0] ?? position(lines, e.pos[0]);
    problems.push({
      line: at.line,
      col: at.col,
      message: e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, ""),
    });
  }
  if (/^(---|\.\.\.)\s*$/m.test(src.replace(/^---\s*\n/, ""))) {
    const idx = src.search(/^(---|\.\.\.)\s*$/m);
    if (idx > 0)
      problems.push({
        ...position(lines, idx),
        message: "a record file holds one YAML document; remove the '---' separator",
      });
  }
  // A walk of our own, not yaml's visit(): the token check above bounds its depth, and it costs a
  // fraction of visit()'s frozen path arrays on a file of thousands of items.
  let nodes = 0;
  const walk = (node: unknown, depth: number): boolean => {
    if (!isNode(node)) return true;
    const start = node.range?.[0] ?? 0;
    const at = (mark?: string) => {
      // anchors and tags stand before the node's value; point at them, not at the value
      const i = mark ? src.lastIndexOf(mark, start) : -1;
      return position(lines, i >= 0 && !src.slice(i, start).includes("\n") ? i : start);
    };
    if (++nodes > 2 * MAX_ITEMS + 1) {
      problems.push({
        ...at(),
        message: `more than ${MAX_ITEMS} fields and list items; a record never holds that many`,
      });
      return false;
    }
    const collection = isMap(node) || isSeq(node);
    if (collection && depth + 1 > MAX_DEPTH) {
      problems.push({ ...at(), message: `nested more than ${MAX_DEPTH} levels deep; records are never that deep` });
      return false;
    }
    if (isAlias(node))
      problems.push({ ...at(), message: "aliases (*name) are not allowed in records; write the value out" });
    else if (node.anchor)
      problems.push({ ...at(`&${node.anchor}`), message: "anchors (&name) are not allowed in records; remove it" });
    else if (node.tag && !ALLOWED_TAGS.has(node.tag)) {
      const shown = node.tag.startsWith(YAML_TAG) ? `!!${node.tag.slice(YAML_TAG.length)}` : node.tag;
      problems.push({
        ...at(shown),
        message: node.tag.startsWith(YAML_TAG)
          ? `tag ${excerpt(shown)} is not allowed in records (only text, numbers, true/false, null, lists and mappings); remove it`
          : `custom tag ${excerpt(shown)} is not allowed in records; remove it`,
      });
    }
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(k))
          problems.push({
            ...position(lines, (pair.key as Node | null)?.range?.[0] ?? start),
            message: `duplicate key "${excerpt(String(k))}": a field may appear once; remove one`,
          });
        seen.add(k);
      }
      for (const pair of node.items) if (!walk(pair.key, depth + 1) || !walk(pair.value, depth + 1)) return false;
    } else if (isSeq(node)) {
      for (const item of node.items) if (!walk(isPair(item) ? item.value : item, depth + 1)) return false;
    }
    return true;
  };
  walk(doc.contents, 0);
  if (problems.length) return { problems: cap(dedupe(problems)) };
  return { parsed: { doc, value: doc.toJS({ maxAliasCount: 0 }), lines }, problems };
}

/** At most this many problems are named per file; the rest are counted. */
const MAX_PROBLEMS = 20;

/** Problems as shown: each message one short line, at most MAX_PROBLEMS of them. */
export function cap<P extends Problem>(ps: P[]): P[] {
  const out = ps.slice(0, MAX_PROBLEMS).map((p) => ({ ...p, message: capMessage(p.message) }));
  if (ps.length > MAX_PROBLEMS)
    out.push({ ...ps[MAX_PROBLEMS]!, message: `and ${ps.length - MAX_PROBLEMS} more problems in this file` });
  return out;
}

function dedupe(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.line}:${p.col}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Where a value at `path` sits in the file (or its nearest existing parent). */
export function locate(parsed: Parsed, path: readonly PropertyKey[], keyNode = false): { line: number; col: number } {
  let node: unknown = parsed.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const seg of path) {
    if (!isNode(node) || !("items" in node)) break;
    const items = (node as { items: unknown[] }).items;
    let next: unknown;
    if (typeof seg === "number") next = items[seg];
    else {
      const pair = items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
      if (isPair(pair)) {
        if (keyNode && seg === path[path.length - 1]) {
          offset = (pair.key as Node).range?.[0] ?? offset;
          break;
        }
        next = pair.value ?? pair.key;
      }
    }
    if (!isNode(next)) break;
    node = next;
    offset = next.range?.[0] ?? offset;
  }
  return position(parsed.lines, offset);
}

/**
 * Plain strings that a YAML 1.1 reader (PyYAML, older tools) or a 1.2 reader would take for
 * something other than text: booleans in any case, null, numbers in every base and with
 * underscores, sexagesimal times (1:20), dates and timestamps, .inf/.nan, and the 1.1 value
 * and merge keys. Written quoted so every reader sees text.
 */
const AMBIGUOUS = [
  /^(?:y|yes|n|no|true|false|on|off|null|~)$/i,
  /^[-+]?(?:0[bo][0-7_]+|0x[0-9a-f_]+)$/i,
  // anything made of digits, dots, underscores and colons, with an exponent: 12, 1_000, 1:20, 3.5, .5, 1., ., 6.8e+5
  /^[-+]?[0-9._:]+(?:e[-+]?[0-9_]+)?$/i,
  /^[-+]?\.(?:inf|nan)$/i,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt\s])/,
  /^(?:=|<<)$/,
];

export function yaml11Ambiguous(s: string): boolean {
  return s.length < 64 && AMBIGUOUS.some((re) => re.test(s));
}

/**
 * Fields whose values are dates and date-times by schema: written plain, as they always were
 * (`created: 2026-11-26T10:00:00+08:00`), because a YAML 1.1 reader taking them for a date takes
 * them for what they are. The same text in any other field is quoted.
 */
const DATE_FIELDS = new Set([
  "created",
  "received",
  "filed",
  "at",
  "date",
  "from",
  "to",
  "left",
  "closed",
  "appointment",
  "depart",
  "arrive",
  "arrived",
  "promise",
  "asked",
  "passed",
  "finish",
  "installed",
  "since",
  "workdays",
]);
const STORED_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** The field a scalar belongs to: its own key, or the key of the list it is an item of. */
function fieldOf(path: readonly unknown[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i];
    if (isPair(p)) return isScalar(p.key) ? String(p.key.value) : undefined;
    if (!isSeq(p)) return undefined;
  }
  return undefined;
}

const STRINGIFY = { lineWidth: 0, minContentWidth: 0, blockQuote: "literal", indentSeq: true } as const;

function clean(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) o[k] = clean(x);
    return o;
  }
  return v;
}

function toYaml(value: unknown): string {
  const doc = new Document(clean(value));
  visit(doc, {
    Scalar(key, node, path) {
      if (typeof node.value !== "string" || !yaml11Ambiguous(node.value)) return;
      if (key === "value" || typeof key === "number") {
        const field = fieldOf(path);
        if (field && DATE_FIELDS.has(field) && STORED_DATE.test(node.value)) return;
      }
      node.type = "QUOTE_DOUBLE";
    },
  });
  return doc.toString(STRINGIFY);
}

/** The canonical text of a record: keys in schema order (the caller orders them), LF, final newline. */
export function stringifyRecord(value: object): string {
  return toYaml(value);
}

function pairText(key: string, value: unknown): string {
  return toYaml({ [key]: value });
}

/**
 * Rewrite only the top-level fields that changed, copying every other byte (comments, blank
 * lines, quoting) from the original text, so a hand-edited file keeps its layout.
 */
export function updateYamlText(
  src: string,
  parsed: Parsed,
  old: Record<string, unknown>,
  next: Record<string, unknown>,
  keyOrder: readonly string[],
): string {
  const map = parsed.doc.contents;
  if (!isMap(map) || map.flow) return stringifyRecord(next);
  const lineStart = (o: number) => src.lastIndexOf("\n", o - 1) + 1;
  const spans = new Map<string, [number, number]>();
  for (const pair of map.items) {
    if (!isScalar(pair.key) || !pair.key.range) return stringifyRecord(next);
    const end = isNode(pair.value) && pair.value.range ? pair.value.range[2] : pair.key.range[2];
    let stop = end;
    if (stop > 0 && src[stop - 1] !== "\n") {
      const nl = src.indexOf("\n", stop);
      stop = nl < 0 ? src.length : nl + 1;
    }
    spans.set(String(pair.key.value), [lineStart(pair.key.range[0]), stop]);
  }
  type Edit = { at: number; end: number; text: string };
  const edits: Edit[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(clean(a)) === JSON.stringify(clean(b));
  for (const key of Object.keys(old)) {
    const span = spans.get(key);
    if (!span) return stringifyRecord(next);
    if (next[key] === undefined) edits.push({ at: span[0], end: span[1], text: "" });
    else if (!same(old[key], next[key])) edits.push({ at: span[0], end: span[1], text: pairText(key, next[key]) });
  }
  const order = [...keyOrder, ...Object.keys(next).filter((k) => !keyOrder.includes(k))];
  for (const key of Object.keys(next)) {
    if (old[key] !== undefined || next[key] === undefined) continue;
    const before = order
      .slice(0, order.indexOf(key))
      .reverse()
      .find((k) => spans.has(k));
    const after = order.slice(order.indexOf(key) + 1).find((k) => spans.has(k));
    const at = before ? spans.get(before)![1] : after ? spans.get(after)![0] : src.length;
    edits.push({ at, end: at, text: pairText(key, next[key]) });
  }
  // from the end of the file backwards; insertions at one place go in last-first, so they read in key order
  const index = new Map(edits.map((e, i) => [e, i]));
  edits.sort((a, b) => b.at - a.at || b.end - a.end || index.get(b)! - index.get(a)!);
  let out = src.endsWith("\n") ? src : src + "\n";
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return out;
}
