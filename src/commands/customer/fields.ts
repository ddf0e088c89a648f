// What customer add and customer edit share: the fields their flags give, applied to a customer.
import { EXIT, refusal } from "../../errors.js";
import { type Customer, type Person } from "../../domain/schema.js";

export interface CustomerFields {
  name?: string;
  address?: string;
  contact?: string;
  title?: string;
  phone?: string[];
  email?: string;
  tag?: string[];
  untag?: string[];
  equipment?: string[];
  vehicle?: string[];
  note?: string;
}

/** Which flag sets which field, for usage errors that name the flag. */
export const CUSTOMER_FLAGS = {
  name: "--name",
  "contacts.name": "--contact",
  "contacts.title": "--title",
  "contacts.phones": "--phone",
  "contacts.email": "--email",
  tags: "--tag",
  "equipment.name": "--equipment",
  "vehicles.plate": "--vehicle",
};

const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

export function applyFields(c: Customer, f: CustomerFields): Customer {
  const next: Customer = { ...c };
  if (f.name !== undefined) next.name = f.name;
  if (f.address !== undefined) next.address = f.address || undefined;
  if (f.note !== undefined) next.note = f.note || undefined;
  const blank = (f.phone ?? []).find((x) => !x.trim());
  if (blank !== undefined) throw refusal("rf.phoneEmpty", { value: blank }, EXIT.usage);
  if (f.email !== undefined && f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim()))
    throw refusal("rf.emailBad", { value: f.email }, EXIT.usage);
  if (f.contact !== undefined || f.phone?.length || f.email !== undefined) {
    const contacts = [...(c.contacts ?? [])];
    const name = f.contact ?? contacts[0]?.name;
    if (!name) throw refusal("rf.contactFirst", {}, EXIT.usage);
    const i = contacts.findIndex((p) => p.name === name.trim());
    const old: Person = i >= 0 ? contacts[i]! : { name };
    const person: Person = {
      ...old,
      ...(f.title ? { title: f.title } : {}),
      ...(f.phone?.length ? { phones: uniq([...(old.phones ?? []), ...f.phone]) } : {}),
      ...(f.email ? { email: f.email } : {}),
    };
    if (i >= 0) contacts[i] = person;
    else contacts.push(person);
    next.contacts = contacts;
  }
  if (f.tag?.length || f.untag?.length) {
    const tags = uniq([...(c.tags ?? []), ...(f.tag ?? [])]).filter((t) => !(f.untag ?? []).includes(t));
    next.tags = tags.length ? tags : undefined;
  }
  if (f.equipment?.length) next.equipment = [...(c.equipment ?? []), ...f.equipment.map((name) => ({ name }))];
  if (f.vehicle?.length)
    next.vehicles = [
      ...(c.vehicles ?? []),
      ...f.vehicle.filter((p) => !(c.vehicles ?? []).some((v) => v.plate === p)).map((plate) => ({ plate })),
    ];
  return next;
}
