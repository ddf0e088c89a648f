// R-MONTHLY: the supervisor's written review after each month, and after each year.
import { addDays, type Day } from "../time.js";
import type { RuleSettings } from "./config.js";
import type { Found, RuleContext } from "./types.js";

const monthAfter = (ym: string): string => {
  const [y, m] = ym.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
};

/** The first day anything happened in the store: reviews are owed from that month on. */
function storeStart(rx: RuleContext): Day | undefined {
  const days = [
    ...rx.input.customers.map((c) => rx.dayOf(c.value.created)),
    ...rx.input.tickets.map((t) => rx.dayOf(t.value.received)),
    ...rx.contacts.map((c) => rx.dayOf(c.value.at)),
  ];
  return days.length ? days.reduce((a, b) => (a < b ? a : b)) : undefined;
}

export function reviewDuties(rx: RuleContext, rs: RuleSettings): Found[] {
  const start = storeStart(rx);
  if (!start) return [];
  const cfg = rs["R-MONTHLY"];
  const supervisor = rx.input.settings.staff.find((s) => s.role === "supervisor" && !s.left)?.name;
  const saved = new Map(rx.input.reports.map((r) => [`${r.kind}:${r.period}`, r]));
  const out: Found[] = [];
  const thisMonth = rx.today.slice(0, 7);
  for (let ym = start.slice(0, 7); ym < thisMonth; ym = monthAfter(ym)) {
    const opens = `${monthAfter(ym)}-01`;
    const r = saved.get(`monthly:${ym}`);
    out.push({
      key: `R-MONTHLY:${ym}`,
      rule: "R-MONTHLY",
      source: ym,
      owner: supervisor,
      earliest: opens,
      due: rx.dueAfter(opens, cfg.days, cfg.workingDays),
      done: r && { at: r.saved ?? opens, record: `reports/${ym}-monthly.md` },
      topic: rx.say.t("duty.monthly", { period: ym }),
    });
  }
  for (let y = Number(start.slice(0, 4)); y < Number(rx.today.slice(0, 4)); y++) {
    const opens = `${y + 1}-01-01`;
    const r = saved.get(`annual:${y}`);
    out.push({
      key: `R-MONTHLY:${y}`,
      rule: "R-MONTHLY",
      source: String(y),
      owner: supervisor,
      earliest: opens,
      due: rx.dueAfter(addDays(opens, 0), cfg.annualDays, cfg.workingDays),
      done: r && { at: r.saved ?? opens, record: `reports/${y}-annual.md` },
      topic: rx.say.t("duty.annual", { period: y }),
    });
  }
  return out;
}
