// aftercare staff add | list | absent | followup: the people in aftercare.yaml who act and to whom duties fall.
import { EXIT, parseInput, refusal, UserError } from "../errors.js";
import type { Context } from "../context.js";
import { absenceSchema, ROLES, staffSchema, type Staff } from "../domain/schema.js";
import { oneLine } from "../format/text.js";
import { table } from "../format/table.js";
import { fillInto } from "../services/ask.js";
import { dateFlag } from "../services/flags.js";
import { jsonText, staffJson } from "../format/json.js";
import { joined } from "../i18n-refusals.js";
import { type WordParam, type Worded } from "../i18n.js";

export interface StaffAddOptions {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}

export async function staffAdd(opts: StaffAddOptions, ctx: Context): Promise<Staff> {
  const store = await ctx.store();
  const name = opts.name.trim();
  if (!name) throw refusal("rf.staffName", {}, EXIT.usage);
  if (!opts.role) opts = await fillInto(ctx, "staff add", opts, [["role", "--role", "q.role", ROLES]]);
  if (!(ROLES as readonly string[]).includes(opts.role!))
    throw refusal("rf.role", { role: opts.role ?? "", roles: { typed: ROLES } }, EXIT.usage);
  const member: Staff = parseInput(
    staffSchema,
    {
      name,
      role: opts.role as Staff["role"],
      ...(opts.phone ? { phone: opts.phone } : {}),
      ...(opts.email ? { email: opts.email } : {}),
    },
    { name: "NAME" },
  );
  // the very first member may add themselves: nobody is on the list yet to act for them
  const actor = store.settings.staff.length ? await ctx.actor() : member;
  return ctx.writing(async () => {
    const fresh = await ctx.store();
    if (fresh.settings.staff.some((s) => s.name === name))
      throw new UserError((await ctx.say()).t("st.exists", { name }));
    await fresh.updateSettings({ ...fresh.settings, staff: [...fresh.settings.staff, member] });
    await ctx.commit(["aftercare.yaml"], `staff ${name} added as ${member.role}`, actor);
    ctx.io.out(ctx.json ? jsonText(staffJson(member, fresh.settings.followupClerk)) : `${name}\n`);
    if (!ctx.json)
      ctx.io.err(`${(await ctx.say()).t("st.added", { name, role: (await ctx.say()).word(member.role) })}\n`);
    return member;
  });
}

export async function staffList(ctx: Context): Promise<Staff[]> {
  const store = await ctx.store();
  const staff = store.settings.staff;
  const clerk = store.settings.followupClerk;
  const say = await ctx.say();
  if (ctx.json)
    ctx.io.out(
      JSON.stringify(
        staff.map((s) => staffJson(s, clerk)),
        null,
        2,
      ) + "\n",
    );
  else if (!staff.length) ctx.io.err(`${say.t("st.none")}\n`);
  else
    ctx.io.out(
      table(
        ctx.io,
        [say.t("h.name"), say.t("h.role"), say.t("h.phone"), say.t("h.email"), say.t("h.absences")],
        staff.map((s) => [
          oneLine(s.name),
          `${say.value(s.role)}${s.name === clerk ? say.t("st.clerkMark") : ""}${s.left ? say.t("st.leftMark", { date: s.left }) : ""}`,
          oneLine(s.phone),
          oneLine(s.email),
          (s.absences ?? [])
            .map((a) => say.t("st.absence", { from: a.from, to: a.to, cover: oneLine(a.cover) }))
            .join(say.t("why.sep")),
        ]),
      ),
    );
  if (staff.length && !staff.some((s) => s.role === "supervisor" && !s.left))
    ctx.io.err(`${say.t("st.noSupervisor")}\n`);
  return staff;
}

/**
 * A1: the after-sales clerk the engineering supervisor appointed for registration and follow-up;
 * a ticket opened without --assignee is theirs.
 */
export async function staffFollowup(opts: { name: string }, ctx: Context): Promise<Staff> {
  const who = await ctx.staffNamed(opts.name, "NAME");
  if (who.left) throw refusal("rf.left", { name: who.name, date: who.left });
  // A1: registration and follow-up are done by the after-sales clerks
  if (who.role !== "clerk") {
    const clerks = (await ctx.store()).settings.staff.filter((s) => s.role === "clerk" && !s.left).map((s) => s.name);
    const named = clerks.length
      ? { key: "rf.notClerk.some" as const, params: { names: joined(clerks, "rf.and") } }
      : { key: "rf.notClerk.none" as const };
    throw refusal("rf.notClerk", { name: who.name, role: { value: who.role }, clerks: named });
  }
  const actor = await ctx.actor();
  return ctx.writing(async () => {
    const fresh = await ctx.store();
    const before = fresh.settings.followupClerk;
    if (before === who.name) throw new UserError((await ctx.say()).t("st.alreadyClerk", { name: who.name }));
    await fresh.updateSettings({ ...fresh.settings, followupClerk: who.name });
    await ctx.commit(
      ["aftercare.yaml"],
      `staff ${who.name} appointed follow-up clerk${before ? ` (was ${before})` : ""}`,
      actor,
    );
    ctx.io.out(ctx.json ? jsonText(staffJson(who, who.name)) : `${who.name}\n`);
    if (!ctx.json)
      ctx.io.err(
        `${(await ctx.say()).t(before ? "st.nowClerkWas" : "st.nowClerk", { name: who.name, was: before ?? "" })}\n`,
      );
    return who;
  });
}

/** The days from..to (inclusive) that an absence overlaps, as "from to to" (rf.days) or one day. */
function overlap(a: { from: string; to: string }, from: string, to: string): WordParam | undefined {
  const start = a.from > from ? a.from : from;
  const end = a.to < to ? a.to : to;
  if (start > end) return undefined;
  return start === end ? start : { key: "rf.days", params: { from: start, to: end } };
}

/** Whether someone is away (or gone) on any day from..to. */
const awayIn = (s: Staff, from: string, to: string) =>
  Boolean((s.left && s.left <= to) || (s.absences ?? []).some((a) => overlap(a, from, to)));

export interface AbsentOptions {
  name: string;
  from?: string;
  to?: string;
  cover?: string;
  note?: string;
}

/** R-COVER: the cover must be there on every one of the days; else the refusal names the days and someone who is. */
function coverCheck(staff: Staff[], name: string, coverName: string, from: string, to: string): void {
  const who = staff.find((s) => s.name === name)!;
  const cover = staff.find((s) => s.name === coverName)!;
  // one absence per day: a second one over the same days would be silently ignored
  const own = (who.absences ?? []).filter((a) => overlap(a, from, to));
  if (own.length) {
    const spans = own.map((a) => ({ key: "rf.span" as const, params: { from: a.from, to: a.to, cover: a.cover } }));
    const list = spans.slice(1).reduce<WordParam>((a, b) => ({ key: "rf.and", params: { a, b } }), spans[0]!);
    throw refusal("rf.awayAlready", { name: who.name, spans: list });
  }
  const days = (cover.absences ?? []).flatMap((a) => overlap(a, from, to) ?? []);
  const why: Worded | undefined =
    cover.left && cover.left <= to
      ? { key: "rf.coverLeft", params: { cover: cover.name, date: cover.left } }
      : days.length
        ? {
            key: "rf.coverAway",
            params: { cover: cover.name, days: days.reduce((a, b) => ({ key: "rf.and", params: { a, b } })) },
          }
        : undefined;
  if (!why) return;
  const present = staff.filter((s) => s.name !== who.name && s.name !== cover.name && !awayIn(s, from, to));
  // a colleague in the same role first, then the desk's other people
  const rank = (s: Staff) =>
    s.role === who.role ? 0 : ["supervisor", "clerk", "engineering", "technician"].indexOf(s.role) + 1;
  const suggest = present
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, 2)
    .map((s) => s.name);
  const next: Worded = suggest.length
    ? { key: "rf.coverSuggest", params: { names: joined(suggest, "rf.or") } }
    : { key: "rf.coverNobody" };
  throw refusal("rf.cannotCover", { why, name: who.name, from, to, next });
}

/** R-COVER: an absence with the colleague who stands in; their duties go to the cover meanwhile. */
export async function staffAbsent(opts: AbsentOptions, ctx: Context): Promise<Staff> {
  opts = await fillInto(ctx, "staff absent", opts, [
    ["from", "--from", "q.awayFrom"],
    ["to", "--to", "q.awayTo"],
    ["cover", "--cover", "q.cover"],
  ]);
  const store = await ctx.store();
  const who = await ctx.staffNamed(opts.name, "NAME");
  const cover = await ctx.staffNamed(opts.cover!, "--cover");
  if (cover.name === who.name) throw refusal("rf.coverSelf", { name: who.name }, EXIT.usage);
  const from = (await dateFlag(ctx, opts.from, "--from"))!;
  const to = (await dateFlag(ctx, opts.to, "--to"))!;
  if (to < from) throw refusal("rf.toBeforeFrom", { to, from }, EXIT.usage);
  coverCheck(store.settings.staff, who.name, cover.name, from, to);
  parseInput(absenceSchema, { from, to, cover: cover.name, note: opts.note });
  const actor = await ctx.actor();
  return ctx.writing(async () => {
    coverCheck(store.settings.staff, who.name, cover.name, from, to);
    const staff = store.settings.staff.map((s) =>
      s.name === who.name
        ? { ...s, absences: [...(s.absences ?? []), { from, to, cover: cover.name, note: opts.note }] }
        : s,
    );
    await store.updateSettings({ ...store.settings, staff });
    await ctx.commit(["aftercare.yaml"], `staff ${who.name} absent ${from}–${to}, covered by ${cover.name}`, actor);
    const member = staff.find((s) => s.name === who.name)!;
    ctx.io.out(ctx.json ? jsonText(staffJson(member, store.settings.followupClerk)) : `${who.name}\n`);
    if (!ctx.json) ctx.io.err(`${(await ctx.say()).t("st.away", { name: who.name, from, to, cover: cover.name })}\n`);
    return member;
  });
}
