// Text from records is shown to people: neutralise anything a terminal would act on.
import stringWidth from "string-width";

// C0 controls except tab and newline, DEL, C1 controls (including the 8-bit CSI), bidi overrides.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function safe(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * One line, for table cells and lists: newlines shown as ⏎, cut to `max` terminal columns (a
 * Chinese character takes two) with an ellipsis.
 */
export function oneLine(text: string | undefined, max = 0): string {
  if (!text) return "";
  const s = safe(text).replace(/\s*\n\s*/g, " ⏎ ").replace(/\t/g, " ");
  if (max <= 0 || stringWidth(s) <= max) return s;
  let out = "";
  let w = 0;
  for (const ch of s) {
    const cw = stringWidth(ch);
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
