// aftercare contact link | unlink: link a contact to its ticket, event or planned contact, or take the link back.
import { EXIT, refusal } from "../../errors.js";
import { type Context } from "../../context.js";
import { type Contact } from "../../domain/schema.js";
import { findRecord } from "../../services/find-record.js";
import { resolvePlan } from "../../services/contact-links.js";
import { correct } from "./correct.js";

export interface LinkOptions {
  id: string;
  ticket?: string;
  event?: string;
  plan?: string;
}

export async function contactLink(opts: LinkOptions, ctx: Context) {
  if (!opts.ticket && !opts.event && !opts.plan) throw refusal("rf.linkNeeds", {}, EXIT.usage);
  return correct(ctx, opts.id, async (k) => {
    const next: Contact = { ...k.value };
    const targets: string[] = [];
    const olds: string[] = [];
    if (opts.ticket) {
      const t = await findRecord(ctx, "ticket", opts.ticket);
      if (t.value.customer !== k.value.customer)
        throw refusal(
          "rf.linkOther",
          { ticket: t.id, owner: t.value.customer, id: k.id, customer: k.value.customer },
          EXIT.usage,
        );
      if (k.value.ticket && k.value.ticket !== t.id) olds.push(k.value.ticket);
      next.ticket = t.id;
      targets.push(t.id);
    }
    if (opts.event) {
      const e = await findRecord(ctx, "event", opts.event);
      if (k.value.event && k.value.event !== e.id) olds.push(k.value.event);
      next.event = e.id;
      targets.push(e.id);
    }
    if (opts.plan) {
      const p = await resolvePlan(ctx, opts.plan, k.value.customer, k.id);
      if (k.value.plan && k.value.plan !== p) olds.push(k.value.plan);
      next.plan = p;
      targets.push(`plan ${p}`);
    }
    const say = await ctx.say();
    const target = targets.join(", ");
    return {
      next,
      subject: `contact ${k.id} linked to ${target}${olds.length ? ` (was ${olds.join(", ")})` : ""}`,
      sentence: say.t("k.linked", {
        id: k.id,
        target,
        was: olds.length ? say.t("k.was", { old: olds.join(say.t("k.sep")) }) : "",
      }),
    };
  });
}

export interface UnlinkOptions {
  id: string;
  ticket?: boolean;
  event?: boolean;
  plan?: boolean;
}

export async function contactUnlink(opts: UnlinkOptions, ctx: Context) {
  const which = (["ticket", "event", "plan"] as const).filter((f) => opts[f]);
  if (!which.length) which.push("ticket");
  return correct(ctx, opts.id, (k, say) => {
    const linked = which.filter((f) => k.value[f]);
    if (!linked.length) return undefined;
    const next: Contact = { ...k.value };
    for (const f of linked) delete next[f];
    const targets = linked.map((f) => (f === "plan" ? `plan ${k.value.plan}` : k.value[f]!)).join(", ");
    return {
      next,
      subject: `contact ${k.id} unlinked from ${targets}`,
      sentence: say.t("k.unlinked", { id: k.id, targets }),
    };
  });
}
