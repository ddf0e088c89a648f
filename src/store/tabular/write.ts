// Writing typed sheets: CSV that Excel opens right (BOM, phones as text, one date format a
// column), or .xlsx with real dates, numbers and text. Nothing a spreadsheet would run as a formula.
import { stringify } from "csv-stringify/sync";

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
