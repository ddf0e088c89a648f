// aftercare export customers | tickets | contacts | duties: the records as CSV (a BOM for a
// Chinese store, so Excel reads it), JSON or .xlsx with real types, filtered by month or range.
// Headings are in the language shown (--locale); a customer sheet is read back by `import
// customers` field for field (lists one item a line, a second contact in "contact 2" columns).
import { UsageError } from "../errors.js";
import type { Context } from "../context.js";
import type { Customer, Ticket } from "../domain/schema.js";
import { monthPeriod, storedDay, storedMoment } from "../domain/kpi.js";
import { formatDateTime } from "../domain/time.js";
import { t, type MessageKey } from "../i18n.js";
import { toCsv, toXlsx, type Column, type ColumnType, type Sheet, type Value } from "../store/tabular.js";
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
  /** true: --bom; false: --no-bom; undefined: a BOM for a zh-CN store */
  bom?: boolean;
  output?: string;
}

/** Several values in one cell, one a line: a line break is the one separator no one-line value holds. */
const lines = (xs: (string | undefined)[] | undefined) =>
  (xs ?? []).filter((x): x is string => Boolean(x)).join("\n") || undefined;
/** An item with parts (equipment, a vehicle) as "name | model | serial": a | inside a part is written \| */
export const parts = (xs: (string | undefined)[]) => {
  const out = xs.map((x) => (x ?? "").replace(/\|/g, "\\|"));
  while (out.length > 1 && !out[out.length - 1]) out.pop();
  return out.join(" | ");
};

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

type Spec = [key: MessageKey, type: ColumnType, params?: Record<string, string | number>];

export async function exportRecords(opts: ExportOptions, ctx: Context) {
  const locale = await ctx.locale();
  const say = (k: MessageKey, p?: Record<string, string | number>) => t(locale, k, p);
  if (!(EXPORTS as readonly string[]).includes(opts.what))
    throw new UsageError(say("exp.what", { what: opts.what, choices: EXPORTS.join(", ") }));
  const format = opts.format ?? "csv";
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(say("exp.format", { format, choices: FORMATS.join(", ") }));
  if (opts.month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month))
    throw new UsageError(say("exp.month", { month: opts.month }));
  if (opts.month && (opts.from || opts.to)) throw new UsageError(say("exp.monthAndRange"));
  const store = await ctx.store();
  const tz = store.settings.timezone;
  const currency = store.settings.currency ?? "CNY";
  // a month is its calendar days in the store's zone; a record's day is the company's, whatever offset it was written with
  const month = opts.month ? monthPeriod(opts.month) : undefined;
  const from = month ? month.from : await dateFlag(ctx, opts.from, "--from");
  const to = month ? month.to : await dateFlag(ctx, opts.to, "--to");
  if (from && to && to < from) throw new UsageError(say("exp.toBeforeFrom", { from, to }));
  const inRange = (at: string | undefined) => {
    if (!from && !to) return true;
    if (!at) return false;
    const d = storedDay(at, tz);
    return (!from || d >= from) && (!to || d <= to);
  };
  /** in the order things happened, whatever offset each time was written with */
  const byTime = (a: string, b: string) => storedMoment(a, tz) - storedMoment(b, tz);
  const warn = (m: string) => ctx.io.err(m);
  const w = (at: string | undefined) => wall(at, tz);
  const customers = await store.all("customer", warn);
  const names = new Map(customers.map((c) => [c.id, c.value.name]));
  const columns = (specs: Spec[]): Column[] => specs.map(([k, type, p]) => ({ heading: say(k, p), type }));
  let sheet: Sheet;
  let data: object[];
  if (opts.what === "customers") {
    const list = customers
      .filter((c) => inRange(c.value.created))
      .sort((a, b) => byTime(a.value.created, b.value.created));
    data = list.map((c) => ({ id: c.id, ...c.value }));
    sheet = customerSheet(
      list.map((c) => ({ id: c.id, value: c.value })),
      say,
      w,
    );
  } else if (opts.what === "tickets") {
    const list = (await store.all("ticket", warn))
      .filter((x) => inRange(x.value.received))
      .sort((a, b) => byTime(a.value.received, b.value.received));
    data = list.map((x) => ({ id: x.id, ...x.value }));
    const money = { currency };
    sheet = {
      name: "tickets",
      columns: columns([
        ["x.id", "id"],
        ["x.customer", "id"],
        ["x.customerName", "text"],
        ["x.kind", "text"],
        ["x.channel", "text"],
        ["x.received", "datetime"],
        ["x.filed", "datetime"],
        ["x.problem", "text"],
        ["x.request", "text"],
        ["x.status", "text"],
        ["x.assignee", "text"],
        ["x.escalated", "datetime"],
        ["x.escalatedTo", "text"],
        ["x.dispatched", "datetime"],
        ["x.technician", "text"],
        ["x.depart", "datetime"],
        ["x.arrive", "datetime"],
        ["x.resolved", "datetime"],
        ["x.solution", "text"],
        ["x.closed", "datetime"],
        ["x.cancelled", "datetime"],
        ["x.plate", "text"],
        ["x.odometer", "int"],
        ["x.promised", "datetime"],
        ["x.estimate", "money", money],
        ["x.bill", "money", money],
        ["x.paid", "money", money],
        ["x.delivered", "datetime"],
      ]),
      rows: list.map(({ id, value: k }) => [
        id,
        k.customer,
        names.get(k.customer),
        k.kind,
        k.channel,
        w(k.received),
        w(k.filed),
        k.problem,
        k.request,
        k.status,
        k.assignee,
        w(k.escalation?.at),
        k.escalation?.to,
        w(k.dispatch?.at),
        k.dispatch?.technician,
        w(k.dispatch?.depart),
        w(k.dispatch?.arrive),
        w(k.resolution?.at),
        k.resolution?.note,
        w(k.closed),
        w(k.cancelled?.at),
        k.intake?.plate,
        k.intake?.odometer,
        w(promised(k)),
        estimateTotal(k),
        k.ready?.bill,
        k.delivery?.paid,
        w(k.delivery?.at),
      ]),
    };
  } else if (opts.what === "contacts") {
    const list = (await store.all("contact", warn))
      .filter((c) => inRange(c.value.at))
      .sort((a, b) => byTime(a.value.at, b.value.at));
    data = list.map((c) => ({ id: c.id, ...c.value }));
    sheet = {
      name: "contacts",
      columns: columns([
        ["x.id", "id"],
        ["x.date", "date"],
        ["x.time", "time"],
        ["x.customer", "id"],
        ["x.customerName", "text"],
        ["x.ticket", "id"],
        ["x.event", "id"],
        ["x.via", "text"],
        ["x.direction", "text"],
        ["x.purpose", "text"],
        ["x.staff", "text"],
        ["x.person", "text"],
        ["x.summary", "text"],
        ["x.requests", "text"],
        ["x.complaints", "text"],
        ["x.satisfaction", "int"],
        ["x.nextDate", "date"],
        ["x.nextTopic", "text"],
        ["x.letterKind", "text"],
        ["x.letterSubject", "text"],
      ]),
      // a letter is sent on a day, a call happens at a time: the day and the time in two columns, each of one kind
      rows: list.map(({ id, value: c }) => {
        const at = w(c.at)!;
        return [
          id,
          at.slice(0, 10),
          at.length > 10 ? at.slice(11, 16) : undefined,
          c.customer,
          names.get(c.customer),
          c.ticket,
          c.event,
          c.channel,
          c.direction,
          c.purpose,
          c.staff,
          c.person,
          c.summary,
          lines(c.requests),
          lines(c.complaints),
          c.satisfaction,
          c.next?.date,
          c.next?.topic,
          c.letter?.kind,
          c.letter?.subject,
        ];
      }),
    };
  } else {
    const list = (await allDuties(ctx)).list.filter((d) => inRange(d.deadline));
    data = list;
    sheet = {
      name: "duties",
      columns: columns([
        ["x.key", "id"],
        ["x.rule", "text"],
        ["x.state", "text"],
        ["x.earliest", "date"],
        ["x.due", "date"],
        ["x.dueAt", "datetime"],
        ["x.assignee", "text"],
        ["x.owner", "text"],
        ["x.customer", "id"],
        ["x.customerName", "text"],
        ["x.record", "id"],
        ["x.todo", "text"],
        ["x.doneOn", "date"],
        ["x.daysLate", "int"],
      ]),
      rows: list.map((d) => [
        d.key,
        d.rule,
        d.state,
        d.earliest,
        d.due,
        w(d.dueAt),
        d.assignee,
        d.owner,
        d.customer,
        names.get(d.customer ?? ""),
        d.ticket ?? d.source,
        d.topic,
        d.done ? storedDay(d.done.at, tz) : undefined,
        d.daysLate,
      ]),
    };
  }
  evenColumns(sheet);
  let out: string | Buffer;
  if (format === "json") out = JSON.stringify(data, null, 2) + "\n";
  else if (format === "csv") out = toCsv(sheet, opts.bom ?? store.settings.locale === "zh-CN");
  else {
    if (!opts.output && ctx.io.isTTY) throw new UsageError(say("exp.xlsxTty"));
    out = await toXlsx([sheet]);
  }
  if (opts.output) {
    await writeOutput(ctx, opts.output, out);
    ctx.io.err(
      `${say("exp.done", { n: sheet.rows.length, what: say(`exp.${opts.what}` as MessageKey), file: opts.output })}\n`,
    );
  } else ctx.io.out(out as string); // a workbook's bytes go to a pipe or file as they are (a terminal was refused above)
  return { rows: sheet.rows.length };
}

/** The customer sheet: the first contact in its own columns, each further one in "contact 2", "phones 2"… */
export function customerSheet(
  list: { id: string; value: Customer }[],
  say: (k: MessageKey, p?: Record<string, string | number>) => string,
  w: (at: string | undefined) => string | undefined,
): Sheet {
  const most = Math.max(1, ...list.map((c) => c.value.contacts?.length ?? 0));
  const contactCols: Column[] = [];
  for (let n = 1; n <= most; n++)
    for (const [k, type] of [
      ["x.contact", "text"],
      ["x.title", "text"],
      ["x.phones", "phone"],
      ["x.email", "text"],
    ] as const)
      contactCols.push({ heading: n === 1 ? say(k) : say("x.numbered", { heading: say(k), n }), type });
  return {
    name: "customers",
    columns: [
      { heading: say("x.id"), type: "id" },
      { heading: say("x.name"), type: "text" },
      { heading: say("x.address"), type: "text" },
      ...contactCols,
      { heading: say("x.tags"), type: "text" },
      { heading: say("x.equipment"), type: "text" },
      { heading: say("x.vehicles"), type: "text" },
      { heading: say("x.note"), type: "text" },
      { heading: say("x.created"), type: "datetime" },
    ],
    rows: list.map(({ id, value: c }) => {
      const people: Value[] = [];
      for (let n = 0; n < most; n++) {
        const p = c.contacts?.[n];
        people.push(p?.name, p?.title, lines(p?.phones), p?.email);
      }
      return [
        id,
        c.name,
        c.address,
        ...people,
        lines(c.tags),
        lines(c.equipment?.map((e) => parts([e.name, e.model, e.serial, e.installed]))),
        lines(c.vehicles?.map((v) => parts([v.plate, v.model, v.vin]))),
        c.note,
        w(c.created),
      ];
    }),
  };
}

/** The promised completion: the latest revision (C-PROMISE), else the hand-over's. */
function promised(k: Ticket): string | undefined {
  return k.promises?.length ? k.promises[k.promises.length - 1]!.promise : k.handover?.promise;
}

/** The estimate's total in cents: labour and parts of every line. */
function estimateTotal(k: Ticket): number | undefined {
  if (!k.estimate) return undefined;
  return k.estimate.lines.reduce((sum, l) => sum + l.labour + (l.parts ?? []).reduce((s, p) => s + p.amount, 0), 0);
}
