// aftercare export customers | tickets | contacts | duties: the records as CSV (Excel opens it, with
// --bom for Chinese), JSON or .xlsx, filtered by month or date range.
import { UsageError } from "../errors.js";
import type { Context } from "../context.js";
import { monthPeriod, storedDay, storedMoment } from "../domain/kpi.js";
import { toCsv, toXlsx, type Table } from "../store/tabular.js";
import { dateFlag, writeOutput } from "./common.js";
import { allDuties } from "./due.js";

export const EXPORTS = ["customers", "tickets", "contacts", "duties"] as const;
export const FORMATS = ["csv", "json", "xlsx"] as const;

export interface ExportOptions {
  what: string;
  format?: string;
  month?: string;
  from?: string;
  to?: string;
  bom?: boolean;
  output?: string;
}

const join = (xs: string[] | undefined) => (xs ?? []).join("; ");

export async function exportRecords(opts: ExportOptions, ctx: Context) {
  if (!(EXPORTS as readonly string[]).includes(opts.what)) throw new UsageError(`cannot export "${opts.what}": choose ${EXPORTS.join(", ")}`);
  const format = opts.format ?? "csv";
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format "${format}" is not one of ${FORMATS.join(", ")}`);
  if (opts.month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new UsageError(`--month "${opts.month}" must look like 2026-11`);
  if (opts.month && (opts.from || opts.to)) throw new UsageError("give --month, or --from/--to, not both");
  const store = await ctx.store();
  const tz = store.settings.timezone;
  // a month is its calendar days in the store's zone; a record's day is the company's, whatever offset it was written with
  const month = opts.month ? monthPeriod(opts.month) : undefined;
  const from = month ? month.from : await dateFlag(ctx, opts.from, "--from");
  const to = month ? month.to : await dateFlag(ctx, opts.to, "--to");
  if (from && to && to < from) throw new UsageError(`--to ${to} is before --from ${from}; nothing to export`);
  const inRange = (at: string | undefined) => {
    if (!from && !to) return true;
    if (!at) return false;
    const d = storedDay(at, tz);
    return (!from || d >= from) && (!to || d <= to);
  };
  /** in the order things happened, whatever offset each time was written with */
  const byTime = (a: string, b: string) => storedMoment(a, tz) - storedMoment(b, tz);
  const warn = (m: string) => ctx.io.err(m);
  const customers = await store.all("customer", warn);
  const names = new Map(customers.map((c) => [c.id, c.value.name]));
  let table: Table;
  let data: object[];
  if (opts.what === "customers") {
    const list = customers.filter((c) => inRange(c.value.created)).sort((a, b) => byTime(a.value.created, b.value.created));
    data = list.map((c) => ({ id: c.id, ...c.value }));
    table = {
      header: ["id", "name", "address", "contact", "title", "phones", "email", "tags", "equipment", "note", "created"],
      rows: list.map(({ id, value: c }) => {
        const p = c.contacts?.[0];
        return [id, c.name, c.address ?? "", p?.name ?? "", p?.title ?? "", join(c.contacts?.flatMap((x) => x.phones ?? [])), p?.email ?? "", join(c.tags), join(c.equipment?.map((e) => [e.name, e.model].filter(Boolean).join(" "))), c.note ?? "", c.created];
      }),
    };
  } else if (opts.what === "tickets") {
    const list = (await store.all("ticket", warn)).filter((t) => inRange(t.value.received)).sort((a, b) => byTime(a.value.received, b.value.received));
    data = list.map((t) => ({ id: t.id, ...t.value }));
    table = {
      header: ["id", "customer", "customer name", "received", "filed", "channel", "kind", "problem", "request", "status", "assignee", "escalated", "escalated to", "dispatched", "technician", "resolved", "solution", "closed"],
      rows: list.map(({ id, value: t }) => [id, t.customer, names.get(t.customer) ?? "", t.received, t.filed, t.channel, t.kind, t.problem, t.request ?? "", t.status, t.assignee ?? "", t.escalation?.at ?? "", t.escalation?.to ?? "", t.dispatch?.at ?? "", t.dispatch?.technician ?? "", t.resolution?.at ?? "", t.resolution?.note ?? "", t.closed ?? ""]),
    };
  } else if (opts.what === "contacts") {
    const list = (await store.all("contact", warn)).filter((c) => inRange(c.value.at)).sort((a, b) => byTime(a.value.at, b.value.at));
    data = list.map((c) => ({ id: c.id, ...c.value }));
    table = {
      header: ["id", "at", "customer", "customer name", "ticket", "channel", "direction", "purpose", "staff", "person", "summary", "requests", "complaints", "satisfaction", "next date", "next topic", "letter kind", "letter subject"],
      rows: list.map(({ id, value: c }) => [id, c.at, c.customer, names.get(c.customer) ?? "", c.ticket ?? "", c.channel, c.direction, c.purpose, c.staff, c.person ?? "", c.summary ?? "", join(c.requests), join(c.complaints), c.satisfaction?.toString() ?? "", c.next?.date ?? "", c.next?.topic ?? "", c.letter?.kind ?? "", c.letter?.subject ?? ""]),
    };
  } else {
    const list = (await allDuties(ctx)).list.filter((d) => inRange(d.deadline));
    data = list;
    table = {
      header: ["key", "rule", "state", "earliest", "due", "due at", "assignee", "owner", "customer", "customer name", "record", "what to do", "done at", "days late"],
      rows: list.map((d) => [d.key, d.rule, d.state, d.earliest, d.due, d.dueAt ?? "", d.assignee ?? "", d.owner ?? "", d.customer ?? "", names.get(d.customer ?? "") ?? "", d.ticket ?? d.source, d.topic, d.done?.at ?? "", d.daysLate?.toString() ?? ""]),
    };
  }
  let out: string | Buffer;
  if (format === "json") out = JSON.stringify(data, null, 2) + "\n";
  else if (format === "csv") out = toCsv(table, Boolean(opts.bom));
  else {
    if (!opts.output && ctx.io.isTTY) throw new UsageError("an .xlsx workbook is not for the terminal: give --output FILE (or redirect to a file)");
    out = await toXlsx(table, opts.what);
  }
  if (opts.output) {
    await writeOutput(ctx, opts.output, out);
    ctx.io.err(`exported ${table.rows.length} ${opts.what} to ${opts.output}\n`);
  } else ctx.io.out(out as string);
  return { rows: table.rows.length };
}
