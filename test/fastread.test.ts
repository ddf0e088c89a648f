// The fast reader (src/store/fastread.ts) against the full one (readRecord: yaml's document,
// the token and tree checks, the schemas): one corpus fed to both — every fixture, the sample
// store in records/, the hostile files of the other tests, records as aftercare writes them,
// hand edits of those, YAML near the fast reader's subset, and hostile bytes. Both must take the
// same files with the same value (same keys in the same order, same numbers), and refuse the
// same files with the same problems. And whatever the fast parser reads at all, parseYaml reads
// without a problem to the same value.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { RecordKind } from "../src/domain/ids.js";
import { SCHEMAS } from "../src/domain/schema.js";
import { parseFast, readRecordFast, UNSURE } from "../src/store/fastread.js";
import { readRecord } from "../src/store/read-record.js";
import { FOLDERS } from "../src/store/store.js";
import { decodeUtf8, parseYaml, stringifyRecord } from "../src/store/yaml.js";
import { ALL_ARBS, CHARS, hostile, TOKENS, TRICKY } from "./arbitraries.js";
import { RECORDS } from "./fixtures.js";
import { MONTH_EDGE, NOVEMBER, VEHICLES } from "./report-fixtures.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const KINDS: RecordKind[] = ["customer", "ticket", "contact", "event", "waiver"];
const KIND_OF_FOLDER = new Map(Object.entries(FOLDERS).map(([k, f]) => [f, k as RecordKind]));
const kindOf = (path: string) => KIND_OF_FOLDER.get(path.split("/")[0]!);

/** Deep equality that also holds key order, value types and -0: what a reader gives, exactly. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (typeof a === "number") return Object.is(a, b);
  if (a === null || b === null || typeof a !== "object") return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const show = (bytes: Uint8Array) => JSON.stringify(Buffer.from(bytes).toString("utf8").slice(0, 400));

/** Both readers on one file: the same answer. Returns whether the fast path took it. */
function agree(kind: RecordKind, bytes: Uint8Array, label = ""): boolean {
  const path = `x/${kind}.yaml`;
  const full = readRecord(kind, path, bytes);
  const fast = readRecordFast(kind, path, bytes);
  const what = `${label} ${kind} ${show(bytes)}`;
  expect(fast.value !== undefined, what).toBe(full.value !== undefined);
  if (full.value !== undefined)
    expect(
      same(fast.value, full.value),
      `${what}\nfast ${JSON.stringify(fast.value)}\nfull ${JSON.stringify(full.value)}`,
    ).toBe(true);
  expect(fast.problems, what).toEqual(full.problems);
  yamlAgrees(bytes, label);
  return fast.fast;
}

/** The YAML level, below the schemas: whatever parseFast reads, parseYaml reads to the same value. Returns whether parseFast was sure. */
function yamlAgrees(bytes: Uint8Array | string, label = ""): boolean {
  const text = typeof bytes === "string" ? bytes : decodeUtf8(bytes).text;
  if (text === undefined) return false;
  const v = parseFast(text);
  if (v === UNSURE) return false;
  const y = parseYaml(text);
  const what = `${label} ${JSON.stringify(text.slice(0, 400))}`;
  expect(y.problems, what).toEqual([]);
  expect(same(v, y.parsed!.value), `${what}\nfast ${JSON.stringify(v)}\nyaml ${JSON.stringify(y.parsed!.value)}`).toBe(
    true,
  );
  return true;
}

// --- the files of the other tests -------------------------------------------------------------

const utf8 = (s: string) => Buffer.from(s, "utf8");
const ACME_TEXT = "name: 明远 Acme\naddress: 上海市\ncreated: 2026-11-02T14:00:00+08:00\n";

/** The hostile and broken files of check.test.ts, files.test.ts, yaml.test.ts and fuzz.test.ts. */
const HOSTILE: [string, Uint8Array][] = [
  [
    "unknown customer and staff, status without its section",
    utf8(
      "customer: C-261101-ZZZZ\nreceived: 2026-11-21T09:00:00+08:00\nfiled: 2026-11-21T09:05:00+08:00\nchannel: fax\nkind: install\nproblem: 新建站点\nstatus: dispatched\nassignee: 王小明\n",
    ),
  ],
  [
    "typo'd field, phone as a number",
    utf8(
      "name: 北京恒通\ncontacts:\n  - name: 刘洋\n    phones:\n      - 01066668888\nadress: 北京市\ncreated: 2026-11-03T10:00:00+08:00\n",
    ),
  ],
  [
    "merge left half done",
    utf8(
      "customer: C-261101-AAAA\n<<<<<<< HEAD\nat: 2026-11-21T10:00:00+08:00\n=======\nat: 2026-11-21T11:00:00+08:00\n>>>>>>> theirs\nchannel: call\n",
    ),
  ],
  ["broken flow", utf8("customer: [C-261101-AAAA\nat: x\n")],
  ["not a record", utf8("name: scratch\ncreated: 2026-11-03T10:00:00+08:00\n")],
  [
    "a date that does not exist",
    utf8(
      "title: 客户联谊会\ndate: 2026-12-32\nkind: gathering\naudience: all\nowner: 王芳\ncreated: 2026-11-20T10:00:00+08:00\n",
    ),
  ],
  ["missing name", utf8("address: 无名\ncreated: 2026-11-04T10:00:00+08:00\n")],
  ["GBK", iconv.encode(ACME_TEXT, "gbk")],
  ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(ACME_TEXT)])],
  [
    "BOM, then a lone lead byte",
    Buffer.concat([utf8("\ufeffcreated: 2026-11-02T14:00:00+08:00\nname: 明"), Buffer.from([0xe6, 0x0a])]),
  ],
  ["an overlong slash", Buffer.concat([utf8("name: a"), Buffer.from([0xc0, 0xaf]), utf8("\n")])],
  [
    "!!js/function and !!set",
    utf8("name: !!js/function 'function () { return 1 }'\ntags: !!set {a, b}\ncreated: 2026-11-01T09:00:00+08:00\n"),
  ],
  [
    "deep after an apostrophe",
    utf8(
      `name: Mingyuan's\n# it's "here"\nnote: "it's"\ntags: ${"[".repeat(40)}${"]".repeat(40)}\ncreated: 2026-11-01T09:00:00+08:00\n`,
    ),
  ],
  ["90,000 keys", utf8(Array.from({ length: 90_000 }, (_, i) => `k${i}: vv`).join("\n"))],
  [
    "bidi and zero-width text",
    utf8(
      `name: "Acme\\u202eevil\\u200b"\naddress: "Haupt\\u2066straße\\u200f 5"\ntags:\n  - "v\\u2060ip"\ncreated: 2026-11-01T09:00:00+08:00\n`,
    ),
  ],
  ["raw bidi text", utf8("name: Acme\u202eevil\u200b\ncreated: 2026-11-01T09:00:00+08:00\n")],
  ["ESC in a name", utf8('name: "a\\e[2Jb"\ncreated: 2026-11-01T09:00:00+08:00\n')],
  ["raw ESC in a name", utf8("name: a\u001b[2Jb\ncreated: 2026-11-01T09:00:00+08:00\n")],
  ["anchors and aliases", utf8("a: &x 1\nb: *x\n")],
  ["custom tag", utf8("a: !js/function 'x'\n")],
  ["duplicate keys", utf8("name: a\nname: b\n")],
  ["duplicate record keys", utf8("name: a\nname: b\ncreated: 2026-11-01T09:00:00+08:00\n")],
  ["two documents", utf8("a: 1\n---\na: 2\n")],
  ["conflict markers", utf8("name: x\n<<<<<<< HEAD\nstatus: open\n=======\nstatus: closed\n>>>>>>> theirs\n")],
  ["too large", utf8("a: " + "x".repeat(256 * 1024 + 1))],
  ["deep flow", utf8("a: " + "[".repeat(100) + "]".repeat(100))],
  ["yaml.org tags", utf8("a: !!binary x\nb: !!timestamp x\nc: !!set x\nd: !!omap x\n")],
  ["verbatim tag", utf8("a: !<tag:yaml.org,2002:js/regexp> x\n")],
  ["%TAG", utf8("%TAG !e! tag:yaml.org,2002:\n---\na: !e!str x\n")],
  [
    "core tags",
    utf8("a: !!str 12\nb: !!int 3\nc: !!bool true\nd: !!null ''\ne: !!seq [1]\nf: !!map {x: 1}\ng: !!float 1.5\n"),
  ],
  ["deep sequences", utf8("- ".repeat(17) + "x\n")],
  ["2,001 keys", utf8(Array.from({ length: 2001 }, (_, i) => `k${i}: v`).join("\n") + "\n")],
  ["1,999 keys", utf8(Array.from({ length: 1999 }, (_, i) => `k${i}: v`).join("\n") + "\n")],
  ["5,001 lines", utf8("\n".repeat(5001))],
  ["a long text", utf8("name: x\nnote: |\n" + "  x\n".repeat(20_000) + "created: 2026-11-01T09:00:00+08:00\n")],
  ["51 tags", utf8("a: [" + "!t 1, ".repeat(51) + "]\n")],
  ["document end", utf8("a: 1\n...\n")],
  ["document start and a comment", utf8("---\n# one document\nname: a\ncreated: 2026-11-01T09:00:00+08:00\n")],
  ["dates as text", utf8("at: 2026-11-26\nname: 上海明远\n")],
  [
    "a comment inside a block",
    utf8(
      "name: x\nnote: |\n  pump leaks   # not a comment inside a block\n\n# status set by hand\ncreated:   2026-11-01T09:00:00+08:00    # when\n",
    ),
  ],
  ["deep sequences (128k)", utf8("- ".repeat(128_000) + "x")],
  ["huge flow", utf8("k: " + "[".repeat(256 * 1024 - 4))],
  ["many flow maps", utf8("note: it's\nk: " + "{a: ".repeat(60_000))],
  ["a huge value", utf8("k: " + "x".repeat(256 * 1024 - 4))],
  ["a huge quoted key", utf8('"' + "k".repeat(250_000) + '": 1\n')],
  ["billion laughs", utf8("a: &a [" + "*a, ".repeat(10_000) + "]\n")],
  ["%YAML and !!binary", utf8("%YAML 1.1\n---\nname: !!binary aGVsbG8=\n")],
  ["newlines", utf8("\n".repeat(256 * 1024 - 1))],
  ["comments", utf8("#c\n".repeat(80_000))],
  ["aliases", utf8("*a\n".repeat(80_000))],
  ["tags", utf8("!t ".repeat(80_000))],
  ["anchors", utf8("&a ".repeat(80_000))],
  ["separators", utf8("---\n".repeat(60_000))],
  ["closing braces", utf8("}".repeat(200_000))],
  ["empty", utf8("")],
  ["only a newline", utf8("\n")],
  ["a null document", utf8("~\n")],
  ["a list", utf8("- name: a\n  created: 2026-11-01T09:00:00+08:00\n")],
  ["CRLF", utf8("name: a\r\ncreated: 2026-11-01T09:00:00+08:00\r\n")],
  ["tab after the colon", utf8("name:\ta\ncreated: 2026-11-01T09:00:00+08:00\n")],
  ["no final newline", utf8("name: a\ncreated: 2026-11-01T09:00:00+08:00")],
  ["__proto__", utf8("__proto__: {name: a}\nname: a\ncreated: 2026-11-01T09:00:00+08:00\n")],
  ["a null field", utf8("name: a\naddress:\ncreated: 2026-11-01T09:00:00+08:00\n")],
  ["keep chomping", utf8("name: a\nnote: |+\n  x\n\ncreated: 2026-11-01T09:00:00+08:00\n")],
  ["folded", utf8("name: a\nnote: >-\n  x\n  y\ncreated: 2026-11-01T09:00:00+08:00\n")],
  ["indentation indicator", utf8("name: a\nnote: |2-\n   x\ncreated: 2026-11-01T09:00:00+08:00\n")],
  ["multi-line plain", utf8("name: a\nnote: one\n  two\ncreated: 2026-11-01T09:00:00+08:00\n")],
  ["multi-line quoted", utf8('name: a\nnote: "one\n  two"\ncreated: 2026-11-01T09:00:00+08:00\n')],
  ["sequence level with its key", utf8("name: a\ntags:\n- x\n- y\ncreated: 2026-11-01T09:00:00+08:00\n")],
  [
    "sequence of a compact mapping level with its key",
    utf8('name: a\ncontacts:\n- name: b\n  phones:\n  - "1234"\ncreated: 2026-11-01T09:00:00+08:00\n'),
  ],
  ["escapes", utf8('name: "a\\x41\\u00e9\\U0001F600\\"\\\\\\/\\_\\ b"\ncreated: 2026-11-01T09:00:00+08:00\n')],
  ["a bad escape", utf8('name: "a\\qb"\ncreated: 2026-11-01T09:00:00+08:00\n')],
  ["a lone surrogate", utf8('name: "a\\ud800b"\ncreated: 2026-11-01T09:00:00+08:00\n')],
  ["single quotes", utf8("name: 'it''s'\ncreated: '2026-11-01T09:00:00+08:00'\n")],
  [
    "numbers everywhere",
    utf8(
      "name: 12\ntags:\n  - 0x1F\n  - 0o17\n  - 1e3\n  - .inf\n  - -.Inf\n  - .NaN\n  - +12\n  - -0\n  - 3.50\n  - 007\ncreated: 2026-11-01T09:00:00+08:00\n",
    ),
  ],
  [
    "booleans and nulls",
    utf8("name: a\ntags:\n  - true\n  - False\n  - ~\n  - NULL\n  - yes\n  - no\ncreated: 2026-11-01T09:00:00+08:00\n"),
  ],
];

// --- the corpus -------------------------------------------------------------------------------

describe("the fast reader and the full reader give the same answer", () => {
  it("on every fixture of the other tests", () => {
    let fast = 0;
    let n = 0;
    for (const set of [RECORDS, NOVEMBER, VEHICLES, MONTH_EDGE])
      for (const [path, text] of Object.entries(set)) {
        const kind = kindOf(path);
        if (!kind || !/\.ya?ml$/.test(path)) continue;
        n++;
        if (agree(kind, utf8(text), path)) fast++;
      }
    expect(n).toBeGreaterThan(20);
    expect(fast).toBeGreaterThan(0);
  });

  it("on the sample store in records/, which the fast path reads whole", () => {
    const root = join(import.meta.dirname, "..", "records");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.name.startsWith(".")) continue;
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (/\.ya?ml$/.test(e.name)) files.push(relative(root, join(dir, e.name)).split("\\").join("/"));
      }
    };
    walk(root);
    let records = 0;
    for (const path of files) {
      const kind = kindOf(path);
      if (!kind) continue;
      records++;
      expect(agree(kind, readFileSync(join(root, path)), path), path).toBe(true);
    }
    expect(records).toBeGreaterThan(100);
  });

  it("on the hostile and broken files of the other tests, as every kind of record", () => {
    for (const [label, bytes] of HOSTILE) for (const kind of KINDS) agree(kind, bytes, label);
  });

  it("on records as aftercare writes them, every one of which the fast path reads (but a text quoted over several lines)", () => {
    let [n, fast] = [0, 0];
    for (const [kind, arb] of ALL_ARBS)
      fc.assert(
        fc.property(arb, (raw) => {
          const r = SCHEMAS[kind].safeParse(raw);
          fc.pre(r.success);
          const text = stringifyRecord(r.data);
          n++;
          const took = agree(kind, utf8(text), "written");
          if (took) fast++;
          // stringifyRecord quotes a multi-line text that starts like a date, number or boolean
          // ("yes\nno") as a folded "double-quoted" scalar: left to the full reader
          else expect(/(?:^|: |- )"(?:[^"\\\n]|\\.)*$/m.test(text), text).toBe(true);
        }),
        { numRuns: RUNS },
      );
    expect(fast / n).toBeGreaterThan(0.9);
  });
});

// --- hand edits and YAML near the subset ------------------------------------------------------

/** What a person (or another program) does to a file aftercare wrote. */
const EDITS: ((lines: string[], at: number, tok: string) => string[])[] = [
  (ls, at) => [...ls.slice(0, at), "# a comment", ...ls.slice(at)],
  (ls, at) => ls.map((l, i) => (i === at ? `${l}  # note` : l)),
  (ls, at) => ls.map((l, i) => (i === at ? `${l} ` : l)),
  (ls, at) => [...ls.slice(0, at), "", ...ls.slice(at)],
  (ls, at) => [...ls.slice(0, at), "  ", ...ls.slice(at)],
  (ls, at) => [...ls.slice(0, at), ls[at] ?? "", ...ls.slice(at)],
  (ls, at) => ls.filter((_, i) => i !== at),
  (ls, at) => ls.map((l, i) => (i === at ? ` ${l}` : l)),
  (ls, at) => ls.map((l, i) => (i === at ? l.replace(/^ /, "") : l)),
  (ls, at) => ls.map((l, i) => (i === at ? l.replace(/^(\s*)/, "$1\t") : l)),
  (ls, at) => ls.map((l, i) => (i >= at ? l.replace(/^( *) {2}- /, "$1- ") : l)),
  (ls) => ls.map((l) => l.replace(/^( *) {2}- /, "$1- ")),
  (ls, at) => ls.map((l, i) => (i === at ? l.replace(/: (.+)$/, ": '$1'") : l)),
  (ls, at) => ls.map((l, i) => (i === at ? l.replace(/: (.+)$/, (_, v: string) => `: ${JSON.stringify(v)}`) : l)),
  (ls, at) => ls.map((l, i) => (i === at ? l.replace(/: (.+)$/, ":  $1") : l)),
  (ls, at) => ls.map((l, i) => (i === at ? l.replace(/: /, ":") : l)),
  (ls, at) => ls.map((l, i) => (i === at ? l.replace(/^(\s*)([A-Za-z]+):/, '$1"$2":') : l)),
  (ls, at) => ls.map((l, i) => (i === at ? l.replace(/^(\s*)([A-Za-z]+):/, "$1$2 :") : l)),
  (ls, at) => ls.map((l, i) => (i === at ? l.replace(/: (.+)$/, ": &a $1") : l)),
  (ls, at) => ls.map((l, i) => (i === at ? l.replace(/: (.+)$/, ": !!str $1") : l)),
  (ls, at, tok) => ls.map((l, i) => (i === at ? l.replace(/: (.+)$/, `: ${tok}`) : l)),
  (ls, at, tok) => ls.map((l, i) => (i === at ? l.replace(/: (.+)$/, `: $1${tok}`) : l)),
  (ls, at, tok) => ls.map((l, i) => (i === at ? `${l.slice(0, l.length >> 1)}${tok}${l.slice(l.length >> 1)}` : l)),
  (ls, at, tok) => [...ls.slice(0, at), tok, ...ls.slice(at)],
  (ls) => ls.map((l) => l.replace(/\|-$/, "|")),
  (ls) => ls.map((l) => l.replace(/\|-$/, "|+")),
  (ls) => ls.map((l) => l.replace(/\|-$/, ">-")),
  (ls) => ls.map((l) => l.replace(/\|-$/, "|2-")),
  (ls) => ls.map((l) => l.replace(/\|-$/, "|-  ")),
  (ls) => ls.map((l) => l.replace(/\|-$/, "|- # c")),
  (ls) => ["---", ...ls],
  (ls) => [...ls, "..."],
  (ls) => ls.map((l) => `${l}\r`),
  (ls) => ls.map((l) => l.replace(/^(\s*- )?([A-Za-z]+): (.+)$/, "$1$2: [$3]")),
  (ls) => ls.map((l) => l.replace(/^( *)/, "$1$1")),
  (ls, at) => [...ls.slice(0, at), ...ls.slice(at).map((l) => `  ${l}`)],
];

/** A record file as aftercare writes it, edited once or twice by hand. */
const edited = fc
  .tuple(
    fc.constantFrom(...ALL_ARBS),
    fc.array(fc.tuple(fc.nat(EDITS.length - 1), fc.nat(60), fc.constantFrom(...TOKENS, ...TRICKY, ...CHARS)), {
      minLength: 1,
      maxLength: 2,
    }),
    fc.boolean(),
  )
  .chain(([[kind, arb], edits, finalNewline]) =>
    arb.map((raw) => {
      const r = SCHEMAS[kind].safeParse(raw);
      const text = stringifyRecord(r.success ? r.data : raw);
      let lines = text.slice(0, -1).split("\n");
      for (const [e, at, tok] of edits) lines = EDITS[e]!(lines, at % Math.max(1, lines.length), tok);
      return { kind, text: lines.join("\n") + (finalNewline ? "\n" : "") };
    }),
  );

/** Keys: mostly as records have them; some the core schema or JavaScript reads otherwise, or that need quotes. */
const KEY = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "name",
      "created",
      "at",
      "tags",
      "note",
      "a",
      "b",
      "k_1",
      "y",
      "n",
      "on",
      "No",
      "constructor",
      "toString",
      "hasOwnProperty",
      "x".repeat(64),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "true",
      "False",
      "null",
      "NULL",
      "~",
      "__proto__",
      "a b",
      "k-1",
      "1",
      "0x1",
      "é",
      "x".repeat(65),
      "<<",
      "? a",
      "-a",
      "a:b",
      "'a'",
      '"a"',
      '"__proto__"',
      '"a b"',
      '"a\\u0062"',
      '"a"x',
      '"a" ',
      '""',
    ),
  },
);
const SCALAR = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.string({
      unit: fc.constantFrom(..."aZ09-:./@上海€ß", " ", "\u00a0", "\u3000", "\ufeff", "\u200b", "😀"),
      minLength: 1,
      maxLength: 12,
    }),
  },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom(...CHARS, "\\", "'", '"', ":", " ", "#", "-"),
      minLength: 0,
      maxLength: 12,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "0",
      "-0",
      "+1",
      "007",
      "1.",
      "1.50",
      "1e3",
      "1E+3",
      "0o7",
      "0o8",
      "0x",
      "0xG",
      ".5",
      "-.5",
      "1_0",
      "12345678901234567890",
      ".inf",
      ".NaN",
      "TRUE",
      "True",
      "tRue",
      "~",
      "NULL",
      "nUll",
      "[]",
      "{}",
      "[ ]",
      "[a]",
    ),
  },
);
/** A value as it may be spelled on one line (plain, quoted, with escapes) or as a block scalar. */
const SPELLED = fc.oneof(
  { weight: 4, arbitrary: SCALAR },
  { weight: 2, arbitrary: SCALAR.map((s) => JSON.stringify(s)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        SCALAR,
        fc.constantFrom(
          "\\x41",
          "\\u00e9",
          "\\U0001F600",
          "\\t",
          "\\n",
          "\\0",
          "\\e",
          "\\N",
          "\\_",
          "\\L",
          "\\ ",
          "\\/",
          "\\q",
          "\\x4",
          "\\U00110000",
          "\\ud800",
        ),
      )
      .map(([s, e]) => `"${s.replace(/["\\]/g, "")}${e}"`),
  },
  { weight: 2, arbitrary: SCALAR.map((s) => `'${s.replace(/'/g, "''")}'`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom("|", "|-", "|", "|-", "|+", ">", "|1", "|-  "),
        fc.array(fc.oneof({ weight: 4, arbitrary: SCALAR }, { weight: 1, arbitrary: fc.constant("") }), {
          minLength: 0,
          maxLength: 3,
        }),
        fc.integer({ min: 0, max: 3 }),
      )
      .map(([h, ls, extra]) => ({ block: h, lines: ls, extra })),
  },
);

type Node = { map: [string, Node][] } | { seq: Node[] } | string | { block: string; lines: string[]; extra: number };
const tree = (spelled: fc.Arbitrary<Node>, key: fc.Arbitrary<string>): fc.Arbitrary<Node> =>
  fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 3, arbitrary: spelled },
      {
        weight: 1,
        arbitrary: fc.array(fc.tuple(key, tie("node")), { minLength: 1, maxLength: 4 }).map((map) => ({ map })),
      },
      { weight: 1, arbitrary: fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((seq) => ({ seq })) },
    ),
  })).node;
/** Mostly what the fast parser reads: record keys, plain and quoted text with its tricky characters, literal blocks. */
const GOOD_KEY = fc.constantFrom(
  "name",
  "created",
  "at",
  "tags",
  "note",
  "a",
  "k_1",
  "y",
  "on",
  "constructor",
  "toString",
  '"no"',
  '"true"',
  '"null"',
  '"a"',
);
const GOOD_TEXT = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(..."aZ09-./上€ß ") },
    {
      weight: 1,
      arbitrary: fc.constantFrom(..."-:@#'\"[]{},!&*|>?%`~=<", "\t", "\u00a0", "\u3000", "\ufeff", "\u200b", "😀"),
    },
  ),
  minLength: 1,
  maxLength: 10,
});
const GOOD: fc.Arbitrary<Node> = fc.oneof(
  { weight: 4, arbitrary: GOOD_TEXT },
  { weight: 2, arbitrary: GOOD_TEXT.map((t) => JSON.stringify(t)) },
  { weight: 1, arbitrary: GOOD_TEXT.map((t) => `'${t.replace(/'/g, "''")}'`) },
  { weight: 1, arbitrary: fc.constantFrom("12", "-3", "0", "true", "False", "1.5", "0x1F", "[]", "{}") },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom("|", "|-"),
        fc.array(
          fc.oneof(
            { weight: 5, arbitrary: GOOD_TEXT },
            { weight: 1, arbitrary: fc.constantFrom("", "\t", " \t", "\t ", " ", "  ") },
          ),
          { minLength: 1, maxLength: 3 },
        ),
        fc.integer({ min: 1, max: 2 }),
      )
      .map(([h, ls, extra]) => ({ block: h, lines: ls, extra })),
  },
);

/** A document from a tree, with the indentation of each collection chosen (level with its key, or 1–3 in). */
const documentOf = (node: fc.Arbitrary<Node>, key: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 6 }),
      fc.array(fc.constantFrom(0, 1, 2, 2, 2, 3), { minLength: 8, maxLength: 8 }),
    )
    .map(([top, steps]) => {
      let k = 0;
      const step = () => steps[k++ % steps.length]!;
      const out: string[] = [];
      const value = (v: Node, col: number, first: string): void => {
        // `first` is what stands before the value on its line ("key:" or "-")
        if (typeof v === "string") out.push(`${first} ${v}`);
        else if ("block" in v) {
          out.push(`${first} ${v.block}`);
          const ind = col + 1 + v.extra;
          for (const l of v.lines) out.push(l === "" ? "" : " ".repeat(ind) + l);
        } else if ("map" in v) {
          out.push(first);
          const c = col + Math.max(1, step());
          for (const [key, x] of v.map) value(x, c, `${" ".repeat(c)}${key}:`);
        } else {
          out.push(first);
          const c = col + step();
          for (const x of v.seq) value(x, c, `${" ".repeat(c)}-`);
        }
      };
      for (const [key, v] of top) value(v, 0, `${key}:`);
      return out.join("\n") + "\n";
    });
const doc = documentOf(tree(SPELLED, KEY), KEY);
const goodDoc = documentOf(tree(GOOD, GOOD_KEY), GOOD_KEY);

describe("hand edits, YAML near the fast reader's subset, and hostile bytes", () => {
  it("a written record edited by hand: both readers agree", () => {
    let fast = 0;
    fc.assert(
      fc.property(edited, ({ kind, text }) => {
        if (agree(kind, utf8(text), "edited")) fast++;
      }),
      { numRuns: RUNS * 3 },
    );
    expect(fast).toBeGreaterThan(0);
  });

  it("YAML from a grammar near the subset: what the fast parser reads, parseYaml reads to the same value", () => {
    let sure = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (yamlAgrees(text, "grammar")) sure++;
      }),
      { numRuns: RUNS * 5 },
    );
    expect(sure).toBeGreaterThan(RUNS / 10);
    // and from a grammar mostly inside it, which reaches the fast path often enough to mean something
    let good = 0;
    fc.assert(
      fc.property(goodDoc, (text) => {
        if (yamlAgrees(text, "good grammar")) good++;
      }),
      { numRuns: RUNS * 5 },
    );
    expect(good).toBeGreaterThan(RUNS / 2);
    console.log(`grammar: the fast parser was sure of ${sure} and ${good} of ${RUNS * 5} documents`);
  });

  it("hostile bytes (fuzz.test.ts): both readers agree", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), hostile, (kind, bytes) => {
        agree(kind, bytes, "hostile");
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
