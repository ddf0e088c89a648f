// The field types every record is made of: one line of text, free text, dates, IDs, phones, money.
import { z } from "zod";
import { ID_RE } from "../ids.js";
import { isStoredDate, isStoredDateTime } from "../time.js";
import { says, saying } from "./words.js";

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
      const at = Array.from(s.slice(0, lone.index)).length + 1;
      ctx.addIssue(saying("sch.lone", { cp: codePoint(lone[0]), at }, { input: s }));
      return;
    }
    const m = (multiLine ? NOT_IN_TEXT : NOT_IN_LINE).exec(s);
    if (!m) return;
    const at = Array.from(s.slice(0, m.index)).length + 1;
    const c = m[0];
    const key = !multiLine && BREAKS.has(c) ? "sch.oneLine" : multiLine ? "sch.controlsText" : "sch.controls";
    ctx.addIssue(saying(key, { cp: codePoint(c), at }, { input: s }));
  };
}

/** One line of text: a name, title, tag, subject, topic, staff name… */
export const text = z
  .string(says("sch.text"))
  .trim()
  .min(1, says("sch.notEmpty"))
  .max(LINE_MAX, says("sch.tooLongLine", { n: String(LINE_MAX) }))
  .superRefine(noControls(false));
/** Free text over several lines: a problem, a summary, a note, a reason. */
export const longText = z
  .string(says("sch.text"))
  .trim()
  .min(1, says("sch.notEmpty"))
  .max(TEXT_MAX, says("sch.tooLongText", { n: TEXT_MAX.toLocaleString("en") }))
  .superRefine(noControls(true));
export const dateTime = z.string(says("sch.dateTime")).refine(isStoredDateTime, says("sch.dateTimeIso"));
export const date = z.string(says("sch.date")).refine(isStoredDate, says("sch.date"));
/** An ID of a record kind (C for a customer…): the sentence names the kind in the reader's words. */
export const idOf = (letter: string, kind: "customer" | "ticket" | "event") => {
  const idSays = () => says("sch.idOf", { kind: { key: `rk.${kind}` }, example: `${letter}-261126-7K3F` });
  return z.string(idSays()).refine((s) => ID_RE.test(s) && s.startsWith(letter + "-"), idSays());
};
export const phone = z
  .string(says("sch.phoneQuoted"))
  .trim()
  .min(3, says("sch.phoneShort"))
  .max(40, says("sch.phoneLong"))
  .superRefine(noControls(false));

/** Money in whole cents. */
export const cents = z
  .number(says("sch.cents"))
  .int(says("sch.centsWhole"))
  .min(0, says("sch.notNegative"))
  .max(1e12, says("sch.tooLarge"));
