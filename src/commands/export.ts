// aftercare export customers | tickets | contacts | duties: the records as CSV (a BOM for a
// Chinese store, so Excel reads it), JSON or .xlsx with real types, filtered by month or range.
// Headings are in the language shown (--locale); the sheets themselves are services/export-sheets.ts.
import { jsonText } from "../format/json.js";
import { UsageError } from "../errors.js";
import type { Context } from "../context.js";
import { isMonth, monthPeriod, storedDay, storedMoment } from "../domain/kpi.js";
import { formatDateTime } from "../domain/time.js";
import { t, type MessageKey } from "../i18n.js";
import { toCsv, toXlsx, type Sheet } from "../store/tabular.js";
import { dateFlag } from "../services/flags.js";
import { writeOutput } from "../services/output.js";
import { allDuties } from "../services/duties.js";
import { contactSheet, customerSheet, dutySheet, ticketSheet, type SheetWords } from "../services/export-sheets.js";
import { dutyJson, recordJson } from "../format/json.js";

export const EXPORTS = ["customers", "tickets", "contacts", "duties"] as const;
export const FORMATS = ["csv", "json", "xlsx"] as const;

export interface ExportOptions {
  what: string;
  format?: string;
  month?: string;
  from?: string;
  to?: string;
  /** true: --bom; false: --no-bom; undefined: a BOM for a zh-CN store */
  bom?: boolean;
  output?: string;
}

/** A stored date-time as the company's wall clock, "YYYY-MM-DD HH:MM:SS"; a bare date as its day. */
function wall(at: string | undefined, tz: string): string | undefined {
  if (!at) return undefined;
  if (at.length === 10) return at;
  return formatDateTime(new Date(at), tz).slice(0, 19).replace("T", " ");
}

/** One format a column: date-times lose ":00" seconds only when every value in the column has none. */
function evenColumns(sheet: Sheet): Sheet {
  sheet.columns.forEach((c, i) => {
    if (c.type !== "datetime") return;
    const seconds = sheet.rows.some((r) => typeof r[i] === "string" && !/:00$/.test(r[i]));
    if (!seconds) for (const r of sheet.rows) if (typeof r[i] === "string") r[i] = r[i].slice(0, 16);
  });
  return sheet;
}

export async function exportRecords(opts: ExportOptions, ctx: Context) {
  const locale = await ctx.locale();
  const say = (k: MessageKey, p?: Record<string, string | number>) => t(locale, k, p);
  const format = checkedFormat(opts, say);
  const store = await ctx.store();
  const tz = store.settings.timezone;
  const inRange = await rangeOf(ctx, opts, tz, say);
  /** in the order things happened, whatever offset each time was written with */
  const byTime = (a: string, b: string) => storedMoment(a, tz) - storedMoment(b, tz);
  const warn = (m: string) => ctx.io.err(m);
  const w = (at: string | undefined) => wall(at, tz);
  const customers = await store.all("customer", warn);
  const names = new Map(customers.map((c) => [c.id, c.value.name]));
  const wd: SheetWords = { say, w, names, currency: store.settings.currency ?? "CNY", tz };
  let sheet: Sheet;
  let data: object[];
  if (opts.what === "customers") {
    const list = customers
      .filter((c) => inRange(c.value.created))
      .sort((a, b) => byTime(a.value.created, b.value.created));
    data = list.map((c) => recordJson("customer", c));
    sheet = customerSheet(list, say, w);
  } else if (opts.what === "tickets") {
    const list = (await store.all("ticket", warn))
      .filter((x) => inRange(x.value.received))
      .sort((a, b) => byTime(a.value.received, b.value.received));
    data = list.map((x) => recordJson("ticket", x));
    sheet = ticketSheet(list, wd);
  } else if (opts.what === "contacts") {
    const list = (await store.all("contact", warn))
      .filter((c) => inRange(c.value.at))
      .sort((a, b) => byTime(a.value.at, b.value.at));
    data = list.map((c) => recordJson("contact", c));
    sheet = contactSheet(list, wd);
  } else {
    const list = (await allDuties(ctx)).list.filter((d) => inRange(d.deadline));
    data = list.map(dutyJson);
    sheet = dutySheet(list, wd);
  }
  evenColumns(sheet);
  await emit(ctx, opts, { format, sheet, data, bom: opts.bom ?? store.settings.locale === "zh-CN" }, say);
  return { rows: sheet.rows.length };
}

type Say = (k: MessageKey, p?: Record<string, string | number>) => string;

/** What to export and how, refused when it is not one aftercare knows; the format. */
function checkedFormat(opts: ExportOptions, say: Say): string {
  if (!(EXPORTS as readonly string[]).includes(opts.what))
    throw new UsageError(say("exp.what", { what: opts.what, choices: EXPORTS.join(", ") }));
  const format = opts.format ?? "csv";
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(say("exp.format", { format, choices: FORMATS.join(", ") }));
  if (opts.month && !isMonth(opts.month)) throw new UsageError(say("exp.month", { month: opts.month }));
  if (opts.month && (opts.from || opts.to)) throw new UsageError(say("exp.monthAndRange"));
  return format;
}

/** Whether a record's moment falls in --month or --from/--to (every record without them). */
async function rangeOf(ctx: Context, opts: ExportOptions, tz: string, say: Say) {
  // a month is its calendar days in the store's zone; a record's day is the company's, whatever offset it was written with
  const month = opts.month ? monthPeriod(opts.month) : undefined;
  const from = month ? month.from : await dateFlag(ctx, opts.from, "--from");
  const to = month ? month.to : await dateFlag(ctx, opts.to, "--to");
  if (from && to && to < from) throw new UsageError(say("exp.toBeforeFrom", { from, to }));
  return (at: string | undefined) => {
    if (!from && !to) return true;
    if (!at) return false;
    const d = storedDay(at, tz);
    return (!from || d >= from) && (!to || d <= to);
  };
}

/** The sheet as JSON, CSV or a workbook, to --output or stdout (a workbook never to a terminal). */
async function emit(
  ctx: Context,
  opts: ExportOptions,
  e: { format: string; sheet: Sheet; data: object[]; bom: boolean },
  say: Say,
): Promise<void> {
  let out: string | Buffer;
  if (e.format === "json") out = jsonText(e.data);
  else if (e.format === "csv") out = toCsv(e.sheet, e.bom);
  else {
    if (!opts.output && ctx.io.isTTY) throw new UsageError(say("exp.xlsxTty"));
    out = await toXlsx([e.sheet]);
  }
  if (opts.output) {
    await writeOutput(ctx, opts.output, out);
    ctx.io.err(
      `${say("exp.done", { n: e.sheet.rows.length, what: say(`exp.${opts.what}` as MessageKey), file: opts.output })}\n`,
    );
  } else ctx.io.out(out as string); // a workbook's bytes go to a pipe or file as they are (a terminal was refused above)
}
