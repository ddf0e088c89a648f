// Property-based tests (issue 11, "Fuzzing"): any valid record written and read back is the same
// record, to aftercare and to a YAML 1.1 reader; any bytes at all fed to the reader give a record
// or a short, clean list of problems, quickly, never an exception or a crashed process.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { RecordKind } from "../src/domain/ids.js";
import { SCHEMAS } from "../src/domain/schema.js";
import { readRecord } from "../src/store/read-record.js";
import { parseYaml, stringifyRecord, updateYamlText } from "../src/store/yaml.js";
import { ARBS, hostile } from "./arbitraries.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** Each case, however hostile, is read within this budget. */
const BUDGET_MS = 200;

/** The record as the schema keeps it (trimmed, in schema order), or undefined when it is not valid. */
function valid(kind: RecordKind, raw: object): Record<string, unknown> | undefined {
  const r = SCHEMAS[kind].safeParse(raw);
  return r.success ? r.data : undefined;
}

const STORED = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$/;

/** What a YAML 1.1 reader made of the file, with the dates it read in date fields put back as the text they were. */
function as11(read: unknown, expected: unknown): unknown {
  if (read instanceof Date)
    return typeof expected === "string" &&
      STORED.test(expected) &&
      new Date(expected.length === 10 ? `${expected}T00:00:00Z` : expected).getTime() === read.getTime()
      ? expected
      : read;
  if (Array.isArray(read)) return read.map((x, i) => as11(x, (expected as unknown[] | undefined)?.[i]));
  if (read && typeof read === "object")
    return Object.fromEntries(
      Object.entries(read).map(([k, v]) => [k, as11(v, (expected as Record<string, unknown> | undefined)?.[k])]),
    );
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
          const text = stringifyRecord(rec);
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
          const src = comment + stringifyRecord(old);
          const parsed = parseYaml(src).parsed!;
          const text = updateYamlText(src, parsed, old, next, order.length ? order : Object.keys(next));
          const back = readRecord(kind, `x/${kind}.yaml`, Buffer.from(text, "utf8"));
          expect(back.problems).toEqual([]);
          expect(back.value).toEqual(next);
          expect(as11(parse(text, { version: "1.1" }), next)).toEqual(next);
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );
    });
});
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
    for (const src of cases)
      for (const kind of KINDS) expect(readBounded(kind, Buffer.from(src, "utf8")).value).toBeUndefined();
  });
});
