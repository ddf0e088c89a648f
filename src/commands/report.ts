// aftercare report monthly | annual | calls | letters | call | customer: the reviews (R-MONTHLY)
// and the regulation's four forms (A5), as Markdown from templates.
import { UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import { duties } from "../domain/duties/index.js";
import { monthPeriod, yearPeriod } from "../domain/kpi.js";
import { LOCALES } from "../domain/schema.js";
import { addDays, dayOf, formatDateTime } from "../domain/time.js";
import type { Locale } from "../report/labels.js";
import { render } from "../report/render.js";
import { callsView, callView, customerView, lettersView, orderView, periodView, type Common } from "../report/view.js";
import { dutyInput } from "../store/duty-input.js";
import { exists, writeAtomic } from "../store/fsutil.js";
import { findCustomer, findRecord } from "./common.js";

export interface ReportOptions {
  locale?: string;
  template?: string;
}

async function setup(ctx: Context, opts: ReportOptions) {
  const store = await ctx.store();
  // a report is the company's document: the store's language unless --locale says otherwise
  const locale = (opts.locale ?? ctx.globals.locale ?? store.settings.locale) as Locale;
  if (!(LOCALES as readonly string[]).includes(locale)) throw new UsageError(`--locale "${opts.locale}" is not supported; use ${LOCALES.join(" or ")}`);
  const now = await ctx.now();
  const input = await dutyInput(store, now, (m) => ctx.io.err(m));
  const actor = ctx.globals.as ?? ctx.deps.env.AFTERCARE_USER ?? null;
  const common: Common = { company: store.settings.company, timezone: store.settings.timezone, locale, generated: formatDateTime(now, store.settings.timezone), generated_by: actor };
  const out = (name: string, view: object) =>
    render(`${name}.${locale}.md.liquid`, view, { locale, timezone: store.settings.timezone, currency: store.settings.currency ?? "CNY", storeTemplates: store.abs("templates"), file: opts.template, cwd: ctx.deps.cwd });
  return { store, now, input, common, out, today: dayOf(now, store.settings.timezone) };
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface PeriodReportOptions extends ReportOptions {
  period?: string;
  save?: boolean;
  force?: boolean;
}

async function periodReport(kind: "monthly" | "annual", opts: PeriodReportOptions, ctx: Context) {
  const { store, input, common, out, today } = await setup(ctx, opts);
  let label = opts.period;
  if (kind === "monthly") {
    label ??= addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    if (!MONTH_RE.test(label)) throw new UsageError(`month "${label}" must look like 2026-11`);
  } else {
    label ??= String(Number(today.slice(0, 4)) - 1);
    if (!/^\d{4}$/.test(label)) throw new UsageError(`year "${label}" must look like 2026`);
  }
  const period = kind === "monthly" ? monthPeriod(label) : yearPeriod(label);
  const text = await out(kind, periodView(input, period, common));
  if (!opts.save) {
    if (ctx.json) ctx.io.out(JSON.stringify(periodView(input, period, common), null, 2) + "\n");
    else ctx.io.out(text);
    return { text };
  }
  const path = `reports/${label}-${kind}.md`;
  const actor = await ctx.actor();
  return ctx.writing(async () => {
    if ((await exists(store.abs(path))) && !opts.force) throw new UserError(`${path} is already archived; pass --force to write it again (git keeps the old one); nothing was written`);
    const stamp = `<!-- aftercare report ${kind} ${label}, saved ${common.generated} by ${actor.name} -->\n`;
    await writeAtomic(store.abs(path), stamp + text);
    await ctx.commit([path], `report ${label} ${kind} saved — ${store.settings.company}`, actor);
    ctx.io.out(`${path}\n`);
    ctx.io.err(`saved the ${kind === "monthly" ? "monthly" : "year-end"} review ${label} to ${path} (R-MONTHLY)\n`);
    return { text, path };
  });
}

export const reportMonthly = (opts: PeriodReportOptions, ctx: Context) => periodReport("monthly", opts, ctx);
export const reportAnnual = (opts: PeriodReportOptions, ctx: Context) => periodReport("annual", opts, ctx);

function month(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!MONTH_RE.test(value)) throw new UsageError(`--month "${value}" must look like 2026-11`);
  return value;
}

async function show(ctx: Context, text: string, view: object) {
  ctx.io.out(ctx.json ? JSON.stringify(view, null, 2) + "\n" : text);
  return { text };
}

export async function reportCalls(opts: ReportOptions & { month?: string }, ctx: Context) {
  const { input, common, out } = await setup(ctx, opts);
  const view = callsView(input, month(opts.month), common);
  return show(ctx, await out("calls", view), view);
}

export async function reportLetters(opts: ReportOptions & { month?: string }, ctx: Context) {
  const { input, common, out } = await setup(ctx, opts);
  const view = lettersView(input, month(opts.month), common);
  return show(ctx, await out("letters", view), view);
}

export async function reportCall(opts: ReportOptions & { id: string }, ctx: Context) {
  const call = await findRecord(ctx, "contact", opts.id);
  if (call.value.channel !== "call") throw new UserError(`${call.id} is a ${call.value.channel}, not a call; the call record form is for calls`);
  const { input, common, out } = await setup(ctx, opts);
  const view = callView(input, call, common);
  return show(ctx, await out("call", view), view);
}

export async function reportCustomer(opts: ReportOptions & { id: string }, ctx: Context) {
  const customer = await findCustomer(ctx, opts.id, "ID");
  const { input, common, out } = await setup(ctx, opts);
  const view = customerView(input, customer, common, duties(input, common.locale));
  return show(ctx, await out("customer", view), view);
}

async function vehicleForm(name: "order" | "diagnosis", opts: ReportOptions & { id: string }, ctx: Context) {
  const ticket = await findRecord(ctx, "ticket", opts.id);
  if (ticket.value.kind !== "shop") throw new UserError(`ticket ${ticket.id} is a ${ticket.value.kind} ticket; the ${name === "order" ? "repair order" : "diagnosis sheet"} is for vehicles at the reception desk (kind shop)`);
  const { input, common, out } = await setup(ctx, opts);
  const view = orderView(input, ticket, common);
  return show(ctx, await out(name, view), view);
}

export const reportOrder = (opts: ReportOptions & { id: string }, ctx: Context) => vehicleForm("order", opts, ctx);
export const reportDiagnosis = (opts: ReportOptions & { id: string }, ctx: Context) => vehicleForm("diagnosis", opts, ctx);
