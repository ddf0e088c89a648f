// The reception desk's arithmetic (regulation part C): money in cents, estimate totals, the
// no-guarantee note of C-PARTS, the hand-over time to ten minutes. Pure.
import type { Worded } from "../i18n.js";
import type { Estimate, Ticket } from "./schema.js";

/** "1280.00", "1280", "1,280.5" → 128050 cents; undefined when it is not an amount. */
export function parseMoney(input: string): number | undefined {
  const s = input
    .trim()
    .replace(/[,，\s]/g, "")
    .replace(/^[¥￥€$]/, "");
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}

/** Formatters by locale and currency: a list of orders formats many amounts, and making one costs more than using it. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency: string, locale: string): string {
  const key = `${locale}\0${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2 });
    moneyFormats.set(key, f);
  }
  return f.format(cents / 100);
}

export interface Totals {
  labour: number;
  parts: number;
  total: number;
}

type EstimateLine = Estimate["lines"][number];

/** What one line of an estimate costs in parts, in cents. */
const partsOf = (l: EstimateLine): number => (l.parts ?? []).reduce((p, x) => p + x.amount, 0);

/** What one line of an estimate costs: its labour and its parts, in cents. */
export const lineTotal = (l: EstimateLine): number => l.labour + partsOf(l);

export function estimateTotals(e: Estimate | undefined): Totals {
  const labour = (e?.lines ?? []).reduce((s, l) => s + l.labour, 0);
  const parts = (e?.lines ?? []).reduce((s, l) => s + partsOf(l), 0);
  return { labour, parts, total: labour + parts };
}

/** The bill: the estimate and every extra the customer approved. */
export function billOf(t: Ticket): number {
  return (
    estimateTotals(t.estimate).total +
    (t.extras ?? []).filter((x) => x.answer?.approved).reduce((s, x) => s + (x.amount ?? 0), 0)
  );
}

export const DEFAULT_CRITICAL = [
  "制动",
  "刹车",
  "转向",
  "气囊",
  "安全带",
  "轮胎",
  "brake",
  "steering",
  "airbag",
  "seat belt",
  "tyre",
  "tire",
  "suspension",
];

export function isCritical(line: Estimate["lines"][number], words: readonly string[]): boolean {
  if (line.critical !== undefined) return line.critical;
  const text = [line.item, ...(line.parts ?? []).map((p) => p.name)].join(" ").toLowerCase();
  return words.some((w) => text.includes(w.toLowerCase()));
}

export interface NoGuarantee {
  item: string;
  part: string;
  reason: "customer-supplied" | "aftermarket-critical";
}

/** C-PARTS: parts the customer brings, and aftermarket parts on a critical system, carry no guarantee. */
export function noGuarantee(e: Estimate | undefined, words: readonly string[] = DEFAULT_CRITICAL): NoGuarantee[] {
  const out: NoGuarantee[] = [];
  for (const line of e?.lines ?? [])
    for (const p of line.parts ?? []) {
      if (p.supplier === "customer") out.push({ item: line.item, part: p.name, reason: "customer-supplied" });
      else if (p.grade === "aftermarket" && isCritical(line, words))
        out.push({ item: line.item, part: p.name, reason: "aftermarket-critical" });
    }
  return out;
}

/** The hand-over time as the receiver writes it: to the nearest ten minutes (C-WORKSHOP-HANDOVER). */
export function nearestTenMinutes(d: Date): Date {
  const step = 10 * 60_000;
  return new Date(Math.round(d.getTime() / step) * step);
}

/**
 * One estimate line as typed: "制动系统; labour=350; part=前制动片/us/genuine/480; critical".
 * Fields are separated by ; (or the Chinese ；), a part is name/supplier/grade/amount.
 */
/** An estimate line from `TEXT; labour=…; part=…; critical`, or why it is not one (a catalogue entry). */
export function parseLine(text: string): { line?: Estimate["lines"][number]; error?: Worded } {
  const [item, ...fields] = text
    .split(/[;；]/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (!item) return { error: { key: "sh.lineEmpty" } };
  let labour = 0;
  const parts: NonNullable<Estimate["lines"][number]["parts"]> = [];
  let critical: boolean | undefined;
  for (const f of fields) {
    const [k, v = ""] = f.split(/[=＝]/).map((x) => x.trim()) as [string, string?];
    if (k === "critical") critical = true;
    else if (k === "labour" || k === "labor") {
      const c = parseMoney(v);
      if (c === undefined) return { error: { key: "sh.lineLabour", params: { value: v } } };
      labour += c;
    } else if (k === "part") {
      const [name, supplier, grade, amount] = v.split("/").map((x) => x.trim());
      const c = amount === undefined ? undefined : parseMoney(amount);
      if (
        !name ||
        (supplier !== "us" && supplier !== "customer") ||
        (grade !== "genuine" && grade !== "aftermarket") ||
        c === undefined
      )
        return { error: { key: "sh.linePart", params: { value: v } } };
      parts.push({ name, supplier, grade, amount: c });
    } else return { error: { key: "sh.lineField", params: { value: f } } };
  }
  return { line: { item, labour, ...(parts.length ? { parts } : {}), ...(critical ? { critical } : {}) } };
}
