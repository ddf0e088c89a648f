// Rules that look across records: references, identity, consistency. Each small rule pushes its
// findings; nothing stops at the first problem.
import { wordedText, type MessageKey, type Worded } from "../i18n.js";
import { ID_RE, LETTER_OF, type RecordKind } from "./ids.js";
import type { Contact, Customer, CustomerEvent, Settings, Ticket, Waiver } from "./schema.js";

export interface Finding {
  path: string;
  /** the field the finding is about, to place it at a line */
  field: PropertyKey[];
  /** in English (--json, the memo, doctor's matching) */
  message: string;
  /** the same in the catalogue's words, for the reader's language */
  worded?: Worded;
}

/** A finding's message from the catalogue (cf.*): the English, and the words for the reader's language. */
const words = (key: MessageKey, params: Worded["params"] = {}): { message: string; worded: Worded } => {
  const worded: Worded = { key, params };
  return { message: wordedText("en", worded), worded };
};

type AnyRecord = Customer | Ticket | Contact | CustomerEvent | Waiver;

/**
 * What the rules across records read of one record: the records it names and the people on the
 * staff list it names, each with its field. Small, so that `check` can keep it for every file
 * between runs and check a store again without reading the files that did not change.
 */
export interface Facts {
  customer?: string;
  ticket?: string;
  event?: string;
  /**
   * [field path joined with ".", name]; may be left out for a record known to name only people
   * on the staff list (its settings unchanged since)
   */
  staff?: [string, string][];
}

export interface CheckRecord {
  kind: RecordKind;
  id: string;
  path: string;
  /**
   * The validated record; or, without it, its `facts` and `findings` worked out where it was read
   * (no findings: a record known to be sound by itself, read before and unchanged since).
   */
  value?: AnyRecord;
  /** its facts, or their encoding (encodeFacts) */
  facts?: Facts | string;
  /** its own findings (recordFindings), when worked out already and `value` is not given */
  findings?: Finding[];
}

/**
 * The records the rules look across, by place: what `check` keeps compactly for a whole store
 * (services/check-table.ts) or an array of records (listOf). A record's parts are made as they are
 * asked for; only what identity and references look up by ID is indexed.
 */
export interface RecordList {
  readonly length: number;
  kindAt(k: number): RecordKind;
  idAt(k: number): string;
  pathAt(k: number): string;
  factsAt(k: number): Facts;
  /** its own findings (recordFindings), from its value or as worked out where it was read */
  findingsAt(k: number): Finding[];
  /** the place of the first record with this ID whose file name is right for its kind (namedRight), or -1 */
  firstNamed(id: string): number;
  /** the place of the last record with this ID, or -1 */
  lastWithId(id: string): number;
}

export interface CheckInput {
  settings: Settings;
  /** every record that parsed and validated, with its file path and the ID its file name gives */
  records: CheckRecord[] | RecordList;
  /** where a record of this ID must live */
  pathOf: (id: string) => string;
}

/** Whether a file name is a record ID of the kind its folder holds (identity's first rule). */
export const namedRight = (kind: RecordKind, id: string): boolean => ID_RE.test(id) && id[0] === LETTER_OF[kind];

/**
 * The facts of a record (see Facts). People on `onList` (the staff list) may be left out: the
 * rules have nothing to say about them, and a record's facts are then mostly a few IDs.
 */
export function factsOf(kind: RecordKind, value: AnyRecord, onList?: ReadonlySet<string>): Facts {
  const f: Facts = {};
  const staff: [string, string][] = [];
  const person = (field: string, name: string | undefined) => {
    if (name !== undefined && !onList?.has(name)) staff.push([field, name]);
  };
  if (kind === "ticket") {
    const t = value as Ticket;
    f.customer = t.customer;
    person("assignee", t.assignee);
    person("escalation.to", t.escalation?.to);
    person("dispatch.technician", t.dispatch?.technician);
  } else if (kind === "waiver") {
    person("by", (value as Waiver).by);
  } else if (kind === "event") {
    person("owner", (value as CustomerEvent).owner);
  } else if (kind === "contact") {
    const c = value as Contact;
    f.customer = c.customer;
    if (c.ticket !== undefined) f.ticket = c.ticket;
    if (c.event !== undefined) f.event = c.event;
    person("staff", c.staff);
  }
  if (staff.length) f.staff = staff;
  return f;
}

/**
 * Facts as one string, to keep for hundreds of thousands of records at the cost of one string
 * each: `customer|ticket|event`, then `|field\u0002name` pairs joined by \u0001. IDs hold no "|"
 * (the schemas take only valid ones), and no field holds a control character.
 */
export function encodeFacts(f: Facts): string {
  const refs =
    f.customer === undefined && f.ticket === undefined && f.event === undefined
      ? ""
      : `${f.customer ?? ""}|${f.ticket ?? ""}|${f.event ?? ""}`;
  if (!f.staff?.length) return refs;
  return `${refs || "||"}|${f.staff.map(([field, name]) => `${field}\u0002${name}`).join("\u0001")}`;
}

export function decodeFacts(s: string): Facts {
  const f: Facts = {};
  if (s === "") return f;
  const a = s.indexOf("|");
  const b = s.indexOf("|", a + 1);
  const c = s.indexOf("|", b + 1);
  if (a > 0) f.customer = s.slice(0, a);
  if (b > a + 1) f.ticket = s.slice(a + 1, b);
  const end = c < 0 ? s.length : c;
  if (end > b + 1) f.event = s.slice(b + 1, end);
  if (c >= 0)
    f.staff = s
      .slice(c + 1)
      .split("\u0001")
      .map((p) => {
        const at = p.indexOf("\u0002");
        return [p.slice(0, at), p.slice(at + 1)];
      });
  return f;
}

const factsOfRecord = (r: CheckRecord): Facts =>
  typeof r.facts === "string" ? decodeFacts(r.facts) : (r.facts ?? factsOf(r.kind, r.value!));

/** An array of records as a RecordList: the IDs looked up through two maps. */
export function listOf(records: CheckRecord[]): RecordList {
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  records.forEach((r, k) => {
    if (!first.has(r.id) && namedRight(r.kind, r.id)) first.set(r.id, k);
    last.set(r.id, k);
  });
  return {
    length: records.length,
    kindAt: (k) => records[k]!.kind,
    idAt: (k) => records[k]!.id,
    pathAt: (k) => records[k]!.path,
    factsAt: (k) => factsOfRecord(records[k]!),
    findingsAt: (k) => {
      const r = records[k]!;
      return r.value !== undefined ? recordFindings(r.kind, r.path, r.value) : (r.findings ?? []);
    },
    firstNamed: (id) => first.get(id) ?? -1,
    lastWithId: (id) => last.get(id) ?? -1,
  };
}

type Rule = (
  input: { settings: Settings; records: RecordList; pathOf: (id: string) => string },
  push: (f: Finding) => void,
) => void;

const identity: Rule = ({ records, pathOf }, push) => {
  for (let k = 0; k < records.length; k++) {
    const kind = records.kindAt(k);
    const id = records.idAt(k);
    const path = records.pathAt(k);
    const letter = LETTER_OF[kind];
    if (!namedRight(kind, id)) {
      push({ path, field: [], ...words("cf.fileName", { id, kind: { key: `rk.${kind}` }, letter }) });
      continue;
    }
    // the first record named so is the one kept
    const first = records.firstNamed(id);
    if (first !== k) push({ path, field: [], ...words("cf.duplicate", { id, other: records.pathAt(first) }) });
    const place = pathOf(id);
    if (place !== path) push({ path, field: [], ...words("cf.place", { kind: { key: `rk.${kind}` }, id, place }) });
  }
};

const references: Rule = ({ records, settings }, push) => {
  const staff = new Set(settings.staff.map((s) => s.name));
  // an ID names the last record that has it
  const kindOf = (id: string) => {
    const k = records.lastWithId(id);
    return k < 0 ? undefined : records.kindAt(k);
  };
  const needRecord = (path: string, field: string, id: string | undefined, kind: RecordKind) => {
    if (id !== undefined && kindOf(id) !== kind)
      push({ path, field: [field], ...words("cf.reference", { field, kind: { key: `rk.${kind}` }, id }) });
  };
  for (let k = 0; k < records.length; k++) {
    const kind = records.kindAt(k);
    if (kind === "customer") continue;
    const f = records.factsAt(k);
    const path = records.pathAt(k);
    if (kind === "ticket") needRecord(path, "customer", f.customer, "customer");
    else if (kind === "contact") {
      needRecord(path, "customer", f.customer, "customer");
      needRecord(path, "ticket", f.ticket, "ticket");
      needRecord(path, "event", f.event, "event");
    }
    for (const [field, name] of f.staff ?? [])
      if (!staff.has(name))
        push({
          path,
          field: field.split("."),
          ...words("cf.staff", { field, name }),
        });
    if (kind === "contact" && f.ticket !== undefined) {
      const t = records.lastWithId(f.ticket);
      if (t >= 0 && records.kindAt(t) === "ticket") {
        const owner = records.factsAt(t).customer;
        if (owner !== f.customer)
          push({
            path,
            field: ["ticket"],
            ...words("cf.owner", { ticket: f.ticket, owner: String(owner), customer: String(f.customer) }),
          });
      }
    }
  }
};

const NEEDS: [Ticket["status"][], keyof Ticket, string][] = [
  [["escalated"], "escalation", "escalation: (to, at)"],
  [["dispatched", "onsite"], "dispatch", "dispatch: (technician, at)"],
  [["resolved", "closed"], "resolution", "resolution: (at, note)"],
  [["closed"], "closed", "closed: (when it was closed)"],
  [["cancelled"], "cancelled", "cancelled: (at, reason)"],
];

/** What is wrong with a record by itself, whatever the rest of the store holds: a ticket's status without its section. */
export function recordFindings(kind: RecordKind, path: string, value: AnyRecord): Finding[] {
  if (kind !== "ticket") return [];
  const out: Finding[] = [];
  const t = value as Ticket;
  const needs: typeof NEEDS =
    t.kind === "shop"
      ? [
          [["workshop", "ready"], "handover", "handover: (at, receiver, promise)"],
          [["ready"], "ready", "ready: (at, belongings, bill)"],
          [["cancelled"], "cancelled", "cancelled: (at, reason)"],
        ]
      : NEEDS;
  for (const [statuses, field, what] of needs)
    if (statuses.includes(t.status) && t[field] === undefined)
      out.push({ path, field: ["status"], ...words("cf.section", { status: t.status, what }) });
  if (t.kind === "shop" && t.status === "closed" && !t.delivery && !t.resolution)
    out.push({ path, field: ["status"], ...words("cf.section", { status: "closed", what: "delivery: (at, paid)" }) });
  if (new Date(t.received) > new Date(t.filed))
    out.push({
      path,
      field: ["received"],
      ...words("cf.received"),
    });
  return out;
}

const ticketConsistency: Rule = ({ records }, push) => {
  for (let k = 0; k < records.length; k++) for (const f of records.findingsAt(k)) push(f);
};

const staffList: Rule = ({ settings }, push) => {
  const seen = new Set<string>();
  const names = new Set(settings.staff.map((s) => s.name));
  settings.staff.forEach((s, i) => {
    if (seen.has(s.name))
      push({
        path: "aftercare.yaml",
        field: ["staff", i, "name"],
        ...words("cf.twice", { name: s.name }),
      });
    seen.add(s.name);
    s.absences?.forEach((a, j) => {
      if (!names.has(a.cover) || a.cover === s.name)
        push({
          path: "aftercare.yaml",
          field: ["staff", i, "absences", j, "cover"],
          ...words("cf.cover", { cover: a.cover, name: s.name }),
        });
    });
  });
};

export const RULES: Rule[] = [identity, references, ticketConsistency, staffList];

export function checkRecords(input: CheckInput): Finding[] {
  const out: Finding[] = [];
  const records = Array.isArray(input.records) ? listOf(input.records) : input.records;
  for (const rule of RULES) rule({ ...input, records }, (f) => out.push(f));
  return out;
}
