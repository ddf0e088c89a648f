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
import { says, saying } from "./words.js";

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
  odometer: z.number(says("sch.odometer")).int(says("sch.odometerWhole")).min(0).max(10_000_000),
  fuel: text,
  keyTag: text,
  /** the vehicle's papers: valid and complete, or what is wrong with them */
  papers: z.strictObject({ ok: z.boolean(says("sch.boolean")), note: longText.optional() }),
  damage: z.array(text).optional(),
  belongings: z.array(text).optional(),
});

export const partSchema = z.strictObject({
  name: text,
  supplier: z.enum(SUPPLIERS, says("sch.oneOf", { values: { typed: SUPPLIERS } })),
  grade: z.enum(GRADES, says("sch.oneOf", { values: { typed: GRADES } })),
  amount: cents,
});

export const estimateSchema = z.strictObject({
  mode: z.enum(ESTIMATE_MODES, says("sch.oneOf", { values: { typed: ESTIMATE_MODES } })),
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
      critical: z.boolean(says("sch.boolean")).optional(),
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
      approved: z.boolean(says("sch.approved")),
      at: dateTime,
      by: text.optional(),
      via: z.enum(VIA, says("sch.oneOf", { values: { typed: VIA } })),
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
    .string(says("sch.channel", { values: { typed: CHANNELS } }))
    .refine((s) => CHANNEL_NAME_RE.test(s), says("sch.channelName", { values: { typed: CHANNELS } })),
  kind: z.enum(TICKET_KINDS, says("sch.oneOf", { values: { typed: TICKET_KINDS } })),
  problem: longText,
  request: longText.optional(),
  status: z.enum(TICKET_STATUSES, says("sch.oneOf", { values: { typed: TICKET_STATUSES } })),
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
      belongings: z.boolean(says("sch.belongings")),
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
      .string(says("sch.dateOrTime"))
      .refine((s) => isStoredDateTime(s) || isStoredDate(s), says("sch.dateOrTimeIso")),
    channel: z.enum(CONTACT_CHANNELS, says("sch.oneOf", { values: { typed: CONTACT_CHANNELS } })),
    direction: z.enum(DIRECTIONS, says("sch.oneOf", { values: { typed: DIRECTIONS } })),
    purpose: z.enum(PURPOSES, says("sch.oneOf", { values: { typed: PURPOSES } })),
    staff: text,
    person: text.optional(),
    letter: z
      .strictObject({
        kind: z.enum(LETTER_KINDS, says("sch.oneOf", { values: { typed: LETTER_KINDS } })),
        subject: text,
      })
      .optional(),
    summary: longText.optional(),
    requests: z.array(longText).optional(),
    complaints: z.array(longText).optional(),
    /** an inbound call in which the clerk told the customer what a duty asks (the solution, a notice) */
    told: z.boolean(says("sch.boolean")).optional(),
    /** the planned next contact this one carries out: the contact (K-…) or ticket (T-…) that planned it */
    plan: z
      .string(says("sch.plan"))
      .refine((s) => ID_RE.test(s) && (s.startsWith("K-") || s.startsWith("T-")), says("sch.planId"))
      .optional(),
    satisfaction: z
      .number(says("sch.satisfaction"))
      .int(says("sch.satisfaction"))
      .min(1, says("sch.satisfactionRange"))
      .max(5, says("sch.satisfactionRange"))
      .optional(),
    next: z.strictObject({ date, topic: text }).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.channel === "letter" && !c.letter) ctx.addIssue(saying("sch.letterNeeded", {}, { path: ["letter"] }));
    if (c.channel !== "letter" && c.letter)
      ctx.addIssue(saying("sch.onlyLetters", { channel: { value: c.channel } }, { path: ["letter"] }));
  });

export const eventSchema = z.strictObject({
  title: text,
  date,
  kind: z.enum(EVENT_KINDS, says("sch.oneOf", { values: { typed: EVENT_KINDS } })),
  audience: z.string(says("sch.audience")).refine((s) => s === "all" || /^tag:\S+$/.test(s), says("sch.audience")),
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
