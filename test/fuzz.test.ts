// Property-based tests (issue 11, "Fuzzing"): any valid record written and read back is the same
// record, to aftercare and to a YAML 1.1 reader; any bytes at all fed to the reader give a record
// or a short, clean list of problems, quickly, never an exception or a crashed process.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CHANNELS, CONTACT_CHANNELS, DIRECTIONS, ESTIMATE_MODES, EVENT_KINDS, GRADES, LETTER_KINDS, PURPOSES, SUPPLIERS, TICKET_KINDS, TICKET_STATUSES, VIA } from "../src/domain/enums.js";
import type { RecordKind } from "../src/domain/ids.js";
import { SCHEMAS } from "../src/domain/schema.js";
import { readRecord } from "../src/store/store.js";
import { parseYaml, stringifyRecord, updateYamlText } from "../src/store/yaml.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** Each case, however hostile, is read within this budget. */
const BUDGET_MS = 200;

// --- text -------------------------------------------------------------------------------------

/** What YAML and terminals treat specially, and what YAML 1.1 readers misread. */
const TRICKY = [
  "yes", "No", "ON", "off", "y", "N", "true", "False", "null", "~", "2024-03-05", "2024-3-5", "2026-11-26T10:00:00+08:00", "1:20", "190:20:30",
  "0777", "0o17", "0x1F", "0b101", "1_000", "+12", "-3", "3.5", "1e3", ".5", "1.", ".inf", "-.Inf", ".NaN", "=", "<<",
  "- x", "a: b", "a:b", "#x", "x #y", "'q'", '"dq"', "[a]", "{b: c}", "!tag", "!!str x", "&a", "*a", "|", "> x", "%YAML", "@x", "`x", "?", ":", "-", "---", "...",
  "a\\b", "C:\\temp", "上海明远机电设备有限公司", "Hauptstraße 5", "\u202eevil", "a\u200bb", "👨‍👩‍👧", "\u00a0nbsp", "x".repeat(500), "021-5555 1234",
];
const CHARS = [..."aZ09 -:#'\"[]{},&*!|>?%@`\\/.~=<上海€ß", "\u202e", "\u200b", "\u2066", "\u00a0", "\u3000", "😀", "\ufeff"];

const lineChar = fc.constantFrom(...CHARS);
const textChar = fc.oneof({ weight: 10, arbitrary: lineChar }, { weight: 1, arbitrary: fc.constantFrom("\n", "\t", "\n\n") });
/** A one-line field as people type it (and as attackers do): mostly valid, sometimes any code point. */
const line = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 6, arbitrary: fc.string({ unit: lineChar, minLength: 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 10 }) },
);
const text = fc.oneof(
  { weight: 2, arbitrary: line },
  { weight: 4, arbitrary: fc.string({ unit: textChar, minLength: 1, maxLength: 80 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...TRICKY), { minLength: 1, maxLength: 5 }).map((a) => a.join("\n")) },
);
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const day = fc.record({ y: fc.integer({ min: 2000, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);
const dateTime = fc
  .tuple(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom("Z", "+08:00", "+01:00", "-05:00", "+05:30"))
  .map(([d, h, mi, s, z]) => `${d}T${pad(h)}:${pad(mi)}:${pad(s)}${z}`);
const id = (letter: string) =>
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.string({ unit: fc.constantFrom(..."0123456789ABCDEFGHJKMNPQRSTVWXYZ"), minLength: 4, maxLength: 4 }))
    .map(([y, m, d, s]) => `${letter}-${pad(y)}${pad(m)}${pad(d)}-${s}`);
const phone = fc.oneof(fc.constantFrom("021-5555 1234", "02155551234", "+49 30 1234567", "0777", "1:20:30"), fc.string({ unit: fc.constantFrom(..."0123456789 -+()"), minLength: 3, maxLength: 20 }));
const cents = fc.integer({ min: 0, max: 1e9 });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const list = <T>(a: fc.Arbitrary<T>, max = 3) => opt(fc.array(a, { minLength: 0, maxLength: max }));

// --- records ----------------------------------------------------------------------------------

const customer = fc.record(
  {
    name: line,
    address: text,
    contacts: fc.array(fc.record({ name: line, title: line, phones: fc.array(phone, { maxLength: 3 }), email: line }, { requiredKeys: ["name"] }), { maxLength: 3 }),
    tags: fc.array(line, { maxLength: 4 }),
    equipment: fc.array(fc.record({ name: line, model: line, serial: line, installed: day }, { requiredKeys: ["name"] }), { maxLength: 2 }),
    vehicles: fc.array(fc.record({ plate: line, model: line, vin: line }, { requiredKeys: ["plate"] }), { maxLength: 2 }),
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
    dispatch: fc.record({ technician: line, at: dateTime, ...by, depart: opt(dateTime), arrive: opt(dateTime), arrived: opt(dateTime) }),
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
          parts: list(fc.record({ name: line, supplier: fc.constantFrom(...SUPPLIERS), grade: fc.constantFrom(...GRADES), amount: cents })),
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
        answer: opt(fc.record({ approved: fc.boolean(), at: dateTime, ...by, via: fc.constantFrom(...VIA), passed: opt(dateTime) })),
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
    audience: fc.oneof(fc.constant("all"), fc.string({ unit: fc.constantFrom(..."ab上-_:1"), minLength: 1, maxLength: 10 }).map((t) => `tag:${t}`)),
    owner: line,
    note: text,
    created: dateTime,
  },
  { requiredKeys: ["title", "date", "kind", "audience", "owner", "created"] },
);

const ARBS: [RecordKind, fc.Arbitrary<object>][] = [
  ["customer", customer],
  ["ticket", ticket],
  ["contact", contact],
  ["event", event],
];

/** The record as the schema keeps it (trimmed, in schema order), or undefined when it is not valid. */
function valid(kind: RecordKind, raw: object): Record<string, unknown> | undefined {
  const r = SCHEMAS[kind].safeParse(raw);
  return r.success ? (r.data as Record<string, unknown>) : undefined;
}

const STORED = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$/;

/** What a YAML 1.1 reader made of the file, with the dates it read in date fields put back as the text they were. */
function as11(read: unknown, expected: unknown): unknown {
  if (read instanceof Date) return typeof expected === "string" && STORED.test(expected) && new Date(expected.length === 10 ? `${expected}T00:00:00Z` : expected).getTime() === read.getTime() ? expected : read;
  if (Array.isArray(read)) return read.map((x, i) => as11(x, (expected as unknown[] | undefined)?.[i]));
  if (read && typeof read === "object") return Object.fromEntries(Object.entries(read).map(([k, v]) => [k, as11(v, (expected as Record<string, unknown> | undefined)?.[k])]));
  return read;
}

describe("any valid record written and read back is the same record", () => {
  for (const [kind, arb] of ARBS)
    it(`${kind}: stringifyRecord, then the reader (UTF-8, parseYaml, schema), and a YAML 1.1 reader`, () => {
      let checked = 0;
      fc.assert(
        fc.property(arb, (raw) => {
          const rec = valid(kind, raw);
          fc.pre(rec !== undefined);
          checked++;
          const text = stringifyRecord(rec!);
          const back = readRecord(kind, `x/${kind}.yaml`, Buffer.from(text, "utf8"));
          expect(back.problems).toEqual([]);
          expect(back.value).toEqual(rec);
          // every text stays text for PyYAML and friends; dates in date fields are dates there
          expect(as11(parse(text, { version: "1.1" }), rec)).toEqual(rec);
        }),
        { numRuns: RUNS },
      );
      expect(checked).toBeGreaterThan(RUNS / 3);
    });

  for (const [kind, arb] of ARBS)
    it(`${kind}: a layout-preserving edit from one valid record to another reads back as the new one`, () => {
      const order = Object.keys((SCHEMAS[kind] as unknown as { shape?: object }).shape ?? {});
      fc.assert(
        fc.property(arb, arb, fc.constantFrom("", "# kept\n"), (a, b, comment) => {
          const [old, next] = [valid(kind, a), valid(kind, b)];
          fc.pre(old !== undefined && next !== undefined);
          const src = comment + stringifyRecord(old!);
          const parsed = parseYaml(src).parsed!;
          const text = updateYamlText(src, parsed, old!, next!, order.length ? order : Object.keys(next!));
          const back = readRecord(kind, `x/${kind}.yaml`, Buffer.from(text, "utf8"));
          expect(back.problems).toEqual([]);
          expect(back.value).toEqual(next);
          expect(as11(parse(text, { version: "1.1" }), next)).toEqual(next);
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );
    });
});

// --- hostile bytes ----------------------------------------------------------------------------

const TOKENS = [
  "- ", "-", "[", "]", "{", "}", ", ", ": ", ":", "? ", "'", '"', "#", "\n", "\r\n", "  ", "\t", "a", "name", "created", "2026-11-26T10:00:00+08:00", "上海",
  "!!js/function ", "!!binary ", "!!str ", "!Ref ", "!<tag:yaml.org,2002:set> ", "&x ", "*x", "<<: ", "|", "|-\n", ">", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x\n",
  "\\", "\\u202e", "\u202e", "\u0000", "\u001b[2J", "\u0085", "\u2028", "\ufeff", "é", "<<<<<<< HEAD\n", "=======\n", ">>>>>>> x\n", "~", "null", "yes", "0x1F", "1:20",
];

const encodings = (s: string): fc.Arbitrary<Uint8Array> => fc.constantFrom(Buffer.from(s, "utf8"), Buffer.from(s, "latin1"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, "utf8")]));

const hostile: fc.Arbitrary<Uint8Array> = fc.oneof(
  // raw bytes: invalid UTF-8, NULs, lone continuation bytes, GBK-looking pairs
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
  // token soup: everything YAML treats specially, in any order
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 400 }).chain((ts) => encodings(ts.join(""))) },
  // a valid-looking record with damage spliced in
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom("name: Acme\ncreated: 2026-11-02T14:00:00+08:00\n", "customer: C-261101-AAAA\nreceived: 2026-11-20T09:12:00+08:00\nproblem: |\n  x\n"), fc.nat(60), fc.uint8Array({ minLength: 1, maxLength: 8 }))
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
      .tuple(fc.constantFrom("", "note: it's\n", "# '\n", 'n: "\'"\n'), fc.constantFrom("[", "{a: ", "- ", "? ", "a:\n", "- a:\n  "), fc.integer({ min: 1, max: 20_000 }))
      .map(([pre, open, n]) => Buffer.from(pre + "k: " + open.repeat(n) + "x\n", "utf8")),
  },
  // block nesting by indentation
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map((n) => Buffer.from(Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " x\n")) },
  // huge keys, huge values, many keys
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 300_000 }), fc.constantFrom("k", "é", "上", "\u202e"), fc.constantFrom("key", "value", "quoted", "many"))
      .map(([n, c, where]) =>
        Buffer.from(
          where === "key" ? `${c.repeat(n)}: 1\n` : where === "value" ? `name: ${c.repeat(n)}\n` : where === "quoted" ? `"${c.repeat(n)}": "${c.repeat(3)}"\n` : Array.from({ length: Math.min(n, 40_000) }, (_, i) => `${c}${i}: v`).join("\n"),
          "utf8",
        ),
      ),
  },
);

describe("any bytes at all give a record or a clean problem list, in bounded time", () => {
  const KINDS: RecordKind[] = ["customer", "ticket", "contact", "event", "waiver"];

  function readBounded(kind: RecordKind, bytes: Uint8Array) {
    // CPU time, not wall time: the budget is the reader's work, whatever else the machine is doing
    const t0 = process.cpuUsage();
    const r = readRecord(kind, `x/${kind}.yaml`, bytes);
    const used = process.cpuUsage(t0);
    const ms = (used.user + used.system) / 1000;
    expect(ms, `${kind}: ${bytes.length} bytes took ${Math.round(ms)} ms`).toBeLessThan(BUDGET_MS);
    if (r.value) {
      expect(r.problems).toEqual([]);
      expect(SCHEMAS[kind].safeParse(r.value).success).toBe(true);
    } else {
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems.length).toBeLessThanOrEqual(21);
      for (const p of r.problems) {
        expect(p.path).toBe(`x/${kind}.yaml`);
        expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
        expect(Number.isInteger(p.col) && p.col >= 1).toBe(true);
        expect(p.message.length).toBeGreaterThan(0);
        expect(p.message.length).toBeLessThanOrEqual(300);
        expect(p.message).not.toMatch(/[\n\r\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
      }
    }
    return r;
  }

  it("fast-check: random bytes, token soup, spliced damage, deep nesting, huge keys", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), hostile, (kind, bytes) => {
        readBounded(kind, bytes);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("the worst cases by hand, each inside the budget", () => {
    const cases = [
      "- ".repeat(128_000) + "x", // crashed the process with an out-of-memory error before the token check
      "k: " + "[".repeat(256 * 1024 - 4),
      "note: it's\nk: " + "{a: ".repeat(60_000),
      Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join("\n"),
      "k: " + "x".repeat(256 * 1024 - 4),
      '"' + "k".repeat(250_000) + '": 1\n',
      "a: &a [" + "*a, ".repeat(10_000) + "]\n",
      "%YAML 1.1\n---\nname: !!binary aGVsbG8=\n",
      // each of these cost the YAML parser from 0.3 to 1.2 s of CPU before the token check capped them
      "\n".repeat(256 * 1024 - 1),
      "#c\n".repeat(80_000),
      "*a\n".repeat(80_000),
      "!t ".repeat(80_000),
      "&a ".repeat(80_000),
      "---\n".repeat(60_000),
      "}".repeat(200_000),
    ];
    for (const src of cases) for (const kind of KINDS) expect(readBounded(kind, Buffer.from(src, "utf8")).value).toBeUndefined();
  });
});
