// The index's answers about records: one by ID or path, a kind's, a customer's, events and
// waivers, and the warnings the store would give. Values are the files' validated values, kept as
// JSON; "placed" records sit where their ID puts them.
import { isId, type RecordKind } from "../../domain/ids.js";
import type { Contact, Customer, CustomerEvent, RecordOf, Ticket, Waiver } from "../../domain/schema.js";
import type { Rec } from "../../domain/duties/index.js";
import type { Day } from "../../domain/time.js";
import { pathOf, strayWarning, unreadWarning, type FileProblem, type Store } from "../store.js";
import { EVENTS, KIND_ORDER, WAIVERS } from "./common.js";
import type { DB } from "./schema.js";

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export class IndexRecords {
  private events: Rec<CustomerEvent>[] | undefined;

  protected constructor(
    protected readonly db: DB,
    protected readonly store: Store,
  ) {}

  /** The contacts that name a ticket. */
  contactsOfTicket(ticket: string): Rec<Contact>[] {
    const rows = this.db
      .prepare(
        "SELECT id, path, value FROM file WHERE ref = ? AND kind = 'contact' AND placed = 1 AND value IS NOT NULL",
      )
      .all(ticket) as { id: string; path: string; value: string }[];
    rows.sort(byPath);
    return rows.map((r) => ({ id: r.id, value: JSON.parse(r.value) as Contact }));
  }

  /** The first day anything happened in the store (R-MONTHLY). */
  start(): Day | undefined {
    return (this.db.prepare("SELECT min(start) AS s FROM grp").get() as { s: string | null }).s ?? undefined;
  }

  /** Records of a kind by ID (those that read cleanly and sit where their ID puts them). */
  byIds<K extends RecordKind>(kind: K, ids: Iterable<string>): Map<string, RecordOf[K]> {
    const out = new Map<string, RecordOf[K]>();
    const q = this.db.prepare("SELECT value FROM file WHERE id = ? AND kind = ? AND placed = 1 AND value IS NOT NULL");
    for (const id of new Set(ids)) {
      const r = q.get(id, kind) as { value: string } | undefined;
      if (r) out.set(id, JSON.parse(r.value) as RecordOf[K]);
    }
    return out;
  }

  /** A record by ID wherever its file sits (the first in path order), as `Store.load` finds it. */
  anywhere<K extends RecordKind>(kind: K, id: string): RecordOf[K] | undefined {
    const rows = this.db
      .prepare("SELECT path, value FROM file WHERE id = ? AND kind = ? AND value IS NOT NULL")
      .all(id, kind) as { path: string; value: string }[];
    rows.sort(byPath);
    return rows[0] ? (JSON.parse(rows[0].value) as RecordOf[K]) : undefined;
  }

  /** Every record of a kind that reads cleanly and sits where its ID puts it, in path order. */
  all<K extends RecordKind>(kind: K): Rec<RecordOf[K]>[] {
    // the few events and waivers, and the customers: the kind written out, so that their partial index answers (file_events, file_waivers, file_customers) instead of a scan of the store
    const rows = (
      kind === "event" || kind === "waiver" || kind === "customer"
        ? this.db
            .prepare(`SELECT id, path, value FROM file WHERE kind = '${kind}' AND placed = 1 AND value IS NOT NULL`)
            .all()
        : this.db
            .prepare("SELECT id, path, value FROM file WHERE kind = ? AND placed = 1 AND value IS NOT NULL")
            .all(kind)
    ) as { id: string; path: string; value: string }[];
    rows.sort(byPath);
    return rows.map((r) => ({ id: r.id, value: JSON.parse(r.value) as RecordOf[K] }));
  }

  /** One customer's records. */
  group(customer: string): { customers: Rec<Customer>[]; tickets: Rec<Ticket>[]; contacts: Rec<Contact>[] } {
    const out = { customers: [] as Rec<Customer>[], tickets: [] as Rec<Ticket>[], contacts: [] as Rec<Contact>[] };
    const rows = this.db
      .prepare("SELECT kind, id, path, value FROM file WHERE grp = ? AND value IS NOT NULL")
      .all(customer) as { kind: RecordKind; id: string; path: string; value: string }[];
    rows.sort(byPath);
    for (const r of rows) {
      const value = JSON.parse(r.value) as unknown;
      if (r.kind === "customer") out.customers.push({ id: r.id, value: value as Customer });
      else if (r.kind === "ticket") out.tickets.push({ id: r.id, value: value as Ticket });
      else if (r.kind === "contact") out.contacts.push({ id: r.id, value: value as Contact });
    }
    return out;
  }

  // Finding what a person typed (services/find-record.ts): the answers the store would give, or
  // undefined where only the store can word the answer (nothing found, a file that cannot be read)

  /** True when the index holds a file at this path (whether it reads cleanly or not). */
  hasFile(path: string): boolean {
    return this.db.prepare("SELECT 1 FROM file WHERE path = ?").get(path) !== undefined;
  }

  /**
   * The IDs among a kind's file names that start with `prefix` (every .yaml file under its folder,
   * readable or not, wherever it sits), as `Store.resolveId` lists them.
   */
  idsStartingWith(kind: RecordKind, prefix: string): string[] {
    // IDs are ASCII: every one that starts with the prefix sorts before prefix + DEL
    const ids = this.db
      .prepare("SELECT DISTINCT id FROM file WHERE id >= ? AND id < ? AND kind = ?")
      .pluck()
      .all(prefix, `${prefix}\x7f`, kind) as string[];
    return ids.filter((id) => isId(id) && id.startsWith(prefix)).sort();
  }

  /** The record in the file its ID names (the one `Store.get` reads), when that file reads cleanly. */
  record<K extends RecordKind>(kind: K, id: string): RecordOf[K] | undefined {
    const value = this.db
      .prepare("SELECT value FROM file WHERE path = ? AND kind = ? AND value IS NOT NULL")
      .pluck()
      .get(pathOf(id), kind) as string | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as RecordOf[K]);
  }

  /** Every event, as all("event") gives them. */
  allEvents(): Rec<CustomerEvent>[] {
    return (this.events ??= this.ofGroup<CustomerEvent>(EVENTS));
  }

  /** Every waiver, as all("waiver") gives them. */
  waivers(): Rec<Waiver>[] {
    return this.ofGroup<Waiver>(WAIVERS);
  }

  eventsAndWaivers(): { events: Rec<CustomerEvent>[]; waivers: Rec<Waiver>[] } {
    return { events: this.allEvents(), waivers: this.waivers() };
  }

  /**
   * The records of a group in path order, found through the group's index rather than a pass
   * over every file's row (≈ 100 ms at 205k records); a group holds only placed, readable records.
   */
  private ofGroup<T>(grp: string): Rec<T>[] {
    const rows = this.db.prepare("SELECT id, path, value FROM file WHERE grp = ? AND value IS NOT NULL").all(grp) as {
      id: string;
      path: string;
      value: string;
    }[];
    rows.sort(byPath);
    return rows.map((r) => ({ id: r.id, value: JSON.parse(r.value) as T }));
  }

  /** What `Store.all` says of files that could not be read or sit in the wrong place, kind by kind. */
  warnings(kinds: readonly RecordKind[] = KIND_ORDER): string[] {
    const out: string[] = [];
    for (const kind of kinds) {
      const bad = this.db
        .prepare("SELECT path, problems FROM file WHERE kind = ? AND problems IS NOT NULL")
        .all(kind) as { path: string; problems: string }[];
      bad.sort(byPath);
      if (bad.length) {
        const first = (JSON.parse(bad[0]!.problems) as FileProblem[])[0]!;
        out.push(unreadWarning(kind, bad.length, first, this.store.locale));
      }
      const stray = this.db
        .prepare("SELECT path FROM file WHERE kind = ? AND placed = 0 AND value IS NOT NULL")
        .all(kind) as { path: string }[];
      stray.sort(byPath);
      if (stray.length) out.push(strayWarning(kind, stray.length, stray[0]!.path, this.store.locale));
    }
    return out;
  }
}
