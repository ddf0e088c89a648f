// A customer's duties as the index keeps them (find-duties.ts, rebuild.ts): the rules engine over
// one group's records, each duty turned into the columns of its row. Free of SQLite, so that the
// read workers (read-worker.ts) can run it on a rebuild while the main thread writes.
import type { RecordKind } from "../../domain/ids.js";
import type { Contact, Customer, CustomerEvent, Settings, Ticket } from "../../domain/schema.js";
import { judge, recordDuties, type FoundDuty, type Rec } from "../../domain/duties/index.js";
import { momentOf } from "../../domain/time.js";
import { momentsOf } from "./common.js";

/** A group's record as the index keeps it: its kind, ID and value as JSON. */
export type GroupRecord = { kind: RecordKind; id: string; value: string };

/** The columns of a duty's row after its group: key, ticket, customer, undone, expires, expires_at, deadline, rule, judged, done_by, json. */
export type DutyRow = (string | number | null)[];

/** What every group's duties are found with: the settings (calendar resolved), the events, the moment. */
export interface EngineBasis {
  settings: Settings;
  events: Rec<CustomerEvent>[];
  now: Date;
}

/** A group's duties found: its first day, the span of moments they hold in, and their rows. */
export interface FoundGroup {
  g: string;
  start: string | null;
  validFrom: number;
  validUntil: number;
  duties: DutyRow[];
  /** no record is left in the group: it has no row, and no duty */
  empty?: true;
}

/** The moments every group shares: the events', and the days people left. */
export function commonMoments(basis: EngineBasis): number[] {
  const tz = basis.settings.timezone;
  const common: number[] = [];
  for (const e of basis.events) momentsOf(e.value, tz, common);
  for (const s of basis.settings.staff) if (s.left) common.push(momentOf(s.left, tz));
  return common;
}

/** A group's records, and every moment they (and `common`) name. */
export function readGroup(rows: Iterable<GroupRecord>, tz: string, common: readonly number[]) {
  const customers: Rec<Customer>[] = [];
  const tickets: Rec<Ticket>[] = [];
  const contacts: Rec<Contact>[] = [];
  const moments = [...common];
  for (const r of rows) {
    const value = JSON.parse(r.value) as unknown;
    momentsOf(value, tz, moments);
    if (r.kind === "customer") customers.push({ id: r.id, value: value as Customer });
    else if (r.kind === "ticket") tickets.push({ id: r.id, value: value as Ticket });
    else if (r.kind === "contact") contacts.push({ id: r.id, value: value as Contact });
  }
  return { customers, tickets, contacts, moments };
}

/** The span of moments around `t` in which duties found at `t` hold: from the last moment named by then to the next. */
export function spanAround(moments: readonly number[], t: number): [from: number, until: number] {
  let from = -Infinity;
  let until = Infinity;
  for (const m of moments) {
    if (m <= t) from = Math.max(from, m);
    else until = Math.min(until, m);
  }
  return [from === -Infinity ? -8.64e15 : from, until === Infinity ? 8.64e15 : until];
}

/**
 * A done duty as `judge` judges it at any moment: done on time or late, and by whom (R-COVER and
 * waivers move only work not done; a done duty's state reads its deadline and its doing, never
 * the moment asked). Kept in columns so that a review counts a period's done duties without
 * decoding them (source.ts): the rules' first day (`rules.since`) is applied when asked, not here.
 */
export function doneJudge(settings: Settings): (d: FoundDuty) => { state: string; by: string | null } | undefined {
  const lean: Settings = { ...settings, staff: [], rules: { ...settings.rules, since: undefined } };
  const epoch = new Date(0);
  return (d) => {
    if (!d.done) return undefined;
    const j = judge([d], lean, epoch)[0]!;
    return { state: j.state, by: j.assignee ?? null };
  };
}

/** A found duty's row, after its group's column. */
export function dutyRow(d: FoundDuty, done: { state: string; by: string | null } | undefined): DutyRow {
  return [
    d.key,
    d.ticket ?? null,
    d.customer ?? null,
    d.done ? 0 : 1,
    d.expires ?? null,
    d.expiresAt ? Date.parse(d.expiresAt) : null,
    d.deadline,
    d.rule,
    done?.state ?? null,
    done?.by ?? null,
    JSON.stringify(d),
  ];
}

/**
 * Every duty of each group, found from nothing: for a rebuild, where no group has duties kept.
 * A group with no records left is `empty`.
 */
export function groupsDuties(basis: EngineBasis, groups: { g: string; rows: GroupRecord[] }[]): FoundGroup[] {
  const { settings, events, now } = basis;
  const tz = settings.timezone;
  const common = commonMoments(basis);
  const doneState = doneJudge(settings);
  return groups.map(({ g, rows }) => {
    const { customers, tickets, contacts, moments } = readGroup(rows, tz, common);
    if (!customers.length && !tickets.length && !contacts.length)
      return { g, start: null, validFrom: 0, validUntil: 0, duties: [], empty: true };
    const { found, start } = recordDuties({
      settings,
      customers,
      tickets,
      contacts,
      events,
      reports: [],
      waivers: [],
      now,
    });
    const [validFrom, validUntil] = spanAround(moments, now.getTime());
    return { g, start: start ?? null, validFrom, validUntil, duties: found.map((d) => dutyRow(d, doneState(d))) };
  });
}
