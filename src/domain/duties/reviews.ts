// R-MONTHLY: the supervisor's written review after each month, and after each year. A review
// counts once its period has ended and a supervisor saved it; a corrected review keeps the date
// of its first save.
import { addDays, type Day, momentOf } from "../time.js";
import type { RuleSettings } from "./config.js";
import type { Found, RuleContext, Topic } from "./types.js";

const monthAfter = (ym: string): string => {
  const [y, m] = ym.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
};

/** The first day anything happened in the store: reviews are owed from that month on. */
export function storeStart(rx: RuleContext): Day | undefined {
  let first: Day | undefined;
  const see = (d: Day) => {
    if (first === undefined || d < first) first = d;
  };
  for (const c of rx.input.customers) see(rx.dayOf(c.value.created));
  for (const t of rx.input.tickets) see(rx.dayOf(t.value.received));
  for (const c of rx.contacts) see(rx.dayOf(c.value.at));
  return first;
}

/** The department supervisor, who owns the reviews; undefined when the store has none. */
export function supervisorOf(rx: RuleContext): string | undefined {
  return rx.input.settings.staff.find((s) => s.role === "supervisor" && (!s.left || s.left > rx.today))?.name;
}

export function reviewDuties(rx: RuleContext, rs: RuleSettings, start: Day | undefined = storeStart(rx)): Found[] {
  if (!start) return [];
  const cfg = rs["R-MONTHLY"];
  const supervisors = new Set(rx.input.settings.staff.filter((s) => s.role === "supervisor").map((s) => s.name));
  const owner = supervisorOf(rx);
  const out: Found[] = [];
  const review = (kind: "monthly" | "annual", period: string, opens: Day, days: number, key: string, about: Topic) => {
    const endsAt = momentOf(opens, rx.tz);
    // a save before the period ended, or by someone who is not a supervisor, is not the review
    const r = rx.input.reports.find(
      (x) =>
        x.kind === kind &&
        x.period === period &&
        (!x.saved || Date.parse(x.saved) >= endsAt) &&
        (!x.by || supervisors.has(x.by)),
    );
    const by = rx.deadline(opens, days, cfg.workingDays);
    out.push({
      key,
      rule: "R-MONTHLY",
      source: period,
      owner,
      earliest: opens,
      due: rx.shown(opens, by),
      deadline: by,
      done: r && { at: r.saved ?? opens, record: `reports/${period}-${kind}.md` },
      about,
    });
  };
  const thisMonth = rx.today.slice(0, 7);
  for (let ym = start.slice(0, 7); ym < thisMonth; ym = monthAfter(ym))
    review("monthly", ym, `${monthAfter(ym)}-01`, cfg.days, `R-MONTHLY:${ym}`, { what: "monthly", period: ym });
  for (let y = Number(start.slice(0, 4)); y < Number(rx.today.slice(0, 4)); y++)
    review("annual", String(y), addDays(`${y + 1}-01-01`, 0), cfg.annualDays, `R-MONTHLY:${y}`, {
      what: "annual",
      period: String(y),
    });
  return out;
}
