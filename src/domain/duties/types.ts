// What a duty is: one thing the regulation requires of someone, with its window and its state.
import type { Contact, Customer, CustomerEvent, Settings, Ticket, Waiver } from "../schema.js";
import type { Day } from "../time.js";
import type { WorkCalendar, WorkClock } from "../calendar.js";
import type { Topic, Unmet } from "./topics.js";

export type * from "./topics.js";

export const RULE_CODES = [
  "R-FILE-SAME-DAY",
  "R-ESC-1DAY",
  "R-ANSWER-SAME-DAY",
  "R-DISPATCH",
  "R-FOLLOWUP-1",
  "R-FOLLOWUP-2",
  "R-NEXT-SERVICE",
  "R-EVENT-NOTICE",
  "R-MONTHLY",
  "C-APPOINTMENT",
  "C-EXTRA-WORK",
  "C-PROGRESS-CHECK",
  "C-READY-NOTICE",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/**
 * upcoming: its window has not opened; due: open and not yet late; overdue: past its deadline and
 * not done; done: done on time; late: done after the deadline; missed: no longer possible (the
 * event took place, the vehicle was delivered), never done; waived: a supervisor excused it.
 */
export type DutyState = "upcoming" | "due" | "overdue" | "done" | "late" | "missed" | "waived";

/** A contact a duty looked at and did not count, and why, in words (for `due --explain` and show pages). */
export interface Considered {
  record: string;
  /** the reasons, in the locale shown */
  why: string;
}

/** What every duty holds, whether its words are data (the engine's) or sentences (shown). */
interface DutyCore {
  /** stable across runs and clones: the rule, the record, and the part (for calendars, reviews) */
  key: string;
  rule: RuleCode;
  /** the record it stems from: a ticket, contact or event ID, or a period ("2026-10", "2026") */
  source: string;
  customer?: string;
  ticket?: string;
  event?: string;
  /** whom the rule gives it to */
  owner?: string;
  /** who does it, after R-COVER */
  assignee?: string;
  /** the day the window opens (in the store's zone) */
  earliest: Day;
  /**
   * the day the list shows it due: the deadline, or when that is a day off, the last working day
   * before it (never before `earliest`)
   */
  due: Day;
  /** the last day on time: a contact on this day, even a day off, is on time */
  deadline: Day;
  /** for duties timed to the hour (C-PROGRESS-CHECK, C-READY-NOTICE…): the exact window */
  earliestAt?: string;
  dueAt?: string;
  /** after this day an undone duty is missed */
  expires?: Day;
  /** from this moment an undone duty is missed (the vehicle was delivered) */
  expiresAt?: string;
  state: DutyState;
  /** when and by which record it was done */
  done?: { at: string; record?: string };
  /** whole days past due: for overdue, and for late (how late it was done) */
  daysLate?: number;
  /** for duties timed to the hour: whole hours and whole minutes past dueAt */
  hoursLate?: number;
  minutesLate?: number;
  /** the waiver that excused it */
  waived?: { at: string; by: string; reason: string; record: string };
}

/**
 * A duty as the engine judges it: what it asks (`about`) and why contacts did not count
 * (`considered`) are data, rule parameters and moments; src/format/duty-words.ts words them.
 */
export interface Judged extends DutyCore {
  /** what to do or say */
  about: Topic;
  /** for a duty not done: the contacts it looked at, and why each did not count */
  considered?: Unmet[];
}

/** A duty as people read it (the list, show pages, --json, exports): `Judged` worded in one locale. */
export interface Duty extends DutyCore {
  /** what to do or say */
  topic: string;
  /** for a duty not done: the contacts it looked at, and why each did not count */
  considered?: Considered[];
}

/** A duty as a rule finds it, before the moment decides its state and R-COVER its assignee. */
export type Found = Omit<Judged, "state" | "assignee" | "daysLate" | "hoursLate" | "minutesLate" | "waived">;

export interface Rec<T> {
  id: string;
  value: T;
}

export interface ReportRecord {
  kind: "monthly" | "annual";
  /** "2026-10" or "2026" */
  period: string;
  /** when it was first saved (date-time with offset), when known */
  saved?: string;
  /** who saved it, when known */
  by?: string;
}

export interface DutyInput {
  settings: Settings;
  customers: Rec<Customer>[];
  tickets: Rec<Ticket>[];
  contacts: Rec<Contact>[];
  events: Rec<CustomerEvent>[];
  reports: ReportRecord[];
  /** duties a supervisor waived (absent in older callers: none) */
  waivers?: Rec<Waiver>[];
  now: Date;
}

/** What every rule gets: the records as of the moment, the calendar and the day helpers. */
export interface RuleContext {
  input: DutyInput;
  tz: string;
  today: Day;
  cal: WorkCalendar;
  /** the calendar day of a stored date or date-time */
  dayOf(at: string): Day;
  /** contacts sorted by time then ID, so matching never depends on file order */
  contacts: Rec<Contact>[];
  /** the same, per ticket and per customer (in the same order) */
  ofTicket(id: string): Rec<Contact>[];
  ofCustomer(id: string): Rec<Contact>[];
  /** working time: hour-based deadlines move to the last working moment before them */
  clock: WorkClock;
  /** no hour-based window is shorter than this (ms) */
  grace: number;
  /** the deadline `days` after `from`: calendar days, or working days when the rule says so */
  deadline(from: Day, days: number, workingDays: boolean | undefined): Day;
  /** the day the list shows a deadline: the last working day on or before it, not before `earliest` */
  shown(earliest: Day, deadline: Day): Day;
  /** who owns a ticket's duties: its assignee, else the designated follow-up clerk */
  ticketOwner(t: Ticket): string | undefined;
}
