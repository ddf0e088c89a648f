// The reads the derived index answers at any size of store: customer list (--search), customer
// show and ticket show. Kept apart from the commands that write customers and tickets, so that a
// read loads neither the schemas (zod) nor YAML: it takes its records from the index when there
// is one (docs/performance.md), and from the files otherwise.
import type { Context } from "../context.js";
import type { Rec } from "../domain/duties/index.js";
import type { Customer, Ticket } from "../domain/schema.js";
import { estimateTotals, formatMoney, noGuarantee } from "../domain/shop.js";
import { isOpen } from "../domain/ticket.js";
import { formatShort } from "../domain/time.js";
import { dutyHistory } from "../format/duties.js";
import { contactTable, ticketTable } from "../format/records.js";
import { fields, table } from "../format/table.js";
import { oneLine, safe } from "../format/text.js";
import { channelLabel } from "../report/labels.js";
import { customerName, customerSearch, customerToShow, firstPhone, happened, recordToShow } from "./common.js";
import { allDuties } from "../services/duties.js";
import { dutyJson, recordJson } from "../format/json.js";

export async function customerList(opts: { search?: string }, ctx: Context) {
  const store = await ctx.store();
  const say = await ctx.say();
  let list: Rec<Customer>[];
  if (opts.search) list = (await (await customerSearch(ctx))(opts.search)).map((m) => m.item);
  else {
    const idx = await ctx.index();
    if (idx) for (const w of idx.warnings(["customer"])) ctx.io.err(w);
    list = (idx ? idx.all("customer") : await store.all("customer", (m) => ctx.io.err(m))).sort((a, b) =>
      a.value.name.localeCompare(b.value.name, "zh-CN"),
    );
  }
  if (ctx.json)
    ctx.io.out(
      JSON.stringify(
        list.map((c) => recordJson("customer", c)),
        null,
        2,
      ) + "\n",
    );
  else if (!list.length)
    ctx.io.err(
      opts.search
        ? `no customer matches "${opts.search}"\n`
        : "no customers yet; add one with 'aftercare customer add NAME'\n",
    );
  else
    ctx.io.out(
      table(
        ctx.io,
        [say.t("h.id"), say.t("h.customer"), say.t("h.contact"), say.t("h.phone"), say.t("h.tags")],
        list.map((c) => {
          const p = c.value.contacts?.[0];
          return [
            c.id,
            oneLine(c.value.name, 40),
            oneLine(p?.name, 16),
            oneLine(p?.phones?.[0]),
            oneLine((c.value.tags ?? []).join(",")),
          ];
        }),
      ),
    );
  return list;
}

export async function customerShow(opts: { id: string }, ctx: Context) {
  const store = await ctx.store();
  const idx = await ctx.index(); // first: what was typed is looked up in it too
  const c = await customerToShow(ctx, opts.id, "ID");
  const group = idx?.group(c.id);
  if (idx) for (const w of idx.warnings(["ticket"])) ctx.io.err(w);
  const tickets = (
    group ? group.tickets : (await store.all("ticket", (m) => ctx.io.err(m))).filter((t) => t.value.customer === c.id)
  ).sort((a, b) => b.value.received.localeCompare(a.value.received));
  // on a replayed day (--now in the past), the contacts made by then, as the duties see them
  const by = await happened(ctx);
  if (idx) for (const w of idx.warnings(["contact"])) ctx.io.err(w);
  const contacts = (
    group ? group.contacts : (await store.all("contact", (m) => ctx.io.err(m))).filter((k) => k.value.customer === c.id)
  )
    .filter((k) => by(k.value.at))
    .sort((a, b) => b.value.at.localeCompare(a.value.at));
  // the page shows the duties still open; --json every one
  const { list, today } = await allDuties(ctx, { customer: c.id, undone: !ctx.json });
  const open = list.filter(
    (d) => d.customer === c.id && (d.state === "overdue" || d.state === "due" || d.state === "upcoming"),
  );
  if (ctx.json) {
    const duties = list.filter((d) => d.customer === c.id);
    ctx.io.out(
      JSON.stringify(
        {
          ...recordJson("customer", c),
          tickets: tickets.map((t) => recordJson("ticket", t)),
          contacts: contacts.map((k) => recordJson("contact", k)),
          duties: duties.map(dutyJson),
        },
        null,
        2,
      ) + "\n",
    );
    return c;
  }
  const v = c.value;
  const tz = store.settings.timezone;
  const io = ctx.io;
  const say = await ctx.say();
  let out =
    `${io.color.bold(c.id)}  ${safe(v.name)}\n` +
    fields(io, [
      [say.t("f.address"), v.address && safe(v.address)],
      ...(v.contacts ?? []).map((p): [string, string] => [
        say.t("f.contact"),
        [p.title ? `${p.name} (${p.title})` : p.name, ...(p.phones ?? []), p.email]
          .filter(Boolean)
          .map((x) => safe(x!))
          .join("  "),
      ]),
      [say.t("f.tags"), v.tags?.map(safe).join(", ")],
      [
        say.t("f.equipment"),
        v.equipment?.map((e) => safe([e.name, e.model, e.serial].filter(Boolean).join(" "))).join("; "),
      ],
      [say.t("f.vehicles"), v.vehicles?.map((e) => safe([e.plate, e.model].filter(Boolean).join(" "))).join("; ")],
      [say.t("f.note"), v.note && safe(v.note)],
      [say.t("f.filed"), formatShort(new Date(v.created), tz)],
    ]);
  const openTickets = tickets.filter((t) => isOpen(t.value));
  out += `\n${io.color.bold(say.t("s.openDuties", { n: open.length }))}\n${dutyHistory(io, open, today, tz, say)}`;
  out += `\n${io.color.bold(say.t("s.tickets", { n: tickets.length, open: openTickets.length }))}\n${ticketTable(io, tickets, tz, say)}`;
  out += `\n${io.color.bold(say.t("s.contacts", { n: contacts.length }))}\n${contactTable(io, contacts.slice(0, 20), tz, say)}`;
  io.out(out);
  return c;
}

export async function ticketShow(opts: { id: string }, ctx: Context) {
  const store = await ctx.store();
  const idx = await ctx.index(); // first: what was typed is looked up in it too
  const t = await recordToShow(ctx, "ticket", opts.id);
  const customer = idx
    ? idx.anywhere("customer", t.value.customer)
    : (await store.load("customer")).records.find((c) => c.id === t.value.customer)?.value;
  // on a replayed day (--now in the past), the contacts made by then, as the duties see them
  const by = await happened(ctx);
  if (idx) for (const w of idx.warnings(["contact"])) ctx.io.err(w);
  const contacts = (
    idx
      ? idx.contactsOfTicket(t.id)
      : (await store.all("contact", (m) => ctx.io.err(m))).filter((k) => k.value.ticket === t.id)
  )
    .filter((k) => by(k.value.at))
    .sort((a, b) => a.value.at.localeCompare(b.value.at));
  const { list, today } = await allDuties(ctx, { ticket: t.id });
  const mine = list.filter((d) => d.ticket === t.id);
  if (ctx.json) {
    ctx.io.out(
      JSON.stringify(
        {
          ...recordJson("ticket", t),
          contacts: contacts.map((k) => recordJson("contact", k)),
          duties: mine.map(dutyJson),
        },
        null,
        2,
      ) + "\n",
    );
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
    [
      say.t("f.customer"),
      `${v.customer} ${customerName(customer, "(unknown)")}${firstPhone(customer) ? `  ${firstPhone(customer)}` : ""}`,
    ],
    [
      say.t("f.received"),
      `${when(v.received)} ${say.t("v.by")} ${say.locale === "zh-CN" ? channelLabel(v.channel, say.locale, store.settings.channels) : v.channel}${v.filed.slice(0, 10) !== v.received.slice(0, 10) ? ` (${say.t("v.filedAt", { time: when(v.filed)! })})` : ""}`,
    ],
    [say.t("f.problem"), safe(v.problem)],
    [say.t("f.request"), v.request && safe(v.request)],
    [say.t("f.assignee"), v.assignee && safe(v.assignee)],
    [
      say.t("f.escalated"),
      v.escalation &&
        `${when(v.escalation.at)} ${say.t("v.to")} ${safe(v.escalation.to)}${v.escalation.note ? ` — ${safe(v.escalation.note)}` : ""}`,
    ],
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
    [
      say.t("f.cancelled"),
      v.cancelled && `${when(v.cancelled.at)}${v.cancelled.reason ? ` — ${safe(v.cancelled.reason)}` : ""}`,
    ],
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
function shopFields(
  v: Ticket,
  when: (s?: string) => string | undefined,
  money: (c: number) => string,
  critical?: string[],
): [string, string | undefined][] {
  if (v.kind !== "shop") return [];
  const i = v.intake;
  const totals = estimateTotals(v.estimate);
  return [
    ["appointment", when(v.appointment)],
    [
      "vehicle",
      i &&
        `${safe(i.plate)}${i.model ? ` ${safe(i.model)}` : ""}${i.vin ? ` VIN ${safe(i.vin)}` : ""}, ${i.odometer} km, fuel ${safe(i.fuel)}, key tag ${safe(i.keyTag)}; taken in ${when(i.at)}`,
    ],
    ["papers", i && (i.papers.ok ? "valid and complete" : safe(i.papers.note ?? "not in order"))],
    ["damage", i?.damage?.map(safe).join("; ")],
    ["belongings", i?.belongings?.map(safe).join("; ")],
    [
      "diagnosis",
      v.estimate?.diagnosis &&
        safe(v.estimate.diagnosis) + (v.estimate.advice ? ` — advice: ${safe(v.estimate.advice)}` : ""),
    ],
    [
      "estimate",
      v.estimate &&
        `by ${v.estimate.mode}: ` +
          v.estimate.lines
            .map((l) => `${safe(l.item)} ${money(l.labour + (l.parts ?? []).reduce((s, p) => s + p.amount, 0))}`)
            .join("; ") +
          `; total ${money(totals.total)}` +
          (v.estimate.diagnosisFee ? ` (diagnosis fee ${money(v.estimate.diagnosisFee)})` : ""),
    ],
    [
      "no guarantee",
      noGuarantee(v.estimate, critical)
        .map(
          (n) =>
            `${safe(n.part)} (${n.reason === "customer-supplied" ? "customer's own part" : "aftermarket, critical system"})`,
        )
        .join("; ") || undefined,
    ],
    [
      "workshop",
      v.handover && `${when(v.handover.at)} to ${safe(v.handover.receiver)}, promised ${when(v.handover.promise)}`,
    ],
    ...(v.promises ?? []).map((p): [string, string] => [
      "promise revised",
      `${when(p.at)}: now ${when(p.promise)} — ${safe(p.reason)}`,
    ]),
    ...(v.extras ?? []).map((x): [string, string] => [
      `extra ${x.no}`,
      `${safe(x.item)}${x.safety ? " (safety)" : ""}${x.amount ? ` ${money(x.amount)}` : ""} — ${x.answer ? `${x.answer.approved ? "approved" : "declined"} ${when(x.answer.at)} via ${x.answer.via}${x.answer.by ? ` by ${safe(x.answer.by)}` : ""}` : "waiting for the customer's answer"}`,
    ]),
    [
      "progress",
      v.progress
        ?.map((p) => `${when(p.at)}${p.note ? ` ${safe(p.note)}` : ""}${p.finish ? ` (finish ${when(p.finish)})` : ""}`)
        .join("; "),
    ],
    [
      "ready",
      v.ready &&
        `${when(v.ready.at)}, bill ${money(v.ready.bill)}${v.ready.belongings ? ", belongings all returned" : ""}${v.ready.note ? `; ${safe(v.ready.note)}` : ""}`,
    ],
    ["delivered", v.delivery && `${when(v.delivery.at)}, paid ${money(v.delivery.paid)}`],
  ];
}
