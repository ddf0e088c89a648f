// Safe YAML in, deterministic YAML out, and edits that leave untouched lines byte-for-byte.
import { Document, isAlias, isMap, isNode, isPair, isScalar, LineCounter, parseDocument, stringify, visit, type Node } from "yaml";

export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_FLOW_DEPTH = 32;
const MAX_DEPTH = 16;

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

const CONFLICT_RE = /^(<{7}|={7}|>{7}|\|{7})(\s|$)/;

/** Lines left by an unresolved git merge. */
export function conflictMarkers(src: string): Problem[] {
  const out: Problem[] = [];
  src.split("\n").forEach((l, i) => {
    if (CONFLICT_RE.test(l)) out.push({ line: i + 1, col: 1, message: "leftover merge-conflict marker: resolve the conflict and remove the marker lines" });
  });
  return out;
}

function flowDepthProblem(src: string): Problem | undefined {
  let depth = 0;
  let line = 1;
  let quote: string | undefined;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\n") line++;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "#") while (i + 1 < src.length && src[i + 1] !== "\n") i++;
    else if (c === "[" || c === "{") {
      if (++depth > MAX_FLOW_DEPTH) return { line, col: 1, message: `nested more than ${MAX_FLOW_DEPTH} levels deep; records are never that deep` };
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return undefined;
}

export function position(lines: LineCounter, offset: number): { line: number; col: number } {
  const p = lines.linePos(offset);
  return { line: p.line, col: p.col };
}

/**
 * Parse one record file. Refuses what a record never needs and an attacker might use: aliases and
 * anchors (billion laughs), custom tags, duplicate keys, several documents, huge or deep input.
 */
export function parseYaml(src: string): { parsed?: Parsed; problems: Problem[] } {
  if (Buffer.byteLength(src, "utf8") > MAX_FILE_BYTES)
    return { problems: [{ line: 1, col: 1, message: `file is larger than ${MAX_FILE_BYTES / 1024} KiB; a record is never that large` }] };
  const markers = conflictMarkers(src);
  if (markers.length) return { problems: markers };
  const deep = flowDepthProblem(src);
  if (deep) return { problems: [deep] };
  const lines = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lines, uniqueKeys: false, schema: "core", merge: false, prettyErrors: false, strict: true });
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings.filter((w) => !w.message.startsWith("Unresolved tag"))]) {
    const at = e.linePos?.[0] ?? position(lines, e.pos[0]);
    problems.push({ line: at.line, col: at.col, message: e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "") });
  }
  if (/^(---|\.\.\.)\s*$/m.test(src.replace(/^---\s*\n/, ""))) {
    const idx = src.search(/^(---|\.\.\.)\s*$/m);
    if (idx > 0) problems.push({ ...position(lines, idx), message: "a record file holds one YAML document; remove the '---' separator" });
  }
  visit(doc, {
    Node(_key, node, path) {
      const start = node.range?.[0] ?? 0;
      const at = (mark?: string) => {
        // anchors and tags stand before the node's value; point at them, not at the value
        const i = mark ? src.lastIndexOf(mark, start) : -1;
        return position(lines, i >= 0 && !src.slice(i, start).includes("\n") ? i : start);
      };
      if (isMap(node)) {
        const seen = new Set<unknown>();
        for (const pair of node.items) {
          const k = isScalar(pair.key) ? pair.key.value : pair.key;
          if (seen.has(k)) problems.push({ ...position(lines, (pair.key as Node).range?.[0] ?? 0), message: `duplicate key "${String(k)}": a field may appear once; remove one` });
          seen.add(k);
        }
      }
      if (isAlias(node)) problems.push({ ...at(), message: "aliases (*name) are not allowed in records; write the value out" });
      else if (node.anchor) problems.push({ ...at(`&${node.anchor}`), message: "anchors (&name) are not allowed in records; remove it" });
      else if (node.tag && !node.tag.startsWith("tag:yaml.org,2002:"))
        problems.push({ ...at(node.tag), message: `custom tag ${node.tag} is not allowed in records; remove it` });
      if (path.filter((p) => isNode(p)).length > MAX_DEPTH) {
        problems.push({ ...at(), message: `nested more than ${MAX_DEPTH} levels deep` });
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (problems.length) return { problems: dedupe(problems) };
  return { parsed: { doc, value: doc.toJS({ maxAliasCount: 0 }), lines }, problems };
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

/** The canonical text of a record: keys in schema order (the caller orders them), LF, final newline. */
export function stringifyRecord(value: object): string {
  return stringify(clean(value), STRINGIFY);
}

function pairText(key: string, value: unknown): string {
  return stringify({ [key]: clean(value) }, STRINGIFY);
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
    const before = order.slice(0, order.indexOf(key)).reverse().find((k) => spans.has(k));
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
