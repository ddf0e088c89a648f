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
}

const utc = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
const ymd = (day: string) => day.replace(/-/g, "");
const nextDay = (day: string) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

export function calendar(name: string, events: IcalEvent[], now: Date): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//aftercare//duties//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${icalText(name)}`];
  for (const e of events) {
    lines.push("BEGIN:VEVENT", `UID:${e.uid}`, `DTSTAMP:${utc(now)}`);
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
