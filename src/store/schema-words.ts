// The schema's complaints (domain/schema/, zod's own) in the catalogue's words (issue 13, item 1):
// the schema says them in English, once, where the field is defined; here that English is read back
// as a catalogue key and its parameters, so `check`, a read's warning and a refused write say them
// in the reader's language. gettext-style: a fixed sentence is its own key (`sch.` + the English);
// a sentence with values in it is matched by its pattern; one with no entry is shown as written.
import { RECORD_KINDS } from "../domain/ids.js";
import { CATALOGUE, type MessageKey, type WordParam, type Worded } from "../i18n.js";

const KINDS = new Set<string>(RECORD_KINDS);

/** A record kind in a sentence (客户, 工单…); the settings file's own word. */
export function kindWord(kind: string): Worded | string {
  if (KINDS.has(kind)) return { key: `rk.${kind}` as MessageKey };
  return kind === "settings" ? { key: "pr.kind.settings" } : kind;
}

/** A fixed phrase the schema says in English, in words where the catalogue has it (`prefix` + the English); else as written. */
const fixedWords = (prefix: string, en: string): WordParam =>
  `${prefix}${en}` in CATALOGUE ? { key: `${prefix}${en}` as MessageKey } : en;
/** A value type as zod names it (string, number…), in words where the catalogue has it. */
const typeWord = (t: string): WordParam => fixedWords("sch.t.", t);
const typed = (list: string): WordParam => ({ typed: list.split(", ") });

/** The sentences with values in them: a pattern over the English, and the key and parameters it gives. */
const PATTERNS: [RegExp, (m: RegExpExecArray) => Worded][] = [
  [
    /^Invalid input: expected (\w+), received (\w+)$/,
    (m) => ({ key: "sch.type", params: { expected: typeWord(m[1]!), received: typeWord(m[2]!) } }),
  ],
  [/^Too small: expected number to be >=(\S+)$/, (m) => ({ key: "sch.tooSmall", params: { n: m[1]! } })],
  [/^Too big: expected number to be <=(\S+)$/, (m) => ({ key: "sch.tooBig", params: { n: m[1]! } })],
  [
    /^must be one of (.+), or a channel named under channels: in aftercare\.yaml \(lower-case letters, digits and hyphens\)$/,
    (m) => ({ key: "sch.channelName", params: { values: typed(m[1]!) } }),
  ],
  [
    /^must be one of (.+), or a channel named under channels: in aftercare\.yaml$/,
    (m) => ({ key: "sch.channel", params: { values: typed(m[1]!) } }),
  ],
  [/^must be one of (.+)$/, (m) => ({ key: "sch.oneOf", params: { values: typed(m[1]!) } })],
  [
    /^must be a (\w+) ID such as (\S+)$/,
    (m) => ({ key: "sch.idOf", params: { kind: kindWord(m[1]!), example: m[2]! } }),
  ],
  [
    /^must be valid text: it holds a lone surrogate \((U\+[0-9A-F]+)\) at character (\d+)$/,
    (m) => ({ key: "sch.lone", params: { cp: m[1]!, at: Number(m[2]) } }),
  ],
  [
    /^must be one line: it holds a line break \((U\+[0-9A-F]+)\) at character (\d+)$/,
    (m) => ({ key: "sch.oneLine", params: { cp: m[1]!, at: Number(m[2]) } }),
  ],
  [
    /^must not hold control characters: it holds (U\+[0-9A-F]+) at character (\d+)$/,
    (m) => ({ key: "sch.controls", params: { cp: m[1]!, at: Number(m[2]) } }),
  ],
  [
    /^must not hold control characters other than line breaks and tabs: it holds (U\+[0-9A-F]+) at character (\d+)$/,
    (m) => ({ key: "sch.controlsText", params: { cp: m[1]!, at: Number(m[2]) } }),
  ],
  [/^is too long: at most ([\d,]+) characters on one line$/, (m) => ({ key: "sch.tooLongLine", params: { n: m[1]! } })],
  [/^is too long: at most ([\d,]+) characters$/, (m) => ({ key: "sch.tooLongText", params: { n: m[1]! } })],
  [
    /^only letters have a letter section; this contact is a (\w+)$/,
    (m) => ({ key: "sch.onlyLetters", params: { channel: { value: m[1]! } } }),
  ],
  [/^is built in already \((.+)\)$/, (m) => ({ key: "sch.builtIn", params: { values: typed(m[1]!) } })],
  // a rule's day count in aftercare.yaml: what it counts (R-ESC-1DAY "to escalate"…), in words where the catalogue has it
  [
    /^must be a number of days \((.+)\)$/,
    (m) => ({ key: "sch.days", params: { what: fixedWords("sch.days.", m[1]!) } }),
  ],
];

/** What the schema said of a value, as the catalogue words it; its own English when the catalogue has no entry. */
export function schemaWords(message: string): Worded {
  const fixed = `sch.${message}`;
  if (fixed in CATALOGUE) return { key: fixed as MessageKey };
  for (const [re, worded] of PATTERNS) {
    const m = re.exec(message);
    if (m) return worded(m);
  }
  return { key: "sch.other", params: { text: message } };
}
