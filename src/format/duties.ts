// Duties as people read them: grouped by person, most urgent first, with whom to call and what
// to say. The same text on a terminal (with colour) and in a cron mail (without).
import type { Duty } from "../domain/duties/index.js";
import type { Customer } from "../domain/schema.js";
import { daysBetween, formatShort, type Day } from "../domain/time.js";
import type { IO } from "../io.js";
import { table } from "./table.js";
import { translator, type Translator } from "../i18n.js";
import { oneLine } from "./text.js";

const EN = translator("en");

/** A moment shown briefly: "15:20" today, else "12-04 15:20". */
function clock(at: string, today: Day, tz: string): string {
  const s = formatShort(new Date(at), tz);
  return s.slice(0, 10) === today ? s.slice(11) : s.slice(5);
}

export function when(d: Duty, today: Day, tz = "UTC", say: Translator = EN): string {
  switch (d.state) {
    case "overdue":
      if (d.dueAt && (d.daysLate ?? 0) < 1)
        return (d.minutesLate ?? 60) < 60
          ? say.t("when.overdueMinutes", { n: d.minutesLate ?? 1 })
          : say.t("when.overdueHours", { n: d.hoursLate ?? 1 });
      return say.t("when.overdueDays", { n: Math.max(1, d.daysLate ?? 1) });
    case "due":
      if (d.dueAt) return say.t("when.byTime", { time: clock(d.dueAt, today, tz) });
      {
        // shown on the working day before a deadline on a day off; on the days off, the deadline counts
        const by = d.due >= today ? d.due : (d.deadline ?? d.due);
        return by === today ? say.t("when.today") : say.t("when.by", { date: by.slice(5), n: daysBetween(today, by) });
      }
    case "upcoming":
      return say.t("when.from", { date: d.earliestAt ? clock(d.earliestAt, today, tz) : d.earliest.slice(5) });
    case "done":
      return say.t("when.done");
    case "late":
      // late by less than a day: in hours or minutes
      if (d.dueAt && !(d.daysLate ?? 0))
        return (d.minutesLate ?? 60) < 60
          ? say.t("when.lateMinutes", { n: d.minutesLate ?? 1 })
          : say.t("when.lateHours", { n: d.hoursLate ?? 1 });
      return say.t("when.late", { n: Math.max(1, d.daysLate ?? 1) });
    case "missed":
      return say.t("when.missed");
    case "waived":
      return say.t("when.waived");
  }
}

function paint(io: IO, d: Duty, text: string): string {
  if (d.state === "overdue" || d.state === "missed") return io.color.red(text);
  if (d.state === "due") return io.color.yellow(text);
  if (d.state === "done") return io.color.green(text);
  if (d.state === "waived") return io.color.dim(text);
  return text;
}

export interface Lookup {
  customer: (id: string | undefined) => Customer | undefined;
  timezone?: string;
  say?: Translator;
}

/** Whom to call: the first contact person with a phone, "021-5555 1234 张伟". */
export function phoneOf(c: Customer | undefined): string {
  const p = c?.contacts?.find((x) => x.phones?.length);
  return p ? `${p.phones![0]} ${p.name}` : "";
}

/** One table of duties: when, rule, customer, phone, record, what to do. */
export function dutyRows(io: IO, list: Duty[], today: Day, lk: Lookup, width: number): string {
  const tz = lk.timezone ?? "UTC";
  const say = lk.say ?? EN;
  return table(
    io,
    [say.t("h.when"), say.t("h.rule"), say.t("h.customer"), say.t("h.phone"), say.t("h.record"), say.t("h.todo")],
    list.map((d) => {
      const c = lk.customer(d.customer);
      return [
        paint(io, d, when(d, today, tz, say)),
        d.rule,
        oneLine(c?.name ?? d.customer ?? "", 26),
        oneLine(phoneOf(c), 22),
        d.ticket ?? d.source,
        oneLine(d.topic, width),
      ];
    }),
  );
}

/**
 * How many duties of each person the morning list shows by default: the most urgent ones, then a
 * line with the count of the rest (`due --all` shows every one; `--json` always gives all).
 */
export const MORNING_LIMIT = 20;

export interface DutyListOptions {
  /** at most this many rows per person (the most urgent, in the list's order); undefined: every row */
  limit?: number;
}

/** The list's rows per person, in the order of `list` (most urgent first): one pass, no copying. */
function byPerson(list: Duty[]): Map<string | undefined, Duty[]> {
  const groups = new Map<string | undefined, Duty[]>();
  for (const d of list) {
    const g = groups.get(d.assignee);
    if (g) g.push(d);
    else groups.set(d.assignee, [d]);
  }
  return groups;
}

/** A limit as given (undefined: none); a negative or fractional one is read as the whole number below, at least 0. */
const cap = (limit: number | undefined): number =>
  limit === undefined || Number.isNaN(limit) ? Infinity : Math.max(0, Math.floor(limit));

/**
 * The duties the morning list shows with `limit`, in the order of `list`: each person's first
 * `limit` (so `due --explain` can explain exactly the rows shown).
 */
export function shownDuties(list: Duty[], limit?: number): Duty[] {
  const max = cap(limit);
  if (max === Infinity) return list;
  const seen = new Map<string | undefined, number>();
  const out: Duty[] = [];
  for (const d of list) {
    const n = seen.get(d.assignee) ?? 0;
    if (n < max) out.push(d);
    seen.set(d.assignee, n + 1);
  }
  return out;
}

/**
 * The morning list: a heading per person (what they have in all), then their most urgent duties
 * (`opts.limit` of them, in the order of `list`) and a line with the count of the rest.
 */
export function dutyList(io: IO, list: Duty[], today: Day, lk: Lookup, opts: DutyListOptions = {}): string {
  const say = lk.say ?? EN;
  const max = cap(opts.limit);
  const groups = byPerson(list);
  const width = io.isTTY ? Math.max(30, io.columns - 100) : 0;
  const rank = new Map<string | undefined, number>();
  for (const [who, ds] of groups) rank.set(who, urgency(ds));
  // the most pressing person first; nobody's duties (unassigned) last
  const people = [...groups.keys()].sort((a, b) =>
    a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : rank.get(a)! - rank.get(b)! || a.localeCompare(b),
  );
  const out: string[] = [];
  for (const who of people) {
    const ds = groups.get(who)!;
    const covered = new Set<string>();
    for (const d of ds) if (d.owner && d.owner !== d.assignee) covered.add(d.owner);
    const head = `${io.color.bold(who ?? say.t("due.unassigned"))} — ${summary(ds, say)}${covered.size ? say.t("due.covering", { names: [...covered].join(", ") }) : ""}`;
    const shown = ds.length > max ? ds.slice(0, max) : ds;
    const rest = ds.length - shown.length;
    const rows = shown.length ? dutyRows(io, shown, today, lk, width) : "";
    const more = rest ? `${io.color.dim(say.t("due.more", { n: rest }))}\n` : "";
    out.push(`${head}\n${(rows + more).replace(/^(?=.)/gm, "  ")}`);
  }
  return out.join("\n");
}

/** How pressing a person's duties are, lower first: the longest overdue, else anything due. */
function urgency(ds: Duty[]): number {
  let top = 0;
  for (const d of ds) {
    const u = d.state === "overdue" ? 1000 + (d.daysLate ?? 0) : d.state === "due" ? 1 : 0;
    if (u > top) top = u;
  }
  return -top;
}

export function summary(ds: Duty[], say: Translator = EN): string {
  let overdue = 0;
  let due = 0;
  let upcoming = 0;
  for (const d of ds) {
    if (d.state === "overdue") overdue++;
    else if (d.state === "due") due++;
    else if (d.state === "upcoming") upcoming++;
  }
  return (
    [
      [overdue, "due.nOverdue"],
      [due, "due.nDue"],
      [upcoming, "due.nUpcoming"],
    ] as const
  )
    .filter(([k]) => k)
    .map(([k, key]) => say.t(key, { n: k }))
    .join(say.locale === "zh-CN" ? "，" : ", ");
}

/** A record's duties, every state, for `ticket show` and `customer show`. */
export function dutyHistory(io: IO, list: Duty[], today: Day, tz = "UTC", say: Translator = EN): string {
  if (!list.length) return `${say.t("s.none")}\n`;
  return (
    table(
      io,
      [say.t("h.rule"), say.t("h.state"), say.t("h.window"), say.t("h.who"), say.t("h.todo")],
      [...list]
        .sort((a, b) => a.earliest.localeCompare(b.earliest) || a.rule.localeCompare(b.rule))
        .map((d) => [
          d.rule,
          paint(io, d, when(d, today, tz, say)),
          windowOf(d, tz),
          oneLine(d.assignee ?? say.t("due.unassigned")),
          oneLine(d.topic, 60),
        ]),
    ) + explanations(io, list, say)
  );
}

/** A duty's window as people read it: "2026-11-09 – 2026-11-16", or to the minute. */
export function windowOf(d: Duty, tz: string): string {
  if (d.dueAt) return `${formatShort(new Date(d.earliestAt ?? d.dueAt), tz)} – ${clock(d.dueAt, d.earliest, tz)}`;
  // the window runs to the deadline; the list shows it earlier when the deadline is a day off
  return d.earliest === d.deadline ? d.deadline : `${d.earliest} – ${d.deadline}`;
}

/** For each duty not done: the contacts it looked at and why each did not count. */
export function explanations(io: IO, list: Duty[], say: Translator = EN): string {
  const lines: string[] = [];
  for (const d of list) {
    if (!d.considered?.length || d.state === "done" || d.state === "late" || d.state === "waived") continue;
    lines.push(`${io.color.bold(d.rule)} ${d.ticket ?? d.source} — ${say.t("why.head")}`);
    for (const c of d.considered) lines.push(`  - ${c.why}`);
  }
  return lines.length ? `\n${lines.join("\n")}\n` : "";
}
