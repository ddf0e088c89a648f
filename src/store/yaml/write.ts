// Deterministic YAML out, and edits that leave untouched lines byte-for-byte.
import { Document, isMap, isNode, isPair, isScalar, isSeq, visit } from "yaml";
import type { Parsed } from "./parse.js";

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
