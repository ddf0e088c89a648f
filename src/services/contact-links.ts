// What a contact closes and what it may be linked to: the duties of one customer as a contact would
// leave them, the tickets and events a draft contact could be tied to, and the ticket a planned
// contact belongs to. Shared by contact add (contact.ts) and contact link/unlink/edit.
import { EXIT, refusal } from "../errors.js";
import type { Context } from "../context.js";
import { indexProgress } from "../index-progress.js";
import { duties, type DutyInput, type Judged, type Rec } from "../domain/duties/index.js";
import { isOpenDuty } from "../domain/duty-state.js";
import type { Contact } from "../domain/schema.js";
import { normalizeIdInput } from "../domain/ids.js";
import { dayOf, zonedTime } from "../domain/time.js";
import { type Translator } from "../i18n.js";
import { oneLine } from "../format/text.js";
import { customerDutyInput } from "../store/duty-input.js";
import { RecordIndex } from "../store/record-index.js";
import type { Loaded } from "../store/store.js";

/**
 * The engine's input for one customer's duties, judged at `now` or, for a contact dated later
 * than now, at that contact's moment (so that it counts at all). Before a write takes the store's
 * lock it comes from the run's index; under the lock from the index opened there, whose refresh
 * has seen every file written before (by another desk, or by this write itself): a write never
 * acts on what it saw before it waited for the lock. Without an index, from the files.
 */
export async function customerInput(ctx: Context, customer: string, ats: string[]): Promise<DutyInput> {
  const store = await ctx.store();
  const tz = store.settings.timezone;
  let now = await ctx.now();
  const today = dayOf(now, tz);
  for (const at of ats) {
    const m = at.length === 10 ? (at > today ? zonedTime(at, 0, 0, 0, tz) : now) : new Date(at);
    if (m > now) now = m;
  }
  if (!ctx.writeStarted) return customerDutyInput(store, await ctx.index(), customer, now);
  // the index the write opened under its lock (a large store), else one opened here
  const shared = await ctx.writeIndex();
  if (shared) return customerDutyInput(store, shared, customer, now);
  const idx = await RecordIndex.open(store, await ctx.now(), ctx.deps.env, {
    progress: await indexProgress(ctx),
  });
  try {
    return await customerDutyInput(store, idx, customer, now);
  } finally {
    idx?.close();
  }
}

/** The duties `contact` closes when the store holds it as given (in place of its stored self). */
export function closedBy(input: DutyInput, contact: Rec<Contact>): Judged[] {
  const contacts = [...input.contacts.filter((c) => c.id !== contact.id), contact];
  return duties({ ...input, contacts }).filter((d) => d.done?.record === contact.id);
}

/** "R-FOLLOWUP-2 (T-261102-AAAA)", or with `bare` "R-FOLLOWUP-2": duties by their rule and record. */
function list(say: Translator, ds: Judged[], bare = false): string {
  const late = (d: Judged) => (d.state === "late" ? say.t("k.late") : "");
  return [
    ...new Set(
      ds.map(
        (d) => (bare ? d.rule : say.t("k.duty", { rule: d.rule, record: d.ticket ?? d.event ?? d.source })) + late(d),
      ),
    ),
  ].join(say.t("k.sep"));
}

/** "closes A; no longer closes B": what a change made to the duties a contact closes. */
export function closureSentence(say: Translator, before: Judged[], after: Judged[]): string {
  const has = new Set(after.map((d) => d.key));
  const lost = before.filter((d) => !has.has(d.key));
  const parts = [after.length ? say.t("k.closes", { duties: list(say, after) }) : say.t("k.closesNone")];
  if (lost.length) parts.push(say.t("k.noLonger", { duties: list(say, lost) }));
  return parts.join(say.t("k.then"));
}

/**
 * "closes R-NEXT-SERVICE (K-…)": what a contact just written closes, or nothing to say. `view`:
 * the customer's records as read under the write's lock (customerInput), the contact's own file
 * there or not yet.
 */
export async function closesNote(
  ctx: Context,
  rec: Rec<Contact>,
  said = "",
  view?: Promise<DutyInput>,
): Promise<string | undefined> {
  const input = await (view ?? customerInput(ctx, rec.value.customer, [rec.value.at]));
  const closed = closedBy(input, rec);
  // every duty the contact closes is named once: what linking already said is not repeated
  const rest = closed.filter((d) => !said.includes(d.rule));
  const say = await ctx.say();
  return rest.length ? say.t("k.closes", { duties: list(say, rest) }) : undefined;
}

export interface LinkCandidate {
  field: "ticket" | "event";
  id: string;
  /** how a person recognises it in a list */
  label: string;
  /** the open duties the contact closes linked to it, and not without */
  closes: Judged[];
}

/** An ID no stored contact has, for judging a contact not yet written. */
function draftId(input: DutyInput): string {
  const day = dayOf(input.now, input.settings.timezone).replace(/-/g, "").slice(2);
  const taken = new Set(input.contacts.map((c) => c.id));
  for (let i = 0; ; i++) {
    const id = `K-${day}-${String(i).padStart(4, "0")}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * The tickets (and events) a contact not yet linked to one would close an open duty of, if linked
 * to it: for each ticket or event with an open duty of the customer, the engine is run with the
 * contact linked, and compared with the contact unlinked.
 */
export async function linkCandidates(
  ctx: Context,
  draft: Contact,
  fields: ("ticket" | "event")[],
): Promise<LinkCandidate[]> {
  if (!fields.length) return [];
  const input = await customerInput(ctx, draft.customer, [draft.at]);
  const id = draftId(input);
  const base = duties({ ...input, contacts: [...input.contacts, { id, value: draft }] });
  const open = base.filter((d) => isOpenDuty(d) && d.customer === draft.customer);
  const openKeys = new Set(open.map((d) => d.key));
  const out: LinkCandidate[] = [];
  if (fields.includes("ticket"))
    for (const t of input.tickets.filter((t) => open.some((d) => d.ticket === t.id))) {
      const closes = closedBy(input, { id, value: { ...draft, ticket: t.id } }).filter((d) => openKeys.has(d.key));
      if (closes.length)
        out.push({
          field: "ticket",
          id: t.id,
          label: `${t.id} ${oneLine(t.value.problem, 40)} (${t.value.status})`,
          closes,
        });
    }
  if (fields.includes("event"))
    for (const e of input.events.filter((e) => open.some((d) => d.event === e.id))) {
      const closes = closedBy(input, { id, value: { ...draft, event: e.id } }).filter((d) => openKeys.has(d.key));
      if (closes.length)
        out.push({
          field: "event",
          id: e.id,
          label: `${e.id} ${oneLine(e.value.title, 40)} (${e.value.date})`,
          closes,
        });
    }
  // most urgent first: the order the engine gives the duties they close
  const rank = (c: LinkCandidate) => Math.min(...c.closes.map((d) => open.findIndex((o) => o.key === d.key)));
  return out.sort((a, b) => rank(a) - rank(b));
}

export interface Linking {
  /** the fields to set on the contact */
  fields: Partial<Pick<Contact, "ticket" | "event">>;
  /** what to say once the contact's ID is known */
  notes: (id: string) => string[];
}

/**
 * What a contact without a ticket (or event) answers: exactly one candidate is linked; several are
 * asked about at a terminal, else left unlinked and named with the command that links each.
 */
export async function findLinks(ctx: Context, draft: Contact, fields: ("ticket" | "event")[]): Promise<Linking> {
  const found = await linkCandidates(ctx, draft, fields);
  const say = await ctx.say();
  const set: Linking["fields"] = {};
  const later: ((id: string) => string[])[] = [];
  for (const field of fields) {
    const cands = found.filter((c) => c.field === field);
    let pick: LinkCandidate | undefined;
    if (cands.length === 1) pick = cands[0];
    else if (cands.length > 1 && ctx.canPrompt) {
      const v = await ctx.prompter.select<string>({
        message: say.t(field === "ticket" ? "q.ticketAnswered" : "q.eventAnnounced"),
        choices: [
          ...cands.map((c) => ({
            name: say.t("q.closes", { label: c.label, closes: list(say, c.closes, true) }),
            value: c.id,
          })),
          { name: say.t("q.none"), value: "" },
        ],
        default: cands[0]!.id,
      });
      pick = cands.find((c) => c.id === v);
    } else if (cands.length > 1)
      later.push((id) => [
        say.t(field === "ticket" ? "k.ambiguousTicket" : "k.ambiguousEvent", { id, n: cands.length }),
        ...cands.map((c) =>
          say.t("k.candidateLine", {
            command: `aftercare contact link ${id} --${field} ${c.id}`,
            duties: list(say, c.closes, true),
          }),
        ),
      ]);
    if (pick) {
      set[field] = pick.id;
      const p = pick;
      later.push(() => [say.t("k.linkedTo", { id: p.id, duties: list(say, p.closes, true) })]);
    }
  }
  return { fields: set, notes: (id) => later.flatMap((f) => f(id)) };
}

/** --plan: the contact (K-…) or ticket (T-…) of the same customer whose planned next contact this carries out. */
export async function resolvePlan(ctx: Context, input: string, customer: string, self?: string): Promise<string> {
  const store = await ctx.store();
  const want = normalizeIdInput(input);
  const kind = want.startsWith("K") ? "contact" : want.startsWith("T") ? "ticket" : undefined;
  if (!kind) throw refusal("rf.planNotId", { input }, EXIT.usage);
  const id = await store.resolveId(kind, want);
  if (id === self) throw refusal("rf.planSelf", { id }, EXIT.usage);
  const rec = await store.get(kind, id);
  if (rec.value.customer !== customer)
    throw refusal("rf.planOther", { id, owner: rec.value.customer, customer }, EXIT.usage);
  const planned =
    kind === "contact"
      ? Boolean((rec as Loaded<"contact">).value.next)
      : Boolean((rec as Loaded<"ticket">).value.plans?.length);
  if (!planned)
    throw refusal(
      "rf.planNone",
      { id, what: { key: kind === "contact" ? "rf.plan.next" : "rf.plan.plans" } },
      EXIT.usage,
    );
  return id;
}

export const TOLD_OUTBOUND =
  "--told marks an inbound call in which the customer was told what a duty asks (the solution, a notice); an outbound call tells them anyway: drop --told or give --direction in; nothing was written";
