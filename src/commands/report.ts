// aftercare report monthly | annual | calls | letters | call | customer: the reviews (R-MONTHLY)
// and the regulation's four forms (A5), as Markdown from templates.
import { EXIT, refusal, UserError } from "../errors.js";
import type { Context } from "../context.js";
import { duties } from "../domain/duties/index.js";
import { wordDuties } from "../format/duty-words.js";
import { translator } from "../i18n.js";
import { isMonth, monthPeriod, periodOver, yearPeriod, type Period } from "../domain/kpi.js";
import { LOCALES, type Staff } from "../domain/schema.js";
import { addDays, dayOf, formatDateTime, formatShort } from "../domain/time.js";
import type { Locale } from "../i18n.js";
import { render } from "../report/render.js";
import { fileReview, indexReview, type ReviewInput } from "../report/source.js";
import { callsView, callView, customerView, lettersView, orderView, reviewView, type Common } from "../report/view.js";
import { engineSettings } from "../store/calendar-source.js";
import { dutyInput, readStamp, savedReports, stampLine } from "../store/duty-input.js";
import { jsonText } from "../format/json.js";
import { findCustomer, findRecord } from "../services/find-record.js";
import { joined } from "../i18n-refusals.js";

export interface ReportOptions {
  template?: string;
}

/** The report's language, moment, heading and renderer, before any record is read. */
async function base(ctx: Context, opts: ReportOptions) {
  const store = await ctx.store();
  // a report is the company's document: the store's language unless --locale says otherwise
  const locale = (ctx.globals.locale ?? store.settings.locale) as Locale;
  if (!(LOCALES as readonly string[]).includes(locale))
    throw refusal("rf.reportLocale", { locale, choices: joined(LOCALES, "rf.or") }, EXIT.usage);
  const now = await ctx.now();
  const actor = ctx.globals.as ?? ctx.deps.env.AFTERCARE_USER ?? null;
  const common: Common = {
    company: store.settings.company,
    timezone: store.settings.timezone,
    locale,
    generated: formatDateTime(now, store.settings.timezone),
    generated_by: actor,
  };
  const out = (name: string, view: object) =>
    render(`${name}.${locale}.md.liquid`, view, {
      locale,
      timezone: store.settings.timezone,
      currency: store.settings.currency ?? "CNY",
      storeTemplates: store.abs("templates"),
      file: opts.template,
      cwd: ctx.deps.cwd,
    });
  return { store, now, common, out, locale, today: dayOf(now, store.settings.timezone) };
}

/** The above, with every record read (the registers and forms). */
async function setup(ctx: Context, opts: ReportOptions) {
  const b = await base(ctx, opts);
  const input = await dutyInput(b.store, b.now, (m) => ctx.io.err(m));
  return { ...b, input };
}

export interface PeriodReportOptions extends ReportOptions {
  period?: string;
  save?: boolean;
  force?: boolean;
}

/** Who may save a review (R-MONTHLY: the department supervisor holds it): a supervisor who has not left. */
const isSupervisor = (s: Staff, today: string) => s.role === "supervisor" && !(s.left && s.left <= today);

/**
 * A review is saved only once its period is over (00:00 of the next day in the store's zone) and
 * only by the department supervisor; anything else is refused before a file is touched.
 */
async function mustBeAllowedToSave(
  ctx: Context,
  kind: "monthly" | "annual",
  period: Period,
  now: Date,
  today: string,
): Promise<Staff> {
  const store = await ctx.store();
  const tz = store.settings.timezone;
  const say = await ctx.say();
  const what = say.t(kind === "monthly" ? "review.monthly" : "review.annual");
  const over = periodOver(period, tz);
  if (now.getTime() < over.getTime())
    throw new UserError(say.t("review.notEnded", { what, period: period.label, end: formatShort(over, tz), tz }));
  const actor = await ctx.actor();
  if (!isSupervisor(actor, today)) {
    const names = store.settings.staff.filter((s) => isSupervisor(s, today)).map((s) => s.name);
    const who = names.length
      ? say.t("review.askSupervisor", { names: names.join(", ") })
      : say.t("review.noSupervisor");
    throw new UserError(say.t("review.notSupervisor", { what, name: actor.name, role: say.word(actor.role), who }));
  }
  return actor;
}

async function periodReport(kind: "monthly" | "annual", opts: PeriodReportOptions, ctx: Context) {
  const { store, now, common, out, today, locale } = await base(ctx, opts);
  let label = opts.period;
  if (kind === "monthly") {
    label ??= addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    if (!isMonth(label)) throw refusal("rf.month", { label }, EXIT.usage);
  } else {
    label ??= String(Number(today.slice(0, 4)) - 1);
    if (!/^\d{4}$/.test(label)) throw refusal("rf.year", { label }, EXIT.usage);
  }
  const period = kind === "monthly" ? monthPeriod(label) : yearPeriod(label);
  // without --save it is a preview: anyone, any time
  const actor = opts.save ? await mustBeAllowedToSave(ctx, kind, period, now, today) : undefined;
  const view = reviewView(await reviewInput(ctx, period, locale), period, common);
  const text = await out(kind, view);
  if (!actor) {
    if (ctx.json) ctx.io.out(jsonText(view));
    else ctx.io.out(text);
    return { text };
  }
  const path = `reports/${label}-${kind}.md`;
  const tz = store.settings.timezone;
  return ctx.writing(async () => {
    const say = await ctx.say();
    const what = say.t(kind === "monthly" ? "review.monthly" : "review.annual");
    const old = await store.readFile(path);
    if (old !== undefined && !opts.force) throw new UserError(say.t("review.archived", { path }));
    // A corrected review keeps the date of its first save (R-MONTHLY is kept by the first). A file
    // whose first save could not count — none recorded, made before the period was over, or by
    // someone on the staff list who is not a supervisor — gets this save as its first.
    const prior = old === undefined ? {} : readStamp(old);
    const priorBy = prior.by === undefined ? undefined : store.settings.staff.find((s) => s.name === prior.by);
    const keeps =
      prior.saved !== undefined &&
      Date.parse(prior.saved) >= periodOver(period, tz).getTime() &&
      !(priorBy && priorBy.role !== "supervisor");
    const stamp = keeps
      ? stampLine(kind, label, { saved: prior.saved, by: prior.by, revised: common.generated, revisedBy: actor.name })
      : stampLine(kind, label, { saved: common.generated, by: actor.name });
    await store.writeFile(path, stamp + text);
    await ctx.commit(
      [path],
      `report ${label} ${kind} ${keeps ? "revised" : "saved"} — ${store.settings.company}`,
      actor,
    );
    ctx.io.out(`${path}\n`);
    const message = keeps
      ? say.t("review.revised", {
          what,
          period: label,
          path,
          first: formatShort(new Date(prior.saved!), tz),
          by: prior.by ? say.t("review.firstBy", { name: prior.by }) : "",
        })
      : say.t("review.saved", { what, period: label, path });
    ctx.io.err(`${message}\n`);
    return { text, path };
  });
}

/**
 * What a review is made from: the derived index when there is one (nothing else is read: the
 * figures at 205k records in docs/performance.md), else every record.
 */
async function reviewInput(ctx: Context, period: Period, locale: string): Promise<ReviewInput> {
  const store = await ctx.store();
  const now = await ctx.now();
  const idx = await ctx.index();
  if (!idx) return fileReview(await dutyInput(store, now, (m) => ctx.io.err(m)), period, locale);
  for (const w of idx.warnings()) ctx.io.err(w);
  const [settings, reports] = await Promise.all([engineSettings(store), savedReports(store)]);
  return indexReview(idx, { settings, reports, now, period, locale });
}

export const reportMonthly = (opts: PeriodReportOptions, ctx: Context) => periodReport("monthly", opts, ctx);
export const reportAnnual = (opts: PeriodReportOptions, ctx: Context) => periodReport("annual", opts, ctx);

function month(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!isMonth(value)) throw refusal("exp.month", { month: value }, EXIT.usage);
  return value;
}

function show(ctx: Context, text: string, view: object) {
  ctx.io.out(ctx.json ? jsonText(view) : text);
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
  if (call.value.channel !== "call")
    throw refusal("rf.notCall", { id: call.id, channel: { value: call.value.channel } });
  const { input, common, out } = await setup(ctx, opts);
  const view = callView(input, call, common);
  return show(ctx, await out("call", view), view);
}

export async function reportCustomer(opts: ReportOptions & { id: string }, ctx: Context) {
  const customer = await findCustomer(ctx, opts.id, "ID");
  const { input, common, out } = await setup(ctx, opts);
  const view = customerView(input, customer, common, wordDuties(duties(input), translator(common.locale)));
  return show(ctx, await out("customer", view), view);
}

async function vehicleForm(name: "order" | "diagnosis", opts: ReportOptions & { id: string }, ctx: Context) {
  const ticket = await findRecord(ctx, "ticket", opts.id);
  if (ticket.value.kind !== "shop")
    throw refusal("rf.notShop", {
      id: ticket.id,
      kind: { value: ticket.value.kind },
      form: { key: `rf.form.${name}` },
    });
  const { input, common, out } = await setup(ctx, opts);
  const view = orderView(input, ticket, common);
  return show(ctx, await out(name, view), view);
}

export const reportOrder = (opts: ReportOptions & { id: string }, ctx: Context) => vehicleForm("order", opts, ctx);
export const reportDiagnosis = (opts: ReportOptions & { id: string }, ctx: Context) =>
  vehicleForm("diagnosis", opts, ctx);
