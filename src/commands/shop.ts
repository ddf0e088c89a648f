// The reception desk (regulation part C): a vehicle from appointment to delivery, on a ticket of
// kind shop. aftercare ticket intake | estimate | handover | extra | answer | progress | ready | deliver.
import { UsageError, UserError } from "../errors.js";
import { textOf } from "../format/text.js";
import type { Context } from "../context.js";
import { ESTIMATE_MODES, VIA, type Estimate, type Intake, type Ticket } from "../domain/schema.js";
import { billOf, formatMoney, nearestTenMinutes, noGuarantee, parseLine, parseMoney } from "../domain/shop.js";
import { formatDateTime, formatShort } from "../domain/time.js";
import { choice, dateTimeFlag, fillInto } from "./common.js";
import { planOf, withPlan } from "../services/ticket-plan.js";
import { precheck, step } from "../services/ticket-step.js";

/** An amount typed in units ("1280.00") as cents, or a usage error. */
const money = (value: string | undefined, flag: string): number | undefined => {
  if (value === undefined) return undefined;
  const c = parseMoney(value);
  if (c === undefined)
    throw new UsageError(
      `${flag} "${value}" is not an amount: use units and up to two decimals, such as 1280.00; nothing was written`,
    );
  return c;
};

export interface IntakeOptions {
  id: string;
  plate?: string;
  odometer?: string;
  fuel?: string;
  keyTag?: string;
  model?: string;
  vin?: string;
  belonging?: string[];
  damage?: string[];
  papers?: string;
  at?: string;
}

/** Intake fields given as JSON on standard input (with --json), under the flags' names. */
async function jsonInput(ctx: Context): Promise<Partial<IntakeOptions>> {
  if (!ctx.json || !ctx.deps.stdin) return {};
  const text = (await ctx.deps.stdin()).trim();
  if (!text) return {};
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    const str = (x: unknown) => (x === undefined || x === null ? undefined : textOf(x));
    const list = (x: unknown) => (Array.isArray(x) ? x.map(String) : undefined);
    return {
      plate: str(v.plate),
      odometer: str(v.odometer),
      fuel: str(v.fuel),
      keyTag: str(v.keyTag ?? v.key_tag),
      model: str(v.model),
      vin: str(v.vin),
      belonging: list(v.belongings),
      damage: list(v.damage),
      papers: typeof v.papers === "boolean" ? (v.papers ? "ok" : "not checked") : str(v.papers),
    };
  } catch (e) {
    throw new UsageError(`the intake on standard input is not JSON (${(e as Error).message}); nothing was written`);
  }
}

/** C-INTAKE: the vehicle, its papers, damage, belongings, key tag, fuel and odometer. */
export async function ticketIntake(flags: IntakeOptions, ctx: Context) {
  const given = Object.fromEntries(
    Object.entries(flags).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length)),
  );
  const o = { ...(await jsonInput(ctx)), ...given } as IntakeOptions;
  Object.assign(
    o,
    await fillInto(ctx, "ticket intake", o, [
      ["plate", "--plate", "Number plate"],
      ["odometer", "--odometer", "Odometer (km)"],
      ["fuel", "--fuel", "Fuel gauge (e.g. 1/2)"],
      ["keyTag", "--key-tag", "Key tag number"],
      ["papers", "--papers", 'Papers ("ok" when valid and complete, else what is wrong)'],
    ]),
  );
  if (!/^\d{1,8}$/.test(o.odometer!.replace(/[,\s]/g, "").replace(/km$/i, "")))
    throw new UsageError(
      `--odometer "${o.odometer}" must be the reading in whole kilometres, such as 48210; nothing was written`,
    );
  const store = await ctx.store();
  const ok = /^(ok|yes|valid|齐全|有效)$/i.test(o.papers!.trim());
  const plate = o.plate!.trim().toUpperCase();
  return step(ctx, o.id, o.at, {
    action: "intake",
    detail: plate,
    words: { plate },
    next: (t, at, actor): Ticket => {
      const intake: Intake = {
        at,
        by: actor.name,
        plate,
        model: o.model,
        vin: o.vin?.toUpperCase(),
        odometer: Number(o.odometer!.replace(/[,\s]/g, "").replace(/km$/i, "")),
        fuel: o.fuel!,
        keyTag: o.keyTag!,
        papers: ok ? { ok: true } : { ok: false, note: o.papers! },
        damage: o.damage?.length ? o.damage : undefined,
        belongings: o.belonging?.length ? o.belonging : undefined,
      };
      return { ...t, intake };
    },
    // the customer's file learns the vehicle
    also: async (t) => {
      const c = await store.get("customer", t.customer);
      if ((c.value.vehicles ?? []).some((v) => v.plate.toUpperCase() === plate)) return [];
      await store.update(c, {
        ...c.value,
        vehicles: [...(c.value.vehicles ?? []), { plate, model: o.model, vin: o.vin?.toUpperCase() }],
      });
      return [c];
    },
  });
}

export interface EstimateOptions {
  id: string;
  mode?: string;
  line?: string[];
  diagnosis?: string;
  advice?: string;
  diagnosisFee?: string;
  at?: string;
}

/** C-DIAGNOSIS, C-ESTIMATE, C-PARTS: the fault, the advice and the priced lines. */
export async function ticketEstimate(o: EstimateOptions, ctx: Context) {
  o = await fillInto(ctx, "ticket estimate", o, [["mode", "--mode", "Estimate by", ESTIMATE_MODES]]);
  if (!o.line?.length) {
    if (!ctx.canPrompt) throw new UsageError("ticket estimate needs --line; nothing was written");
    o = {
      ...o,
      line: [
        await ctx.prompter.input({
          message: 'Line ("TEXT; labour=350.00; part=NAME/us|customer/genuine|aftermarket/AMOUNT")',
          required: true,
        }),
      ],
    };
  }
  const mode = choice(o.mode, ESTIMATE_MODES, "--mode")!;
  const lines = o.line!.map((text, i) => {
    const r = parseLine(text);
    if (!r.line)
      throw new UsageError(
        `--line ${i + 1} ${r.error}; a line is "TEXT; labour=350.00; part=NAME/us|customer/genuine|aftermarket/AMOUNT; critical"; nothing was written`,
      );
    return r.line;
  });
  const fee = money(o.diagnosisFee, "--diagnosis-fee");
  const store = await ctx.store();
  const currency = store.settings.currency ?? "CNY";
  return step(ctx, o.id, o.at, {
    action: "estimate",
    detail: `by ${mode}`,
    words: { mode },
    next: (t, at, actor): Ticket => {
      const estimate: Estimate = {
        mode,
        at,
        by: actor.name,
        diagnosis: o.diagnosis,
        advice: o.advice,
        lines,
        diagnosisFee: fee,
      };
      const warn = noGuarantee(estimate, store.settings.criticalSystems);
      const total = lines.reduce((s, l) => s + l.labour + (l.parts ?? []).reduce((p, x) => p + x.amount, 0), 0);
      ctx.io.err(
        `estimate total ${formatMoney(total, currency, store.settings.locale)}${warn.length ? `; no quality guarantee (C-PARTS) on: ${warn.map((w) => `${w.part} (${w.reason === "customer-supplied" ? "the customer's own part" : "aftermarket on a critical system"})`).join(", ")}` : ""}\n`,
      );
      return { ...t, estimate };
    },
  });
}

/** C-PROMISE, C-WORKSHOP-HANDOVER: to the workshop, signed for to the nearest ten minutes. */
export async function ticketHandover(
  o: { id: string; receiver?: string; promise?: string; at?: string },
  ctx: Context,
) {
  // the intake comes first: refuse before asking anything
  if (ctx.canPrompt && (!o.receiver || !o.promise)) await precheck(ctx, o.id, "handover");
  o = await fillInto(ctx, "ticket handover", o, [
    ["receiver", "--receiver", "Received in the workshop by"],
    ["promise", "--promise", "Completion promised for (YYYY-MM-DD HH:MM)"],
  ]);
  const store = await ctx.store();
  const promise = (await dateTimeFlag(ctx, o.promise, "--promise"))!;
  return step(ctx, o.id, o.at, {
    action: "handover",
    detail: `(received by ${o.receiver!.trim()})`,
    words: { who: o.receiver!.trim() },
    next: (t, at, actor): Ticket => {
      const rounded = formatDateTime(nearestTenMinutes(new Date(at)), store.settings.timezone);
      if (Date.parse(promise) <= Date.parse(rounded))
        throw new UsageError(`--promise ${promise} is not after the hand-over (${rounded}); nothing was written`);
      return {
        ...t,
        status: "workshop",
        handover: { at: rounded, receiver: o.receiver!.trim(), by: actor.name, promise },
      };
    },
  });
}

/**
 * C-PROMISE revised (after approved extra work): a new promised completion for a vehicle in the
 * workshop, with who, when and why; the latest one counts for the progress check and pick-up notice.
 */
export async function ticketPromise(o: { id: string; promise?: string; reason?: string; at?: string }, ctx: Context) {
  o = { ...o, reason: o.reason?.trim() || undefined };
  if (ctx.canPrompt && (!o.promise || !o.reason)) await precheck(ctx, o.id, "promise");
  o = await fillInto(ctx, "ticket promise", o, [
    ["promise", "--promise", "Completion now promised for (YYYY-MM-DD HH:MM)"],
    ["reason", "--reason", "Why the promise changes (e.g. approved extra work)"],
  ]);
  const store = await ctx.store();
  const tz = store.settings.timezone;
  const promise = (await dateTimeFlag(ctx, o.promise, "--promise"))!;
  const show = (s: string) => formatShort(new Date(s), tz);
  let was = "";
  return step(ctx, o.id, o.at, {
    action: "promise",
    detail: `(${show(promise)})`,
    get words() {
      return { time: show(promise), was };
    },
    next: (t, at, actor): Ticket => {
      const h = t.handover!;
      if (Date.parse(at) < Date.parse(h.at))
        throw new UsageError(
          `--at ${show(at)} is before the hand-over to the workshop (${show(h.at)}); nothing was written`,
        );
      if (Date.parse(promise) <= Date.parse(h.at))
        throw new UsageError(
          `--promise ${show(promise)} is not after the hand-over to the workshop (${show(h.at)}); nothing was written`,
        );
      if (Date.parse(promise) < Date.parse(at))
        throw new UsageError(
          o.at
            ? `--promise ${show(promise)} is before --at ${show(at)}, when it was given; nothing was written`
            : `--promise ${show(promise)} is in the past (it is ${show(at)}); promise a time still to come; nothing was written`,
        );
      was = show(t.promises?.at(-1)?.promise ?? h.promise);
      return { ...t, promises: [...(t.promises ?? []), { promise, at, by: actor.name, reason: o.reason!.trim() }] };
    },
  });
}

/** C-EXTRA-WORK: the workshop found more to do; the customer must answer before it is done. */
export interface ExtraOptions {
  id: string;
  item?: string;
  safety?: boolean;
  effect?: string;
  amount?: string;
  at?: string;
}

export async function ticketExtra(o: ExtraOptions, ctx: Context) {
  o = await fillInto(ctx, "ticket extra", o, [["item", "--item", "Extra work found"]]);
  const amount = money(o.amount, "--amount");
  return step(ctx, o.id, o.at, {
    action: "extra",
    detail: `(${o.item!.trim()})`,
    words: { item: o.item!.trim() },
    print: (t) => String(t.extras!.length),
    next: (t, at, actor): Ticket => ({
      ...t,
      extras: [
        ...(t.extras ?? []),
        {
          no: (t.extras?.length ?? 0) + 1,
          item: o.item!,
          safety: o.safety || undefined,
          effect: o.effect,
          amount,
          asked: at,
          by: actor.name,
        },
      ],
    }),
  });
}

export interface AnswerOptions {
  id: string;
  no: string;
  approved?: boolean;
  declined?: boolean;
  by?: string;
  via?: string;
  passed?: string;
  at?: string;
}

export async function ticketAnswer(o: AnswerOptions, ctx: Context) {
  if (Boolean(o.approved) === Boolean(o.declined))
    throw new UsageError("ticket answer needs exactly one of --approved or --declined; nothing was written");
  const via = choice(o.via ?? "phone", VIA, "--via")!;
  const no = Number(o.no);
  const passed = await dateTimeFlag(ctx, o.passed, "--passed");
  return step(ctx, o.id, o.at, {
    action: "answer",
    detail: `${no} ${o.approved ? "approved" : "declined"}`,
    words: { no: String(no), answer: o.approved ? "approved" : "declined" },
    next: (t, at): Ticket => {
      const x = t.extras?.find((e) => e.no === no);
      if (!x)
        throw new UserError(
          `ticket ${o.id} has no extra-work request ${o.no}${t.extras?.length ? ` (it has 1–${t.extras.length})` : ""}; nothing was written`,
        );
      if (x.answer)
        throw new UserError(
          `extra-work request ${no} was already ${x.answer.approved ? "approved" : "declined"} at ${x.answer.at}; nothing was written`,
        );
      const customer = o.by;
      return {
        ...t,
        extras: t.extras!.map((e) =>
          e.no === no
            ? { ...e, answer: { approved: Boolean(o.approved), at, by: customer, via, passed: passed ?? at } }
            : e,
        ),
      };
    },
  });
}

export async function ticketProgress(o: { id: string; note?: string; finish?: string; at?: string }, ctx: Context) {
  const finish = await dateTimeFlag(ctx, o.finish, "--finish");
  return step(ctx, o.id, o.at, {
    action: "progress",
    next: (t, at, actor): Ticket => ({
      ...t,
      progress: [...(t.progress ?? []), { at, by: actor.name, note: o.note, finish }],
    }),
  });
}

/** C-READY-NOTICE: the job is done, belongings counted back, the bill totalled. */
export async function ticketReady(
  o: { id: string; missing?: string; bill?: string; note?: string; at?: string },
  ctx: Context,
) {
  const bill = money(o.bill, "--bill");
  return step(ctx, o.id, o.at, {
    action: "ready",
    next: (t, at, actor): Ticket => {
      const pending = (t.extras ?? []).filter((x) => !x.answer);
      if (pending.length)
        throw new UserError(
          `extra-work request${pending.length > 1 ? "s" : ""} ${pending.map((x) => x.no).join(", ")} still wait for the customer's answer (aftercare ticket answer ${o.id} N --approved|--declined); nothing was written`,
        );
      return {
        ...t,
        status: "ready",
        ready: {
          at,
          by: actor.name,
          belongings: !o.missing,
          bill: bill ?? billOf(t),
          note: o.missing ? `missing: ${o.missing}` : o.note,
        },
      };
    },
  });
}

export async function ticketDeliver(
  o: { id: string; paid?: string; at?: string; nextDate?: string; nextTopic?: string },
  ctx: Context,
) {
  o = await fillInto(ctx, "ticket deliver", o, [["paid", "--paid", "Amount paid"]]);
  const paid = money(o.paid, "--paid")!;
  // the delivery closes the ticket: plan the next contact as closing does (R-NEXT-SERVICE)
  const plan = await planOf(ctx, o);
  return step(ctx, o.id, o.at, {
    action: "deliver",
    detail: plan && `(next contact ${plan.date})`,
    next: (t, at, actor): Ticket => ({
      ...t,
      status: "closed",
      delivery: { at, by: actor.name, paid },
      closed: at,
      ...withPlan(t, plan, at, actor.name),
    }),
    suffix: plan && ((say) => say.t("w.nextPlanned", { date: plan.date })),
  });
}
