// The shape of a story: one ticket of the autumn, from the call that brought it to its closing,
// with the calls made along it. The writer turns it into a ticket and its contacts.
import type { Contact, Ticket } from "../../src/domain/schema.js";

/** A call of a story: at, direction, purpose, staff, summary, and any further fields of the contact. */
export type StoryCall = [string, Contact["direction"], Contact["purpose"], string, string, Partial<Contact>?];

export interface Story {
  customer: number;
  received: string;
  filedLate?: string;
  channel: Ticket["channel"];
  kind: Ticket["kind"];
  problem: string;
  request?: string;
  assignee: string;
  escalate?: [string, string]; // at, note (to the engineering supervisor, R-ESC-1DAY)
  schedule?: [string, string, string]; // at, planned date, reason: nobody could go at once (R-DISPATCH); the customer is told by a call at once
  dispatch?: [string, string, string, string]; // at, technician, depart, arrive
  resolve?: [string, string]; // an escalated ticket's solution is told by a call half an hour later (R-ANSWER-SAME-DAY)
  close?: string;
  next?: [string, string]; // the next contact planned when closing (R-NEXT-SERVICE)
  calls: StoryCall[];
}
