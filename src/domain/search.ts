// Finding a customer from what a clerk types: an ID, part of a name, a contact's name, a phone.
import type { Customer } from "./schema.js";

export interface Named<T> {
  id: string;
  value: T;
}

const fold = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const digitsOf = (s: string) => s.replace(/\D/g, "");

/** Rank: exact name, name prefix, name contains, contact name, phone digits, address, tag. */
export function searchCustomers<T extends Named<Customer>>(customers: T[], query: string): T[] {
  const q = fold(query);
  const qd = digitsOf(query);
  if (!q) return [];
  const scored: { c: T; score: number }[] = [];
  for (const c of customers) {
    const v = c.value;
    const name = fold(v.name);
    let score = 0;
    if (name === q) score = 100;
    else if (name.startsWith(q)) score = 80;
    else if (name.includes(q)) score = 60;
    else if ((v.contacts ?? []).some((p) => fold(p.name).includes(q))) score = 50;
    else if (qd.length >= 4 && (v.contacts ?? []).some((p) => (p.phones ?? []).some((ph) => digitsOf(ph).includes(qd)))) score = 45;
    else if (v.address && fold(v.address).includes(q)) score = 30;
    else if ((v.tags ?? []).some((t) => fold(t) === q)) score = 20;
    if (score) scored.push({ c, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.c.value.name.localeCompare(b.c.value.name)).map((s) => s.c);
}

/** How a customer matched: the name (exactly or in part), a contact, a phone, the address, a tag. */
function tier(c: Customer, q: string, qd: string): number {
  const name = fold(c.name);
  if (name === q) return 5;
  if (name.includes(q)) return 4;
  if ((c.contacts ?? []).some((p) => fold(p.name).includes(q))) return 3;
  if (qd.length >= 4 && (c.contacts ?? []).some((p) => (p.phones ?? []).some((ph) => digitsOf(ph).includes(qd)))) return 2;
  return 1;
}

/**
 * The customer clearly meant, or undefined when it is ambiguous: the best kind of match must have
 * exactly one customer (a name match beats a tag match; two name matches are ambiguous).
 */
export function pickCustomer<T extends Named<Customer>>(matches: T[], query: string): T | undefined {
  const q = fold(query);
  const qd = digitsOf(query);
  const best = Math.max(0, ...matches.map((m) => tier(m.value, q, qd)));
  const top = matches.filter((m) => tier(m.value, q, qd) === best);
  return top.length === 1 ? top[0] : undefined;
}
