// Everything the rules engine reads, loaded through the store: records and saved reviews.
import { closeSync, openSync, promises as fs, readSync } from "node:fs";
import type { DutyInput, ReportRecord } from "../domain/duties/index.js";
import { engineSettings } from "./calendar-source.js";
import type { RecordIndex } from "./record-index.js";
import type { Store } from "./store.js";

const REPORT_RE = /^(\d{4}-\d{2})-monthly\.md$|^(\d{4})-annual\.md$/;
const DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:Z|[+-]\\d{2}:\\d{2})";
/**
 * The stamp a saved review carries in its first lines, written by `report … --save`:
 *   <!-- aftercare report monthly 2026-10, saved 2026-11-02T09:00:00+08:00 by 周敏 -->
 * and after a corrected review is saved again (--force), still with the first save:
 *   <!-- aftercare report monthly 2026-10, saved 2026-11-02T09:00:00+08:00 by 周敏, revised 2026-11-20T15:00:00+08:00 by 周敏 -->
 */
const SAVED_RE = new RegExp(
  `<!--\\s*aftercare\\b[^>]*?\\bsaved (${DATETIME})(?: by ([^\\n>]+?)(?=, revised |\\s*-->))?`,
);
const REVISED_RE = new RegExp(`<!--\\s*aftercare\\b[^>]*?\\brevised (${DATETIME})(?: by ([^\\n>]+?)(?=\\s*-->))?`);

export interface Stamp {
  /** the first save: when (date-time with offset) and by whom, when the file says */
  saved?: string;
  by?: string;
  /** the latest save after the first, when there was one */
  revised?: string;
  revisedBy?: string;
}

/** What a saved review's stamp says (the first 2,000 characters are read). */
export function readStamp(text: string): Stamp {
  const head = text.slice(0, 2000);
  const s = SAVED_RE.exec(head);
  const r = REVISED_RE.exec(head);
  return { saved: s?.[1], by: s?.[2], revised: r?.[1], revisedBy: r?.[2] };
}

/** A name as it can stand in the stamp: one line, nothing that would end the comment. */
const stampName = (name: string) =>
  name
    .replace(/>/g, " ")
    .replace(/, revised /g, " revised ")
    .replace(/\s+/g, " ")
    .trim();

/** The stamp line for a review: the first save, and the latest revision when this is not the first. */
export function stampLine(
  kind: "monthly" | "annual",
  period: string,
  s: { saved?: string; by?: string; revised?: string; revisedBy?: string },
): string {
  const saved = s.saved ? `, saved ${s.saved}${s.by ? ` by ${stampName(s.by)}` : ""}` : "";
  const revised = s.revised ? `, revised ${s.revised}${s.revisedBy ? ` by ${stampName(s.revisedBy)}` : ""}` : "";
  return `<!-- aftercare report ${kind} ${period}${saved}${revised} -->\n`;
}

/**
 * The first 2,000 characters of a file (at most 4 bytes each in UTF-8), read at once: every read of
 * the duties reads the stamp of every saved review (~130 in ten years), and one awaited readFile
 * each cost ~25 ms of waiting where these synchronous reads of 8 KB take ~2 ms.
 */
function headOf(file: string): string {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.allocUnsafe(8000);
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) break;
      n += got;
    }
    return buf.toString("utf8", 0, n);
  } finally {
    closeSync(fd);
  }
}

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
    // the first save counts for R-MONTHLY, however often the review was corrected after it
    const stamp = readStamp(headOf(store.abs(`reports/${name}`)));
    out.push({
      kind: m[1] ? "monthly" : "annual",
      period: (m[1] ?? m[2])!,
      saved: stamp.saved,
      ...(stamp.by ? { by: stamp.by } : {}),
    });
  }
  return out;
}

export async function dutyInput(store: Store, now: Date, warn: (msg: string) => void): Promise<DutyInput> {
  const [customers, tickets, contacts, events, reports, waivers] = await Promise.all([
    store.all("customer", warn),
    store.all("ticket", warn),
    store.all("contact", warn),
    store.all("event", warn),
    savedReports(store),
    store.all("waiver", warn),
  ]);
  // the settings with the working calendar resolved (calendar.source and the store's own days)
  return { settings: await engineSettings(store), customers, tickets, contacts, events, reports, waivers, now };
}

/**
 * The engine's input for one customer's duties — customers never share duties (duties/index.ts,
 * recordDuties) — its customer file, tickets and contacts, with every event and waiver; no saved
 * reviews (R-MONTHLY is no customer's duty). From the index when there is one (a few rows);
 * else every record is read and the customer's kept. Files that cannot be read are left out
 * without a word: what the caller says is about this customer's duties, not about the store.
 */
export async function customerDutyInput(
  store: Store,
  idx: RecordIndex | undefined,
  customer: string,
  now: Date,
): Promise<DutyInput> {
  // the settings with the working calendar resolved, as dutyInput gives them
  const settings = await engineSettings(store);
  if (idx) return { settings, ...idx.group(customer), ...idx.eventsAndWaivers(), reports: [], now };
  const quiet = () => undefined;
  const [customers, tickets, contacts, events, waivers] = await Promise.all([
    store.all("customer", quiet),
    store.all("ticket", quiet),
    store.all("contact", quiet),
    store.all("event", quiet),
    store.all("waiver", quiet),
  ]);
  return {
    settings,
    customers: customers.filter((c) => c.id === customer),
    tickets: tickets.filter((t) => t.value.customer === customer),
    contacts: contacts.filter((c) => c.value.customer === customer),
    events,
    reports: [],
    waivers,
    now,
  };
}
