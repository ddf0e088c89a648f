// Duties as people read them: grouped by person, most urgent first, with whom to call and what
// to say. The same text on a terminal (with colour) and in a cron mail (without).
import type { Duty } from "../domain/duties/index.js";
import type { Customer } from "../domain/schema.js";
import { daysBetween, formatShort, type Day } from "../domain/time.js";
import type { IO } from "../io.js";
import { table } from "./table.js";
import { oneLine } from "./text.js";

export const UNASSIGNED = "(unassigned)";

/** A moment shown briefly: "15:20" today, else "12-04 15:20". */
function clock(at: string, today: Day, tz: string): string {
  const s = formatShort(new Date(at), tz);
  return s.slice(0, 10) === today ? s.slice(11) : s.slice(5);
}

export function when(d: Duty, today: Day, tz = "UTC"): string {
  switch (d.state) {
    case "overdue":
      return d.dueAt && (d.daysLate ?? 0) < 1 ? `overdue ${d.hoursLate}h` : `overdue ${d.daysLate}d`;
    case "due":
      if (d.dueAt) return `by ${clock(d.dueAt, today, tz)}`;
      return d.due === today ? "today" : `by ${d.due.slice(5)} (${daysBetween(today, d.due)}d)`;
    case "upcoming":
      return d.earliestAt ? `from ${clock(d.earliestAt, today, tz)}` : `from ${d.earliest.slice(5)}`;
    case "done":
      return "done";
    case "late":
      return `done ${d.daysLate}d late`;
    case "missed":
      return "missed";
  }
}

function paint(io: IO, d: Duty, text: string): string {
  if (d.state === "overdue" || d.state === "missed") return io.color.red(text);
  if (d.state === "due") return io.color.yellow(text);
  if (d.state === "done") return io.color.green(text);
  return text;
}

export interface Lookup {
  customer: (id: string | undefined) => Customer | undefined;
  timezone?: string;
}

/** Whom to call: the first contact person with a phone, "021-5555 1234 张伟". */
export function phoneOf(c: Customer | undefined): string {
  const p = c?.contacts?.find((x) => x.phones?.length);
  return p ? `${p.phones![0]} ${p.name}` : "";
}

/** One table of duties: when, rule, customer, phone, record, what to do. */
export function dutyRows(io: IO, list: Duty[], today: Day, lk: Lookup, width: number): string {
  const tz = lk.timezone ?? "UTC";
  return table(
    io,
    ["when", "rule", "customer", "phone", "record", "what to do"],
    list.map((d) => {
      const c = lk.customer(d.customer);
      return [paint(io, d, when(d, today, tz)), d.rule, oneLine(c?.name ?? d.customer ?? "", 26), oneLine(phoneOf(c), 22), d.ticket ?? d.source, oneLine(d.topic, width)];
    }),
  );
}

/** The morning list: a heading per person, then their duties. */
export function dutyList(io: IO, list: Duty[], today: Day, lk: Lookup): string {
  const groups = new Map<string, Duty[]>();
  for (const d of list) {
    const who = d.assignee ?? UNASSIGNED;
    groups.set(who, [...(groups.get(who) ?? []), d]);
  }
  const width = io.isTTY ? Math.max(30, io.columns - 100) : 0;
  const people = [...groups.keys()].sort((a, b) => (a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : urgency(groups.get(a)!) - urgency(groups.get(b)!) || a.localeCompare(b)));
  return people
    .map((who) => {
      const ds = groups.get(who)!;
      const covered = [...new Set(ds.filter((d) => d.owner && d.owner !== d.assignee).map((d) => d.owner!))];
      const head = `${io.color.bold(who)} — ${summary(ds)}${covered.length ? ` (covering for ${covered.join(", ")})` : ""}`;
      return `${head}\n${dutyRows(io, ds, today, lk, width).replace(/^(?=.)/gm, "  ")}`;
    })
    .join("\n");
}

function urgency(ds: Duty[]): number {
  return -Math.max(...ds.map((d) => (d.state === "overdue" ? 1000 + (d.daysLate ?? 0) : d.state === "due" ? 1 : 0)));
}

export function summary(ds: Duty[]): string {
  const n = (s: Duty["state"]) => ds.filter((d) => d.state === s).length;
  return [
    [n("overdue"), "overdue"],
    [n("due"), "due"],
    [n("upcoming"), "coming up"],
  ]
    .filter(([k]) => k)
    .map(([k, w]) => `${k} ${w}`)
    .join(", ");
}

/** A record's duties, every state, for `ticket show` and `customer show`. */
export function dutyHistory(io: IO, list: Duty[], today: Day, tz = "UTC"): string {
  if (!list.length) return "none\n";
  return table(
    io,
    ["rule", "state", "window", "who", "what"],
    [...list]
      .sort((a, b) => a.earliest.localeCompare(b.earliest) || a.rule.localeCompare(b.rule))
      .map((d) => [d.rule, paint(io, d, when(d, today, tz)), d.dueAt ? `${formatShort(new Date(d.earliestAt ?? d.dueAt), tz)} – ${clock(d.dueAt, d.earliest, tz)}` : d.earliest === d.due ? d.due : `${d.earliest} – ${d.due}`, oneLine(d.assignee ?? UNASSIGNED), oneLine(d.topic, 60)]),
  );
}
