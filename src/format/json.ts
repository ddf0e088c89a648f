// What `--json` prints: the shapes docs/json.md describes, one per kind of object. Every object
// of one kind carries the same keys, in the same order; a field a record or duty does not have is
// null rather than left out, so a script reads `d.assignee` or a spreadsheet a column without
// asking first whether it is there (issue 13, item 7).
import type { Duty } from "../domain/duties/types.js";
import type { Customer } from "../domain/schema.js";
import { kindOfId } from "../domain/ids.js";
import { phoneOf } from "./duties.js";

/**
 * Each record kind's fields, in the order of its schema in src/domain/schema.ts (which the file
 * keeps on disk). Written out rather than read from the schemas, so a read prints JSON without
 * loading zod (test/read-path.test.ts); test/json-contract.test.ts checks they are the schemas' keys.
 */
export const FIELDS = {
  customer: ["name", "address", "contacts", "tags", "equipment", "vehicles", "note", "created"],
  ticket: [
    "customer",
    "received",
    "filed",
    "channel",
    "kind",
    "problem",
    "request",
    "status",
    "assignee",
    "escalation",
    "dispatch",
    "resolution",
    "closed",
    "cancelled",
    "reopened",
    "schedule",
    "plans",
    "appointment",
    "intake",
    "estimate",
    "handover",
    "promises",
    "extras",
    "progress",
    "ready",
    "delivery",
  ],
  contact: [
    "customer",
    "ticket",
    "event",
    "at",
    "channel",
    "direction",
    "purpose",
    "staff",
    "person",
    "letter",
    "summary",
    "requests",
    "complaints",
    "told",
    "plan",
    "satisfaction",
    "next",
  ],
  event: ["title", "date", "kind", "audience", "owner", "note", "created"],
  waiver: ["duty", "reason", "by", "at"],
  staff: ["name", "role", "phone", "email", "left", "absences"],
} as const;
export type JsonKind = keyof typeof FIELDS;

/** Every key of the kind's schema, in its order, with null for what the value lacks; then any extra keys. */
export function filled<T extends object>(kind: JsonKind, value: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of FIELDS[kind]) out[k] = (value as Record<string, unknown>)[k] ?? null;
  for (const [k, v] of Object.entries(value)) if (!(k in out)) out[k] = v ?? null;
  return out;
}

/** A record as `--json` prints it: its ID, then every field of its kind (null when it has none). */
export function recordJson<T extends object>(kind: JsonKind, rec: { id: string; value: T }): Record<string, unknown> {
  return { id: rec.id, ...filled(kind, rec.value) };
}

/** A member of the staff list: every field of aftercare.yaml's entry, and whether they are the follow-up clerk. */
export function staffJson(s: object & { name: string }, clerk: string | undefined): Record<string, unknown> {
  return { ...filled("staff", s), followupClerk: s.name === clerk };
}

/** A record a write made, as `--json` prints it: its kind told by its ID (C-, T-, K-, E-, W-). */
export function writtenJson(rec: { id: string; value: unknown }): Record<string, unknown> {
  const kind = kindOfId(rec.id);
  const value = rec.value as object;
  return kind && kind in FIELDS ? recordJson(kind as JsonKind, { id: rec.id, value }) : { id: rec.id, ...value };
}

/** A field's change in `history --json`: added (no `from`), removed (no `to`) or changed, always with both keys. */
export function changeJson(c: { field: string; from?: unknown; to?: unknown }): Record<string, unknown> {
  const change = !("from" in c) ? "added" : !("to" in c) ? "removed" : "changed";
  return { field: c.field, change, from: c.from ?? null, to: c.to ?? null };
}

/** A duty as `--json` prints it (docs/json.md, "Duty"): the same keys for every duty. */
export function dutyJson(d: Duty): Record<string, unknown> {
  return {
    key: d.key,
    rule: d.rule,
    source: d.source,
    customer: d.customer ?? null,
    ticket: d.ticket ?? null,
    event: d.event ?? null,
    owner: d.owner ?? null,
    assignee: d.assignee ?? null,
    state: d.state,
    earliest: d.earliest,
    due: d.due,
    deadline: d.deadline,
    earliestAt: d.earliestAt ?? null,
    dueAt: d.dueAt ?? null,
    expires: d.expires ?? null,
    expiresAt: d.expiresAt ?? null,
    done: d.done ? { at: d.done.at, record: d.done.record ?? null } : null,
    daysLate: d.daysLate ?? null,
    hoursLate: d.hoursLate ?? null,
    minutesLate: d.minutesLate ?? null,
    waived: d.waived ?? null,
    considered: d.considered ?? null,
    topic: d.topic,
  };
}

/** A row of `due --json`: the duty, and whom to call (the customer's name and first phone). */
export function dueRowJson(d: Duty, customer: Customer | undefined): Record<string, unknown> {
  return { ...dutyJson(d), customerName: customer?.name ?? null, phone: phoneOf(customer) || null };
}

/** The text `--json` prints for a value: indented by two, one line break at the end. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
