// The settings file's schemas (aftercare.yaml): staff, work calendar, service rules, channels.
import { z } from "zod";
import { SOURCE_RE } from "../calendar.js";
import { CHANNEL_NAME_RE, CHANNELS, LOCALES, ROLES } from "../enums.js";
import { isValidTimeZone } from "../time.js";
import { date, longText, phone, text } from "./fields.js";

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
  /**
   * the derived index (docs/performance.md "Freshness"): `watch: false` keeps a large store from
   * starting its watcher process, so that every read asks git instead (as AFTERCARE_WATCH=off)
   */
  index: z.strictObject({ watch: z.boolean({ error: "must be true or false" }).optional() }).optional(),
  /** the store's own name, made at init: the calendar's event UIDs end in @ID.aftercare, so two stores' duties never collide */
  storeId: z
    .string({ error: "must be the store's ID, such as 5f2c9a61d04e7b38" })
    .regex(
      /^[a-z0-9][a-z0-9-]{3,62}$/,
      "must be 4 to 63 lower-case letters, digits and hyphens, such as 5f2c9a61d04e7b38",
    )
    .optional(),
});
