// What a duty is: one thing the regulation requires of someone, with its window and its state.
import type { Contact, Customer, CustomerEvent, Settings, Ticket } from "../schema.js";
import type { Day } from "../time.js";
import type { WorkCalendar } from "../calendar.js";
import type { Translator } from "../../i18n.js";

export const RULE_CODES = [
  "R-FILE-SAME-DAY",
  "R-ESC-1DAY",
  "R-ANSWER-SAME-DAY",
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
 * upcoming: its window has not opened; due: open and not yet late; overdue: past due and not
 * done; done: done on time; late: done after the due day; missed: no longer possible (an event's
 * notice after the event), never done.
 */
export type DutyState = "upcoming" | "due" | "overdue" | "done" | "late" | "missed";

export interface Duty {
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
  /** the day the window opens, and the last day on time (both in the store's zone) */
  earliest: Day;
  due: Day;
  /** for duties timed to the hour (C-PROGRESS-CHECK, C-READY-NOTICE): the exact window */
  earliestAt?: string;
  dueAt?: string;
  /** after this day an undone duty is missed */
  expires?: Day;
  state: DutyState;
  /** when and by which record it was done */
  done?: { at: string; record?: string };
  /** whole days past due: for overdue, and for late (how late it was done) */
  daysLate?: number;
  /** for duties timed to the hour: whole hours past dueAt */
  hoursLate?: number;
  /** what to do or say */
  topic: string;
}

/** A duty as a rule finds it, before the moment decides its state and R-COVER its assignee. */
export type Found = Omit<Duty, "state" | "assignee" | "daysLate" | "hoursLate">;

export interface Rec<T> {
  id: string;
  value: T;
}

export interface ReportRecord {
  kind: "monthly" | "annual";
  /** "2026-10" or "2026" */
  period: string;
  /** when it was saved (date-time with offset), when known */
  saved?: string;
}

export interface DutyInput {
  settings: Settings;
  customers: Rec<Customer>[];
  tickets: Rec<Ticket>[];
  contacts: Rec<Contact>[];
  events: Rec<CustomerEvent>[];
  reports: ReportRecord[];
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
  /** what a duty asks, in the locale being shown */
  say: Translator;
  /** the day `days` after `from` per the rule's settings, moved onto a working day */
  dueAfter(from: Day, days: number, workingDays: boolean | undefined): Day;
}
