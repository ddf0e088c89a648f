// Arbitraries shared by the property-based tests: records as people and attackers type them
// (fuzz.test.ts, fastread.test.ts), and hostile bytes.
import fc from "fast-check";
import {
  CHANNELS,
  CONTACT_CHANNELS,
  DIRECTIONS,
  ESTIMATE_MODES,
  EVENT_KINDS,
  GRADES,
  LETTER_KINDS,
  PURPOSES,
  SUPPLIERS,
  TICKET_KINDS,
  TICKET_STATUSES,
  VIA,
} from "../src/domain/enums.js";
import type { RecordKind } from "../src/domain/ids.js";

// --- text -------------------------------------------------------------------------------------

/** What YAML and terminals treat specially, and what YAML 1.1 readers misread. */
export const TRICKY = [
  "yes",
  "No",
  "ON",
  "off",
  "y",
  "N",
  "true",
  "False",
  "null",
  "~",
  "2024-03-05",
  "2024-3-5",
  "2026-11-26T10:00:00+08:00",
  "1:20",
  "190:20:30",
  "0777",
  "0o17",
  "0x1F",
  "0b101",
  "1_000",
  "+12",
  "-3",
  "3.5",
  "1e3",
  ".5",
  "1.",
  ".inf",
  "-.Inf",
  ".NaN",
  "=",
  "<<",
  "- x",
  "a: b",
  "a:b",
  "#x",
  "x #y",
  "'q'",
  '"dq"',
  "[a]",
  "{b: c}",
  "!tag",
  "!!str x",
  "&a",
  "*a",
  "|",
  "> x",
  "%YAML",
  "@x",
  "`x",
  "?",
  ":",
  "-",
  "---",
  "...",
  "a\\b",
  "C:\\temp",
  "上海明远机电设备有限公司",
  "Hauptstraße 5",
  "\u202eevil",
  "a\u200bb",
  "👨‍👩‍👧",
  "\u00a0nbsp",
  "x".repeat(500),
  "021-5555 1234",
];
export const CHARS = [
  ..."aZ09 -:#'\"[]{},&*!|>?%@`\\/.~=<上海€ß",
  "\u202e",
  "\u200b",
  "\u2066",
  "\u00a0",
  "\u3000",
  "😀",
  "\ufeff",
];

const lineChar = fc.constantFrom(...CHARS);
const textChar = fc.oneof(
  { weight: 10, arbitrary: lineChar },
  { weight: 1, arbitrary: fc.constantFrom("\n", "\t", "\n\n") },
);
/** A one-line field as people type it (and as attackers do): mostly valid, sometimes any code point. */
export const line = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 6, arbitrary: fc.string({ unit: lineChar, minLength: 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 10 }) },
);
export const text = fc.oneof(
  { weight: 2, arbitrary: line },
  { weight: 4, arbitrary: fc.string({ unit: textChar, minLength: 1, maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...TRICKY), { minLength: 1, maxLength: 5 }).map((a) => a.join("\n")),
  },
);
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
export const day = fc
  .record({
    y: fc.integer({ min: 2000, max: 2099 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);
export const dateTime = fc
  .tuple(
    day,
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 59 }),
    fc.constantFrom("Z", "+08:00", "+01:00", "-05:00", "+05:30"),
  )
  .map(([d, h, mi, s, z]) => `${d}T${pad(h)}:${pad(mi)}:${pad(s)}${z}`);
export const id = (letter: string) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.string({ unit: fc.constantFrom(..."0123456789ABCDEFGHJKMNPQRSTVWXYZ"), minLength: 4, maxLength: 4 }),
    )
    .map(([y, m, d, s]) => `${letter}-${pad(y)}${pad(m)}${pad(d)}-${s}`);
const phone = fc.oneof(
  fc.constantFrom("021-5555 1234", "02155551234", "+49 30 1234567", "0777", "1:20:30"),
  fc.string({ unit: fc.constantFrom(..."0123456789 -+()"), minLength: 3, maxLength: 20 }),
);
const cents = fc.integer({ min: 0, max: 1e9 });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const list = <T>(a: fc.Arbitrary<T>, max = 3) => opt(fc.array(a, { minLength: 0, maxLength: max }));

// --- records ----------------------------------------------------------------------------------

const customer = fc.record(
  {
    name: line,
    address: text,
    contacts: fc.array(
      fc.record(
        { name: line, title: line, phones: fc.array(phone, { maxLength: 3 }), email: line },
        { requiredKeys: ["name"] },
      ),
      { maxLength: 3 },
    ),
    tags: fc.array(line, { maxLength: 4 }),
    equipment: fc.array(
      fc.record({ name: line, model: line, serial: line, installed: day }, { requiredKeys: ["name"] }),
      { maxLength: 2 },
    ),
    vehicles: fc.array(fc.record({ plate: line, model: line, vin: line }, { requiredKeys: ["plate"] }), {
      maxLength: 2,
    }),
    note: text,
    created: dateTime,
  },
  { requiredKeys: ["name", "created"] },
);

const by = { by: opt(line) };
const ticket = fc.record(
  {
    customer: id("C"),
    received: dateTime,
    filed: dateTime,
    channel: fc.constantFrom(...CHANNELS),
    kind: fc.constantFrom(...TICKET_KINDS),
    problem: text,
    request: text,
    status: fc.constantFrom(...TICKET_STATUSES),
    assignee: line,
    escalation: fc.record({ to: line, at: dateTime, ...by, note: opt(text) }),
    dispatch: fc.record({
      technician: line,
      at: dateTime,
      ...by,
      depart: opt(dateTime),
      arrive: opt(dateTime),
      arrived: opt(dateTime),
    }),
    resolution: fc.record({ at: dateTime, ...by, note: text }),
    closed: dateTime,
    cancelled: fc.record({ at: dateTime, reason: opt(text) }),
    reopened: fc.array(fc.record({ at: dateTime, ...by, note: opt(text) }), { maxLength: 2 }),
    schedule: fc.record({ date: day, reason: text, at: dateTime, ...by }),
    plans: fc.array(fc.record({ date: day, topic: line, at: dateTime, ...by }), { maxLength: 2 }),
    appointment: dateTime,
    intake: fc.record({
      at: dateTime,
      ...by,
      plate: line,
      model: opt(line),
      vin: opt(line),
      odometer: fc.integer({ min: 0, max: 10_000_000 }),
      fuel: line,
      keyTag: line,
      papers: fc.record({ ok: fc.boolean(), note: opt(text) }),
      damage: list(line),
      belongings: list(line),
    }),
    estimate: fc.record({
      mode: fc.constantFrom(...ESTIMATE_MODES),
      at: dateTime,
      ...by,
      diagnosis: opt(text),
      advice: opt(text),
      lines: fc.array(
        fc.record({
          item: line,
          labour: cents,
          parts: list(
            fc.record({
              name: line,
              supplier: fc.constantFrom(...SUPPLIERS),
              grade: fc.constantFrom(...GRADES),
              amount: cents,
            }),
          ),
          critical: opt(fc.boolean()),
        }),
        { maxLength: 3 },
      ),
      diagnosisFee: opt(cents),
    }),
    handover: fc.record({ at: dateTime, receiver: line, ...by, promise: dateTime }),
    promises: fc.array(fc.record({ promise: dateTime, at: dateTime, ...by, reason: text }), { maxLength: 2 }),
    extras: fc.array(
      fc.record({
        no: fc.integer({ min: 1, max: 99 }),
        item: line,
        safety: opt(fc.boolean()),
        effect: opt(text),
        amount: opt(cents),
        asked: dateTime,
        ...by,
        answer: opt(
          fc.record({
            approved: fc.boolean(),
            at: dateTime,
            ...by,
            via: fc.constantFrom(...VIA),
            passed: opt(dateTime),
          }),
        ),
      }),
      { maxLength: 2 },
    ),
    progress: fc.array(fc.record({ at: dateTime, ...by, note: opt(text), finish: opt(dateTime) }), { maxLength: 2 }),
    ready: fc.record({ at: dateTime, ...by, belongings: fc.boolean(), bill: cents, note: opt(text) }),
    delivery: fc.record({ at: dateTime, ...by, paid: cents }),
  },
  { requiredKeys: ["customer", "received", "filed", "channel", "kind", "problem", "status"] },
);

const contact = fc
  .record(
    {
      customer: id("C"),
      ticket: id("T"),
      event: id("E"),
      at: fc.oneof(dateTime, day),
      channel: fc.constantFrom(...CONTACT_CHANNELS),
      direction: fc.constantFrom(...DIRECTIONS),
      purpose: fc.constantFrom(...PURPOSES),
      staff: line,
      person: line,
      letter: fc.record({ kind: fc.constantFrom(...LETTER_KINDS), subject: line }),
      summary: text,
      requests: fc.array(text, { maxLength: 3 }),
      complaints: fc.array(text, { maxLength: 3 }),
      told: fc.boolean(),
      plan: fc.oneof(id("K"), id("T")),
      satisfaction: fc.integer({ min: 1, max: 5 }),
      next: fc.record({ date: day, topic: line }),
    },
    { requiredKeys: ["customer", "at", "channel", "direction", "purpose", "staff"] },
  )
  .map((c) => {
    // a letter, and only a letter, has its letter section
    const { letter, ...rest } = c;
    return c.channel === "letter" ? { ...rest, letter: letter ?? { kind: "reply" as const, subject: "x" } } : rest;
  });

const event = fc.record(
  {
    title: line,
    date: day,
    kind: fc.constantFrom(...EVENT_KINDS),
    audience: fc.oneof(
      fc.constant("all"),
      fc.string({ unit: fc.constantFrom(..."ab上-_:1"), minLength: 1, maxLength: 10 }).map((t) => `tag:${t}`),
    ),
    owner: line,
    note: text,
    created: dateTime,
  },
  { requiredKeys: ["title", "date", "kind", "audience", "owner", "created"] },
);

export const ARBS: [RecordKind, fc.Arbitrary<object>][] = [
  ["customer", customer],
  ["ticket", ticket],
  ["contact", contact],
  ["event", event],
];

export const waiver = fc.record({ duty: line, reason: text, by: line, at: dateTime });

/** Every kind, waivers too. */
export const ALL_ARBS: [RecordKind, fc.Arbitrary<object>][] = [...ARBS, ["waiver", waiver]];

// --- hostile bytes ----------------------------------------------------------------------------

export const TOKENS = [
  "- ",
  "-",
  "[",
  "]",
  "{",
  "}",
  ", ",
  ": ",
  ":",
  "? ",
  "'",
  '"',
  "#",
  "\n",
  "\r\n",
  "  ",
  "\t",
  "a",
  "name",
  "created",
  "2026-11-26T10:00:00+08:00",
  "上海",
  "!!js/function ",
  "!!binary ",
  "!!str ",
  "!Ref ",
  "!<tag:yaml.org,2002:set> ",
  "&x ",
  "*x",
  "<<: ",
  "|",
  "|-\n",
  ">",
  "---\n",
  "...\n",
  "%YAML 1.1\n",
  "%TAG ! tag:x\n",
  "\\",
  "\\u202e",
  "\u202e",
  "\u0000",
  "\u001b[2J",
  "\u0085",
  "\u2028",
  "\ufeff",
  "é",
  "<<<<<<< HEAD\n",
  "=======\n",
  ">>>>>>> x\n",
  "~",
  "null",
  "yes",
  "0x1F",
  "1:20",
];

export const encodings = (s: string): fc.Arbitrary<Uint8Array> =>
  fc.constantFrom(
    Buffer.from(s, "utf8"),
    Buffer.from(s, "latin1"),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, "utf8")]),
  );

export const hostile: fc.Arbitrary<Uint8Array> = fc.oneof(
  // raw bytes: invalid UTF-8, NULs, lone continuation bytes, GBK-looking pairs
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
  // token soup: everything YAML treats specially, in any order
  {
    weight: 6,
    arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 400 }).chain((ts) => encodings(ts.join(""))),
  },
  // a valid-looking record with damage spliced in
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          "name: Acme\ncreated: 2026-11-02T14:00:00+08:00\n",
          "customer: C-261101-AAAA\nreceived: 2026-11-20T09:12:00+08:00\nproblem: |\n  x\n",
        ),
        fc.nat(60),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
      )
      .map(([s, at, junk]) => {
        const b = Buffer.from(s, "utf8");
        const i = Math.min(at, b.length);
        return Buffer.concat([b.subarray(0, i), Buffer.from(junk), b.subarray(i)]);
      }),
  },
  // deep nesting, in every style, with an apostrophe first to fool a text scanner
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom("", "note: it's\n", "# '\n", 'n: "\'"\n'),
        fc.constantFrom("[", "{a: ", "- ", "? ", "a:\n", "- a:\n  "),
        fc.integer({ min: 1, max: 20_000 }),
      )
      .map(([pre, open, n]) => Buffer.from(pre + "k: " + open.repeat(n) + "x\n", "utf8")),
  },
  // block nesting by indentation
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 300 })
      .map((n) => Buffer.from(Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " x\n")),
  },
  // huge keys, huge values, many keys
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1, max: 300_000 }),
        fc.constantFrom("k", "é", "上", "\u202e"),
        fc.constantFrom("key", "value", "quoted", "many"),
      )
      .map(([n, c, where]) =>
        Buffer.from(
          where === "key"
            ? `${c.repeat(n)}: 1\n`
            : where === "value"
              ? `name: ${c.repeat(n)}\n`
              : where === "quoted"
                ? `"${c.repeat(n)}": "${c.repeat(3)}"\n`
                : Array.from({ length: Math.min(n, 40_000) }, (_, i) => `${c}${i}: v`).join("\n"),
          "utf8",
        ),
      ),
  },
);
