// The settings file's schemas (aftercare.yaml): staff, work calendar, service rules, channels.
import { z } from "zod";
import { SOURCE_RE } from "../calendar.js";
import { CHANNEL_NAME_RE, CHANNELS, LOCALES, ROLES } from "../enums.js";
import { isValidTimeZone } from "../time.js";
import { date, longText, phone, text } from "./fields.js";
import { says } from "./words.js";

export const absenceSchema = z
  .strictObject({ from: date, to: date, cover: text, note: longText.optional() })
  .refine((a) => a.from <= a.to, { ...says("sch.fromAfterTo"), path: ["to"] });

export const staffSchema = z.strictObject({
  name: text,
  role: z.enum(ROLES, says("sch.oneOf", { values: { typed: ROLES } })),
  phone: phone.optional(),
  email: text.optional(),
  left: date.optional(),
  absences: z.array(absenceSchema).optional(),
});

const weekdayNumber = z.number(says("sch.weekday")).int().min(1).max(7);
export const holidaySchema = z
  .strictObject({ name: text.optional(), from: date, to: date.optional() })
  .refine((h) => !h.to || h.from <= h.to, { ...says("sch.fromAfterTo"), path: ["to"] });

const clock = z.string(says("sch.clock")).regex(/^([01]\d|2[0-3]):[0-5]\d$/, says("sch.clock"));
export const calendarSchema = z.strictObject({
  /** where the public holidays and make-up working days come from; the entries below win over it (src/domain/calendar.ts) */
  source: z
    .string(says("sch.source"))
    .refine((s) => s !== "CN", says("sch.sourceUpper"))
    .refine((s) => SOURCE_RE.test(s), says("sch.sourceCode"))
    .optional(),
  /** working hours of a working day: hour-based deadlines fall inside them */
  hours: z
    .strictObject({ from: clock, to: clock })
    .refine((h) => h.from < h.to, { ...says("sch.fromBeforeTo"), path: ["to"] })
    .optional(),
  /** working weekdays, ISO numbers: 1 Monday … 7 Sunday */
  workweek: z.array(weekdayNumber).optional(),
  /** public holidays and other days off */
  holidays: z.array(holidaySchema).optional(),
  /** make-up working days that fall on a weekend (调休上班) */
  workdays: z.array(date).optional(),
});

type DaysKey =
  | "escalate"
  | "tell"
  | "dispatch"
  | "followup2From"
  | "followup2To"
  | "grace"
  | "noticeBefore"
  | "callWindow"
  | "letterWithin"
  | "monthly"
  | "annual"
  | "file"
  | "appointment";
/** A rule's day count, and what it counts (R-ESC-1DAY "to escalate"…, `sch.days.*` in the catalogue). */
const days = (what: DaysKey) =>
  z
    .number(says("sch.days", { what: { key: `sch.days.${what}` } }))
    .int(says("sch.daysWhole"))
    .min(0)
    .max(366);
const workingDays = z.boolean(says("sch.boolean"));
export const rulesSchema = z.strictObject({
  "R-ESC-1DAY": z.strictObject({ days: days("escalate").optional(), workingDays: workingDays.optional() }).optional(),
  "R-DISPATCH": z.strictObject({ hours: z.number(says("sch.hours")).min(0).max(720).optional() }).optional(),
  "R-ANSWER-SAME-DAY": z
    .strictObject({ days: days("tell").optional(), workingDays: workingDays.optional() })
    .optional(),
  "R-FOLLOWUP-1": z.strictObject({ days: days("dispatch").optional(), workingDays: workingDays.optional() }).optional(),
  "R-FOLLOWUP-2": z
    .strictObject({
      from: days("followup2From").optional(),
      to: days("followup2To").optional(),
      workingDays: workingDays.optional(),
    })
    .optional(),
  "R-NEXT-SERVICE": z.strictObject({ days: days("grace").optional(), workingDays: workingDays.optional() }).optional(),
  "R-EVENT-NOTICE": z
    .strictObject({
      daysBefore: days("noticeBefore").optional(),
      callWindow: days("callWindow").optional(),
      letterWithin: days("letterWithin").optional(),
      letter: z.boolean(says("sch.boolean")).optional(),
      workingDays: workingDays.optional(),
    })
    .optional(),
  "R-MONTHLY": z
    .strictObject({
      days: days("monthly").optional(),
      annualDays: days("annual").optional(),
      workingDays: workingDays.optional(),
    })
    .optional(),
  "R-FILE-SAME-DAY": z.strictObject({ days: days("file").optional(), workingDays: workingDays.optional() }).optional(),
  "C-APPOINTMENT": z.strictObject({ daysBefore: days("appointment").optional() }).optional(),
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
  graceMinutes: z.number(says("sch.minutes")).int(says("sch.minutesWhole")).min(0).max(1440).optional(),
});

/** A channel a store adds: `{ name: douyin, zh-CN: 抖音, en: Douyin }`. */
export const channelSchema = z.strictObject({
  name: z
    .string(says("sch.channelNameType"))
    .regex(CHANNEL_NAME_RE, says("sch.channelNameChars"))
    .refine((s) => !(CHANNELS as readonly string[]).includes(s), says("sch.builtIn", { values: { typed: CHANNELS } })),
  "zh-CN": text.optional(),
  en: text.optional(),
});

export const settingsSchema = z.strictObject({
  version: z.literal(1, says("sch.version")),
  company: text,
  timezone: z.string(says("sch.timezone")).refine(isValidTimeZone, says("sch.timezoneUnknown")),
  locale: z.enum(LOCALES, says("sch.oneOf", { values: { typed: LOCALES } })),
  staff: z.array(staffSchema).default([]),
  /** the after-sales clerk the engineering supervisor appointed for registration and follow-up (A1) */
  followupClerk: text.optional(),
  /** ISO 4217 code of the money on estimates and bills (default CNY) */
  currency: z
    .string(says("sch.currency"))
    .regex(/^[A-Z]{3}$/, says("sch.currency"))
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
    .string(says("sch.storeId"))
    .regex(/^[a-z0-9][a-z0-9-]{3,62}$/, says("sch.storeIdChars"))
    .optional(),
});
