import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseYaml, stringifyRecord, updateYamlText } from "../src/store/yaml.js";

const problems = (src: string) => parseYaml(src).problems.map((p) => `${p.line}:${p.col}: ${p.message}`);

describe("reading YAML safely", () => {
  it("refuses aliases, anchors and custom tags", () => {
    expect(problems("a: &x 1\nb: *x\n")).toEqual([
      "1:4: anchors (&name) are not allowed in records; remove it",
      "2:4: aliases (*name) are not allowed in records; write the value out",
    ]);
    expect(problems("a: !js/function 'x'\n")).toEqual([
      "1:4: custom tag !js/function is not allowed in records; remove it",
    ]);
  });

  it("refuses duplicate keys and several documents", () => {
    expect(problems("name: a\nname: b\n")).toEqual(['2:1: duplicate key "name": a field may appear once; remove one']);
    expect(problems("a: 1\n---\na: 2\n")).toContain(
      "2:1: a record file holds one YAML document; remove the '---' separator",
    );
  });

  it("names leftover merge-conflict markers by line", () => {
    expect(problems("name: x\n<<<<<<< HEAD\nstatus: open\n=======\nstatus: closed\n>>>>>>> theirs\n")).toEqual([
      "2:1: leftover merge-conflict marker: resolve the conflict and remove the marker lines",
      "4:1: leftover merge-conflict marker: resolve the conflict and remove the marker lines",
      "6:1: leftover merge-conflict marker: resolve the conflict and remove the marker lines",
    ]);
  });

  it("caps size and nesting before parsing, sized for real records (256 KiB, 16 levels)", () => {
    expect(problems("a: " + "x".repeat(256 * 1024 + 1))).toEqual([
      "1:1: file is larger than 256 KiB; a record is never that large",
    ]);
    expect(problems("a: " + "[".repeat(100) + "]".repeat(100))).toEqual([
      "1:19: nested more than 16 levels deep; records are never that deep",
    ]);
  });

  it("refuses the tags no record needs: !!js/function, every yaml.org tag but the core ones, custom tags", () => {
    expect(problems("a: !!js/function 'function () {}'\n")).toEqual([
      "1:4: tag !!js/function is not allowed in records (only text, numbers, true/false, null, lists and mappings); remove it",
    ]);
    for (const t of ["binary", "timestamp", "set", "omap", "pairs", "merge", "python/object"])
      expect(problems(`a: !!${t} x\n`), t).toContain(
        `1:4: tag !!${t} is not allowed in records (only text, numbers, true/false, null, lists and mappings); remove it`,
      );
    expect(problems("a: !<tag:yaml.org,2002:js/regexp> x\n")[0]).toMatch(
      /^1:\d+: tag !!js\/regexp is not allowed in records/,
    );
    expect(problems("a: !Ref x\n")).toEqual(["1:4: custom tag !Ref is not allowed in records; remove it"]);
    expect(problems("%TAG !e! tag:yaml.org,2002:\n---\na: !e!str x\n")).toEqual([
      "1:1: YAML directives (%YAML, %TAG) are not allowed in records; remove the line",
    ]);
    expect(
      parseYaml(
        "a: !!str 12\nb: !!int 3\nc: !!bool true\nd: !!null ''\ne: !!seq [1]\nf: !!map {x: 1}\ng: !!float 1.5\n",
      ).parsed!.value,
    ).toEqual({ a: "12", b: 3, c: true, d: null, e: [1], f: { x: 1 }, g: 1.5 });
  });

  it("counts depth on the tokens, so no apostrophe, quote or comment earlier in the file hides it", () => {
    const deep = "[".repeat(17) + "]".repeat(17);
    for (const before of ["note: it's\n", 'note: "say \\"hi"\n', "# it's\n", "note: |\n  it's [[[\n"])
      expect(problems(`${before}b: ${deep}\n`), before).toEqual([
        `${before.split("\n").length}:${3 + 16}: nested more than 16 levels deep; records are never that deep`,
      ]);
    expect(problems("- ".repeat(17) + "x\n")).toEqual([
      "1:33: nested more than 16 levels deep; records are never that deep",
    ]);
    expect(problems("- ".repeat(5000) + "x\n")).toEqual([
      "1:33: nested more than 16 levels deep; records are never that deep",
    ]);
    let block = "";
    for (let i = 0; i < 17; i++) block += `${"  ".repeat(i)}k${i}:\n`;
    expect(problems(block + "  ".repeat(17) + "v: 1\n")).toEqual([
      "17:33: nested more than 16 levels deep; records are never that deep",
    ]);
    expect(parseYaml("- ".repeat(15) + "x\n").problems).toEqual([]);
  });

  it("caps the number of fields and items (2,000), and the length of any message quoting the file", () => {
    const many = Array.from({ length: 2001 }, (_, i) => `k${i}: v`).join("\n") + "\n";
    expect(problems(many)).toEqual(["2001:6: more than 2000 fields and list items; a record never holds that many"]);
    expect(parseYaml(Array.from({ length: 1999 }, (_, i) => `k${i}: v`).join("\n")).problems).toEqual([]);
    const key = "k".repeat(100_000);
    const dup = problems(`${key}: 1\n${key}: 2\n`);
    expect(dup).toContain(`2:1: duplicate key "${"k".repeat(39)}…": a field may appear once; remove one`);
    for (const p of dup) expect(p.length).toBeLessThan(200);
    expect(problems("\n".repeat(5001))).toEqual([
      "5001:1: more than 5000 lines outside text values; a record is never that long",
    ]);
    expect(problems("a: |\n" + "  x\n".repeat(20_000))).toEqual([]); // a long text is one value, however many lines
    expect(problems("a: [" + "!t 1, ".repeat(51) + "]\n")).toEqual([
      "1:305: more than 50 tags, anchors and aliases; a record needs none",
    ]);
    expect(problems("a: 1\n...\n")).toEqual(["2:1: a record file holds one YAML document; remove the '---' separator"]);
    expect(parseYaml("---\n# one document\na: 1\n").parsed!.value).toEqual({ a: 1 });
    const tag = problems(`a: !${"x".repeat(100_000)} 1\n`);
    expect(tag).toEqual([`1:4: custom tag !${"x".repeat(38)}… is not allowed in records; remove it`]);
  });

  it("keeps dates as text and reads Chinese as is", () => {
    expect(parseYaml("at: 2026-11-26\nname: 上海明远\n").parsed!.value).toEqual({ at: "2026-11-26", name: "上海明远" });
  });
});

describe("writing YAML", () => {
  it("quotes every text a YAML 1.1 reader (PyYAML) would take for a boolean, null, number, date or time", () => {
    const values = [
      "yes",
      "Yes",
      "YES",
      "yEs",
      "no",
      "NO",
      "on",
      "On",
      "off",
      "OFF",
      "y",
      "Y",
      "n",
      "N",
      "true",
      "False",
      "null",
      "NULL",
      "~",
      "2024-03-05",
      "2024-3-5",
      "2026-11-26T10:00:00+08:00",
      "2001-12-14 21:59:43.10 -5",
      "1:20",
      "190:20:30",
      "1:20.5",
      "0777",
      "0o17",
      "0x1F",
      "0b101",
      "1_000",
      "+12",
      "-3",
      "3.5",
      "1e3",
      "6.8523015e+5",
      ".5",
      ".inf",
      "-.Inf",
      "+.INF",
      ".nan",
      ".NaN",
      "=",
      "<<",
    ];
    const text = stringifyRecord({ name: "x", tags: values, note: "1:20" });
    for (const v of values) expect(text, v).toContain(`  - "${v}"\n`);
    const back11 = parse(text, { version: "1.1" }) as { tags: unknown[]; note: unknown };
    expect(back11.tags).toEqual(values);
    expect(back11.note).toBe("1:20");
    expect((parse(text) as { tags: unknown[] }).tags).toEqual(values);
    expect(parseYaml(text).parsed!.value).toEqual({ name: "x", tags: values, note: "1:20" });
    // a layout-preserving edit quotes the same way
    const src = "name: x\ntags:\n  - a\n";
    const parsed = parseYaml(src).parsed!;
    const edited = updateYamlText(
      src,
      parsed,
      { name: "x", tags: ["a"] },
      { name: "no", tags: ["a", "off"], note: "2024-03-05" },
      ["name", "tags", "note"],
    );
    expect(edited).toBe('name: "no"\ntags:\n  - a\n  - "off"\nnote: "2024-03-05"\n');
    expect(parse(edited, { version: "1.1" })).toEqual({ name: "no", tags: ["a", "off"], note: "2024-03-05" });
  });

  it("leaves date and date-time fields plain, as records always had them, and ordinary text unquoted", () => {
    expect(
      stringifyRecord({
        name: "Acme 2024",
        created: "2026-11-26T10:00:00+08:00",
        plans: [{ date: "2026-12-01", topic: "no" }],
        workdays: ["2026-10-10"],
        phones: ["021-5555 1234"],
      }),
    ).toBe(
      'name: Acme 2024\ncreated: 2026-11-26T10:00:00+08:00\nplans:\n  - date: 2026-12-01\n    topic: "no"\nworkdays:\n  - 2026-10-10\nphones:\n  - 021-5555 1234\n',
    );
  });

  it("quotes phone numbers, uses block scalars for multi-line text, ends with LF", () => {
    expect(
      stringifyRecord({
        name: "张伟",
        phones: ["02155551234", "021-5555 1234"],
        problem: "跳闸\n有异响",
        skip: undefined,
      }),
    ).toBe('name: 张伟\nphones:\n  - "02155551234"\n  - 021-5555 1234\nproblem: |-\n  跳闸\n  有异响\n');
  });

  it("rewrites only the fields that changed, keeping comments and layout byte-for-byte", () => {
    const src = `# customer rang twice about this one
customer: C-261126-7K3F
problem: |
  pump leaks   # not a comment inside a block

# status set by hand after the visit
status:   open    # was escalated
assignee: "李强"
`;
    const parsed = parseYaml(src).parsed!;
    const old = parsed.value as Record<string, unknown>;
    const out = updateYamlText(
      src,
      parsed,
      old,
      { ...old, status: "resolved", resolution: { at: "2026-11-26T10:00:00+08:00", note: "seal" } },
      ["customer", "problem", "status", "assignee", "resolution"],
    );
    expect(out).toBe(`# customer rang twice about this one
customer: C-261126-7K3F
problem: |
  pump leaks   # not a comment inside a block

# status set by hand after the visit
status: resolved
assignee: "李强"
resolution:
  at: 2026-11-26T10:00:00+08:00
  note: seal
`);
  });

  it("removes a field and inserts a new one in schema order", () => {
    const src = "a: 1 # one\nc: 3\nd: 4\n";
    const parsed = parseYaml(src).parsed!;
    expect(updateYamlText(src, parsed, { a: 1, c: 3, d: 4 }, { a: 1, b: 2, c: 3 }, ["a", "b", "c", "d"])).toBe(
      "a: 1 # one\nb: 2\nc: 3\n",
    );
  });

  it("inserts two new fields at one place in schema order (a ticket closed with a plan: closed, then plans)", () => {
    const src = "a: 1 # one\nd: 4\n";
    const parsed = parseYaml(src).parsed!;
    expect(updateYamlText(src, parsed, { a: 1, d: 4 }, { a: 1, b: 2, c: 3, d: 4 }, ["a", "b", "c", "d"])).toBe(
      "a: 1 # one\nb: 2\nc: 3\nd: 4\n",
    );
  });
});
