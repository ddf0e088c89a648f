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

const NO_PINYIN = Object.freeze({ initials: "", full: "" });
/** pinyin of the names seen in this process (a search asks for each name's again and again); bounded */
const pinyinSeen = new Map<string, { initials: string; full: string }>();
const PINYIN_SEEN_MAX = 100_000;

/** "上海明远" → initials "shmy" and full "shanghaimingyuan"; other letters kept as they are. */
export function pinyinKeys(name: string): { initials: string; full: string } {
  if (!hasHan(name)) return NO_PINYIN;
  const seen = pinyinSeen.get(name);
  if (seen) return seen;
  const syllables = pinyin(name, { toneType: "none", type: "array", nonZh: "consecutive" }).map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ""));
  const keys = Object.freeze({ initials: syllables.map((s) => s[0] ?? "").join(""), full: syllables.join("") });
  if (pinyinSeen.size >= PINYIN_SEEN_MAX) pinyinSeen.clear();
  pinyinSeen.set(name, keys);
  return keys;
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

/** Names in the order a Chinese reader expects (one collator: localeCompare with a locale builds one per call). */
let byName: Intl.Collator | undefined;

/** Every customer that matches, best first; ties by name. */
export function searchCustomers<T extends Named<Customer>>(customers: T[], query: string): T[] {
  const names = (byName ??= new Intl.Collator("zh-CN"));
  return customers
    .map((c) => ({ c, tier: matchTier(c.value, query) }))
    .filter((x) => x.tier > 0)
    .sort((a, b) => b.tier - a.tier || names.compare(a.c.value.name, b.c.value.name))
    .map((x) => x.c);
}

/**
 * The customer clearly meant, or undefined when it is ambiguous: the best kind of match must have
 * exactly one customer (a name match beats a tag match; two name matches are ambiguous).
 */
export function pickCustomer<T extends Named<Customer>>(matches: T[], query: string): T | undefined {
  const tiers = matches.map((m) => matchTier(m.value, query));
  let best = 0;
  for (const t of tiers) if (t > best) best = t;
  const top = matches.filter((_, i) => tiers[i] === best);
  return top.length === 1 ? top[0] : undefined;
}
