// Text from records is shown to people: neutralise anything a terminal would act on.

// C0 controls except tab and newline, DEL, C1 controls (including the 8-bit CSI), bidi overrides.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function safe(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One line, for table cells and lists: newlines and tabs become spaces. */
export function oneLine(text: string | undefined, max = 0): string {
  if (!text) return "";
  let s = safe(text).replace(/\s*\n\s*/g, " ⏎ ").replace(/\t/g, " ");
  if (max > 0 && [...s].length > max) s = [...s].slice(0, max - 1).join("") + "…";
  return s;
}

/** Digits only, so "021-5555 1234" and "02155551234" compare equal. */
export function digits(s: string): string {
  return s.replace(/\D/g, "");
}
