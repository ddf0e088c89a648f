// A CSV file's text: which encoding a Chinese office saved it in, and which separator it uses.
import { EXIT, refusal } from "../../errors.js";
import { t, type MessageKey } from "../../i18n.js";

const DELIMITER_NAMES: Record<string, MessageKey> = {
  ",": "rf.sep.comma",
  ";": "rf.sep.semicolon",
  "\t": "rf.sep.tab",
  "|": "rf.sep.bar",
};
const DELIMITER_WORDS: Record<string, string> = {
  ",": ",",
  comma: ",",
  ";": ";",
  semicolon: ";",
  "\t": "\t",
  "\\t": "\t",
  tab: "\t",
  "|": "|",
  pipe: "|",
};

/** The separator's name as a person says it: "commas", "semicolons", "tabs". */
export function delimiterName(d: string, say: (k: MessageKey) => string = (k) => t("en", k)): string {
  const key = DELIMITER_NAMES[d];
  return key ? say(key) : `"${d}"`;
}

/** --delimiter: , ; tab | (or their names: comma, semicolon, tab, pipe). */
export function delimiterFlag(given: string): string {
  const d = DELIMITER_WORDS[given.toLowerCase()] ?? DELIMITER_WORDS[given];
  if (!d) throw refusal("rf.delimiter", { given }, EXIT.usage);
  return d;
}

/**
 * The one separator of a CSV file, from its heading row: the most frequent of comma, semicolon and
 * tab outside quotes (a row with none is one column). A tie is not guessed: --delimiter says.
 * Title rows and blank rows above the headings hold no separator (or only separators): the first
 * line with two or more distinct cells is taken as the heading row for this count.
 */
export function sniffDelimiter(text: string): string {
  // the first lines, split where no quote is open
  const lines: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === "\n" || ch === "\r")) {
      if (cur) lines.push(cur);
      cur = "";
      if (lines.length >= 30) break;
      continue;
    }
    cur += ch;
  }
  if (cur && lines.length < 30) lines.push(cur);
  const countsOf = (line: string) => {
    const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
    let q = false;
    for (const ch of line) {
      if (ch === '"') q = !q;
      else if (!q && ch in counts) counts[ch]!++;
    }
    return Object.entries(counts).sort((a, b) => b[1] - a[1]);
  };
  const filled = (line: string, d: string) => line.split(d).filter((c) => c.replace(/"/g, "").trim()).length;
  const heading =
    lines.find((l) => {
      const [first] = countsOf(l);
      return first![1] > 0 && filled(l, first![0]) >= 2;
    }) ??
    lines[0] ??
    "";
  const [first, second] = countsOf(heading);
  if (first![1] === 0) return ",";
  if (first![1] === second![1])
    throw refusal(
      "rf.delimiterTie",
      {
        a: { key: DELIMITER_NAMES[first![0]]! },
        b: { key: DELIMITER_NAMES[second![0]]! },
        n: first![1],
        flagA: first![0] === "\t" ? "tab" : first![0],
        flagB: second![0] === "\t" ? "tab" : second![0],
      },
      EXIT.usage,
    );
  return first![0];
}

const ENCODINGS: Record<string, string> = {
  utf8: "utf-8",
  "utf-8": "utf-8",
  gbk: "gb18030",
  gb2312: "gb18030",
  gb18030: "gb18030",
  utf16: "utf-16le",
  "utf-16": "utf-16le",
  utf16le: "utf-16le",
  "utf-16le": "utf-16le",
  utf16be: "utf-16be",
  "utf-16be": "utf-16be",
};

/** Which encoding a CSV file is in: its BOM, else UTF-16 by its NUL bytes, else UTF-8 if it decodes, else GB18030. */
export function detectEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const sample = bytes.subarray(0, 4096);
  let evenNul = 0;
  let oddNul = 0;
  sample.forEach((b, i) => b === 0 && (i % 2 ? oddNul++ : evenNul++));
  if (oddNul > sample.length / 8) return "utf-16le";
  if (evenNul > sample.length / 8) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

export function decode(bytes: Uint8Array, encoding?: string): { text: string; encoding: string } {
  const enc = encoding ? ENCODINGS[encoding.toLowerCase()] : detectEncoding(bytes);
  if (!enc) throw refusal("rf.encoding", { encoding: encoding ?? "" });
  try {
    const text = new TextDecoder(enc, { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: enc };
  } catch {
    throw refusal(encoding ? "rf.notEncoding" : "rf.notEncodingDetected", { enc });
  }
}
