// What every writer step shares: the store being written, the seeded generator that gives the
// records their IDs, and the customers already written (the data names them by index).
import type { Contact } from "../../src/domain/schema.js";
import type { Loaded, Store } from "../../src/store/store.js";
import { at } from "./clock.js";

export interface Sample {
  dir: string;
  store: Store;
  random: (n: number) => Uint8Array;
  /** The customers of customers.ts, written, in the same order. */
  customers: Loaded<"customer">[];
}

/** The ID of the customer at `index` in customers.ts. */
export const customerId = (s: Sample, index: number) => s.customers[index]!.id;

/** A phone call, written on the day of its own time stamp. */
export const call = (s: Sample, c: Omit<Contact, "channel">) =>
  s.store.create("contact", { ...c, channel: "call" }, at(c.at.slice(0, 16).replace("T", " ")), s.random);

export interface Letter {
  customer: string;
  event?: string;
  day: string;
  purpose: Contact["purpose"];
  staff: string;
  kind: "notice" | "invitation" | "reply";
  subject: string;
}

/** A letter sent on `day`, written as of 10:00 that day. */
export const letter = (s: Sample, l: Letter) =>
  s.store.create(
    "contact",
    {
      customer: l.customer,
      ...(l.event ? { event: l.event } : {}),
      at: l.day,
      channel: "letter",
      direction: "out",
      purpose: l.purpose,
      staff: l.staff,
      letter: { kind: l.kind, subject: l.subject },
    },
    at(`${l.day} 10:00`),
    s.random,
  );
