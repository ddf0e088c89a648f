// Spreadsheets in and out. In: CSV in any encoding a Chinese office uses (UTF-8 with or without
// BOM, GB18030/GBK, UTF-16) and .xlsx through exceljs, as a grid of cells with their types; the
// old binary formats (.xls, WPS .et) and OpenDocument (.ods) are named and refused. Out: typed
// sheets as CSV that Excel opens right (BOM, phones as text, one date format a column) or .xlsx
// with real dates, numbers and text.
import { promises as fs } from "node:fs";
import { basename } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { UsageError, UserError } from "../errors.js";
import { t } from "../i18n.js";
import { textOf } from "../format/text.js";

const DELIMITER_NAMES: Record<string, string> = {
  ",": "commas",
  ";": "semicolons",
  "\t": "tabs",
  "|": "vertical bars",
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
export function delimiterName(d: string): string {
  return DELIMITER_NAMES[d] ?? `"${d}"`;
}

/** --delimiter: , ; tab | (or their names: comma, semicolon, tab, pipe). */
export function delimiterFlag(given: string): string {
  const d = DELIMITER_WORDS[given.toLowerCase()] ?? DELIMITER_WORDS[given];
  if (!d) throw new UsageError(`--delimiter "${given}" is not a column separator aftercare reads; use , ; tab or |`);
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
    throw new UsageError(
      `the header row has as many ${delimiterName(first![0])} as ${delimiterName(second![0])} (${first![1]}): say which separates the columns with --delimiter ${first![0] === "\t" ? "tab" : first![0]} or --delimiter ${second![0] === "\t" ? "tab" : second![0]}; nothing was written`,
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
  if (!enc)
    throw new UserError(
      `--encoding "${encoding}" is not one aftercare reads; use utf-8, gb18030 (also for GBK), utf-16le or utf-16be`,
    );
  try {
    const text = new TextDecoder(enc, { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: enc };
  } catch {
    throw new UserError(
      `the file is not valid ${enc}${encoding ? "" : " (detected)"}; say its encoding with --encoding gb18030|utf-8|utf-16le`,
    );
  }
}

/** A cell as read: text (every CSV cell), a number, a date (its UTC fields are the wall clock the sheet shows), a boolean, or nothing. */
export type Cell = string | number | Date | boolean | undefined;

export interface Grid {
  /** every row of the sheet from its first, as the spreadsheet numbers them (rows[0] is row 1) */
  rows: Cell[][];
  format: "csv" | "xlsx";
  encoding?: string;
  delimiter?: string;
}

/** What a cell holds, for a spreadsheet made by a person (exceljs' rich text, formulas, links). */
function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date || typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "object") {
    const o = v as { text?: unknown; richText?: { text: string }[]; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join("");
    // a link's text: a string, or rich text when it is formatted (exceljs)
    if (o.text !== undefined) return typeof o.text === "object" && o.text !== null ? cellValue(o.text) : textOf(o.text);
    if ("result" in o) return cellValue(o.result);
    if (o.error) return o.error;
  }
  return undefined;
}

/** The other formats offices save in, by their first bytes: a workbook aftercare does not read. */
function foreignWorkbook(path: string, bytes: Uint8Array): string | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const head = Buffer.from(bytes.subarray(0, 120)).toString("latin1");
  if (ext === "et" || ext === "ett") return ".et";
  if (ext === "ods" || (zip && head.includes("opendocument.spreadsheet"))) return ".ods";
  if (ext === "xls" || ext === "xlt" || ole) return ".xls";
  if (ext === "numbers") return ".numbers";
  return undefined;
}

/**
 * Read a CSV or .xlsx file as a grid of cells. A CSV's cells are split on one separator, sniffed
 * from its heading row or given (`delimiter`). Other workbooks (.xls, .et, .ods) are refused with
 * what to do, in the user's language: the one library on npm that reads them (SheetJS 0.18.5) is
 * no longer maintained there and carries unfixed advisories for exactly this, reading files from
 * outside.
 */
export async function readGrid(
  path: string,
  opts: { encoding?: string; sheet?: string; delimiter?: string; locale: string },
): Promise<Grid> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(t(opts.locale, code === "EISDIR" ? "imp.isFolder" : "imp.noFile", { file: path }));
  }
  const name = basename(path);
  const foreign = foreignWorkbook(path, bytes);
  if (foreign)
    throw new UserError(
      t(opts.locale, "imp.foreign", { file: name, format: t(opts.locale, `imp.format${foreign}` as "imp.format.xls") }),
    );
  if (/\.xlsx$/i.test(path) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw new UserError(t(opts.locale, "imp.badXlsx", { file: name, why: (e as Error).message }));
    }
    const ws = opts.sheet ? wb.getWorksheet(opts.sheet) : wb.worksheets[0];
    if (!ws)
      throw new UserError(
        t(opts.locale, "imp.noSheet", {
          file: name,
          sheet: opts.sheet ?? "",
          sheets: wb.worksheets.map((w) => w.name).join(", "),
        }),
      );
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // a merged range holds its value once, in its first cell: the title above the headings is one title
        if (cell.isMerged && cell.master !== cell) return;
        cells[col - 1] = cellValue(cell.value);
      });
      rows[n - 1] = Array.from(cells);
    });
    return { rows: Array.from(rows, (r) => r ?? []), format: "xlsx" };
  }
  const { text, encoding } = decode(bytes, opts.encoding);
  const body = text.replace(/^\uFEFF/, "");
  const delimiter = opts.delimiter ? delimiterFlag(opts.delimiter) : sniffDelimiter(body);
  let records: string[][];
  try {
    // one separator for the whole file: "VIP;需开专票" in a comma file is one cell
    records = parse(body, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      delimiter,
    });
  } catch (e) {
    throw new UserError(
      `${path} is not valid CSV (columns separated by ${delimiterName(delimiter)}): ${(e as Error).message}; nothing was written`,
    );
  }
  return { rows: records, format: "csv", encoding, delimiter };
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * What a column holds, which decides how each format writes it: text as text (never a formula),
 * a phone or ID as text that no reader turns into a number, a date or date-time as a real date in
 * the company's zone, a count as a number, money (whole cents in the records) as units.
 */
export type ColumnType = "text" | "id" | "phone" | "date" | "datetime" | "time" | "int" | "money";

export interface Column {
  heading: string;
  type: ColumnType;
}

/**
 * A cell to write: text; a number (money in whole cents); a date "YYYY-MM-DD"; a date-time as the
 * company's wall clock "YYYY-MM-DD HH:MM[:SS]"; a time "HH:MM"; or nothing.
 */
export type Value = string | number | undefined;

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Value[][];
}

/** A value that starts like a formula (=, +, -, @, a tab or carriage return) but is plainly data: a number, a phone, a date, a dash. */
const PLAIN_DATA = /^[+-]?[\d\s().,/:+-]*$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet would run as a formula is written with a leading ' (OWASP's advice
 * for CSV): "=HYPERLINK(…)" is shown, not run. A value that is plainly data ("-", "+49 30
 * 1234567", "-5") is left as it is: it runs nothing, and a ' would be data to every other reader.
 */
export function neutralise(v: string): string {
  return FORMULA_START.test(v) && !PLAIN_DATA.test(v) ? `'${v}` : v;
}

/** The neutralising ' taken off again on import, for a value that needs it: the round trip is exact. */
export function unneutralise(v: string): string {
  return v.startsWith("'") && FORMULA_START.test(v.slice(1)) && !PLAIN_DATA.test(v.slice(1)) ? v.slice(1) : v;
}

/**
 * A phone in CSV as Excel keeps it: a phone Excel would read as a number (02155551234 loses its
 * zero, 13800001111 becomes 1.38E+10) or as a formula (+49 30 1234567) is written ="…", which
 * Excel and WPS show as the text inside; any other phone is written as it is.
 */
export function phoneCell(v: string): string {
  // (a cell of several phones, one a line, is text to every reader already)
  if (v.includes("\n")) return v;
  return /^[+=\-@]/.test(v) || /^[\d .]+$/.test(v) || /^\d+[eE]\d+$/.test(v) ? `="${v.replace(/"/g, '""')}"` : v;
}

/** ="…" as phoneCell writes it, read back as its text. */
export function unwrapFormulaText(v: string): string {
  const m = /^="((?:[^"]|"")*)"$/.exec(v);
  return m ? m[1]!.replace(/""/g, '"') : v;
}

const moneyText = (cents: number) => (cents / 100).toFixed(2);

export function toCsv(sheet: Sheet, bom: boolean): string {
  const rows = sheet.rows.map((r) =>
    sheet.columns.map((c, i) => {
      const v = r[i];
      if (v === undefined || v === "") return "";
      if (c.type === "money") return moneyText(v as number);
      if (c.type === "int") return String(v);
      if (c.type === "phone") return phoneCell(String(v));
      if (c.type === "text") return neutralise(String(v));
      return String(v);
    }),
  );
  return (
    (bom ? "\uFEFF" : "") +
    stringify([sheet.columns.map((c) => c.heading), ...rows], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ })
  );
}

/** A wall-clock date or date-time as the Date exceljs writes as that Excel serial (its UTC fields). */
function excelDate(v: string): Date {
  const [d, time = "00:00"] = v.split(" ");
  const [y, m, day] = d!.split("-").map(Number) as [number, number, number];
  const [h, mi, s = 0] = time.split(":").map(Number) as [number, number, number?];
  return new Date(Date.UTC(y, m - 1, day, h, mi, s));
}

/** The width a person reads: a Chinese character is two columns. */
const textWidth = (s: string) =>
  [...s].reduce(
    (n, ch) =>
      n +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1),
    0,
  );

const FORMATS: Partial<Record<ColumnType, string>> = {
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
  time: "hh:mm",
  money: "#,##0.00",
  int: "0",
  phone: "@",
  id: "@",
};
const WIDTHS: Partial<Record<ColumnType, number>> = { date: 12, datetime: 17, time: 7, money: 12 };

/** Sheets as one .xlsx workbook: typed cells, the heading row frozen and filtered, widths that fit. */
export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({
      header: c.heading,
      style: FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of sheet.rows) {
      ws.addRow(
        sheet.columns.map((c, i) => {
          const v = r[i];
          if (v === undefined || v === "") return null; // a blank is an empty cell, not ""
          if (c.type === "money") return (v as number) / 100;
          if (c.type === "int") return Number(v);
          if (c.type === "date" || c.type === "datetime") return excelDate(String(v));
          if (c.type === "time") {
            const [h, m] = String(v).split(":").map(Number) as [number, number];
            return (h * 60 + m) / 1440;
          }
          // text, phones and IDs are strings: nothing a customer typed can become a formula
          return String(v);
        }),
      );
    }
    sheet.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      const longest = Math.max(
        textWidth(c.heading) + 2,
        ...sheet.rows.map(
          (r) =>
            Math.max(
              ...String(r[i] ?? "")
                .split("\n")
                .map(textWidth),
            ) + 1,
        ),
      );
      col.width = Math.min(
        50,
        Math.max(6, WIDTHS[c.type] ?? 0, c.type === "money" || c.type === "int" ? textWidth(c.heading) + 2 : longest),
      );
      if (c.type === "text" && sheet.rows.some((r) => String(r[i] ?? "").includes("\n")))
        col.alignment = { wrapText: true, vertical: "top" };
    });
    ws.getRow(1).alignment = { vertical: "middle" };
    if (sheet.columns.length)
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
