// aftercare customer show: a customer's file, tickets, contacts and duties. A read the derived index
// answers at any size of store: kept apart from the commands that write customers, so that it loads
// neither the schemas (zod) nor YAML (docs/performance.md).
import { dutyJson, recordJson } from "../../format/json.js";
import type { Context } from "../../context.js";
import type { Customer } from "../../domain/schema.js";
import type { Translator } from "../../i18n.js";
import { isOpen } from "../../domain/ticket.js";
import { formatShort } from "../../domain/time.js";
import { dutyHistory } from "../../format/duties.js";
import { contactTable, ticketTable } from "../../format/records.js";
import { fields } from "../../format/table.js";
import { safe } from "../../format/text.js";
import { customerToShow } from "../../services/find-record.js";
import { happened } from "../../services/flags.js";
import { allDuties } from "../../services/duties.js";

/** The customer's file (form 1), as the lines under its name. */
function fileFields(v: Customer, say: Translator, tz: string): [string, string | undefined][] {
  return [
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
  ];
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
  let out = `${io.color.bold(c.id)}  ${safe(v.name)}\n` + fields(io, fileFields(v, say, tz));
  const openTickets = tickets.filter((t) => isOpen(t.value));
  out += `\n${io.color.bold(say.t("s.openDuties", { n: open.length }))}\n${dutyHistory(io, open, today, tz, say)}`;
  out += `\n${io.color.bold(say.t("s.tickets", { n: tickets.length, open: openTickets.length }))}\n${ticketTable(io, tickets, tz, say)}`;
  out += `\n${io.color.bold(say.t("s.contacts", { n: contacts.length }))}\n${contactTable(io, contacts.slice(0, 20), tz, say)}`;
  io.out(out);
  return c;
}
