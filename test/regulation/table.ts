// The regulation as tables: each row is a timeline of records and the expected state of one duty
// at one moment. Shared by every file in test/regulation/ (one file per rule) and quoted in
// docs/rules.md. Two stores: Shanghai with the State Council's 2026 calendar (holidays and make-up
// working days, 调休), and Berlin with its 2026 public holidays and daylight-saving changes
// (2026-03-29 02:00 → 03:00, 2026-10-25 03:00 → 02:00). Working hours are the default 08:30–17:30
// and the grace the default 30 minutes unless a row's settings say otherwise.
import { expect, it } from "vitest";
import { CHINA_2026 } from "../../src/domain/calendar.js";
import { duties, type Judged, type ReportRecord } from "../../src/domain/duties/index.js";
import type { Contact, Customer, CustomerEvent, Settings, Ticket, Waiver } from "../../src/domain/schema.js";
import { formatDateTime, zonedTime } from "../../src/domain/time.js";

export interface Rec<T> {
  id: string;
  value: T;
}

export interface Zone {
  /** short label in test names */
  key: "SH" | "BER";
  tz: string;
  settings: Settings;
  /** the follow-up clerk (settings.followupClerk) */
  clerk: string;
  /** a second clerk */
  clerk2: string;
  /** a third clerk */
  clerk3: string;
  tech: string;
  eng: string;
  sup: string;
  /** a wall-clock time in the zone ("2026-09-30 16:10" or "…:59") as a stored date-time with that day's offset */
  at(local: string): string;
}

/** Berlin's public holidays in 2026 (no make-up working days in Germany). */
export const BERLIN_2026: NonNullable<Settings["calendar"]> = {
  holidays: [
    { name: "Neujahr", from: "2026-01-01" },
    { name: "Frauentag", from: "2026-03-08" },
    { name: "Karfreitag", from: "2026-04-03" },
    { name: "Ostermontag", from: "2026-04-06" },
    { name: "Tag der Arbeit", from: "2026-05-01" },
    { name: "Christi Himmelfahrt", from: "2026-05-14" },
    { name: "Pfingstmontag", from: "2026-05-25" },
    { name: "Tag der Deutschen Einheit", from: "2026-10-03" },
    { name: "Weihnachten", from: "2026-12-25", to: "2026-12-26" },
  ],
};

function wallClock(tz: string) {
  return (local: string): string => {
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
    if (!m) throw new Error(`not a wall-clock time: ${local}`);
    return formatDateTime(zonedTime(m[1]!, Number(m[2]), Number(m[3]), Number(m[4] ?? 0), tz), tz);
  };
}

function zone(
  key: Zone["key"],
  tz: string,
  calendar: Settings["calendar"],
  names: [string, string, string, string, string, string],
  company: string,
): Zone {
  const [clerk, clerk2, clerk3, tech, eng, sup] = names;
  return {
    key,
    tz,
    clerk,
    clerk2,
    clerk3,
    tech,
    eng,
    sup,
    at: wallClock(tz),
    settings: {
      version: 1,
      company,
      timezone: tz,
      locale: "en",
      followupClerk: clerk,
      calendar,
      staff: [
        { name: clerk, role: "clerk" },
        { name: clerk2, role: "clerk" },
        { name: clerk3, role: "clerk" },
        { name: tech, role: "technician" },
        { name: eng, role: "engineering" },
        { name: sup, role: "supervisor" },
      ],
    },
  };
}

export const SH = zone(
  "SH",
  "Asia/Shanghai",
  CHINA_2026,
  ["孙丽", "何平", "林涛", "马超", "高峰", "郑红"],
  "苏州恒通机电服务有限公司",
);
export const BER = zone(
  "BER",
  "Europe/Berlin",
  BERLIN_2026,
  ["Anna Keller", "Jonas Brandt", "Mia Vogel", "Lukas Meier", "Eva Roth", "Petra Lang"],
  "Nordwind Anlagenservice GmbH",
);

// record IDs: the same in both stores (each row is its own store)
export const C1 = "C-260105-KH01";
export const C2 = "C-260105-KH02";
export const T1 = "T-260901-GD01";
export const T2 = "T-260901-GD02";
export const E1 = "E-260801-HD01";

export function customer(z: Zone, id = C1, over: Partial<Customer> = {}): Rec<Customer> {
  const name =
    z.key === "SH"
      ? id === C1
        ? "苏州恒通精密机械有限公司"
        : "无锡新锐塑料制品厂"
      : id === C1
        ? "Brandt Kältetechnik GmbH"
        : "Neuwerk Pumpen KG";
  return {
    id,
    value: {
      name,
      contacts: [
        {
          name: z.key === "SH" ? "吴静" : "Karl Brandt",
          phones: [z.key === "SH" ? "0512-6666 1234" : "+49 30 5550 1234"],
        },
      ],
      created: z.at("2026-01-05 09:00"),
      ...over,
    },
  };
}

/** An on-site repair ticket of C1, received and filed at `received` (wall clock), no assignee. */
export function ticket(z: Zone, received: string, over: Partial<Ticket> = {}, id = T1): Rec<Ticket> {
  return {
    id,
    value: {
      customer: C1,
      received: z.at(received),
      filed: z.at(received),
      channel: "phone",
      kind: "repair",
      problem: z.key === "SH" ? "注塑机液压站油温过高" : "Kühlanlage schaltet ab",
      status: "open",
      ...over,
    },
  };
}

let seq = 0;
const nextId = (day: string) =>
  `K-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${(++seq).toString().padStart(4, "0")}`;

/** An outbound follow-up call to C1 about T1 by the follow-up clerk at `local` (wall clock). */
export function call(z: Zone, local: string, over: Partial<Contact> = {}): Rec<Contact> {
  return {
    id: nextId(local),
    value: {
      customer: C1,
      ticket: T1,
      at: z.at(local),
      channel: "call",
      direction: "out",
      purpose: "followup",
      staff: z.clerk,
      ...over,
    },
  };
}

/** An outbound letter to C1 about T1 dated `day` (a bare date, as letters are logged). */
export function letter(
  z: Zone,
  day: string,
  kind: NonNullable<Contact["letter"]>["kind"],
  over: Partial<Contact> = {},
): Rec<Contact> {
  return {
    id: nextId(day),
    value: {
      customer: C1,
      ticket: T1,
      at: day,
      channel: "letter",
      direction: "out",
      purpose: "notice",
      staff: z.clerk,
      letter: { kind, subject: "Notice" },
      ...over,
    },
  };
}

export function event(
  z: Zone,
  date: string,
  recorded: string,
  over: Partial<CustomerEvent> = {},
  id = E1,
): Rec<CustomerEvent> {
  return {
    id,
    value: {
      title: z.key === "SH" ? "客户联谊会" : "Kundentag",
      date,
      kind: "gathering",
      audience: "all",
      owner: z.clerk2,
      created: z.at(recorded),
      ...over,
    },
  };
}

export function waiver(z: Zone, duty: string, local: string): Rec<Waiver> {
  return { id: "W-261020-WV01", value: { duty, reason: "customer unreachable", by: z.sup, at: z.at(local) } };
}

/** The staff list with one person changed (an absence, a departure). */
export function staffWith(z: Zone, name: string, change: Partial<Settings["staff"][number]>): Settings {
  return { ...z.settings, staff: z.settings.staff.map((s) => (s.name === name ? { ...s, ...change } : s)) };
}

export interface Records {
  customers?: Rec<Customer>[];
  tickets?: Rec<Ticket>[];
  contacts?: Rec<Contact>[];
  events?: Rec<CustomerEvent>[];
  reports?: ReportRecord[];
  waivers?: Rec<Waiver>[];
  settings?: Settings;
}

export type Expected = Partial<
  Pick<
    Judged,
    | "state"
    | "earliest"
    | "due"
    | "deadline"
    | "earliestAt"
    | "dueAt"
    | "daysLate"
    | "hoursLate"
    | "minutesLate"
    | "owner"
    | "assignee"
    | "expires"
    | "expiresAt"
  > & { done: Partial<NonNullable<Judged["done"]>> }
>;

export interface Row {
  /** what the row shows */
  name: string;
  zone: Zone;
  /** the moment, as the zone's wall clock shows it: "2026-10-08 17:31" */
  now: string;
  records: Records;
  /** the rule, when the table's is not the one (R-COVER rows look at other rules' duties) */
  rule?: string;
  /** the duty's key when the rule gives several on the records */
  key?: string;
  /** the duty as expected, or null when the rule gives no such duty */
  expect: Expected | null;
  /** "ENGINE BUG: …": the row holds the regulation's value and fails until the engine is fixed */
  bug?: string;
}

/** The one duty of `rule` (and `key`) at the row's moment, or undefined. */
export function dutyOf(row: Row, rule: string): Judged | undefined {
  const z = row.zone;
  const r = row.records;
  const all = duties({
    settings: r.settings ?? z.settings,
    customers: r.customers ?? [customer(z)],
    tickets: r.tickets ?? [],
    contacts: r.contacts ?? [],
    events: r.events ?? [],
    reports: r.reports ?? [],
    waivers: r.waivers ?? [],
    now: new Date(z.at(row.now)),
  }).filter((d) => d.rule === (row.rule ?? rule) && (row.key === undefined || d.key === row.key));
  if (all.length > 1)
    throw new Error(`several ${row.rule ?? rule} duties (${all.map((d) => d.key).join(", ")}): give the row a key`);
  return all[0];
}

/** One test per row; a row with `bug` is expected to fail (it.fails) until the engine is fixed. */
export function table(rule: string, rows: Row[]): void {
  for (const row of rows) {
    const test = row.bug ? it.fails : it;
    test(`${row.zone.key} ${row.now} — ${row.name}${row.bug ? ` [${row.bug}]` : ""}`, () => {
      const d = dutyOf(row, rule);
      if (row.expect === null) expect(d, "no duty").toBeUndefined();
      else {
        expect(d, "a duty").toBeDefined();
        // absent keys in the expectation are not checked; a key set to undefined must be absent
        const set = Object.fromEntries(Object.entries(row.expect).filter(([, v]) => v !== undefined));
        expect(d).toMatchObject(set);
        for (const [k, v] of Object.entries(row.expect))
          if (v === undefined) expect(d![k as keyof Judged], k).toBeUndefined();
      }
    });
  }
}
