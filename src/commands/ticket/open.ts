// aftercare ticket open: a repair request, installation, maintenance visit, consultation or complaint,
// filed the moment it comes in (R-FILE-SAME-DAY).
import { EXIT, parseInput, refusal } from "../../errors.js";
import type { Context } from "../../context.js";
import { TICKET_KINDS, ticketSchema, type Ticket } from "../../domain/schema.js";
import { formatShort } from "../../domain/time.js";
import { channelNames, channelWords } from "../../report/labels.js";
import { oneLine } from "../../format/text.js";
import { planOf, withPlan } from "../../services/ticket-plan.js";
import { customerOrAsk, fill } from "../../services/ask.js";
import { findCustomer } from "../../services/find-record.js";
import { channelFlag, choice, dateTimeFlag, nowStamp } from "../../services/flags.js";
import { firstPhone, written } from "../../services/output.js";

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

/**
 * The ticket's customer, problem, request, channel and kind from the flags; at a terminal, what is
 * missing is asked, walking the clerk through the ticket.
 */
async function asked(ctx: Context, opts: TicketOpenOptions) {
  const store = await ctx.store();
  choice(opts.kind, TICKET_KINDS, "--kind");
  // the built-in channels and those the store adds in aftercare.yaml
  const channels = channelNames(store.settings.channels);
  // wechat, 微信 or WeChat: the channel's name or its word in either language
  const typedChannel = await channelFlag(ctx, opts.channel);
  // at a terminal, a missing customer or problem walks the clerk through the ticket
  const found = opts.customer ? undefined : await customerOrAsk(ctx, undefined);
  const customerInput = opts.customer ?? found?.id;
  const [problem, request, channel0, kind0] = await fill(ctx, "ticket open", [
    { flag: "--customer", value: customerInput, message: "q.customer" },
    { flag: "--problem", value: opts.problem, message: "q.problem" },
    { flag: "--request", value: opts.request, message: "q.request", optional: true },
    {
      flag: "--channel",
      value: typedChannel,
      message: "q.channel",
      choices: channels.map((c) => ({ name: channelWords(c, store.settings.channels), value: c })),
      default: "phone",
      optional: true,
    },
    {
      flag: "--kind",
      value: opts.kind,
      message: "q.ticketKind",
      choices: TICKET_KINDS,
      default: "repair",
      optional: true,
    },
  ]).then((v) => v.slice(1));
  const kind = choice(kind0 ?? "repair", TICKET_KINDS, "--kind")!;
  const channel = choice(channel0 ?? "phone", channels, "--channel")!;
  return { found, customerInput, problem, request, kind, channel };
}

export async function ticketOpen(opts: TicketOpenOptions, ctx: Context) {
  const store = await ctx.store();
  const { found, customerInput, problem, request, kind, channel } = await asked(ctx, opts);
  opts = { ...opts, problem, request };
  const customer = found ?? (await findCustomer(ctx, customerInput!));
  const actor = await ctx.actor();
  // every duty has an owner: the designated follow-up clerk (A1) when on the staff list, else whoever files it
  const clerk = store.settings.staff.find((s) => s.name === store.settings.followupClerk && !s.left);
  const assignee = opts.assignee ? (await ctx.staffNamed(opts.assignee, "--assignee")).name : (clerk ?? actor).name;
  const filed = await nowStamp(ctx);
  const received = (await dateTimeFlag(ctx, opts.received, "--received")) ?? filed;
  if (new Date(received) > new Date(filed)) throw refusal("rf.receivedFuture", { received }, EXIT.usage);
  if (opts.appointment !== undefined && kind !== "shop") throw refusal("rf.appointmentKind", {}, EXIT.usage);
  const appointment = await dateTimeFlag(ctx, opts.appointment, "--appointment");
  if (appointment && new Date(appointment) < new Date(filed))
    throw refusal(
      "rf.appointmentPast",
      { at: formatShort(new Date(appointment), store.settings.timezone) },
      EXIT.usage,
    );
  const plan = await planOf(ctx, opts);
  const ticket = parseInput(
    ticketSchema,
    {
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
    } satisfies Partial<Ticket>,
    { "plans.date": "--next-date", "plans.topic": "--next-topic" },
  );
  return ctx.writing(async () => {
    const rec = await store.create("ticket", ticket, await ctx.now(), ctx.random);
    await ctx.commit(
      [rec.path],
      `ticket ${rec.id} opened (${kind}${plan ? `, next contact ${plan.date}` : ""}) — ${customer.value.name}`,
      actor,
    );
    const say = await ctx.say();
    const sentence =
      say.t("w.openedTicket", {
        id: rec.id,
        customer: `${oneLine(customer.value.name)}${firstPhone(customer.value) ? ` (${firstPhone(customer.value)})` : ""}`,
      }) +
      (!opts.assignee && assignee !== actor.name ? say.t("w.assignedTo", { name: oneLine(assignee) }) : "") +
      (plan ? say.t("w.nextPlanned", { date: plan.date }) : "");
    written(ctx, rec, sentence);
    return rec;
  });
}
