// aftercare ticket intake (the reception desk, regulation part C): C-INTAKE: receive a vehicle.
import { textOf } from "../../format/text.js";
import { EXIT, refusal } from "../../errors.js";
import type { Context } from "../../context.js";
import { type Intake, type Ticket } from "../../domain/schema.js";
import { fillInto } from "../../services/ask.js";
import { step } from "../../services/ticket-step.js";

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
    throw refusal("rf.intakeNotJson", { why: (e as Error).message }, EXIT.usage);
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
      ["plate", "--plate", "q.plate"],
      ["odometer", "--odometer", "q.odometer"],
      ["fuel", "--fuel", "q.fuel"],
      ["keyTag", "--key-tag", "q.keyTag"],
      ["papers", "--papers", "q.papers"],
    ]),
  );
  if (!/^\d{1,8}$/.test(o.odometer!.replace(/[,\s]/g, "").replace(/km$/i, "")))
    throw refusal("rf.odometer", { value: o.odometer! }, EXIT.usage);
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
