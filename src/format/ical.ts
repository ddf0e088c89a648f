// iCalendar (RFC 5545) for duties: one event per duty, its UID stable across runs and clones, so
// a calendar that imports the file again updates the events instead of adding copies.

/** TEXT values: backslash, semicolon, comma and line breaks escaped. */
export function icalText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets are folded, never inside a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = [];
  let cur = "";
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = "";
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join("\r\n ");
}

export interface IcalEvent {
  uid: string;
  summary: string;
  description?: string;
  /** an all-day event on this day ("YYYY-MM-DD"), or a timed one */
  day?: string;
  start?: Date;
  minutes?: number;
  categories?: string[];
  priority?: number;
  /** when the event last changed (the record's last commit, or the duty's last change of state), and its revision */
  lastModified?: Date;
  sequence?: number;
}

const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
const ymd = (day: string) => day.replace(/-/g, "");
const nextDay = (day: string) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

/**
 * SEQUENCE from a moment: whole minutes since 2020-01-01 UTC. A duty's event only ever changes
 * forward in time (a commit to its record, the day it falls due, each day it stays overdue), so
 * a number that grows with the moment of its last change grows with every change, in every
 * clone alike, with nothing stored (it fits RFC 5545's 32-bit INTEGER until the year 6100).
 */
export const sequenceOf = (d: Date) => Math.max(0, Math.floor((d.getTime() - Date.UTC(2020, 0, 1)) / 60_000));

export function calendar(name: string, events: IcalEvent[], now: Date, opts: { timezone?: string } = {}): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//aftercare//duties//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icalText(name)}`,
  ];
  if (opts.timezone) lines.push(`X-WR-TIMEZONE:${opts.timezone}`);
  // a subscribed calendar asks again within the hour (Apple and Outlook read these)
  lines.push("REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H");
  for (const e of events) {
    lines.push("BEGIN:VEVENT", `UID:${e.uid}`, `DTSTAMP:${utc(now)}`);
    if (e.lastModified)
      lines.push(`LAST-MODIFIED:${utc(e.lastModified)}`, `SEQUENCE:${e.sequence ?? sequenceOf(e.lastModified)}`);
    if (e.start) {
      lines.push(`DTSTART:${utc(e.start)}`, `DTEND:${utc(new Date(e.start.getTime() + (e.minutes ?? 15) * 60_000))}`);
    } else {
      lines.push(`DTSTART;VALUE=DATE:${ymd(e.day!)}`, `DTEND;VALUE=DATE:${ymd(nextDay(e.day!))}`, "TRANSP:TRANSPARENT");
    }
    lines.push(`SUMMARY:${icalText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${icalText(e.description)}`);
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(icalText).join(",")}`);
    if (e.priority) lines.push(`PRIORITY:${e.priority}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
