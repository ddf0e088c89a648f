// aftercare ticket estimate (the reception desk, regulation part C): C-DIAGNOSIS, C-ESTIMATE, C-PARTS: diagnosis and estimate.
import { EXIT, refusal } from "../../errors.js";
import type { Context } from "../../context.js";
import { ESTIMATE_MODES, type Estimate, type Ticket } from "../../domain/schema.js";
import { formatMoney, noGuarantee, parseLine } from "../../domain/shop.js";
import { fillInto } from "../../services/ask.js";
import { choice } from "../../services/flags.js";
import { step } from "../../services/ticket-step.js";
import { money } from "./shop.js";

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
  o = await fillInto(ctx, "ticket estimate", o, [["mode", "--mode", "q.estimateMode", ESTIMATE_MODES]]);
  if (!o.line?.length) {
    if (!ctx.canPrompt) throw refusal("rf.estimateNeedsLine", {}, EXIT.usage);
    o = {
      ...o,
      line: [
        await ctx.prompter.input({
          message: (await ctx.say()).t("q.estimateLine"),
          required: true,
        }),
      ],
    };
  }
  const mode = choice(o.mode, ESTIMATE_MODES, "--mode")!;
  const lines = o.line!.map((text, i) => {
    const r = parseLine(text);
    if (!r.line) throw refusal("sh.lineBad", { n: i + 1, why: r.error ?? { key: "sh.lineEmpty" } }, EXIT.usage);
    return r.line;
  });
  const fee = money(o.diagnosisFee, "--diagnosis-fee");
  const store = await ctx.store();
  const currency = store.settings.currency ?? "CNY";
  const say = await ctx.say();
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
      const sum = formatMoney(total, currency, store.settings.locale);
      const parts = warn.map((w) =>
        say.t(w.reason === "customer-supplied" ? "sh.warnOwn" : "sh.warnAftermarket", { part: w.part }),
      );
      ctx.io.err(
        `${say.t(warn.length ? "sh.totalWarn" : "sh.total", { total: sum, parts: parts.join(say.t("ask.flagSep")) })}\n`,
      );
      return { ...t, estimate };
    },
  });
}
