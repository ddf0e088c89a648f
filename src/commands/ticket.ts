// aftercare ticket open | list | show: a repair request, installation, maintenance visit,
// consultation or complaint, filed the moment it comes in (R-FILE-SAME-DAY).
import { parseInput, UsageError } from "../errors.js";
import type { Context } from "../context.js";
import { CHANNELS, TICKET_KINDS, TICKET_STATUSES, ticketSchema, type Ticket, type TicketStatus } from "../domain/schema.js";
import { estimateTotals, formatMoney, noGuarantee } from "../domain/shop.js";
import { formatShort } from "../domain/time.js";
import { dutyHistory } from "../format/duties.js";
import { contactTable } from "../format/records.js";
import { fields, table } from "../format/table.js";
import { allDuties } from "./due.js";
import { oneLine, safe } from "../format/text.js";
import { planOf, withPlan } from "./ticket-life.js";
import { choice, customerName, customerOrAsk, dateTimeFlag, fill, findCustomer, findRecord, firstPhone, nowStamp, written, happened } from "./common.js";

export interface TicketOpenOptions {
  customer?: string;
  problem?: string;
  request?: string;
  kind?: string;
  channel?: string;
  received?: string;
  assignee?: string;
  appointment?: string;
  /** R-NEXT-SERVICE: the next contact planned while filing (A2) */
  nextDate?: string;
  nextTopic?: string;
}

export async function ticketOpen(opts: TicketOpenOptions, ctx: Context) {
  const store = await ctx.store();
  choice(opts.kind, TICKET_KINDS, "--kind");
  choice(opts.channel, CHANNELS, "--channel");
  // at a terminal, a missing customer or problem walks the clerk through the ticket
  const found = opts.customer ? undefined : await customerOrAsk(ctx, undefined);
  const customerInput = opts.customer ?? found?.id;
  const [problem, request, channel0, kind0] = await fill(ctx, "ticket open", [
    { flag: "--customer", value: customerInput, message: "Customer" },
    { flag: "--problem", value: opts.problem, message: "Problem, as the customer tells it" },
    { flag: "--request", value: opts.request, message: "Service the customer wants", optional: true },
    { flag: "--channel", value: opts.channel, message: "Came in by", choices: CHANNELS, default: "phone", optional: true },
    { flag: "--kind", value: opts.kind, message: "Kind of request", choices: TICKET_KINDS, default: "repair", optional: true },
  ]).then((v) => v.slice(1));
  const kind = choice(kind0 ?? "repair", TICKET_KINDS, "--kind")!;
  const channel = choice(channel0 ?? "phone", CHANNELS, "--channel")!;
  opts = { ...opts, problem, request };
  const customer = found ?? (await findCustomer(ctx, customerInput!));
  const actor = await ctx.actor();
  // every duty has an owner: the designated follow-up clerk (A1) when on the staff list, else whoever files it
  const clerk = store.settings.staff.find((s) => s.name === store.settings.followupClerk && !s.left);
  const assignee = opts.assignee ? (await ctx.staffNamed(opts.assignee, "--assignee")).name : (clerk ?? actor).name;
  const filed = await nowStamp(ctx);
  const received = (await dateTimeFlag(ctx, opts.received, "--received")) ?? filed;
  if (new Date(received) > new Date(filed)) throw new UsageError(`--received ${received} is in the future; a request is filed after it comes in; nothing was written`);
  if (opts.appointment !== undefined && kind !== "shop") throw new UsageError("--appointment is for vehicles at the reception desk: add --kind shop; nothing was written");
  const appointment = await dateTimeFlag(ctx, opts.appointment, "--appointment");
  if (appointment && new Date(appointment) < new Date(filed))
    throw new UsageError(`--appointment ${formatShort(new Date(appointment), store.settings.timezone)} is in the past; give the time the vehicle is to come in; nothing was written`);
  const plan = await planOf(ctx, opts);
  const ticket = parseInput(ticketSchema, {
    customer: customer.id,
    received,
    filed,
    channel,
    kind,
    problem: opts.problem,
    request: opts.request,
    status: "open",
    assignee,
    appointment,
    ...withPlan({} as Ticket, plan, filed, actor.name),
  } satisfies Partial<Ticket>, { "plans.date": "--next-date", "plans.topic": "--next-topic" });
  return ctx.writing(async () => {
    const rec = await store.create("ticket", ticket, await ctx.now(), ctx.random);
    await ctx.commit([rec.path], `ticket ${rec.id} opened (${kind}${plan ? `, next contact ${plan.date}` : ""}) — ${customer.value.name}`, actor);
    const say = await ctx.say();
    const sentence =
      say.t("w.openedTicket", { id: rec.id, customer: `${oneLine(customer.value.name)}${firstPhone(customer.value) ? ` (${firstPhone(customer.value)})` : ""}` }) +
      (!opts.assignee && assignee !== actor.name ? say.t("w.assignedTo", { name: oneLine(assignee) }) : "") +
      (plan ? say.t("w.nextPlanned", { date: plan.date }) : "");
    written(ctx, rec, sentence);
    return rec;
  });
}

const ACTIVE: TicketStatus[] = ["open", "escalated", "dispatched", "onsite"];

export interface TicketListOptions {
  status?: string;
  customer?: string;
  assignee?: string;
}

export async function ticketList(opts: TicketListOptions, ctx: Context) {
  const store = await ctx.store();
  let statuses: readonly TicketStatus[] = ACTIVE;
  if (opts.status === "all") statuses = TICKET_STATUSES;
  else if (opts.status) statuses = opts.status.split(",").map((s) => choice(s.trim(), TICKET_STATUSES, "--status")!);
  const customerId = opts.customer ? (await findCustomer(ctx, opts.customer)).id : undefined;
  const customers = new Map((await store.all("customer", (m) => ctx.io.err(m))).map((c) => [c.id, c.value]));
  const list = (await store.all("ticket", (m) => ctx.io.err(m)))
    .filter((t) => statuses.includes(t.value.status))
    .filter((t) => !customerId || t.value.customer === customerId)
    .filter((t) => !opts.assignee || t.value.assignee === opts.assignee || t.value.dispatch?.technician === opts.assignee)
    .sort((a, b) => a.value.received.localeCompare(b.value.received) || a.id.localeCompare(b.id));
  if (ctx.json) {
    ctx.io.out(JSON.stringify(list.map((t) => ({ id: t.id, ...t.value })), null, 2) + "\n");
    return list;
  }
  if (!list.length) {
    ctx.io.err(`no ${opts.status ? `${opts.status} ` : "open "}tickets${customerId ? ` for ${customerId}` : ""}\n`);
    return list;
  }
  const tz = store.settings.timezone;
  const say = await ctx.say();
  ctx.io.out(
    table(
      ctx.io,
      [say.t("h.id"), say.t("h.received"), say.t("h.customer"), say.t("h.kind"), say.t("h.status"), say.t("h.assignee"), say.t("h.problem")],
      list.map((t) => [
        t.id,
        formatShort(new Date(t.value.received), tz),
        oneLine(customerName(customers.get(t.value.customer), t.value.customer), 24),
        say.value(t.value.kind),
        say.value(t.value.status),
        oneLine(t.value.dispatch?.technician ?? t.value.assignee ?? "", 10),
        oneLine(t.value.problem, 40),
      ]),
    ),
  );
  return list;
}

export async function ticketShow(opts: { id: string }, ctx: Context) {
  const store = await ctx.store();
  const t = await findRecord(ctx, "ticket", opts.id);
  const idx = await ctx.index();
  const customer = idx ? idx.anywhere("customer", t.value.customer) : (await store.load("customer")).records.find((c) => c.id === t.value.customer)?.value;
  // on a replayed day (--now in the past), the contacts made by then, as the duties see them
  const by = await happened(ctx);
  if (idx) for (const w of idx.warnings(["contact"])) ctx.io.err(w);
  const contacts = (idx ? idx.contactsOfTicket(t.id) : (await store.all("contact", (m) => ctx.io.err(m))).filter((k) => k.value.ticket === t.id))
    .filter((k) => by(k.value.at))
    .sort((a, b) => a.value.at.localeCompare(b.value.at));
  const { list, today } = await allDuties(ctx, { ticket: t.id });
  const mine = list.filter((d) => d.ticket === t.id);
  if (ctx.json) {
    ctx.io.out(JSON.stringify({ id: t.id, ...t.value, contacts: contacts.map((k) => ({ id: k.id, ...k.value })), duties: mine }, null, 2) + "\n");
    return t;
  }
  const tz = store.settings.timezone;
  const when = (s?: string) => (s ? formatShort(new Date(s), tz) : undefined);
  const money = (c: number) => formatMoney(c, store.settings.currency ?? "CNY", store.settings.locale);
  const v = t.value;
  const io = ctx.io;
  const say = await ctx.say();
  let out = `${io.color.bold(t.id)}  ${say.value(v.kind)} · ${say.word(v.status)}\n`;
  out += fields(io, [
    [say.t("f.customer"), `${v.customer} ${customerName(customer, "(unknown)")}${firstPhone(customer) ? `  ${firstPhone(customer)}` : ""}`],
    [say.t("f.received"), `${when(v.received)} ${say.t("v.by")} ${say.value(v.channel)}${v.filed.slice(0, 10) !== v.received.slice(0, 10) ? ` (${say.t("v.filedAt", { time: when(v.filed)! })})` : ""}`],
    [say.t("f.problem"), safe(v.problem)],
    [say.t("f.request"), v.request && safe(v.request)],
    [say.t("f.assignee"), v.assignee && safe(v.assignee)],
    [say.t("f.escalated"), v.escalation && `${when(v.escalation.at)} ${say.t("v.to")} ${safe(v.escalation.to)}${v.escalation.note ? ` — ${safe(v.escalation.note)}` : ""}`],
    [
      say.t("f.dispatched"),
      v.dispatch &&
        `${when(v.dispatch.at)}: ${safe(v.dispatch.technician)}` +
          (v.dispatch.depart ? say.t("duty.leaves", { time: when(v.dispatch.depart)! }) : "") +
          (v.dispatch.arrive ? say.t("duty.arrives", { time: when(v.dispatch.arrive)! }) : "") +
          (v.dispatch.arrived ? `, on site ${when(v.dispatch.arrived)}` : ""),
    ],
    [say.t("f.resolved"), v.resolution && `${when(v.resolution.at)} — ${safe(v.resolution.note)}`],
    [say.t("f.closed"), when(v.closed)],
    [say.t("f.cancelled"), v.cancelled && `${when(v.cancelled.at)}${v.cancelled.reason ? ` — ${safe(v.cancelled.reason)}` : ""}`],
    [say.t("f.reopened"), v.reopened?.map((r) => `${when(r.at)}${r.note ? ` — ${safe(r.note)}` : ""}`).join("; ")],
    [say.t("f.scheduled"), v.schedule && `${v.schedule.date} — ${safe(v.schedule.reason)}`],
    [say.t("f.plans"), v.plans?.map((p) => `${p.date} ${safe(p.topic)}`).join("; ")],
    ...shopFields(v, when, money, store.settings.criticalSystems),
  ]);
  out += `\n${io.color.bold(say.t("s.contacts", { n: contacts.length }))}\n${contactTable(io, contacts, tz, say)}`;
  out += `\n${io.color.bold(say.t("s.duties", { n: mine.length }))}\n${dutyHistory(io, mine, today, tz, say)}`;
  io.out(out);
  return t;
}

/** The reception desk's part of a ticket (kind shop): vehicle, estimate, workshop, extras, bill. */
function shopFields(v: Ticket, when: (s?: string) => string | undefined, money: (c: number) => string, critical?: string[]): [string, string | undefined][] {
  if (v.kind !== "shop") return [];
  const i = v.intake;
  const totals = estimateTotals(v.estimate);
  return [
    ["appointment", when(v.appointment)],
    ["vehicle", i && `${safe(i.plate)}${i.model ? ` ${safe(i.model)}` : ""}${i.vin ? ` VIN ${safe(i.vin)}` : ""}, ${i.odometer} km, fuel ${safe(i.fuel)}, key tag ${safe(i.keyTag)}; taken in ${when(i.at)}`],
    ["papers", i && (i.papers.ok ? "valid and complete" : safe(i.papers.note ?? "not in order"))],
    ["damage", i?.damage?.map(safe).join("; ")],
    ["belongings", i?.belongings?.map(safe).join("; ")],
    ["diagnosis", v.estimate?.diagnosis && safe(v.estimate.diagnosis) + (v.estimate.advice ? ` — advice: ${safe(v.estimate.advice)}` : "")],
    [
      "estimate",
      v.estimate &&
        `by ${v.estimate.mode}: ` +
          v.estimate.lines.map((l) => `${safe(l.item)} ${money(l.labour + (l.parts ?? []).reduce((s, p) => s + p.amount, 0))}`).join("; ") +
          `; total ${money(totals.total)}` +
          (v.estimate.diagnosisFee ? ` (diagnosis fee ${money(v.estimate.diagnosisFee)})` : ""),
    ],
    ["no guarantee", noGuarantee(v.estimate, critical).map((n) => `${safe(n.part)} (${n.reason === "customer-supplied" ? "customer's own part" : "aftermarket, critical system"})`).join("; ") || undefined],
    ["workshop", v.handover && `${when(v.handover.at)} to ${safe(v.handover.receiver)}, promised ${when(v.handover.promise)}`],
    ...(v.promises ?? []).map((p): [string, string] => ["promise revised", `${when(p.at)}: now ${when(p.promise)} — ${safe(p.reason)}`]),
    ...(v.extras ?? []).map((x): [string, string] => [
      `extra ${x.no}`,
      `${safe(x.item)}${x.safety ? " (safety)" : ""}${x.amount ? ` ${money(x.amount)}` : ""} — ${x.answer ? `${x.answer.approved ? "approved" : "declined"} ${when(x.answer.at)} via ${x.answer.via}${x.answer.by ? ` by ${safe(x.answer.by)}` : ""}` : "waiting for the customer's answer"}`,
    ]),
    ["progress", v.progress?.map((p) => `${when(p.at)}${p.note ? ` ${safe(p.note)}` : ""}${p.finish ? ` (finish ${when(p.finish)})` : ""}`).join("; ")],
    ["ready", v.ready && `${when(v.ready.at)}, bill ${money(v.ready.bill)}${v.ready.belongings ? ", belongings all returned" : ""}${v.ready.note ? `; ${safe(v.ready.note)}` : ""}`],
    ["delivered", v.delivery && `${when(v.delivery.at)}, paid ${money(v.delivery.paid)}`],
  ];
}
