// Parsing one record file: safe YAML in, every problem one short line with its place.
import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLError,
} from "yaml";
import type { MessageKey, Worded } from "../../i18n.js";
import {
  cap,
  conflictMarkers,
  dedupe,
  excerpt,
  MAX_DEPTH,
  MAX_FILE_BYTES,
  MAX_ITEMS,
  position,
  said,
  type Problem,
} from "./problems.js";
import { tokenProblem } from "./tokens.js";

export interface Parsed {
  doc: Document.Parsed;
  value: unknown;
  lines: LineCounter;
}

/** The tags a record may carry: the core schema's own scalars and collections, written out. */
const ALLOWED_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "seq", "map"].map((t) => `tag:yaml.org,2002:${t}`),
);
const YAML_TAG = "tag:yaml.org,2002:";

/**
 * Parse one record file. Refuses what a record never needs and an attacker might use: aliases and
 * anchors (billion laughs), tags beyond the core scalars and collections, duplicate keys, several
 * documents, directives, huge, deep or sprawling input. Every message is one short line.
 */
export function parseYaml(src: string): { parsed?: Parsed; problems: Problem[] } {
  if (src.length > MAX_FILE_BYTES || Buffer.byteLength(src, "utf8") > MAX_FILE_BYTES)
    return {
      problems: [{ line: 1, col: 1, ...said("pr.tooLarge", { kib: MAX_FILE_BYTES / 1024 }) }],
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
  const problems = parserProblems(doc, src, lines);
  nodeProblems(doc.contents, src, lines, problems);
  if (problems.length) return { problems: cap(dedupe(problems)) };
  return { parsed: { doc, value: doc.toJS({ maxAliasCount: 0 }), lines }, problems };
}

/** The YAML parser's codes worded in the catalogue (pr.yaml.*); any other is "a syntax error" there. */
const PARSER_CODES = new Set([
  "BAD_INDENT",
  "TAB_AS_INDENT",
  "MISSING_CHAR",
  "MULTILINE_IMPLICIT_KEY",
  "BLOCK_AS_IMPLICIT_KEY",
  "UNEXPECTED_TOKEN",
  "BAD_SCALAR_START",
  "BAD_DQ_ESCAPE",
  "BLOCK_IN_FLOW",
  "KEY_OVER_1024_CHARS",
]);

/** A problem the YAML parser found: its own English sentence, and in other languages what its code means. */
function parserSaid(e: YAMLError): { message: string; worded: Worded } {
  const text = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  const what: Worded = { key: PARSER_CODES.has(e.code) ? (`pr.yaml.${e.code}` as MessageKey) : "pr.yaml.other" };
  return {
    message: text,
    worded: {
      key: "pr.yaml",
      params: { text: { asWritten: text, worded: { key: "pr.yaml.syntax", params: { what } } } },
    },
  };
}

/** What the YAML parser itself found, and a second document after the first. */
function parserProblems(doc: Document.Parsed, src: string, lines: LineCounter): Problem[] {
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings.filter((w) => !w.message.startsWith("Unresolved tag"))]) {
    const at = e.linePos?.[0] ?? position(lines, e.pos[0]);
    problems.push({ line: at.line, col: at.col, ...parserSaid(e) });
  }
  if (/^(---|\.\.\.)\s*$/m.test(src.replace(/^---\s*\n/, ""))) {
    const idx = src.search(/^(---|\.\.\.)\s*$/m);
    if (idx > 0) problems.push({ ...position(lines, idx), ...said("pr.oneDocument") });
  }
  return problems;
}

/**
 * What the tree holds that a record never does (aliases, anchors, tags, duplicate keys, too many
 * or too deep nodes), added to `problems`. A walk of our own, not yaml's visit(): the token check
 * bounds its depth, and it costs a fraction of visit()'s frozen path arrays on a file of thousands of items.
 */
function nodeProblems(contents: unknown, src: string, lines: LineCounter, problems: Problem[]): void {
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
      problems.push({ ...at(), ...said("pr.tooMany", { max: MAX_ITEMS }) });
      return false;
    }
    const collection = isMap(node) || isSeq(node);
    if (collection && depth + 1 > MAX_DEPTH) {
      problems.push({ ...at(), ...said("pr.tooDeep", { max: MAX_DEPTH }) });
      return false;
    }
    const bad = propertyProblem(node, at);
    if (bad) problems.push(bad);
    if (isMap(node)) {
      duplicateKeys(node.items, lines, start, problems);
      for (const pair of node.items) if (!walk(pair.key, depth + 1) || !walk(pair.value, depth + 1)) return false;
    } else if (isSeq(node)) {
      for (const item of node.items) if (!walk(isPair(item) ? item.value : item, depth + 1)) return false;
    }
    return true;
  };
  walk(contents, 0);
}

/** An alias, an anchor or a tag beyond the core schema on a node; `at` places it. */
function propertyProblem(node: Node, at: (mark?: string) => { line: number; col: number }): Problem | undefined {
  if (isAlias(node)) return { ...at(), ...said("pr.alias") };
  if (node.anchor) return { ...at(`&${node.anchor}`), ...said("pr.anchor") };
  if (node.tag && !ALLOWED_TAGS.has(node.tag)) {
    const shown = node.tag.startsWith(YAML_TAG) ? `!!${node.tag.slice(YAML_TAG.length)}` : node.tag;
    return {
      ...at(shown),
      ...said(node.tag.startsWith(YAML_TAG) ? "pr.coreTag" : "pr.customTag", { tag: excerpt(shown) }),
    };
  }
  return undefined;
}

/** A key written twice in one mapping. */
function duplicateKeys(items: Pair[], lines: LineCounter, start: number, problems: Problem[]): void {
  const seen = new Set<unknown>();
  for (const pair of items) {
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    if (seen.has(k))
      problems.push({
        ...position(lines, (pair.key as Node | null)?.range?.[0] ?? start),
        ...said("pr.duplicateKey", { key: excerpt(String(k)) }),
      });
    seen.add(k);
  }
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
