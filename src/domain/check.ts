// Rules that look across records: references, identity, consistency. Each small rule pushes its
// findings; nothing stops at the first problem.
import { ID_RE, KINDS, type RecordKind } from "./ids.js";
import type { Contact, Customer, CustomerEvent, Settings, Ticket, Waiver } from "./schema.js";

export interface Finding {
  path: string;
  /** the field the finding is about, to place it at a line */
  field: PropertyKey[];
  message: string;
}

export interface CheckInput {
  settings: Settings;
  /** every record that parsed and validated, with its file path and the ID its file name gives */
  records: { kind: RecordKind; id: string; path: string; value: Customer | Ticket | Contact | CustomerEvent | Waiver }[];
  /** where a record of this ID must live */
  pathOf: (id: string) => string;
}

type Rule = (input: CheckInput, push: (f: Finding) => void) => void;

const identity: Rule = ({ records, pathOf }, push) => {
  const seen = new Map<string, string>();
  for (const r of records) {
    const letter = Object.entries(KINDS).find(([, k]) => k === r.kind)![0];
    if (!ID_RE.test(r.id) || r.id[0] !== letter) {
      push({ path: r.path, field: [], message: `file name "${r.id}" is not a ${r.kind} ID (${letter}-yymmdd-XXXX); rename the file` });
      continue;
    }
    const other = seen.get(r.id);
    if (other) push({ path: r.path, field: [], message: `duplicate ID ${r.id}: also at ${other}; keep one of the two files` });
    else seen.set(r.id, r.path);
    if (pathOf(r.id) !== r.path) push({ path: r.path, field: [], message: `${r.kind} ${r.id} is in the wrong place: its ID puts it at ${pathOf(r.id)}` });
  }
};

const references: Rule = ({ records, settings }, push) => {
  const ids = new Map(records.map((r) => [r.id, r]));
  const staff = new Set(settings.staff.map((s) => s.name));
  const needStaff = (path: string, field: PropertyKey[], name: string | undefined) => {
    if (name !== undefined && !staff.has(name))
      push({ path, field, message: `${field.join(".")} names "${name}", who is not on the staff list in aftercare.yaml; add them with 'aftercare staff add'` });
  };
  const needRecord = (path: string, field: PropertyKey[], id: string | undefined, kind: RecordKind) => {
    if (id !== undefined && ids.get(id)?.kind !== kind) push({ path, field, message: `${field.join(".")} refers to ${kind} ${id}, which is not in this store` });
  };
  for (const r of records) {
    if (r.kind === "ticket") {
      const t = r.value as Ticket;
      needRecord(r.path, ["customer"], t.customer, "customer");
      needStaff(r.path, ["assignee"], t.assignee);
      needStaff(r.path, ["escalation", "to"], t.escalation?.to);
      needStaff(r.path, ["dispatch", "technician"], t.dispatch?.technician);
    } else if (r.kind === "waiver") {
      needStaff(r.path, ["by"], (r.value as Waiver).by);
    } else if (r.kind === "event") {
      needStaff(r.path, ["owner"], (r.value as CustomerEvent).owner);
    } else if (r.kind === "contact") {
      const c = r.value as Contact;
      needRecord(r.path, ["customer"], c.customer, "customer");
      needRecord(r.path, ["ticket"], c.ticket, "ticket");
      needRecord(r.path, ["event"], c.event, "event");
      needStaff(r.path, ["staff"], c.staff);
      const t = c.ticket ? ids.get(c.ticket) : undefined;
      if (t?.kind === "ticket" && (t.value as Ticket).customer !== c.customer)
        push({ path: r.path, field: ["ticket"], message: `ticket ${c.ticket} belongs to customer ${(t.value as Ticket).customer}, not to ${c.customer}` });
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

const ticketConsistency: Rule = ({ records }, push) => {
  for (const r of records) {
    if (r.kind !== "ticket") continue;
    const t = r.value as Ticket;
    const needs: typeof NEEDS =
      t.kind === "shop"
        ? [
            [["workshop", "ready"], "handover", "handover: (at, receiver, promise)"],
            [["ready"], "ready", "ready: (at, belongings, bill)"],
            [["cancelled"], "cancelled", "cancelled: (at, reason)"],
          ]
        : NEEDS;
    for (const [statuses, field, what] of needs)
      if (statuses.includes(t.status) && t[field] === undefined) push({ path: r.path, field: ["status"], message: `status is ${t.status} but ${what} is missing` });
    if (t.kind === "shop" && t.status === "closed" && !t.delivery && !t.resolution) push({ path: r.path, field: ["status"], message: "status is closed but delivery: (at, paid) is missing" });
    if (new Date(t.received) > new Date(t.filed)) push({ path: r.path, field: ["received"], message: "received is later than filed: a request is filed after it comes in" });
  }
};

const staffList: Rule = ({ settings }, push) => {
  const seen = new Set<string>();
  const names = new Set(settings.staff.map((s) => s.name));
  settings.staff.forEach((s, i) => {
    if (seen.has(s.name)) push({ path: "aftercare.yaml", field: ["staff", i, "name"], message: `staff member "${s.name}" is listed twice` });
    seen.add(s.name);
    s.absences?.forEach((a, j) => {
      if (!names.has(a.cover) || a.cover === s.name)
        push({ path: "aftercare.yaml", field: ["staff", i, "absences", j, "cover"], message: `cover "${a.cover}" for ${s.name}'s absence must be another person on the staff list` });
    });
  });
};

export const RULES: Rule[] = [identity, references, ticketConsistency, staffList];

export function checkRecords(input: CheckInput): Finding[] {
  const out: Finding[] = [];
  for (const rule of RULES) rule(input, (f) => out.push(f));
  return out;
}
