// One schema per record kind. Strict: a key the schema does not know is an error, so a typo in a
// hand edit is reported instead of silently ignored. Key order here is the key order on disk.
import { z } from "zod";
import { ID_RE } from "./ids.js";
import {
  CHANNEL_NAME_RE,
  CHANNELS,
  CONTACT_CHANNELS,
  DIRECTIONS,
  ESTIMATE_MODES,
  EVENT_KINDS,
  GRADES,
  LETTER_KINDS,
  LOCALES,
  PURPOSES,
  ROLES,
  SUPPLIERS,
  TICKET_KINDS,
  TICKET_STATUSES,
  VIA,
} from "./enums.js";
export * from "./enums.js";
import { isStoredDate, isStoredDateTime, isValidTimeZone } from "./time.js";
import { SOURCE_RE } from "./calendar.js";

/** The longest one-line field (a name, phone, title, tag, subject, topic) and free text (a problem, a note). */
export const LINE_MAX = 500;
export const TEXT_MAX = 10_000;

// Characters no field holds: C0 controls, DEL, C1 controls, and the line and paragraph separators.
// Free text keeps its line breaks and tabs; a one-line field keeps neither.
const NOT_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const NOT_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const LONE_SURROGATE = /\p{Cs}/u;
const BREAKS = new Set(["\n", "\r", "\u2028", "\u2029", "\u0085"]);

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

function noControls(multiLine: boolean) {
  return (s: string, ctx: z.RefinementCtx<string>) => {
    const lone = LONE_SURROGATE.exec(s);
    if (lone) {
      // a half of a UTF-16 pair (from a "\ud800" escape): no file can hold it; writing it would turn it into U+FFFD
      ctx.addIssue({
        code: "custom",
        input: s,
        message: `must be valid text: it holds a lone surrogate (${codePoint(lone[0])}) at character ${Array.from(s.slice(0, lone.index)).length + 1}`,
      });
      return;
    }
    const m = (multiLine ? NOT_IN_TEXT : NOT_IN_LINE).exec(s);
    if (!m) return;
    const at = Array.from(s.slice(0, m.index)).length + 1;
    const c = m[0];
    ctx.addIssue({
      code: "custom",
      input: s,
      message:
        !multiLine && BREAKS.has(c)
          ? `must be one line: it holds a line break (${codePoint(c)}) at character ${at}`
          : `must not hold control characters${multiLine ? " other than line breaks and tabs" : ""}: it holds ${codePoint(c)} at character ${at}`,
    });
  };
}

/** One line of text: a name, title, tag, subject, topic, staff name… */
const text = z
  .string({ error: "must be text" })
  .trim()
  .min(1, "must not be empty")
  .max(LINE_MAX, `is too long: at most ${LINE_MAX} characters on one line`)
  .superRefine(noControls(false));
/** Free text over several lines: a problem, a summary, a note, a reason. */
const longText = z
  .string({ error: "must be text" })
  .trim()
  .min(1, "must not be empty")
  .max(TEXT_MAX, `is too long: at most ${TEXT_MAX.toLocaleString("en")} characters`)
  .superRefine(noControls(true));
const dateTime = z
  .string({ error: "must be a date-time such as 2026-11-26T09:30:00+08:00" })
  .refine(isStoredDateTime, "must be an ISO 8601 date-time with offset, such as 2026-11-26T09:30:00+08:00");
const date = z
  .string({ error: "must be a date such as 2026-11-26" })
  .refine(isStoredDate, "must be a date such as 2026-11-26");
const idOf = (letter: string, what: string) =>
  z
    .string({ error: `must be a ${what} ID such as ${letter}-261126-7K3F` })
    .refine((s) => ID_RE.test(s) && s.startsWith(letter + "-"), `must be a ${what} ID such as ${letter}-261126-7K3F`);
const phone = z
  .string({ error: 'must be a quoted string, such as "021-5555 1234" (unquoted numbers lose leading zeros)' })
  .trim()
  .min(3, "is too short for a phone number")
  .max(40, "is too long for a phone number (at most 40 characters)")
  .superRefine(noControls(false));

export const absenceSchema = z
  .strictObject({ from: date, to: date, cover: text, note: longText.optional() })
  .refine((a) => a.from <= a.to, { message: "from must not be after to", path: ["to"] });

export const staffSchema = z.strictObject({
  name: text,
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
  phone: phone.optional(),
  email: text.optional(),
  left: date.optional(),
  absences: z.array(absenceSchema).optional(),
});

const weekdayNumber = z.number({ error: "must be a weekday number, 1 (Monday) to 7 (Sunday)" }).int().min(1).max(7);
export const holidaySchema = z
  .strictObject({ name: text.optional(), from: date, to: date.optional() })
  .refine((h) => !h.to || h.from <= h.to, { message: "from must not be after to", path: ["to"] });

const clock = z
  .string({ error: "must be a time of day such as 08:30" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time of day such as 08:30");
export const calendarSchema = z.strictObject({
  /** where the public holidays and make-up working days come from; the entries below win over it (src/domain/calendar.ts) */
  source: z
    .string({ error: "must be cn, none, or a country code such as DE or US-CA" })
    .refine(
      (s) => s !== "CN",
      "must be cn (lower case) for the State Council's calendar with its make-up working days; CN would be date-holidays' rules without them",
    )
    .refine(
      (s) => SOURCE_RE.test(s),
      "must be cn (China, the State Council's calendar), none, or a country code with an optional state and region, such as DE, DE-BY or US-CA",
    )
    .optional(),
  /** working hours of a working day: hour-based deadlines fall inside them */
  hours: z
    .strictObject({ from: clock, to: clock })
    .refine((h) => h.from < h.to, { message: "from must be before to", path: ["to"] })
    .optional(),
  /** working weekdays, ISO numbers: 1 Monday … 7 Sunday */
  workweek: z.array(weekdayNumber).optional(),
  /** public holidays and other days off */
  holidays: z.array(holidaySchema).optional(),
  /** make-up working days that fall on a weekend (调休上班) */
  workdays: z.array(date).optional(),
});

const days = (what: string) =>
  z
    .number({ error: `must be a number of days (${what})` })
    .int("must be a whole number of days")
    .min(0)
    .max(366);
const workingDays = z.boolean({ error: "must be true or false" });
export const rulesSchema = z.strictObject({
  "R-ESC-1DAY": z
    .strictObject({ days: days("to escalate").optional(), workingDays: workingDays.optional() })
    .optional(),
  "R-DISPATCH": z
    .strictObject({ hours: z.number({ error: "must be a number of working hours" }).min(0).max(720).optional() })
    .optional(),
  "R-ANSWER-SAME-DAY": z
    .strictObject({ days: days("to tell the customer").optional(), workingDays: workingDays.optional() })
    .optional(),
  "R-FOLLOWUP-1": z
    .strictObject({ days: days("after the dispatch").optional(), workingDays: workingDays.optional() })
    .optional(),
  "R-FOLLOWUP-2": z
    .strictObject({
      from: days("window opens after the first follow-up").optional(),
      to: days("window closes after the first follow-up").optional(),
      workingDays: workingDays.optional(),
    })
    .optional(),
  "R-NEXT-SERVICE": z
    .strictObject({ days: days("of grace after the planned date").optional(), workingDays: workingDays.optional() })
    .optional(),
  "R-EVENT-NOTICE": z
    .strictObject({
      daysBefore: days("the phone notice is due before the event").optional(),
      callWindow: days("the notice may be phoned this much earlier").optional(),
      letterWithin: days("the letter follows the call within").optional(),
      letter: z.boolean({ error: "must be true or false" }).optional(),
      workingDays: workingDays.optional(),
    })
    .optional(),
  "R-MONTHLY": z
    .strictObject({
      days: days("after the month ends").optional(),
      annualDays: days("after the year ends").optional(),
      workingDays: workingDays.optional(),
    })
    .optional(),
  "R-FILE-SAME-DAY": z
    .strictObject({ days: days("to file a request").optional(), workingDays: workingDays.optional() })
    .optional(),
  "C-APPOINTMENT": z
    .strictObject({ daysBefore: days("the reminder comes before the appointment").optional() })
    .optional(),
  "C-EXTRA-WORK": z.strictObject({ hours: z.number().min(0).max(720).optional() }).optional(),
  "C-PROGRESS-CHECK": z
    .strictObject({ from: z.number().min(0).max(100).optional(), to: z.number().min(0).max(100).optional() })
    .optional(),
  "C-READY-NOTICE": z
    .strictObject({
      shortHours: z.number().min(0).max(72).optional(),
      longHours: z.number().min(0).max(72).optional(),
      longJobDays: z.number().min(0).max(60).optional(),
    })
    .optional(),
  /** duties that fell due before this day are not tracked (an imported history) */
  since: date.optional(),
  /** no hour-based window is shorter than this many minutes */
  graceMinutes: z
    .number({ error: "must be a number of minutes" })
    .int("must be whole minutes")
    .min(0)
    .max(1440)
    .optional(),
});

/** A channel a store adds: `{ name: douyin, zh-CN: 抖音, en: Douyin }`. */
export const channelSchema = z.strictObject({
  name: z
    .string({ error: "must be the channel's name, such as douyin" })
    .regex(CHANNEL_NAME_RE, "must be lower-case letters, digits and hyphens, such as douyin or hotline-2")
    .refine((s) => !(CHANNELS as readonly string[]).includes(s), `is built in already (${CHANNELS.join(", ")})`),
  "zh-CN": text.optional(),
  en: text.optional(),
});

export const settingsSchema = z.strictObject({
  version: z.literal(1, { error: "must be 1 (the store format this aftercare reads)" }),
  company: text,
  timezone: z
    .string({ error: "must be an IANA time zone such as Asia/Shanghai" })
    .refine(isValidTimeZone, "is not an IANA time zone (such as Asia/Shanghai or Europe/Berlin)"),
  locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` }),
  staff: z.array(staffSchema).default([]),
  /** the after-sales clerk the engineering supervisor appointed for registration and follow-up (A1) */
  followupClerk: text.optional(),
  /** ISO 4217 code of the money on estimates and bills (default CNY) */
  currency: z
    .string({ error: "must be a currency code such as CNY or EUR" })
    .regex(/^[A-Z]{3}$/, "must be a currency code such as CNY or EUR")
    .optional(),
  /** words that mark an estimate line as a critical system (C-PARTS) */
  criticalSystems: z.array(text).optional(),
  calendar: calendarSchema.optional(),
  rules: rulesSchema.optional(),
  /** ways a request comes in beyond the built-in CHANNELS, with their words in each language */
  channels: z.array(channelSchema).optional(),
  /** the store's own name, made at init: the calendar's event UIDs end in @ID.aftercare, so two stores' duties never collide */
  storeId: z
    .string({ error: "must be the store's ID, such as 5f2c9a61d04e7b38" })
    .regex(
      /^[a-z0-9][a-z0-9-]{3,62}$/,
      "must be 4 to 63 lower-case letters, digits and hyphens, such as 5f2c9a61d04e7b38",
    )
    .optional(),
});

export const personSchema = z.strictObject({
  name: text,
  title: text.optional(),
  phones: z.array(phone).optional(),
  email: text.optional(),
});

export const customerSchema = z.strictObject({
  name: text,
  address: longText.optional(),
  contacts: z.array(personSchema).optional(),
  tags: z.array(text).optional(),
  equipment: z
    .array(z.strictObject({ name: text, model: text.optional(), serial: text.optional(), installed: date.optional() }))
    .optional(),
  vehicles: z.array(z.strictObject({ plate: text, model: text.optional(), vin: text.optional() })).optional(),
  note: longText.optional(),
  created: dateTime,
});

/** Money as whole cents (or fen): never a float. */
const cents = z
  .number({ error: "must be an amount in cents, a whole number" })
  .int("must be a whole number of cents")
  .min(0, "must not be negative")
  .max(1e12, "is too large");

export const intakeSchema = z.strictObject({
  at: dateTime,
  by: text.optional(),
  plate: text,
  model: text.optional(),
  vin: text.optional(),
  odometer: z
    .number({ error: "must be the odometer reading in km" })
    .int("must be whole kilometres")
    .min(0)
    .max(10_000_000),
  fuel: text,
  keyTag: text,
  /** the vehicle's papers: valid and complete, or what is wrong with them */
  papers: z.strictObject({ ok: z.boolean({ error: "must be true or false" }), note: longText.optional() }),
  damage: z.array(text).optional(),
  belongings: z.array(text).optional(),
});

export const partSchema = z.strictObject({
  name: text,
  supplier: z.enum(SUPPLIERS, { error: `must be one of ${SUPPLIERS.join(", ")}` }),
  grade: z.enum(GRADES, { error: `must be one of ${GRADES.join(", ")}` }),
  amount: cents,
});

export const estimateSchema = z.strictObject({
  mode: z.enum(ESTIMATE_MODES, { error: `must be one of ${ESTIMATE_MODES.join(", ")}` }),
  at: dateTime,
  by: text.optional(),
  /** the fault found and the advice given (the diagnosis sheet, C-DIAGNOSIS) */
  diagnosis: longText.optional(),
  advice: longText.optional(),
  lines: z.array(
    z.strictObject({
      item: text,
      labour: cents,
      parts: z.array(partSchema).optional(),
      /** a critical system (brakes, steering…): aftermarket parts there carry no guarantee */
      critical: z.boolean({ error: "must be true or false" }).optional(),
    }),
  ),
  /** charged when the customer leaves without the repair */
  diagnosisFee: cents.optional(),
});

export const extraSchema = z.strictObject({
  no: z.number().int().min(1),
  item: text,
  safety: z.boolean().optional(),
  effect: longText.optional(),
  amount: cents.optional(),
  asked: dateTime,
  by: text.optional(),
  answer: z
    .strictObject({
      approved: z.boolean({ error: "must be true (approved) or false (declined)" }),
      at: dateTime,
      by: text.optional(),
      via: z.enum(VIA, { error: `must be one of ${VIA.join(", ")}` }),
      passed: dateTime.optional(),
    })
    .optional(),
});

export const ticketSchema = z.strictObject({
  customer: idOf("C", "customer"),
  received: dateTime,
  filed: dateTime,
  /** one of CHANNELS, or a channel the store adds under `channels:` in aftercare.yaml */
  channel: z
    .string({ error: `must be one of ${CHANNELS.join(", ")}, or a channel named under channels: in aftercare.yaml` })
    .refine(
      (s) => CHANNEL_NAME_RE.test(s),
      `must be one of ${CHANNELS.join(", ")}, or a channel named under channels: in aftercare.yaml (lower-case letters, digits and hyphens)`,
    ),
  kind: z.enum(TICKET_KINDS, { error: `must be one of ${TICKET_KINDS.join(", ")}` }),
  problem: longText,
  request: longText.optional(),
  status: z.enum(TICKET_STATUSES, { error: `must be one of ${TICKET_STATUSES.join(", ")}` }),
  assignee: text.optional(),
  escalation: z.strictObject({ to: text, at: dateTime, by: text.optional(), note: longText.optional() }).optional(),
  dispatch: z
    .strictObject({
      technician: text,
      at: dateTime,
      by: text.optional(),
      depart: dateTime.optional(),
      arrive: dateTime.optional(),
      arrived: dateTime.optional(),
    })
    .optional(),
  resolution: z.strictObject({ at: dateTime, by: text.optional(), note: longText }).optional(),
  closed: dateTime.optional(),
  cancelled: z.strictObject({ at: dateTime, reason: longText.optional() }).optional(),
  /** each reopening, with the solution (and close) it took back: the history the duties are judged by */
  reopened: z
    .array(
      z.strictObject({
        at: dateTime,
        by: text.optional(),
        note: longText.optional(),
        resolution: z.strictObject({ at: dateTime, by: text.optional(), note: longText }).optional(),
        closed: dateTime.optional(),
      }),
    )
    .optional(),
  /** R-DISPATCH: nobody could be sent at once; when the job is scheduled, and why */
  schedule: z.strictObject({ date, reason: longText, at: dateTime, by: text.optional() }).optional(),
  /** R-NEXT-SERVICE: the next contacts planned while filing or closing the ticket */
  plans: z.array(z.strictObject({ date, topic: text, at: dateTime, by: text.optional() })).optional(),
  // the reception desk (regulation part C): tickets of kind shop
  appointment: dateTime.optional(),
  intake: intakeSchema.optional(),
  estimate: estimateSchema.optional(),
  handover: z.strictObject({ at: dateTime, receiver: text, by: text.optional(), promise: dateTime }).optional(),
  /** C-PROMISE revised (after approved extra work): the latest one counts */
  promises: z
    .array(z.strictObject({ promise: dateTime, at: dateTime, by: text.optional(), reason: longText }))
    .optional(),
  extras: z.array(extraSchema).optional(),
  progress: z
    .array(
      z.strictObject({ at: dateTime, by: text.optional(), note: longText.optional(), finish: dateTime.optional() }),
    )
    .optional(),
  ready: z
    .strictObject({
      at: dateTime,
      by: text.optional(),
      belongings: z.boolean({ error: "must be true (all returned) or false" }),
      bill: cents,
      note: longText.optional(),
    })
    .optional(),
  delivery: z.strictObject({ at: dateTime, by: text.optional(), paid: cents }).optional(),
});

export const contactSchema = z
  .strictObject({
    customer: idOf("C", "customer"),
    ticket: idOf("T", "ticket").optional(),
    event: idOf("E", "event").optional(),
    at: z
      .string({ error: "must be a date or date-time" })
      .refine(
        (s) => isStoredDateTime(s) || isStoredDate(s),
        "must be a date (2026-11-26) or a date-time with offset (2026-11-26T09:30:00+08:00)",
      ),
    channel: z.enum(CONTACT_CHANNELS, { error: `must be one of ${CONTACT_CHANNELS.join(", ")}` }),
    direction: z.enum(DIRECTIONS, { error: `must be one of ${DIRECTIONS.join(", ")}` }),
    purpose: z.enum(PURPOSES, { error: `must be one of ${PURPOSES.join(", ")}` }),
    staff: text,
    person: text.optional(),
    letter: z
      .strictObject({
        kind: z.enum(LETTER_KINDS, { error: `must be one of ${LETTER_KINDS.join(", ")}` }),
        subject: text,
      })
      .optional(),
    summary: longText.optional(),
    requests: z.array(longText).optional(),
    complaints: z.array(longText).optional(),
    /** an inbound call in which the clerk told the customer what a duty asks (the solution, a notice) */
    told: z.boolean({ error: "must be true or false" }).optional(),
    /** the planned next contact this one carries out: the contact (K-…) or ticket (T-…) that planned it */
    plan: z
      .string({ error: "must be the ID of the contact or ticket that planned it" })
      .refine(
        (s) => ID_RE.test(s) && (s.startsWith("K-") || s.startsWith("T-")),
        "must be the ID of the contact (K-…) or ticket (T-…) that planned it",
      )
      .optional(),
    satisfaction: z
      .number({ error: "must be a whole number from 1 to 5" })
      .int("must be a whole number from 1 to 5")
      .min(1, "must be from 1 to 5")
      .max(5, "must be from 1 to 5")
      .optional(),
    next: z.strictObject({ date, topic: text }).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.channel === "letter" && !c.letter)
      ctx.addIssue({
        code: "custom",
        path: ["letter"],
        message: "a letter needs its kind and subject (letter: {kind, subject})",
      });
    if (c.channel !== "letter" && c.letter)
      ctx.addIssue({
        code: "custom",
        path: ["letter"],
        message: `only letters have a letter section; this contact is a ${c.channel}`,
      });
  });

export const eventSchema = z.strictObject({
  title: text,
  date,
  kind: z.enum(EVENT_KINDS, { error: `must be one of ${EVENT_KINDS.join(", ")}` }),
  audience: z
    .string({ error: 'must be "all" or "tag:NAME"' })
    .refine((s) => s === "all" || /^tag:\S+$/.test(s), 'must be "all" or "tag:NAME"'),
  /** the staff member who phones and writes to the audience */
  owner: text,
  note: longText.optional(),
  created: dateTime,
});

/** A duty a supervisor waived because it cannot be done (the customer is unreachable). */
export const waiverSchema = z.strictObject({
  /** the duty's key, as `due --json` shows it: R-FOLLOWUP-2:T-261102-CCCC */
  duty: text,
  reason: longText,
  by: text,
  at: dateTime,
});

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
