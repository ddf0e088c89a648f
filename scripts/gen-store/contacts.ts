// The calls and letters (contacts) and the supervisor's waivers, kept until the tickets and events
// are all made and then written; and what each month's review counts of them.
import type { Counts } from "./config.js";
import type { Cust } from "./customers.js";
import { pathOf, type StoreFiles } from "./files.js";
import { newId, pick } from "./random.js";
import { SUPERVISOR } from "./staff.js";
import { dayOf, dt, NOW_MS } from "./time.js";
import { yaml, type Rec } from "./yaml.js";

export interface ContactFields {
  ticket?: string;
  event?: string;
  channel?: "call" | "letter" | "visit";
  direction: "in" | "out";
  purpose: string;
  staff: string;
  person?: string;
  letter?: { kind: string; subject: string };
  summary?: string;
  requests?: string[];
  complaints?: string[];
  told?: boolean;
  plan?: string;
  satisfaction?: number;
}

/** What a month's review counts. */
export interface MonthStats {
  received: number;
  resolved: number;
  calls: number;
  letters: number;
  sat: number;
  satN: number;
  late: number;
  duties: number;
}
export const emptyMonth = (): MonthStats => ({
  received: 0,
  resolved: 0,
  calls: 0,
  letters: 0,
  sat: 0,
  satN: 0,
  late: 0,
  duties: 0,
});

export class Ledger {
  readonly contacts: { id: string; t: number; rec: Rec }[] = [];
  readonly waivers: { t: number; rec: Rec }[] = [];
  /** per month ("2026-10"): what the reviews count */
  readonly months = new Map<string, MonthStats>();

  /** The month of `t`'s counts. */
  stat(t: number): MonthStats {
    const k = dayOf(t).slice(0, 7);
    let s = this.months.get(k);
    if (!s) this.months.set(k, (s = emptyMonth()));
    return s;
  }

  /** A call or letter with customer `c` at `t` (its ID), or nothing when `t` is not past yet. */
  contact(t: number, c: Cust, fields: ContactFields): string | undefined {
    if (t >= NOW_MS) return undefined;
    const id = newId("K", t);
    const rec: Rec = {
      customer: c.id,
      ticket: fields.ticket,
      event: fields.event,
      at: dt(t),
      channel: fields.channel ?? "call",
      direction: fields.direction,
      purpose: fields.purpose,
      staff: fields.staff,
      person: fields.person,
      letter: fields.letter,
      summary: fields.summary,
      requests: fields.requests,
      complaints: fields.complaints,
      told: fields.told,
      plan: fields.plan,
      satisfaction: fields.satisfaction,
    };
    this.contacts.push({ id, t, rec });
    const s = this.stat(t);
    if ((fields.channel ?? "call") === "letter") s.letters++;
    else s.calls++;
    if (fields.satisfaction) {
      s.sat += fields.satisfaction;
      s.satN++;
    }
    return id;
  }

  /** The supervisor waives `duty` at `t` (when past), for a customer who could not be reached. */
  waive(duty: string, t: number, en: boolean): void {
    if (t >= NOW_MS) return;
    this.waivers.push({
      t,
      rec: {
        duty,
        reason: en
          ? pick(["The customer could not be reached after several calls", "The customer's plant was closed"])
          : pick(["客户多次联系不上", "客户工厂停产，无法回访", "客户联系人离职，暂无新联系人"]),
        by: SUPERVISOR,
        at: dt(t),
      },
    });
  }

  /** Writes the contacts and the waivers (the waivers' IDs drawn now, in order). */
  write(files: StoreFiles, counts: Counts): void {
    for (const k of this.contacts) files.write(pathOf(k.id), yaml(k.rec));
    counts.contacts = this.contacts.length;
    for (const w of this.waivers) files.write(pathOf(newId("W", w.t)), yaml(w.rec));
    counts.waivers = this.waivers.length;
  }
}
