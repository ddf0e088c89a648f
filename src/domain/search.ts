// Finding a customer from what a clerk types: an ID, part of a name, pinyin (shmy finds 上海明远),
// a contact's name, any phone number by its digits.
import { pinyin } from "pinyin-pro";
import type { Customer } from "./schema.js";

export interface Named<T> {
  id: string;
  value: T;
}

const fold = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const digitsOf = (s: string) => s.replace(/\D/g, "");
const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/** "上海明远" → initials "shmy" and full "shanghaimingyuan"; other letters kept as they are. */
export function pinyinKeys(name: string): { initials: string; full: string } {
  if (!hasHan(name)) return { initials: "", full: "" };
  const syllables = pinyin(name, { toneType: "none", type: "array", nonZh: "consecutive" }).map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ""));
  return { initials: syllables.map((s) => s[0] ?? "").join(""), full: syllables.join("") };
}

/**
 * How well a customer matches, 0 for not at all: the exact name (6), part of the name (5),
 * the name's pinyin or its initials (4), a contact's name (3), a phone's digits (2), the address
 * or a tag (1).
 */
export function matchTier(c: Customer, query: string): number {
  const q = fold(query);
  if (!q) return 0;
  const name = fold(c.name);
  if (name === q) return 6;
  if (name.includes(q)) return 5;
  if (/^[a-z]+$/.test(q) && hasHan(c.name)) {
    const py = pinyinKeys(c.name);
    if (py.initials.includes(q) || (q.length >= 3 && py.full.includes(q))) return 4;
  }
  if ((c.contacts ?? []).some((p) => fold(p.name).includes(q) || (/^[a-z]+$/.test(q) && pinyinKeys(p.name).full.startsWith(q) && q.length >= 3))) return 3;
  const qd = digitsOf(query);
  if (qd.length >= 4 && qd.length >= q.replace(/[\s()+-]/g, "").length && (c.contacts ?? []).some((p) => (p.phones ?? []).some((ph) => digitsOf(ph).includes(qd)))) return 2;
  if ((c.address && fold(c.address).includes(q)) || (c.tags ?? []).some((t) => fold(t) === q)) return 1;
  return 0;
}

/** Every customer that matches, best first; ties by name. */
export function searchCustomers<T extends Named<Customer>>(customers: T[], query: string): T[] {
  return customers
    .map((c) => ({ c, tier: matchTier(c.value, query) }))
    .filter((x) => x.tier > 0)
    .sort((a, b) => b.tier - a.tier || a.c.value.name.localeCompare(b.c.value.name, "zh-CN"))
    .map((x) => x.c);
}

/**
 * The customer clearly meant, or undefined when it is ambiguous: the best kind of match must have
 * exactly one customer (a name match beats a tag match; two name matches are ambiguous).
 */
export function pickCustomer<T extends Named<Customer>>(matches: T[], query: string): T | undefined {
  const tiers = matches.map((m) => matchTier(m.value, query));
  const best = Math.max(0, ...tiers);
  const top = matches.filter((_, i) => tiers[i] === best);
  return top.length === 1 ? top[0] : undefined;
}
