// The field types every record is made of: one line of text, free text, dates, IDs, phones, money.
import { z } from "zod";
import { ID_RE } from "../ids.js";
import { isStoredDate, isStoredDateTime } from "../time.js";

/** The longest one-line field (a name, phone, title, tag, subject, topic) and free text (a problem, a note). */
export const LINE_MAX = 500;
export const TEXT_MAX = 10_000;

// Characters no field holds: C0 controls, DEL, C1 controls, and the line and paragraph separators.
// Free text keeps its line breaks and tabs; a one-line field keeps neither.
const NOT_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const NOT_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const LONE_SURROGATE = /\p{Cs}/u;
const BREAKS = new Set(["\n", "\r", "\u2028", "\u2029", "\u0085"]);

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

function noControls(multiLine: boolean) {
  return (s: string, ctx: z.RefinementCtx<string>) => {
    const lone = LONE_SURROGATE.exec(s);
    if (lone) {
      // a half of a UTF-16 pair (from a "\ud800" escape): no file can hold it; writing it would turn it into U+FFFD
      ctx.addIssue({
        code: "custom",
        input: s,
        message: `must be valid text: it holds a lone surrogate (${codePoint(lone[0])}) at character ${Array.from(s.slice(0, lone.index)).length + 1}`,
      });
      return;
    }
    const m = (multiLine ? NOT_IN_TEXT : NOT_IN_LINE).exec(s);
    if (!m) return;
    const at = Array.from(s.slice(0, m.index)).length + 1;
    const c = m[0];
    ctx.addIssue({
      code: "custom",
      input: s,
      message:
        !multiLine && BREAKS.has(c)
          ? `must be one line: it holds a line break (${codePoint(c)}) at character ${at}`
          : `must not hold control characters${multiLine ? " other than line breaks and tabs" : ""}: it holds ${codePoint(c)} at character ${at}`,
    });
  };
}

/** One line of text: a name, title, tag, subject, topic, staff name… */
export const text = z
  .string({ error: "must be text" })
  .trim()
  .min(1, "must not be empty")
  .max(LINE_MAX, `is too long: at most ${LINE_MAX} characters on one line`)
  .superRefine(noControls(false));
/** Free text over several lines: a problem, a summary, a note, a reason. */
export const longText = z
  .string({ error: "must be text" })
  .trim()
  .min(1, "must not be empty")
  .max(TEXT_MAX, `is too long: at most ${TEXT_MAX.toLocaleString("en")} characters`)
  .superRefine(noControls(true));
export const dateTime = z
  .string({ error: "must be a date-time such as 2026-11-26T09:30:00+08:00" })
  .refine(isStoredDateTime, "must be an ISO 8601 date-time with offset, such as 2026-11-26T09:30:00+08:00");
export const date = z
  .string({ error: "must be a date such as 2026-11-26" })
  .refine(isStoredDate, "must be a date such as 2026-11-26");
export const idOf = (letter: string, what: string) =>
  z
    .string({ error: `must be a ${what} ID such as ${letter}-261126-7K3F` })
    .refine((s) => ID_RE.test(s) && s.startsWith(letter + "-"), `must be a ${what} ID such as ${letter}-261126-7K3F`);
export const phone = z
  .string({ error: 'must be a quoted string, such as "021-5555 1234" (unquoted numbers lose leading zeros)' })
  .trim()
  .min(3, "is too short for a phone number")
  .max(40, "is too long for a phone number (at most 40 characters)")
  .superRefine(noControls(false));

/** Money in whole cents. */
export const cents = z
  .number({ error: "must be an amount in cents, a whole number" })
  .int("must be a whole number of cents")
  .min(0, "must not be negative")
  .max(1e12, "is too large");
