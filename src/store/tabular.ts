// Spreadsheets in and out: CSV in any encoding a Chinese office uses (UTF-8 with or without BOM,
// GB18030/GBK, UTF-16), and .xlsx through exceljs.
import { promises as fs } from "node:fs";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { UsageError, UserError } from "../errors.js";

export type Table = { header: string[]; rows: string[][] };

const DELIMITER_NAMES: Record<string, string> = { ",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars" };
const DELIMITER_WORDS: Record<string, string> = { ",": ",", comma: ",", ";": ";", semicolon: ";", "\t": "\t", "\\t": "\t", tab: "\t", "|": "|", pipe: "|" };

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
 * The one separator of a CSV file, from its header row: the most frequent of comma, semicolon and
 * tab outside quotes (a header with none is one column). A tie is not guessed: --delimiter says.
 */
export function sniffDelimiter(text: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  const [first, second] = Object.entries(counts).sort((a, b) => b[1] - a[1]) as [string, number][];
  if (first![1] === 0) return ",";
  if (first![1] === second![1])
    throw new UsageError(`the header row has as many ${delimiterName(first![0])} as ${delimiterName(second![0])} (${first![1]}): say which separates the columns with --delimiter ${first![0] === "\t" ? "tab" : first![0]} or --delimiter ${second![0] === "\t" ? "tab" : second![0]}; nothing was written`);
  return first![0];
}

const ENCODINGS: Record<string, string> = { "utf8": "utf-8", "utf-8": "utf-8", gbk: "gb18030", gb2312: "gb18030", gb18030: "gb18030", "utf16": "utf-16le", "utf-16": "utf-16le", "utf16le": "utf-16le", "utf-16le": "utf-16le", "utf16be": "utf-16be", "utf-16be": "utf-16be" };

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
  if (!enc) throw new UserError(`--encoding "${encoding}" is not one aftercare reads; use utf-8, gb18030 (also for GBK), utf-16le or utf-16be`);
  try {
    const text = new TextDecoder(enc, { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: enc };
  } catch {
    throw new UserError(`the file is not valid ${enc}${encoding ? "" : " (detected)"}; say its encoding with --encoding gb18030|utf-8|utf-16le`);
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as { text?: unknown; richText?: { text: string }[]; result?: unknown; hyperlink?: string };
    if (o.richText) return o.richText.map((r) => r.text).join("");
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return cellText(o.result);
    return "";
  }
  return String(v);
}

/**
 * Read a CSV or .xlsx file as a header and rows of text. A CSV's cells are split on one separator,
 * sniffed from its header row or given (`delimiter`), and returned with it: a row whose count of
 * cells differs from the header's is the caller's to refuse.
 */
export async function readTable(path: string, opts: { encoding?: string; sheet?: string; delimiter?: string } = {}): Promise<Table & { encoding?: string; delimiter?: string }> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch {
    throw new UserError(`cannot read ${path}: no such file`);
  }
  if (/\.xlsx$/i.test(path)) {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw new UserError(`${path} is not a readable .xlsx workbook (${(e as Error).message})`);
    }
    const ws = opts.sheet ? wb.getWorksheet(opts.sheet) : wb.worksheets[0];
    if (!ws) throw new UserError(`${path} has no sheet ${opts.sheet ? `"${opts.sheet}"` : ""}; sheets: ${wb.worksheets.map((w) => w.name).join(", ")}`);
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      rows[n - 1] = values;
    });
    const all = Array.from(rows, (r) => r ?? []);
    return { header: (all[0] ?? []).map((h) => h.trim()), rows: all.slice(1) };
  }
  const { text, encoding } = decode(bytes, opts.encoding);
  const body = text.replace(/^\uFEFF/, "");
  const delimiter = opts.delimiter ? delimiterFlag(opts.delimiter) : sniffDelimiter(body);
  let records: string[][];
  try {
    // one separator for the whole file: "VIP;需开专票" in a comma file is one cell
    records = parse(body, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, delimiter });
  } catch (e) {
    throw new UserError(`${path} is not valid CSV (columns separated by ${delimiterName(delimiter)}): ${(e as Error).message}; nothing was written`);
  }
  return { header: (records[0] ?? []).map((h) => h.trim()), rows: records.slice(1), encoding, delimiter };
}

/** A cell a spreadsheet would run as a formula (=, +, -, @) is written as text. */
export function neutralise(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function toCsv(t: Table, bom: boolean): string {
  return (bom ? "\uFEFF" : "") + stringify([t.header, ...t.rows.map((r) => r.map(neutralise))], { record_delimiter: "\r\n" });
}

export async function toXlsx(t: Table, sheet: string): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(t.header).font = { bold: true };
  // every cell is written as a string: nothing a customer typed can become a formula
  for (const r of t.rows) ws.addRow(r);
  ws.columns.forEach((c, i) => (c.width = Math.min(60, Math.max(8, ...[t.header[i] ?? "", ...t.rows.map((r) => r[i] ?? "")].map((v) => [...v].length * 1.6)))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
