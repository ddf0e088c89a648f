// The record files' schemas: customer, ticket, contact, event, waiver. Key order here is the key order on disk.
import { z } from "zod";
import { ID_RE } from "../ids.js";
import { isStoredDate, isStoredDateTime } from "../time.js";
import {
  CHANNEL_NAME_RE,
  CHANNELS,
  CONTACT_CHANNELS,
  DIRECTIONS,
  ESTIMATE_MODES,
  EVENT_KINDS,
  GRADES,
  LETTER_KINDS,
  PURPOSES,
  SUPPLIERS,
  TICKET_KINDS,
  TICKET_STATUSES,
  VIA,
} from "../enums.js";
import { cents, date, dateTime, idOf, longText, phone, text } from "./fields.js";

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
