// The small statistics of the reviews: a tally of duties kept, a spread of hours, counts by key.
import { isOpenDuty } from "./duty-state.js";
import type { Duty } from "./duties/index.js";

/** What a review counts of a judged duty (worded or not): its rule, state, deadline and who has it. */
export type Judgement = Pick<Duty, "rule" | "state" | "deadline" | "assignee"> & {
  /** how many duties alike it stands for (a count the index keeps, answers.ts doneTally); one when absent */
  n?: number;
};

/** How many duties a list of judgements stands for. */
export const dutyCount = (ds: readonly Judgement[]): number => {
  let n = 0;
  for (const d of ds) n += d.n ?? 1;
  return n;
};

export interface Count {
  key: string;
  count: number;
}
export interface Tally {
  due: number;
  on_time: number;
  late: number;
  open: number;
  missed: number;
  /** excused by a supervisor (counted apart: not in the rate) */
  waived: number;
  /** on time as a share of all that fell due and were not waived, 0–1; null when none */
  rate: number | null;
}
export interface Spread {
  count: number;
  median_hours: number | null;
  p90_hours: number | null;
}

export const tallyOf = (ds: readonly Judgement[]): Tally => {
  let on_time = 0;
  let late = 0;
  let open = 0;
  let missed = 0;
  let waived = 0;
  let due = 0;
  for (const d of ds) {
    const n = d.n ?? 1;
    due += n;
    if (d.state === "done") on_time += n;
    else if (d.state === "late") late += n;
    else if (isOpenDuty(d)) open += n;
    else if (d.state === "missed") missed += n;
    else if (d.state === "waived") waived += n;
  }
  return { due, on_time, late, open, missed, waived, rate: due - waived ? on_time / (due - waived) : null };
};

/** The items by a key, each group in the items' order: one pass (never a filter per key). */
export function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function spread(hours: number[]): Spread {
  const s = [...hours].sort((a, b) => a - b);
  return { count: s.length, median_hours: percentile(s, 50), p90_hours: percentile(s, 90) };
}

export function counts(keys: string[], order: readonly string[] = []): Count[] {
  const m = new Map<string, number>();
  for (const k of order) m.set(k, 0);
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].filter(([, c]) => c > 0).map(([key, count]) => ({ key, count }));
}

/**
 * The records a review reads. `tickets` and `contacts` may hold more than the period's (the index
 * hands over those whose dates come near it); every figure picks its own by date, so the result
 * is the same as from every record. Both in the store's path order, as `Store.all` gives them.
 */
