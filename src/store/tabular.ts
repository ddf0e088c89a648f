// Spreadsheets in and out. In: CSV in any encoding a Chinese office uses (UTF-8 with or without
// BOM, GB18030/GBK, UTF-16) and .xlsx through exceljs, as a grid of cells with their types; the
// old binary formats (.xls, WPS .et) and OpenDocument (.ods) are named and refused. Out: typed
// sheets as CSV that Excel opens right (BOM, phones as text, one date format a column) or .xlsx
// with real dates, numbers and text.
// The parts, in tabular/: text.ts (encodings, separators), read.ts (readGrid), write.ts (toCsv, toXlsx).
export { readGrid, type Cell, type Grid, type GridOptions } from "./tabular/read.js";
export { decode, delimiterFlag, delimiterName, detectEncoding, sniffDelimiter } from "./tabular/text.js";
export {
  neutralise,
  phoneCell,
  toCsv,
  toXlsx,
  unneutralise,
  unwrapFormulaText,
  type Column,
  type ColumnType,
  type Sheet,
  type Value,
} from "./tabular/write.js";
