// One schema per record kind. Strict: a key the schema does not know is an error, so a typo in a
// hand edit is reported instead of silently ignored. Key order here is the key order on disk.
// The parts, in schema/: fields.ts (the field types), settings.ts (aftercare.yaml), records.ts (the records).
import type { z } from "zod";
import {
  contactSchema,
  customerSchema,
  eventSchema,
  ticketSchema,
  waiverSchema,
  type estimateSchema,
  type extraSchema,
  type intakeSchema,
  type personSchema,
} from "./schema/records.js";
import type {
  calendarSchema,
  channelSchema,
  holidaySchema,
  rulesSchema,
  settingsSchema,
  staffSchema,
} from "./schema/settings.js";

export * from "./enums.js";
export { LINE_MAX, TEXT_MAX } from "./schema/fields.js";
export {
  contactSchema,
  customerSchema,
  estimateSchema,
  eventSchema,
  extraSchema,
  intakeSchema,
  partSchema,
  personSchema,
  ticketSchema,
  waiverSchema,
} from "./schema/records.js";
export {
  absenceSchema,
  calendarSchema,
  channelSchema,
  holidaySchema,
  rulesSchema,
  settingsSchema,
  staffSchema,
} from "./schema/settings.js";

export type Settings = z.infer<typeof settingsSchema>;
export type Rules = z.infer<typeof rulesSchema>;
export type WorkCalendarSettings = z.infer<typeof calendarSchema>;
export type Holiday = z.infer<typeof holidaySchema>;
export type Staff = z.infer<typeof staffSchema>;
export type ChannelSetting = z.infer<typeof channelSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type Person = z.infer<typeof personSchema>;
export type Ticket = z.infer<typeof ticketSchema>;
export type TicketStatus = Ticket["status"];
export type Contact = z.infer<typeof contactSchema>;
export type Intake = z.infer<typeof intakeSchema>;
export type Estimate = z.infer<typeof estimateSchema>;
export type Extra = z.infer<typeof extraSchema>;
export type CustomerEvent = z.infer<typeof eventSchema>;
export type Waiver = z.infer<typeof waiverSchema>;

export const SCHEMAS = {
  customer: customerSchema,
  ticket: ticketSchema,
  contact: contactSchema,
  event: eventSchema,
  waiver: waiverSchema,
} as const;

export type RecordOf = {
  customer: Customer;
  ticket: Ticket;
  contact: Contact;
  event: CustomerEvent;
  waiver: Waiver;
};
