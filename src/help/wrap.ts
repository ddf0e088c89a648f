// Help text wrapped by display width (issue 13): a Chinese character takes two columns, and a line
// breaks between two Chinese characters as well as at a space, never before closing punctuation
// (，。、）：) or after opening punctuation (（“), and never inside Latin text (a flag name, an ID,
// a URL) or where it touches a Chinese character (12月7日, 9点). Loaded with the help
// (src/help/render.ts), never by --version or a command's run.
import { width } from "../format/text.js";

/** Characters that break like Chinese: East Asian wide characters, CJK punctuation, fullwidth forms, curly quotes. */
const CJK = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018\u2019\u201c\u201d]/u;
/** No line starts with these (closing punctuation). */
const NO_START = /^[，。、）：；！？」』】》〉〕…,.;:!?)\]}%\u2019\u201d]/u;
/** No line ends with these (opening punctuation). */
const NO_END = /[（「『【《〈〔([{\u2018\u201c]$/u;

/** A piece of a line that is never broken, and the white space before it (dropped where the line breaks). */
interface Unit {
  space: string;
  text: string;
}

/** Chinese punctuation (，。（）“” and the like), as opposed to a character of a word. */
const isPunctuation = (ch: string) => !/[\p{L}\p{N}]/u.test(ch);

/**
 * Whether a line may break between two pieces that touch (no space between them): between two
 * Chinese characters, and between Chinese punctuation and Latin text; never before closing or after
 * opening punctuation, and never between a Chinese character and Latin text it touches (12月7日,
 * 9点, part=名称/us: written as one).
 */
function breaksBetween(before: string, after: string): boolean {
  const last = before.slice(-1);
  const first = after[0]!;
  const lastCjk = CJK.test(last);
  const firstCjk = CJK.test(first);
  if (!lastCjk && !firstCjk) return false;
  if (NO_START.test(after) || NO_END.test(before)) return false;
  return lastCjk === firstCjk || isPunctuation(lastCjk ? last : first);
}

/** A line's text (after its indent) as the units a line may break between (only at spaces: `spacesOnly`). */
function unitsOf(text: string, spacesOnly: boolean): Unit[] {
  const units: Unit[] = [];
  let space = "";
  let latin = "";
  const piece = (p: string) => {
    const last = units.at(-1);
    if (last && !space && !breaksBetween(last.text, p)) last.text += p;
    else units.push({ space, text: p });
    space = "";
  };
  for (const ch of text) {
    if (/\s/.test(ch)) {
      if (latin) piece(latin);
      latin = "";
      space += ch;
    } else if (CJK.test(ch) && !spacesOnly) {
      if (latin) piece(latin);
      latin = "";
      piece(ch);
    } else latin += ch;
  }
  if (latin) piece(latin);
  return units;
}

/**
 * One line wrapped to `max` columns: its own indent kept on the first line, the lines after it
 * indented by `hang` columns. A unit wider than a line stands alone on its line, whole. With
 * `spacesOnly`, only at spaces (a usage line: each word is typed).
 */
export function wrapLine(line: string, max: number, hang: number, spacesOnly = false): string[] {
  const indent = /^\s*/.exec(line)![0];
  const lines: string[] = [];
  let current = indent;
  let used = width(indent);
  let empty = true;
  for (const unit of unitsOf(line.slice(indent.length), spacesOnly)) {
    const w = width(unit.text);
    if (!empty && used + width(unit.space) + w > max) {
      lines.push(current);
      current = " ".repeat(hang);
      used = hang;
      empty = true;
    }
    current += empty ? unit.text : unit.space + unit.text;
    used += empty ? w : width(unit.space) + w;
    empty = false;
  }
  lines.push(current);
  return lines;
}

/** commander's boxWrap by display width: each line of `text` wrapped to `max` columns, its continuation under its indent. */
export function wrapBox(text: string, max: number): string {
  return text
    .split(/\r\n|\n/)
    .flatMap((line) => (line.trim() ? wrapLine(line, max, width(/^\s*/.exec(line)![0])) : [""]))
    .join("\n");
}

/**
 * A text under the help (how dates are written, the exit codes) wrapped to `max` columns. A line
 * laid out as a term and its description (`  dates  2026-12-07, …`) hangs under the description;
 * any other line under its own indent.
 */
export function wrapBlock(text: string, max: number): string {
  return text
    .split("\n")
    .flatMap((line) => {
      if (!line.trim()) return [line];
      const term = /^(\s+\S+\s{2,})\S/.exec(line);
      return wrapLine(line, max, width(term ? term[1]! : /^\s*/.exec(line)![0]));
    })
    .join("\n");
}
