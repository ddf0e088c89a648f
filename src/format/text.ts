// Text from records is shown to people: neutralise anything a terminal would act on.

/**
 * What never reaches a terminal raw: C0 controls except tab and newline, DEL, C1 controls
 * (including the 8-bit CSI), bidi embeddings, overrides, isolates and marks (U+202A–202E,
 * U+2066–2069, LRM/RLM U+200E/200F, ALM U+061C), zero-width characters (U+200B–200D, U+2060,
 * U+FEFF), the deprecated format controls U+206A–206F, interlinear annotations U+FFF9–FFFB, the
 * line and paragraph separators U+2028/2029, and lone surrogates.
 */
export const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|\p{Cs}/gu;

/**
 * How an unsafe character is shown: its code point, visibly (ESC → \u001b, RLO → \u202e). Every
 * unsafe character is in the BMP, so this is also a valid JSON and JavaScript escape: text shown
 * this way inside a JSON string reads back as the original.
 */
export function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
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

const ANSI = /\u001b\[[0-9;]*m/g;

/** How many terminal columns a character takes: two for East Asian wide and fullwidth forms. */
export function charWidth(cp: number): number {
  if (cp < 0x1100) return cp === 0 ? 0 : 1;
  if (cp >= 0x300 && cp <= 0x36f) return 0;
  if (
    (cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  if (cp === 0x200b || cp === 0x200d || cp === 0xfe0f) return 0;
  return 1;
}

/** The terminal columns a string takes, colour codes aside. */
export function width(s: string): number {
  const plain = s.includes("\u001b") ? s.replace(ANSI, "") : s;
  let w = 0;
  for (const ch of plain) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/**
 * One line, for table cells and lists: newlines shown as ⏎, cut to `max` terminal columns (a
 * Chinese character takes two) with an ellipsis.
 */
export function oneLine(text: string | undefined, max = 0): string {
  if (!text) return "";
  const s = safe(text).replace(/\s*\n\s*/g, " ⏎ ").replace(/\t/g, " ");
  if (max <= 0 || width(s) <= max) return s;
  let out = "";
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return out.trimEnd() + "…";
}

/** Digits only, so "021-5555 1234" and "02155551234" compare equal. */
export function digits(s: string): string {
  return s.replace(/\D/g, "");
}
