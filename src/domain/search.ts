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

/** The best match, when one is clearly meant: an exact name, or a single match. */
export function pickCustomer<T extends Named<Customer>>(matches: T[], query: string): T | undefined {
  const exact = matches.filter((m) => fold(m.value.name) === fold(query));
  if (exact.length === 1) return exact[0];
  return matches.length === 1 ? matches[0] : undefined;
}
