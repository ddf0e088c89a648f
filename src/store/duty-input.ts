// Everything the rules engine reads, loaded through the store: records and saved reviews.
import { promises as fs } from "node:fs";
import type { DutyInput, ReportRecord } from "../domain/duties/index.js";
import type { Store } from "./store.js";

const REPORT_RE = /^(\d{4}-\d{2})-monthly\.md$|^(\d{4})-annual\.md$/;
/** The stamp a saved review carries in its first lines: <!-- aftercare … saved 2026-11-02T09:00:00+08:00 … --> */
const SAVED_RE = /<!--\s*aftercare\b[^>]*\bsaved (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2}))/;

export async function savedReports(store: Store): Promise<ReportRecord[]> {
  let names: string[];
  try {
    names = await fs.readdir(store.abs("reports"));
  } catch {
    return [];
  }
  const out: ReportRecord[] = [];
  for (const name of names.sort()) {
    const m = REPORT_RE.exec(name);
    if (!m) continue;
    const head = (await fs.readFile(store.abs(`reports/${name}`), "utf8")).slice(0, 2000);
    out.push({ kind: m[1] ? "monthly" : "annual", period: (m[1] ?? m[2])!, saved: SAVED_RE.exec(head)?.[1] });
  }
  return out;
}

export async function dutyInput(store: Store, now: Date, warn: (msg: string) => void): Promise<DutyInput> {
  const [customers, tickets, contacts, events, reports] = await Promise.all([
    store.all("customer", warn),
    store.all("ticket", warn),
    store.all("contact", warn),
    store.all("event", warn),
    savedReports(store),
  ]);
  return { settings: store.settings, customers, tickets, contacts, events, reports, now };
}
