// What is wrong with a record file, said safely: limits, problems with their place, quotes of
// the file cut short, bytes that are not UTF-8, lines left by an unresolved merge.
import type { LineCounter } from "yaml";
import { safe } from "../../format/text.js";
import { wordedText, type MessageKey, type Worded } from "../../i18n.js";

/** A record is a few KB; the settings file a few dozen. */
export const MAX_FILE_BYTES = 256 * 1024;
/** Collections inside collections: a ticket's estimate → lines → parts → part is 6 deep. */
export const MAX_DEPTH = 16;
/** Keys and list items in one file: a real record holds a few hundred at most. */
export const MAX_ITEMS = 2000;
/** Lines outside text values (blank lines, comments, keys): a record has a few hundred. */
export const MAX_LINES = 5000;
/** Tags, anchors and aliases: a record needs none (and parsing many on one node is slow). */
export const MAX_PROPS = 50;
/** The longest quote of file content in a message. */
const MAX_QUOTE = 40;
/** The longest message about one problem: never a screenful of the file. */
const MAX_MESSAGE = 300;

export interface Problem {
  line: number;
  col: number;
  message: string;
  /** the message in the catalogue's words, for the reader's language (issue 13) */
  worded?: Worded;
}

/** A problem's sentence from the catalogue: the English `message`, and the facts to word it in the reader's language. */
export function said(key: MessageKey, params: Worded["params"] = {}): { message: string; worded: Worded } {
  const worded: Worded = { key, params };
  return { message: wordedText("en", worded), worded };
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
    return { problem: { line, col, ...said("pr.notUtf8", { at }) } };
  }
}

const CONFLICT_RE = /^(<{7}|={7}|>{7}|\|{7})(\s|$)/;

/** Lines left by an unresolved git merge. */
export function conflictMarkers(src: string): Problem[] {
  const out: Problem[] = [];
  src.split("\n").forEach((l, i) => {
    if (CONFLICT_RE.test(l)) out.push({ line: i + 1, col: 1, ...said("pr.conflictMarker") });
  });
  return out;
}

export function offsetPosition(src: string, offset: number): { line: number; col: number } {
  let line = 1;
  let from = 0;
  for (let i = src.indexOf("\n"); i >= 0 && i < offset; i = src.indexOf("\n", i + 1)) {
    line++;
    from = i + 1;
  }
  return { line, col: offset - from + 1 };
}

export function position(lines: LineCounter, offset: number): { line: number; col: number } {
  const p = lines.linePos(offset);
  return { line: p.line, col: p.col };
}

/** At most this many problems are named per file; the rest are counted. */
const MAX_PROBLEMS = 20;

/** Problems as shown: each message one short line, at most MAX_PROBLEMS of them. */
export function cap<P extends Problem>(ps: P[]): P[] {
  const out = ps.slice(0, MAX_PROBLEMS).map((p) => ({ ...p, message: capMessage(p.message) }));
  if (ps.length > MAX_PROBLEMS) out.push({ ...ps[MAX_PROBLEMS]!, ...said("pr.more", { n: ps.length - MAX_PROBLEMS }) });
  return out;
}

export function dedupe(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.line}:${p.col}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
