// Text from records is shown to people: neutralise anything a terminal would act on.

// C0 controls except tab and newline, DEL, C1 controls (including the 8-bit CSI), bidi overrides.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function safe(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
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
