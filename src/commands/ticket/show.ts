// aftercare ticket show: a ticket and its contacts. A read the derived index answers: it loads
// neither the schemas (zod) nor YAML (docs/performance.md).
import { dutyJson, recordJson } from "../../format/json.js";
import type { Context } from "../../context.js";
import type { Customer, Settings, Ticket } from "../../domain/schema.js";
import type { Translator } from "../../i18n.js";
import { estimateTotals, formatMoney, noGuarantee } from "../../domain/shop.js";
import { formatShort } from "../../domain/time.js";
import { dutyHistory } from "../../format/duties.js";
import { contactTable } from "../../format/records.js";
import { fields } from "../../format/table.js";
import { safe } from "../../format/text.js";
import { channelLabel } from "../../report/labels.js";
import { recordToShow } from "../../services/find-record.js";
import { happened } from "../../services/flags.js";
import { customerName, firstPhone } from "../../services/output.js";
import { allDuties } from "../../services/duties.js";

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
    ...deskFields(v, customer, when, say, store.settings.channels),
    ...shopFields(v, when, money, say, store.settings.criticalSystems),
  ]);
  out += `\n${io.color.bold(say.t("s.contacts", { n: contacts.length }))}\n${contactTable(io, contacts, tz, say)}`;
  out += `\n${io.color.bold(say.t("s.duties", { n: mine.length }))}\n${dutyHistory(io, mine, today, tz, say)}`;
  io.out(out);
  return t;
}

/** What every ticket records, from its filing to its close, as the lines of ticket show. */
function deskFields(
  v: Ticket,
  customer: Customer | undefined,
  when: (s?: string) => string | undefined,
  say: Translator,
  channels: Settings["channels"],
): [string, string | undefined][] {
  return [
    [
      say.t("f.customer"),
      `${v.customer} ${customerName(customer, "(unknown)")}${firstPhone(customer) ? `  ${firstPhone(customer)}` : ""}`,
    ],
    [
      say.t("f.received"),
      `${when(v.received)} ${say.t("v.by")} ${say.locale === "zh-CN" ? channelLabel(v.channel, say.locale, channels) : v.channel}${v.filed.slice(0, 10) !== v.received.slice(0, 10) ? ` (${say.t("v.filedAt", { time: when(v.filed)! })})` : ""}`,
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
  ];
}

/** The reception desk's part of a ticket (kind shop): vehicle, estimate, workshop, extras, bill. */
// eslint-disable-next-line max-lines-per-function -- one row per field of the repair order, read top to bottom
function shopFields(
  v: Ticket,
  when: (s?: string) => string | undefined,
  money: (c: number) => string,
  say: Translator,
  critical?: string[],
): [string, string | undefined][] {
  if (v.kind !== "shop") return [];
  const i = v.intake;
  const totals = estimateTotals(v.estimate);
  const sep = say.t("why.sep");
  const e = v.estimate;
  return [
    [say.t("sh.appointment"), when(v.appointment)],
    [
      say.t("sh.vehicle"),
      i &&
        say.t("sh.vehicleText", {
          plate: safe(i.plate),
          model: i.model ? ` ${safe(i.model)}` : "",
          vin: i.vin ? ` VIN ${safe(i.vin)}` : "",
          km: i.odometer,
          fuel: safe(i.fuel),
          tag: safe(i.keyTag),
          at: when(i.at) ?? "",
        }),
    ],
    [say.t("sh.papers"), i && (i.papers.ok ? say.t("sh.papersOk") : safe(i.papers.note ?? say.t("sh.papersBad")))],
    [say.t("sh.damage"), i?.damage?.map(safe).join(sep)],
    [say.t("sh.belongings"), i?.belongings?.map(safe).join(sep)],
    [
      say.t("sh.diagnosis"),
      e?.diagnosis && safe(e.diagnosis) + (e.advice ? say.t("sh.advice", { advice: safe(e.advice) }) : ""),
    ],
    [
      say.t("sh.estimate"),
      e &&
        say.t("sh.estimateText", {
          mode: say.value(e.mode),
          lines: e.lines
            .map((l) => `${safe(l.item)} ${money(l.labour + (l.parts ?? []).reduce((s, p) => s + p.amount, 0))}`)
            .join(sep),
          total: money(totals.total),
        }) + (e.diagnosisFee ? say.t("sh.fee", { fee: money(e.diagnosisFee) }) : ""),
    ],
    [
      say.t("sh.noGuarantee"),
      noGuarantee(e, critical)
        .map((n) => say.t(n.reason === "customer-supplied" ? "sh.ownPart" : "sh.aftermarket", { part: safe(n.part) }))
        .join(sep) || undefined,
    ],
    [
      say.t("sh.workshop"),
      v.handover &&
        say.t("sh.workshopText", {
          at: when(v.handover.at) ?? "",
          receiver: safe(v.handover.receiver),
          promise: when(v.handover.promise) ?? "",
        }),
    ],
    ...(v.promises ?? []).map((p): [string, string] => [
      say.t("sh.promiseRevised"),
      say.t("sh.promiseText", { at: when(p.at) ?? "", promise: when(p.promise) ?? "", reason: safe(p.reason) }),
    ]),
    ...(v.extras ?? []).map((x): [string, string] => [say.t("sh.extra", { no: x.no }), extraText(x, when, money, say)]),
    [
      say.t("sh.progress"),
      v.progress
        ?.map(
          (p) =>
            `${when(p.at)}${p.note ? ` ${safe(p.note)}` : ""}${p.finish ? say.t("sh.finish", { at: when(p.finish) ?? "" }) : ""}`,
        )
        .join(sep),
    ],
    [
      say.t("sh.ready"),
      v.ready &&
        say.t("sh.readyText", { at: when(v.ready.at) ?? "", bill: money(v.ready.bill) }) +
          (v.ready.belongings ? say.t("sh.belongingsBack") : "") +
          (v.ready.note ? `${sep}${safe(v.ready.note)}` : ""),
    ],
    [
      say.t("sh.delivered"),
      v.delivery && say.t("sh.deliveredText", { at: when(v.delivery.at) ?? "", paid: money(v.delivery.paid) }),
    ],
  ];
}

/** One extra-work request: what, whether it concerns safety, its price, and the customer's answer. */
function extraText(
  x: NonNullable<Ticket["extras"]>[number],
  when: (s?: string) => string | undefined,
  money: (c: number) => string,
  say: Translator,
): string {
  const head = `${safe(x.item)}${x.safety ? say.t("sh.safety") : ""}${x.amount ? ` ${money(x.amount)}` : ""}`;
  if (!x.answer) return `${head} — ${say.t("sh.waiting")}`;
  const a = x.answer;
  const answer = say.t(a.approved ? "sh.approved" : "sh.declined", { at: when(a.at) ?? "", via: say.value(a.via) });
  return `${head} — ${answer}${a.by ? say.t("sh.by", { by: safe(a.by) }) : ""}`;
}
