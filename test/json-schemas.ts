// docs/json.md in a form a test can check: one strict zod schema per shape `--json` prints (an
// unknown key fails, a missing key fails, null only where the document says "or null").
import { z } from "zod";
import {
  contactSchema,
  customerSchema,
  eventSchema,
  staffSchema,
  ticketSchema,
  waiverSchema,
} from "../src/domain/schema.js";
import { RULE_CODES } from "../src/domain/duties/types.js";

const day = z.string().regex(/^\d{4}-\d\d-\d\d$/);
const moment = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/);
const id = (letter: string) => z.string().regex(new RegExp(`^${letter}-\\d{6}-[0-9A-Z]{4}$`));
const count = z.number().int().min(0);

/** A record's fields as `--json` prints them: every optional field present (null when absent). */
function present<S extends z.ZodRawShape>(shape: S): { [K in keyof S]: z.ZodType<NonNullable<z.output<S[K]>> | null> } {
  const fields: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape))
    fields[k] = v instanceof z.ZodOptional ? (v.unwrap() as z.ZodType).nullable() : (v as z.ZodType);
  return fields as { [K in keyof S]: z.ZodType<NonNullable<z.output<S[K]>> | null> };
}
/** A record as `--json` prints it: its ID first, then its fields. */
const record = <S extends z.ZodRawShape>(letter: string, shape: S) =>
  z.strictObject({ id: id(letter), ...present(shape) });

export const Customer = record("C", customerSchema.shape);
export const Ticket = record("T", ticketSchema.shape);
export const Contact = record("K", contactSchema.shape);
export const Event = record("E", eventSchema.shape);
export const Waiver = record("W", waiverSchema.shape);
export const StaffMember = z.strictObject({ ...present(staffSchema.shape), followupClerk: z.boolean() });

export const Duty = z.strictObject({
  key: z.string().min(1),
  rule: z.enum(RULE_CODES),
  source: z.string().min(1),
  customer: id("C").nullable(),
  ticket: id("T").nullable(),
  event: id("E").nullable(),
  owner: z.string().nullable(),
  assignee: z.string().nullable(),
  state: z.enum(["upcoming", "due", "overdue", "done", "late", "missed", "waived"]),
  earliest: day,
  due: day,
  deadline: day,
  earliestAt: moment.nullable(),
  dueAt: moment.nullable(),
  expires: day.nullable(),
  expiresAt: moment.nullable(),
  done: z.strictObject({ at: z.string(), record: z.string().nullable() }).nullable(),
  daysLate: count.nullable(),
  hoursLate: count.nullable(),
  minutesLate: count.nullable(),
  waived: z.strictObject({ at: moment, by: z.string(), reason: z.string(), record: id("W") }).nullable(),
  considered: z.array(z.strictObject({ record: z.string(), why: z.string() })).nullable(),
  topic: z.string(),
});
export const DueRow = Duty.extend({ customerName: z.string().nullable(), phone: z.string().nullable() });

export const TicketPage = Ticket.extend({ contacts: z.array(Contact), duties: z.array(Duty) });
export const CustomerPage = Customer.extend({
  tickets: z.array(Ticket),
  contacts: z.array(Contact),
  duties: z.array(Duty),
});

export const EventRow = Event.extend({ audienceSize: count, phoned: count, letters: count });

export const Holidays = z.strictObject({
  year: z.number().int(),
  source: z.strictObject({ id: z.string(), explicit: z.boolean(), label: z.string(), years: z.string() }),
  workweek: z.array(z.number().int().min(1).max(7)),
  holidays: z.array(z.strictObject({ name: z.string(), from: day, to: day, origin: z.string() })),
  workdays: z.array(z.strictObject({ day, name: z.string().nullable(), origin: z.string() })),
  workingDays: count,
  missing: z.boolean(),
});
export const HolidayAdded = z.strictObject({ name: z.string(), from: day, to: day });
export const WorkdayAdded = z.strictObject({ day });

export const History = z.strictObject({
  id: z.string(),
  kind: z.enum(["customer", "ticket", "contact", "event", "waiver"]),
  path: z.string(),
  history: z.array(
    z.strictObject({
      sha: z.string().regex(/^[0-9a-f]{7,40}$/),
      date: moment,
      author: z.string(),
      subject: z.string(),
      command: z.string().nullable(),
      path: z.string(),
      changes: z.array(
        z.strictObject({
          field: z.string(),
          change: z.enum(["added", "changed", "removed"]),
          from: z.unknown(),
          to: z.unknown(),
        }),
      ),
    }),
  ),
});

export const Problem = z.strictObject({ path: z.string(), line: count, col: count, message: z.string() });
export const Doctor = z.strictObject({
  findings: z.array(
    z.strictObject({ kind: z.string(), path: z.string().nullable(), message: z.string(), fixable: z.boolean() }),
  ),
  fixed: z.array(z.string()),
});
export const Undo = z.strictObject({
  undone: z.string(),
  subject: z.string(),
  commit: z.string(),
  records: z.array(z.string()),
  files: z.array(z.string()),
});
export const Redo = Undo.omit({ undone: true }).extend({ redone: z.string() });

/** A report's data is the template's (docs/templates.md): its top-level keys are checked here. */
const reportHead = {
  company: z.string(),
  timezone: z.string(),
  locale: z.enum(["zh-CN", "en"]),
  generated: z.string(),
  generated_by: z.string().nullable(),
};
const review = {
  ...reportHead,
  period: z.strictObject({ kind: z.enum(["monthly", "annual"]), label: z.string(), from: day, to: day }),
  desk: z.record(z.string(), z.number().nullable()),
  tickets: z.object({ received: count, resolved: count, closed: count, cancelled: count, open_at_end: count }),
  compliance: z.object({ total: z.object({ due: count }), rules: z.array(z.unknown()), people: z.array(z.unknown()) }),
  calls: z.object({ total: count }),
  visits: count,
  consultations: count,
  complaints: z.array(z.unknown()),
  letters: z.object({ total: count }),
  satisfaction: z.object({ count: count, average: z.number().nullable() }),
  overdue_at_end: z.array(z.unknown()),
  top_customers: z.array(z.unknown()),
  months: z.array(z.unknown()),
  rated_months: z.array(z.unknown()),
};
export const Review = z.strictObject(review);
export const CallRegister = z.strictObject({ ...reportHead, month: z.string(), calls: z.array(z.unknown()) });
export const LetterRegister = z.strictObject({ ...reportHead, month: z.string(), letters: z.array(z.unknown()) });
export const CustomerFile = z.strictObject({
  ...reportHead,
  customer: z.object({ id: id("C"), name: z.string() }),
  tickets: z.array(z.unknown()),
  contacts: z.array(z.unknown()),
  duties: z.array(z.unknown()),
});
