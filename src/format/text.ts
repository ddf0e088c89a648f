// Text from records is shown to people: neutralise anything a terminal would act on.
import { createRequire } from "node:module";
import type stringWidthOf from "string-width";

/**
 * What never reaches a terminal raw: C0 controls except tab and newline, DEL, C1 controls
 * (including the 8-bit CSI), bidi embeddings, overrides, isolates and marks (U+202A–202E,
 * U+2066–2069, LRM/RLM U+200E/200F, ALM U+061C), zero-width characters (U+200B–200D, U+2060,
 * U+FEFF), the deprecated format controls U+206A–206F, interlinear annotations U+FFF9–FFFB, the
 * line and paragraph separators U+2028/2029, and lone surrogates. A zero-width joiner between two
 * emoji is part of one (👨‍👩‍👧‍👦, 🧑‍🔧) and stays; anywhere else it is shown.
 */
export const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|\p{Cs}|(?<!(?:\p{Extended_Pictographic}|\p{Emoji_Modifier})\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;

/**
 * How an unsafe character is shown: its code point, visibly (ESC → \u001b, RLO → \u202e). Every
 * unsafe character is in the BMP, so this is also a valid JSON and JavaScript escape: text shown
 * this way inside a JSON string reads back as the original.
 */
export function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * A value of no known type — what a report template hands a filter, a field of JSON on standard
 * input — as text: null and undefined as "", anything else as String() makes it.
 */
export function textOf(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- an object or list here (a Date, tags) is shown as String() and Liquid's own {{ value }} show it; which objects come is not known
  return String(v);
}

/** The one sanitiser for record text shown on a terminal: every unsafe character made visible. */
export function safe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

const SGR = /\u001b\[[0-9;]*m/y;

/**
 * The last guard before a terminal (io.ts): like `safe`, but keeps the colour codes aftercare
 * itself adds. Record text cannot hold ESC (the schemas refuse it), so every ESC that starts a
 * colour code here is ours.
 */
export function terminalSafe(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (c, at: number) => {
    if (c === "\u001b") {
      SGR.lastIndex = at;
      if (SGR.test(text)) return c;
    }
    return escapeChar(c);
  });
}

/**
 * Text whose width is plain to see: printable ASCII and Latin, general punctuation, and the CJK
 * blocks (ideographs, kana, CJK punctuation, fullwidth forms), with no combining mark, joiner,
 * variation selector, emoji or escape sequence. Counted by code point, the common case, fast.
 */
const PLAIN =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60\uffe0-\uffe6]*$/;
const WIDE =
  /[\u3000-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60\uffe0-\uffe6]/g;

type StringWidth = typeof stringWidthOf;
let stringWidth: StringWidth | undefined;

/**
 * string-width, loaded the first time a text is not plain (PLAIN): it makes an Intl.Segmenter and
 * three Unicode-property expressions as it loads (17–30 ms), which most runs never need. Loaded
 * synchronously: in the bundle `require` is esbuild's lazy start of the copy it holds; from the
 * sources (development, tests) Node's require of an ES module (Node ≥ 20.19, package.json engines).
 */
function slowWidth(s: string): number {
  if (!stringWidth) {
    let m: unknown;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded synchronously on purpose (above): import() would make every width asynchronous
    if (typeof require === "function") m = require("string-width");
    else m = createRequire(import.meta.url)("string-width");
    stringWidth = (m as { default: StringWidth }).default;
  }
  return stringWidth(s);
}

/**
 * The terminal columns a string takes, colour codes and OSC-8 links aside: string-width (East
 * Asian Width, grapheme clusters: e + U+0301 is one column, 🚗 two, a family emoji two).
 */
export function width(s: string): number {
  if (PLAIN.test(s)) return s.length + (s.match(WIDE)?.length ?? 0);
  return slowWidth(s);
}

let graphemes: Intl.Segmenter | undefined;

/** A plain text's characters (PLAIN: each UTF-16 unit is one whole character); else its grapheme clusters. */
function* characters(s: string): Iterable<string> {
  if (PLAIN.test(s)) return yield* s;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  for (const g of graphemes.segment(s)) yield g.segment;
}

/**
 * One line, for table cells and lists: newlines shown as ⏎, cut to `max` terminal columns (a
 * Chinese character takes two) with an ellipsis, never inside a character (a letter and its
 * accent, an emoji sequence stay whole).
 */
export function oneLine(text: string | undefined, max = 0): string {
  if (!text) return "";
  const s = safe(text)
    .replace(/\s*\n\s*/g, " ⏎ ")
    .replace(/\t/g, " ");
  if (max <= 0 || width(s) <= max) return s;
  let out = "";
  let w = 0;
  for (const segment of characters(s)) {
    const cw = width(segment);
    if (w + cw > max - 1) break;
    out += segment;
    w += cw;
  }
  return out.trimEnd() + "…";
}

/** Digits only, so "021-5555 1234" and "02155551234" compare equal. */
export function digits(s: string): string {
  return s.replace(/\D/g, "");
}
