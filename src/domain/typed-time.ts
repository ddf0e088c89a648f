// Dates and times as people type them, in Chinese or English, read in the store's time zone.
// Pure: the moment "now" is always passed in. The ISO forms (and HH:MM, today, now) are read here
// directly; anything else goes to chrono-node (its zh and en casual parsers), loaded only then:
// most runs never pay for it.
import { addDays, type Day, dayOf, parseDateTime, zonedTime } from "./time.js";

/** Which side of now a flag's moment belongs on: what happened (--received), what is planned, or either. */
export type Direction = "past" | "future" | "any";

/** One reading of what was typed: the day, the wall-clock time when one was given, and the moment. */
export interface Reading {
  day: Day;
  time?: [number, number, number];
  at: Date;
}

/** What the input left open, so a reading on the wrong side of now can be moved by it. */
type Open = "day" | "week" | "year" | undefined;

export type Typed =
  | { kind: "ok"; reading: Reading }
  | { kind: "unreadable" }
  /** several readings fit: the person must say which */
  | { kind: "ambiguous"; readings: Reading[] }
  /** a past flag read as a moment still to come; `earlier` is the moment probably meant */
  | { kind: "future"; reading: Reading; earlier?: Reading; open?: Open };

interface Parsed {
  day: Day;
  time?: [number, number, number];
  /** an exact moment (an offset was given): no zone, no shifting */
  exact?: Date;
  open: Open;
  /** the hour was given without 上午/下午 or a 24-hour clock: the afternoon is a reading too */
  pmToo?: boolean;
}

const pad = (n: number) => String(n).padStart(2, "0");
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function realDay(y: number, m: number, d: number): Day | undefined {
  if (!(y >= 1000 && y <= 9999) || m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate())
    return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function momentOf(p: Parsed, tz: string): Date {
  if (p.exact) return p.exact;
  const [h, mi, s] = p.time ?? [0, 0, 0];
  return zonedTime(p.day, h, mi, s, tz);
}

const reading = (p: Parsed, tz: string): Reading => ({ day: p.day, time: p.time, at: momentOf(p, tz) });

/** The same input with what it left open moved by `n` steps (a day, a week, a year). */
function shifted(p: Parsed, n: number): Parsed | undefined {
  if (p.exact || !p.open) return undefined;
  if (p.open === "day") return { ...p, day: addDays(p.day, n) };
  if (p.open === "week") return { ...p, day: addDays(p.day, 7 * n) };
  const [y, m, d] = p.day.split("-").map(Number) as [number, number, number];
  const day = realDay(y + n, m, d);
  return day ? { ...p, day } : undefined;
}

const RELATIVE: Record<string, number> = {
  today: 0,
  yesterday: -1,
  tomorrow: 1,
  今天: 0,
  今日: 0,
  昨天: -1,
  昨日: -1,
  明天: 1,
  明日: 1,
  前天: -2,
  后天: 2,
};

/** The forms read without chrono: ISO dates and date-times, HH:MM, today/yesterday/tomorrow, now. */
function fast(s: string, tz: string, now: Date): Parsed | undefined | "bad" {
  const today = dayOf(now, tz);
  if (s.toLowerCase() === "now" || s === "现在") {
    const t = parseDateTime("now", tz, now)!;
    return { day: today, exact: t, open: undefined };
  }
  const rel = RELATIVE[s.toLowerCase()];
  if (rel !== undefined) return { day: addDays(today, rel), open: undefined };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return ((d) => (d ? { day: d, open: undefined } : "bad"))(realDay(+m[1]!, +m[2]!, +m[3]!));
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (m) {
    const [h, mi, sec] = [+m[1]!, +m[2]!, +(m[3] ?? 0)];
    return h > 23 || mi > 59 || sec > 59 ? "bad" : { day: today, time: [h, mi, sec], open: "day" };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m) {
    const day = realDay(+m[1]!, +m[2]!, +m[3]!);
    const [h, mi, sec] = [+m[4]!, +m[5]!, +(m[6] ?? 0)];
    if (!day || h > 23 || mi > 59 || sec > 59) return "bad";
    if (!m[7]) return { day, time: [h, mi, sec], open: undefined };
    const exact = parseDateTime(s, tz, now);
    return exact ? { day: dayOf(exact, tz), time: [h, mi, sec], exact, open: undefined } : "bad";
  }
  // the shape of an ISO date with impossible numbers: never handed to a parser that would swap them
  if (/^\d{4}-\d{1,2}-\d{1,2}\b/.test(s)) return "bad";
  return undefined;
}

type ChronoParser = { parse(text: string, ref: Date): ChronoResult[] };
interface ChronoResult {
  index: number;
  text: string;
  start: { get(c: string): number | null; isCertain(c: string): boolean };
  end?: unknown;
}

let parsers: Promise<{ zh: ChronoParser; en: ChronoParser }> | undefined;
/** chrono-node's Chinese (simplified) and English casual parsers, loaded on first use. */
function chrono() {
  parsers ??= Promise.all([import("chrono-node/zh"), import("chrono-node/en")]).then(([zh, en]) => ({
    zh: zh.hans.casual,
    en: en.casual,
  }));
  return parsers;
}

/** Numeric dates written around Chinese words, in the form the Chinese parser reads (年月日). */
function normalise(s: string): string {
  let t = s.replace(/本周/g, "这周").replace(/\s+/g, " ");
  if (CJK.test(t)) {
    t = t.replace(/(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})/g, "$1年$2月$3日");
    t = t.replace(/(^|\s)(\d{1,2})[/-](\d{1,2})(?=\s|$|[^\d/:-])/g, "$1$2月$3日");
  } else t = t.replace(/^(\d{1,2})-(\d{1,2})(?=\s|$)/, "$1/$2");
  return t;
}

/** chrono's one reading of the whole input (none when it reads only a part of it). */
async function slow(s: string, tz: string, now: Date): Promise<Parsed | undefined> {
  const text = normalise(s);
  const { zh, en } = await chrono();
  // chrono reads in the process's local time: give it the store's wall clock as a local date
  const wall = zonedWall(now, tz);
  const ref = new Date(wall.y, wall.m - 1, wall.d, wall.h, wall.mi, wall.s);
  const order = CJK.test(text) ? [zh, en] : [en, zh];
  for (const p of order) {
    const rs = p.parse(text, ref);
    const r = rs.length === 1 ? rs[0]! : undefined;
    if (!r || r.index !== 0 || r.text.length !== text.length || r.end) continue;
    const c = r.start;
    const day = realDay(c.get("year")!, c.get("month")!, c.get("day")!);
    if (!day) return undefined;
    const timed = c.isCertain("hour");
    const time: [number, number, number] | undefined = timed
      ? [c.get("hour")!, c.get("minute") ?? 0, c.get("second") ?? 0]
      : undefined;
    const qualified = /(上|下|这|本)(个)?(周|星期|礼拜)|\b(next|last|this|past|coming)\b/i.test(text);
    const open: Open = c.isCertain("day")
      ? c.isCertain("year")
        ? undefined
        : "year"
      : c.isCertain("weekday")
        ? qualified
          ? undefined
          : "week"
        : timed
          ? "day"
          : undefined;
    // "9点" alone is 09:00 or 21:00; "09:10" and "21点" are on a 24-hour clock
    const h = time?.[0] ?? 0;
    const pmToo = p === zh && timed && !c.isCertain("meridiem") && h >= 1 && h <= 11 && !/\d:\d/.test(text);
    return { day, time, open, pmToo };
  }
  return undefined;
}

function zonedWall(now: Date, tz: string) {
  const day = dayOf(now, tz);
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const f = new Intl.DateTimeFormat("en-GB", {
    timeZone: tz,
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(now);
  const part = (k: string) => Number(f.find((x) => x.type === k)?.value ?? 0);
  return { y, m, d, h: part("hour"), mi: part("minute"), s: part("second") };
}

/** Whether a typed value needs chrono (the lazy load): false for the ISO forms, HH:MM, today, now. */
export function needsParser(input: string, tz: string, now: Date): boolean {
  return fast(input.normalize("NFKC").trim(), tz, now) === undefined;
}

/**
 * A moment typed by a person, read in the store's zone and judged against `now` in `direction`:
 * a past flag whose reading is still to come is refused, with the moment probably meant when the
 * input left the day, week or year open; a weekday alone is the last one for a past flag, the
 * next one for a future flag; an hour without 上午/下午 that fits both ways is ambiguous.
 */
export async function readDateTime(input: string, tz: string, now: Date, direction: Direction = "any"): Promise<Typed> {
  const s = input.normalize("NFKC").trim();
  if (!s) return { kind: "unreadable" };
  const f = fast(s, tz, now);
  if (f === "bad") return { kind: "unreadable" };
  const p = f ?? (await slow(s, tz, now));
  if (!p) return { kind: "unreadable" };
  const today = dayOf(now, tz);
  const t = now.getTime();
  // a date without a time is judged by its day, a moment by the moment
  const isFuture = (q: Parsed) => (q.time || q.exact ? momentOf(q, tz).getTime() > t : q.day > today);
  const isPast = (q: Parsed) => (q.time || q.exact ? momentOf(q, tz).getTime() < t : q.day < today);
  let base = p;
  // a weekday alone: the last such day for what happened, the next one for what is planned
  if (p.open === "week") {
    if (direction === "past" && isFuture(p)) base = shifted(p, -1)!;
    if (direction === "future" && isPast(p)) base = shifted(p, 1)!;
  }
  let options: Parsed[] = [base];
  if (base.pmToo) options.push({ ...base, time: [base.time![0] + 12, base.time![1], base.time![2]] });
  // a date without its year, already past, is next year's; a bare time already past is NOT moved
  // to tomorrow: the flag's own check refuses it as past, so a promise is never silently a day late
  if (direction === "future") options = options.map((q) => (isPast(q) && q.open === "year" ? (shifted(q, 1) ?? q) : q));
  const fits = options.filter((q) =>
    direction === "past" ? !isFuture(q) : direction === "future" ? !isPast(q) : true,
  );
  if (fits.length > 1) return { kind: "ambiguous", readings: fits.map((q) => reading(q, tz)) };
  if (fits.length === 1) return { kind: "ok", reading: reading(fits[0]!, tz) };
  if (direction === "past") {
    const earlier = shifted(base, -1);
    return {
      kind: "future",
      reading: reading(base, tz),
      earlier: earlier && !isFuture(earlier) ? reading(earlier, tz) : undefined,
      open: earlier ? base.open : undefined,
    };
  }
  // a future flag read in the past: the caller says why that is refused (or allows it)
  return { kind: "ok", reading: reading(base, tz) };
}

/** A calendar day typed by a person (a time in the input is allowed and ignored). */
export async function readDay(input: string, tz: string, now: Date, direction: Direction = "any"): Promise<Typed> {
  const r = await readDateTime(input, tz, now, direction);
  if (r.kind === "ok" && r.reading.time) {
    // only the day counts: "下午3点" as a day is today; the day of a past moment is not in the future
    return { kind: "ok", reading: { day: r.reading.day, at: zonedTime(r.reading.day, 0, 0, 0, tz) } };
  }
  if (r.kind === "ambiguous" && new Set(r.readings.map((x) => x.day)).size === 1)
    return { kind: "ok", reading: { day: r.readings[0]!.day, at: zonedTime(r.readings[0]!.day, 0, 0, 0, tz) } };
  if (r.kind === "future" && r.reading.time && r.reading.day <= dayOf(now, tz))
    return { kind: "ok", reading: { day: r.reading.day, at: zonedTime(r.reading.day, 0, 0, 0, tz) } };
  return r;
}
