// One ticket being made: what it is about, who handles it, and the moments of its life
// (milliseconds; some may lie after the store's today, and a step not yet past is left out of
// the record). Its calls and letters go to the ledger as they happen.
import type { ContactFields, Ledger } from "./contacts.js";
import type { Cust } from "./customers.js";
import { chance, int, newId, pick, workTime } from "./random.js";
import { CLERK, clerksOn, ENGINEERING, present } from "./staff.js";
import { addWorkingDays, addWorkingMinutes, dayOf, dt, MIN, NOW_MS } from "./time.js";
import { COMPLAINT_EN, COMPLAINT_ZH, CONSULT_EN, CONSULT_ZH, EQUIPMENT, FAULTS_EN, FAULTS_ZH } from "./words.js";
import type { Rec } from "./yaml.js";

export type Kind = "repair" | "maintenance" | "install" | "consult" | "complaint";
/** Most tickets are repairs; the weights of the kinds, one entry a share. */
const KINDS = [
  ...Array<"repair">(9).fill("repair"),
  ...Array<"maintenance">(3).fill("maintenance"),
  "install",
  ...Array<"consult">(4).fill("consult"),
  ...Array<"complaint">(2).fill("complaint"),
] as const;
/** The recent tickets still open wait for parts or for a visit. */
const BACKLOG_KINDS = ["repair", "maintenance", "install"] as const;
const CHANNELS_EN = ["email", "email", "phone", "web"] as const;
const CHANNELS_ZH = ["phone", "phone", "phone", "phone", "fax", "email", "visit", "web"] as const;

export interface Ticket {
  id: string;
  c: Cust;
  en: boolean;
  /** when the customer asked (R) */
  received: number;
  /** one of the recent tickets still open */
  backlog: boolean;
  kind: Kind;
  /** the equipment's name in the customer's language */
  eq: string;
  problem: string;
  channel: string;
  /** who makes a call at `t`: the assignee, or the follow-up clerk once the assignee has left */
  staffAt: (t: number) => string;
  /** the record as written */
  rec: Rec;
  /** the ticket's contacts (undefined: one that would lie after today) */
  contacts: (string | undefined)[];
  escalation?: number;
  resolution?: number;
  closed?: number;
  dispatch?: { at: number; technician: string; depart: number; arrive: number; arrived?: number };
  schedule?: { at: number; date: string; reason: string };
  cancelled?: number;
  solution: string;
  /** the first follow-up (before the technician arrives) */
  fu1?: number;
  /** the next contact, planned when closing */
  plan?: { date: string; topic: string; at: number };
}

function problemOf(kind: Kind, en: boolean, eq: string): string {
  switch (kind) {
    case "consult":
      return pick(en ? CONSULT_EN : CONSULT_ZH).replace("{e}", eq);
    case "complaint":
      return pick(en ? COMPLAINT_EN : COMPLAINT_ZH).replace("{e}", eq);
    case "maintenance":
      return en ? `Routine maintenance of the ${eq}` : `${eq}例行保养`;
    case "install":
      return en ? `Installation and commissioning of a new ${eq}` : `新购${eq}安装调试`;
    case "repair":
      return en ? `${eq[0]!.toUpperCase()}${eq.slice(1)} ${pick(FAULTS_EN)}` : `${eq}${pick(FAULTS_ZH)}`;
  }
}

/** A ticket received at `R` from customer `c`: filed a few minutes later (a very few the next working day). */
export function openTicket(ledger: Ledger, c: Cust, R: number, backlog: boolean): Ticket {
  const en = c.en;
  const Rday = dayOf(R);
  const kind = backlog ? pick(BACKLOG_KINDS) : pick(KINDS);
  const [eZh, eEn] = EQUIPMENT[pick(c.equipment)]!;
  const eq = en ? eEn : eZh;
  const clerks = clerksOn(Rday);
  const assignee = chance(0.1) ? undefined : pick(clerks);
  const problem = problemOf(kind, en, eq);
  const channel = en ? pick(CHANNELS_EN) : pick(CHANNELS_ZH);
  const filed = chance(0.004) ? workTime(addWorkingDays(Rday, 1)) : R + int(2, 25) * MIN;
  const id = newId("T", filed);
  const rec: Rec = {
    customer: c.id,
    received: dt(R),
    filed: dt(filed),
    channel,
    kind,
    problem,
    request: undefined,
    status: "open",
    assignee,
  };
  if (chance(0.3))
    rec.request = en
      ? pick(["Visit as soon as possible", "Please call before coming", "Visit next week"])
      : pick(["尽快上门", "当天上门", "上门前电话联系", "下周安排"]);
  ledger.stat(R).received++;
  const staffAt = (t: number) => (assignee && present(assignee, dayOf(t)) ? assignee : CLERK);
  return { id, c, en, received: R, backlog, kind, eq, problem, channel, staffAt, rec, contacts: [], solution: "" };
}

/** A call or letter of the ticket. */
export function say(ledger: Ledger, tk: Ticket, t: number, fields: ContactFields): string | undefined {
  const k = ledger.contact(t, tk.c, { ...fields, ticket: tk.id });
  tk.contacts.push(k);
  return k;
}

/** Escalated to engineering `lo`–`hi` working minutes after receipt (a few much later), once. */
export function escalate(tk: Ticket, lo: number, hi: number): void {
  tk.escalation ??= addWorkingMinutes(tk.received, chance(0.01) ? int(600, 1300) : int(lo, hi));
}

function statusOf(rec: Rec): string {
  if (rec.cancelled) return "cancelled";
  if (rec.closed) return "closed";
  if (rec.resolution) return "resolved";
  if ((rec.dispatch as Rec | undefined)?.arrived) return "onsite";
  if (rec.dispatch) return "dispatched";
  if (rec.escalation) return "escalated";
  return "open";
}

/** What had happened by the store's today, into the record, and the status it gives. */
export function recordPast(tk: Ticket): void {
  const { rec, en } = tk;
  const past = (t: number | undefined): t is number => t !== undefined && t < NOW_MS;
  const by = (t: number) => tk.staffAt(t);
  if (past(tk.escalation))
    rec.escalation = {
      to: ENGINEERING,
      at: dt(tk.escalation),
      by: by(tk.escalation),
      note: en ? `Engineering to check: ${tk.problem}` : `需工程部判断：${tk.problem}`,
    };
  const d = tk.dispatch;
  if (d && past(d.at))
    rec.dispatch = {
      technician: d.technician,
      at: dt(d.at),
      by: by(d.at),
      depart: dt(d.depart),
      arrive: dt(d.arrive),
      arrived: past(d.arrived) ? dt(d.arrived) : undefined,
    };
  if (past(tk.resolution)) rec.resolution = { at: dt(tk.resolution), by: by(tk.resolution), note: tk.solution };
  if (past(tk.closed)) rec.closed = dt(tk.closed);
  if (past(tk.cancelled))
    rec.cancelled = {
      at: dt(tk.cancelled),
      reason: en ? "The customer solved it themselves" : "客户已自行处理，撤销报修",
    };
  const s = tk.schedule;
  if (s && past(s.at)) rec.schedule = { date: s.date, reason: s.reason, at: dt(s.at), by: by(s.at) };
  const p = tk.plan;
  if (p && past(tk.closed)) rec.plans = [{ date: p.date, topic: p.topic, at: dt(p.at), by: by(p.at) }];
  rec.status = statusOf(rec);
}
