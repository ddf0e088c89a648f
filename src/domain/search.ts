// Finding a customer from what a clerk types: an ID, part of a name, pinyin (shmy finds 上海明远),
// a contact's name, any phone number by its digits.
//
// A customer is matched by its search keys (the folded name, the pinyin of its names, the
// contacts, the phones' digits, the address and tags). The derived index keeps each customer's
// keys, so that a search neither reads every customer nor loads pinyin-pro (store/record-index.ts);
// without the index they are worked out here, with the pinyin only for a query in letters.
import type { Customer } from "./schema.js";

export interface Named<T> {
  id: string;
  value: T;
}

/** A name's pinyin: initials ("shmy") and full ("shanghaimingyuan"); empty for a name without Chinese. */
export type PinyinOf = (name: string) => { initials: string; full: string };

/** What a customer is found by, each text folded (NFKC, lower case, one space). */
export interface SearchKeys {
  name: string;
  /** the name holds Chinese characters: its pinyin counts */
  han: boolean;
  initials: string;
  full: string;
  /** the contacts' names, and the full pinyin of each */
  people: string[];
  peopleFull: string[];
  /** every phone number's digits */
  phones: string[];
  address: string;
  tags: string[];
}

const fold = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const digitsOf = (s: string) => s.replace(/\D/g, "");
const hasHan = (s: string) => /\p{Script=Han}/u.test(s);
const NO_PINYIN: PinyinOf = () => ({ initials: "", full: "" });

/** A customer's search keys; `pinyin` gives the pinyin of its names. */
export function searchKeys(c: Customer, pinyin: PinyinOf): SearchKeys {
  const han = hasHan(c.name);
  const py = han ? pinyin(c.name) : { initials: "", full: "" };
  const people = c.contacts ?? [];
  return {
    name: fold(c.name),
    han,
    initials: py.initials,
    full: py.full,
    people: people.map((p) => fold(p.name)),
    peopleFull: people.map((p) => pinyin(p.name).full),
    phones: people.flatMap((p) => (p.phones ?? []).map(digitsOf)),
    address: c.address ? fold(c.address) : "",
    tags: (c.tags ?? []).map(fold),
  };
}

/**
 * The text a customer can match in, one key a line: a customer matches a query only if the folded
 * query is part of it, or its phone digits are part of `digits` (folded text holds no line break,
 * so a query never matches across two keys). The index looks there first, in SQL.
 */
export function haystack(k: SearchKeys): { text: string; digits: string } {
  return {
    text: [k.name, k.initials, k.full, ...k.people, ...k.peopleFull, k.address, ...k.tags].join("\n"),
    digits: k.phones.join("\n"),
  };
}

/** A query as matching needs it, worked out once per search. */
export interface Query {
  /** folded */
  q: string;
  /** letters only: it may be pinyin */
  letters: boolean;
  /** its digits, when it is a phone number (at least four digits and little else) */
  phone?: string;
}

export function queryOf(query: string): Query {
  const q = fold(query);
  const qd = digitsOf(query);
  return {
    q,
    letters: /^[a-z]+$/.test(q),
    ...(qd.length >= 4 && qd.length >= q.replace(/[\s()+-]/g, "").length ? { phone: qd } : {}),
  };
}

/** True when a query may match by pinyin (letters only): only then are the names' pinyin needed. */
export function wantsPinyin(query: string): boolean {
  return queryOf(query).letters;
}

/**
 * How well a customer's keys match, 0 for not at all: the exact name (6), part of the name (5),
 * the name's pinyin or its initials (4), a contact's name (3), a phone's digits (2), the address
 * or a tag (1).
 */
export function tierOf(k: SearchKeys, { q, letters, phone }: Query): number {
  if (!q) return 0;
  if (k.name === q) return 6;
  if (k.name.includes(q)) return 5;
  if (letters && k.han && (k.initials.includes(q) || (q.length >= 3 && k.full.includes(q)))) return 4;
  if (k.people.some((n, i) => n.includes(q) || (letters && q.length >= 3 && k.peopleFull[i]!.startsWith(q)))) return 3;
  if (phone !== undefined && k.phones.some((d) => d.includes(phone))) return 2;
  if (k.address.includes(q) || k.tags.some((t) => t === q)) return 1;
  return 0;
}

/** The pinyin a search needs: none for a query that is not in letters. */
function pinyinFor(query: Query, pinyin: PinyinOf | undefined): PinyinOf {
  if (!query.letters) return NO_PINYIN;
  if (!pinyin) throw new Error("a customer search in letters needs the names' pinyin (domain/pinyin.ts)");
  return pinyin;
}

/** How well a customer matches (tierOf); `pinyin` is needed for a query in letters. */
export function matchTier(c: Customer, query: string, pinyin?: PinyinOf): number {
  const qy = queryOf(query);
  return tierOf(searchKeys(c, pinyinFor(qy, pinyin)), qy);
}

/** Names in the order a Chinese reader expects (one collator: localeCompare with a locale builds one per call). */
let byName: Intl.Collator | undefined;

/** Matches best first, ties by name; equal ones keep their order. */
export function ranked<T>(matches: { item: T; tier: number; name: string }[]): { item: T; tier: number }[] {
  const names = (byName ??= new Intl.Collator("zh-CN"));
  return matches.filter((x) => x.tier > 0).sort((a, b) => b.tier - a.tier || names.compare(a.name, b.name));
}

/** Every customer that matches, best first; ties by name. `pinyin` is needed for a query in letters. */
export function searchCustomers<T extends Named<Customer>>(customers: T[], query: string, pinyin?: PinyinOf): T[] {
  const qy = queryOf(query);
  const py = pinyinFor(qy, pinyin);
  return ranked(customers.map((c) => ({ item: c, tier: tierOf(searchKeys(c.value, py), qy), name: c.value.name }))).map(
    (x) => x.item,
  );
}

/** The one match of the best tier, if exactly one has it (a name match beats a tag match; two name matches are ambiguous). */
export function bestOf<T>(matches: { item: T; tier: number }[]): T | undefined {
  let best = 0;
  for (const m of matches) if (m.tier > best) best = m.tier;
  const top = matches.filter((m) => m.tier === best);
  return top.length === 1 ? top[0]!.item : undefined;
}

/**
 * The customer clearly meant, or undefined when it is ambiguous: the best kind of match must have
 * exactly one customer. `pinyin` is needed for a query in letters.
 */
export function pickCustomer<T extends Named<Customer>>(matches: T[], query: string, pinyin?: PinyinOf): T | undefined {
  const qy = queryOf(query);
  const py = pinyinFor(qy, pinyin);
  return bestOf(matches.map((m) => ({ item: m, tier: tierOf(searchKeys(m.value, py), qy) })));
}
