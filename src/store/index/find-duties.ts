// Finding a customer's duties again after its records changed (docs/performance.md, "Finding
// duties again"). Customers never share duties (duties/index.ts recordDuties), so a change is
// worked out within its customer's group; and within the group only for the duties it can move.
//
// Why a changed ticket or contact K (its value before and after) can move only these duties:
//   - those K is the source of, and those of K's ticket (before and after);
//   - every duty the records have not done: a new contact may do it, and an undone duty lists the
//     contacts that did not count (counts.ts firstCounting);
//   - a done duty whose doing is at or after the earliest moment K names. A duty is done by the
//     first counting contact in moment order (or, R-NEXT-SERVICE after a close, at the earliest plan
//     made after it, tickets.ts planAfterClose); K can take that place, or give it up, only when K
//     comes before the one that did it, or is it: either way the doing is not earlier than K's
//     earliest moment. A day is allowed on either side for a bare date's place in its day.
// A customer's own record (its tags choose the events it is in, its creation which records have
// happened), a group with no duties found yet, and a moment outside the span in which the duties
// were found have every duty of the group found again.
import type BetterSqlite3 from "better-sqlite3";
import type { RecordKind } from "../../domain/ids.js";
import type { Contact } from "../../domain/schema.js";
import { recordDuties, type FoundDuty } from "../../domain/duties/index.js";
import { momentOf } from "../../domain/time.js";
import { momentsOf } from "./common.js";
import {
  commonMoments,
  doneJudge,
  dutyRow,
  readGroup,
  spanAround,
  type EngineBasis,
  type GroupRecord,
} from "./group-duties.js";
import type { DB } from "./schema.js";

const DAY_MS = 86_400_000;

/** What changed in one group's records since its duties were found. */
interface GroupChange {
  /** every duty of the group is found again */
  all: boolean;
  /** the changed tickets and contacts, and the tickets those contacts name */
  sources: Set<string>;
  /** the earliest moment the changed records name, before and after the change */
  since: number;
}

/**
 * What the rules engine reads of a contact, as a text to compare: everything but what is only
 * shown (its summary, person, requests, complaints, satisfaction, a letter's subject), with the
 * moments it names. A contact whose text is the same before and after its change moves no duty.
 */
function ruleText(v: Contact, tz: string): string {
  const { summary: _s, person: _p, requests: _r, complaints: _c, satisfaction: _f, letter, ...rest } = v;
  // and every moment it names, wherever: they bound the span in which the duties hold
  const moments: number[] = [];
  momentsOf(v, tz, moments);
  const kept: Record<string, unknown> = { ...rest, letterKind: letter?.kind, moments };
  return JSON.stringify(
    Object.keys(kept)
      .sort()
      .map((k) => [k, kept[k]]),
  );
}

/** The changes a refresh met, by group (a customer's ID): each changed record's versions, as it was and as it is. */
export class Changes {
  private readonly byGroup = new Map<
    string,
    { all: boolean; records: Map<string, { kind: RecordKind; versions: unknown[] }> }
  >();

  /**
   * `fresh`: the index held no file before this refresh (a rebuild, a new index): every group
   * met is found again in full, and no record's versions are kept (they would be every record
   * of the store, held until the end).
   */
  constructor(
    private readonly tz: string,
    private readonly fresh = false,
  ) {}

  private of(grp: string) {
    let c = this.byGroup.get(grp);
    if (!c) this.byGroup.set(grp, (c = { all: false, records: new Map() }));
    return c;
  }

  /** Every duty of this group is found again. */
  all(grp: string): void {
    this.of(grp).all = true;
  }

  /** A record of the group as it was, or as it is now (its value, or the JSON text the index kept). */
  record(grp: string | null | undefined, kind: RecordKind, id: string, value: unknown): void {
    if (!grp) return;
    const c = this.of(grp);
    if (this.fresh || (kind !== "ticket" && kind !== "contact")) return void (c.all = true);
    const r = c.records.get(id) ?? c.records.set(id, { kind, versions: [] }).get(id)!;
    r.versions.push(typeof value === "string" ? JSON.parse(value) : value);
  }

  /** The groups changed. */
  groups(): IterableIterator<string> {
    return this.byGroup.keys();
  }

  /** What to find again in a group: every duty, or those of these sources (see the head of this file). */
  wanted(grp: string): GroupChange | undefined {
    const c = this.byGroup.get(grp);
    if (!c) return undefined;
    const out: GroupChange = { all: c.all, sources: new Set(), since: Infinity };
    for (const [id, r] of c.records) {
      // a contact changed only in what the rules do not read (a summary amended) moves nothing
      if (r.kind === "contact" && r.versions.length > 1) {
        const texts = new Set(r.versions.map((v) => ruleText(v as Contact, this.tz)));
        if (texts.size === 1) continue;
      }
      out.sources.add(id);
      for (const v of r.versions) {
        if (r.kind === "contact" && (v as Contact).ticket) out.sources.add((v as Contact).ticket!);
        const moments: number[] = [];
        momentsOf(v, this.tz, moments);
        for (const m of moments) if (m < out.since) out.since = m;
        // a record that names no moment at all: nothing can be ruled out
        if (!moments.length) out.since = -Infinity;
      }
    }
    return out;
  }
}

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/** The statements finding duties again uses, prepared once a refresh. */
function statementsOf(db: DB) {
  const prepare = (sql: string): Statement => db.prepare(sql);
  return {
    recordsOf: prepare("SELECT kind, id, value FROM file WHERE grp = ? AND value IS NOT NULL"),
    hasGrp: prepare("SELECT 1 FROM grp WHERE id = ?").pluck(),
    dutiesOf: prepare(
      "SELECT rowid, json_extract(json, '$.source') AS source, undone, json_extract(json, '$.done.at') AS doneAt FROM duty WHERE grp = ?",
    ),
    delDuty: prepare("DELETE FROM duty WHERE rowid = ?"),
    delDuties: prepare("DELETE FROM duty WHERE grp = ?"),
    delGrp: prepare("DELETE FROM grp WHERE id = ?"),
    putGrp: prepare(
      "INSERT INTO grp (id, start, valid_from, valid_until) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET start = excluded.start, valid_from = excluded.valid_from, valid_until = excluded.valid_until",
    ),
    putDuty: prepare(
      "INSERT INTO duty (grp, key, ticket, customer, undone, expires, expires_at, deadline, rule, judged, done_by, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
  };
}

/**
 * The sources whose duties a change can move (see the head of this file), with the kept rows of
 * their duties deleted; undefined when a kept duty has no source (every duty is found again).
 */
function dropMoved(st: ReturnType<typeof statementsOf>, g: string, change: GroupChange, tz: string) {
  const rows = st.dutiesOf.all(g) as { rowid: number; source: string | null; undone: number; doneAt: string | null }[];
  const sources = new Set(change.sources);
  const since = change.since - DAY_MS;
  for (const r of rows) {
    if (r.source === null) return undefined;
    if (r.undone || r.doneAt === null || momentOf(r.doneAt, tz) >= since) sources.add(r.source);
  }
  for (const r of rows) if (sources.has(r.source!)) st.delDuty.run(r.rowid);
  return sources;
}

export interface FindDuties extends EngineBasis {
  db: DB;
  /** counted per group, for a progress line */
  onGroup: () => void;
}

/**
 * Find the duties of these groups' records again: every duty of a group not in `changes` (or marked
 * `all` there), else those of the sources the change can move.
 */
export function findDuties(f: FindDuties, groups: Iterable<string>, changes?: Changes): void {
  const { settings, now, events } = f;
  const tz = settings.timezone;
  const common = commonMoments(f);
  const st = statementsOf(f.db);
  const doneState = doneJudge(settings);
  for (const g of groups) {
    f.onGroup();
    const change = changes?.wanted(g);
    // every change met is one the rules do not read: nothing to find again, not even the span
    if (change && !change.all && !change.sources.size && st.hasGrp.get(g)) continue;
    const { customers, tickets, contacts, moments } = readGroup(st.recordsOf.all(g) as GroupRecord[], tz, common);
    if (!customers.length && !tickets.length && !contacts.length) {
      st.delDuties.run(g);
      st.delGrp.run(g);
      continue;
    }
    // a group whose duties were never found (new, or found again in full) has no kept rows to keep
    const sources = change && !change.all && st.hasGrp.get(g) ? dropMoved(st, g, change, tz) : undefined;
    if (!sources) st.delDuties.run(g);
    const { found, start } = recordDuties(
      { settings, customers, tickets, contacts, events, reports: [], waivers: [], now },
      sources,
    );
    const [validFrom, validUntil] = spanAround(moments, now.getTime());
    st.putGrp.run(g, start ?? null, validFrom, validUntil);
    for (const d of found) putDuty(st.putDuty, g, d, doneState(d));
  }
}

function putDuty(
  put: Statement,
  g: string,
  d: FoundDuty,
  done: { state: string; by: string | null } | undefined,
): void {
  put.run(g, ...dutyRow(d, done));
}
