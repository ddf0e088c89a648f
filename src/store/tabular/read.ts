// Reading a spreadsheet from outside: CSV in any encoding a Chinese office uses, .xlsx through
// exceljs, as a grid of typed cells; other workbooks are named and refused.
import { promises as fs } from "node:fs";
import { basename } from "node:path";
import { parse } from "csv-parse/sync";
import { UserError } from "../../errors.js";
import { t, type MessageKey } from "../../i18n.js";
import { textOf } from "../../format/text.js";
import { decode, delimiterFlag, delimiterName, sniffDelimiter } from "./text.js";

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

export interface GridOptions {
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  locale: string;
}

/**
 * Read a CSV or .xlsx file as a grid of cells. A CSV's cells are split on one separator, sniffed
 * from its heading row or given (`delimiter`). Other workbooks (.xls, .et, .ods) are refused with
 * what to do, in the user's language: the one library on npm that reads them (SheetJS 0.18.5) is
 * no longer maintained there and carries unfixed advisories for exactly this, reading files from
 * outside.
 */
export async function readGrid(path: string, opts: GridOptions): Promise<Grid> {
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
  if (/\.xlsx$/i.test(path) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return readXlsx(bytes, name, opts);
  return readCsv(bytes, path, opts);
}

/** A workbook's sheet (the first, or the one named) as a grid; a merged range's value stands once. */
async function readXlsx(bytes: Buffer, name: string, opts: GridOptions): Promise<Grid> {
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

/** csv-parse's error: its code and the line it stopped at. */
type CsvError = Error & { code?: string; lines?: number };
const CSV_WHY: Record<string, MessageKey> = {
  CSV_QUOTE_NOT_CLOSED: "imp.csvQuoteOpen",
  CSV_INVALID_CLOSING_QUOTE: "imp.csvQuoteClose",
};

/** Why a CSV file does not read, in the reader's language: csv-parse's own words only for a case the catalogue lacks. */
function badCsv(path: string, delimiter: string, e: CsvError, locale: string): string {
  const key = e.code ? CSV_WHY[e.code] : undefined;
  const why = key ? t(locale, key, { line: e.lines ?? "?" }) : e.message;
  const name = delimiterName(delimiter, (k) => t(locale, k));
  return t(locale, "imp.badCsv", { file: path, delimiter: name, why });
}

/** A CSV file's cells, split on one separator for the whole file. */
function readCsv(bytes: Buffer, path: string, opts: GridOptions): Grid {
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
    throw new UserError(badCsv(path, delimiter, e as CsvError, opts.locale));
  }
  return { rows: records, format: "csv", encoding, delimiter };
}
