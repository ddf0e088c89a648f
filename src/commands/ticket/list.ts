// aftercare ticket list: the tickets not yet resolved, or those of --status, --customer, --assignee.
import { recordJson } from "../../format/json.js";
import type { Context } from "../../context.js";
import { TICKET_STATUSES, type TicketStatus } from "../../domain/schema.js";
import { formatShort } from "../../domain/time.js";
import { table } from "../../format/table.js";
import { oneLine } from "../../format/text.js";
import { findCustomer } from "../../services/find-record.js";
import { choice } from "../../services/flags.js";
import { customerName } from "../../services/output.js";

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
    .filter(
      (t) => !opts.assignee || t.value.assignee === opts.assignee || t.value.dispatch?.technician === opts.assignee,
    )
    .sort((a, b) => a.value.received.localeCompare(b.value.received) || a.id.localeCompare(b.id));
  if (ctx.json) {
    ctx.io.out(
      JSON.stringify(
        list.map((t) => recordJson("ticket", t)),
        null,
        2,
      ) + "\n",
    );
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
      [
        say.t("h.id"),
        say.t("h.received"),
        say.t("h.customer"),
        say.t("h.kind"),
        say.t("h.status"),
        say.t("h.assignee"),
        say.t("h.problem"),
      ],
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
