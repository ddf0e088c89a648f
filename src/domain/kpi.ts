// The figures of the reviews (R-MONTHLY): what came in, what was done, and how the department kept
// the regulation's deadlines. Pure: the duties come from the one rules engine, passed in.
import type { DutyInput, Rec } from "./duties/index.js";
import type { Contact, Settings, Ticket } from "./schema.js";
import { addDays, dayCache, STORED_DATE_RE, storedDay, zonedTime, type Day } from "./time.js";

export { dayCache, storedDay };
// the figures themselves: kpi-figures.ts, and their statistics: kpi-stats.ts
export { percentile, type Count, type Judgement, type Spread, type Tally } from "./kpi-stats.js";
export {
  dutyRow,
  periodFigures,
  recordFigures,
  type Figures,
  type KpiInput,
  type RecordFigures,
} from "./kpi-figures.js";
export { monthRows } from "./kpi-months.js";

export interface Period {
  kind: "monthly" | "annual";
  /** "2026-11" or "2026" */
  label: string;
  from: Day;
  to: Day;
}

/** A month as typed: "2026-11". */
export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

export function monthPeriod(ym: string): Period {
  const [y, m] = ym.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return { kind: "monthly", label: ym, from: `${ym}-01`, to: addDays(next, -1) };
}

export function yearPeriod(y: string): Period {
  return { kind: "annual", label: y, from: `${y}-01-01`, to: `${y}-12-31` };
}

/** The last moment of the period in the store's zone. */
export function periodEnd(p: Period, tz: string): Date {
  return new Date(periodOver(p, tz).getTime() - 1);
}

/** The moment the period is over: 00:00 of the day after its last, in the store's zone (2026-11 → 2026-12-01 00:00). */
export function periodOver(p: Period, tz: string): Date {
  return zonedTime(addDays(p.to, 1), 0, 0, 0, tz);
}

/** Whether a stored date or date-time falls on a day of the period, in the store's zone. */
export function inPeriod(at: string | undefined, p: Period, tz: string): boolean {
  if (at === undefined) return false;
  const d = storedDay(at, tz);
  return d >= p.from && d <= p.to;
}

/** A stored date or date-time as a moment, for ordering: a bare date is 00:00 of that day in the store's zone. */
export function storedMoment(at: string, tz: string): number {
  return STORED_DATE_RE.test(at) ? zonedTime(at, 0, 0, 0, tz).getTime() : Date.parse(at);
}

/**
 * When a ticket was resolved, or undefined while it is not: its resolution; for a vehicle at the
 * reception desk (kind shop), which is closed on delivery without a resolution, its delivery.
 * The one place the reviews decide resolved or open.
 */
export function resolvedAt(t: Ticket): string | undefined {
  if (t.resolution) return t.resolution.at;
  if (t.kind === "shop" && t.delivery && t.status === "closed") return t.delivery.at;
  return undefined;
}

/** Past every moment: where a ticket neither resolved nor cancelled ends (see `spanOf`). */
export const OPEN_END = 8.64e15;

/** Every date-time a record names (ms since the epoch), however deep: when things happened to it. */
export function dateTimesOf(value: unknown, out: number[] = []): number[] {
  if (typeof value === "string") {
    // a date-time: "2026-11-26T09:30…"; a bare date is a planned day (plans, schedules), not an event
    if (
      value.length >= 16 &&
      value.charCodeAt(10) === 84 &&
      value.charCodeAt(4) === 45 &&
      /^\d{4}-\d{2}-\d{2}T/.test(value)
    ) {
      const t = Date.parse(value);
      if (!Number.isNaN(t)) out.push(t);
    }
  } else if (Array.isArray(value)) for (const v of value) dateTimesOf(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) dateTimesOf(v, out);
  return out;
}

/**
 * The first and last moment of a record (ms), for the index to find the records a period may
 * need without reading the others: its date-times, and a contact's day (a letter's bare date, as
 * 00:00 UTC). A ticket neither resolved nor cancelled lasts to OPEN_END: it is open at the end of
 * every period after it came in. Zone-free: who asks widens the period by two days on each side
 * and picks the records exactly in the store's zone. Undefined for a record without a date.
 */
export function spanOf(kind: string, value: unknown): { lo: number; hi: number } | undefined {
  const ms = dateTimesOf(value);
  if (kind === "contact") {
    const at = (value as Partial<Contact>).at;
    if (typeof at === "string" && STORED_DATE_RE.test(at)) ms.push(Date.parse(at));
  }
  if (!ms.length) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of ms) {
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  if (kind === "ticket") {
    const t = value as Ticket;
    if (resolvedAt(t) === undefined && !t.cancelled) hi = OPEN_END;
  }
  return { lo, hi };
}

export interface ReviewRecords {
  settings: Settings;
  tickets: readonly Rec<Ticket>[];
  contacts: readonly Rec<Contact>[];
  /** customers' names by ID (those that exist) */
  customerNames(ids: Iterable<string>): Map<string, string>;
  /** tickets by ID (those that exist), for the complaints' status */
  ticketsById(ids: Iterable<string>): Map<string, Ticket>;
}

/** The records of a full read as a review reads them. */
export function recordsOf(input: DutyInput): ReviewRecords {
  let names: Map<string, string> | undefined;
  let byId: Map<string, Ticket> | undefined;
  return {
    settings: input.settings,
    tickets: input.tickets,
    contacts: input.contacts,
    customerNames: () => (names ??= new Map(input.customers.map((c) => [c.id, c.value.name]))),
    ticketsById: () => {
      if (!byId) {
        byId = new Map();
        for (const t of input.tickets) if (!byId.has(t.id)) byId.set(t.id, t.value);
      }
      return byId;
    },
  };
}
