import { describe, expect, it } from "vitest";
import { parseYaml, stringifyRecord, updateYamlText } from "../src/store/yaml.js";

const problems = (src: string) => parseYaml(src).problems.map((p) => `${p.line}:${p.col}: ${p.message}`);

describe("reading YAML safely", () => {
  it("refuses aliases, anchors and custom tags", () => {
    expect(problems("a: &x 1\nb: *x\n")).toEqual([
      "1:4: anchors (&name) are not allowed in records; remove it",
      "2:4: aliases (*name) are not allowed in records; write the value out",
    ]);
    expect(problems("a: !js/function 'x'\n")).toEqual(["1:4: custom tag !js/function is not allowed in records; remove it"]);
  });

  it("refuses duplicate keys and several documents", () => {
    expect(problems("name: a\nname: b\n")).toEqual(['2:1: duplicate key "name": a field may appear once; remove one']);
    expect(problems("a: 1\n---\na: 2\n")).toContain("2:1: a record file holds one YAML document; remove the '---' separator");
  });

  it("names leftover merge-conflict markers by line", () => {
    expect(problems("name: x\n<<<<<<< HEAD\nstatus: open\n=======\nstatus: closed\n>>>>>>> theirs\n")).toEqual([
      "2:1: leftover merge-conflict marker: resolve the conflict and remove the marker lines",
      "4:1: leftover merge-conflict marker: resolve the conflict and remove the marker lines",
      "6:1: leftover merge-conflict marker: resolve the conflict and remove the marker lines",
    ]);
  });

  it("caps size and nesting before parsing", () => {
    expect(problems("a: " + "x".repeat(1024 * 1024 + 1))[0]).toMatch(/larger than 1024 KiB/);
    expect(problems("a: " + "[".repeat(100) + "]".repeat(100))[0]).toMatch(/nested more than 32 levels/);
  });

  it("keeps dates as text and reads Chinese as is", () => {
    expect(parseYaml("at: 2026-11-26\nname: 上海明远\n").parsed!.value).toEqual({ at: "2026-11-26", name: "上海明远" });
  });
});

describe("writing YAML", () => {
  it("quotes phone numbers, uses block scalars for multi-line text, ends with LF", () => {
    expect(stringifyRecord({ name: "张伟", phones: ["02155551234", "021-5555 1234"], problem: "跳闸\n有异响", skip: undefined })).toBe(
      'name: 张伟\nphones:\n  - "02155551234"\n  - 021-5555 1234\nproblem: |-\n  跳闸\n  有异响\n',
    );
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
    const out = updateYamlText(src, parsed, old, { ...old, status: "resolved", resolution: { at: "2026-11-26T10:00:00+08:00", note: "seal" } }, ["customer", "problem", "status", "assignee", "resolution"]);
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
    expect(updateYamlText(src, parsed, { a: 1, c: 3, d: 4 }, { a: 1, b: 2, c: 3 }, ["a", "b", "c", "d"])).toBe("a: 1 # one\nb: 2\nc: 3\n");
  });

  it("inserts two new fields at one place in schema order (a ticket closed with a plan: closed, then plans)", () => {
    const src = "a: 1 # one\nd: 4\n";
    const parsed = parseYaml(src).parsed!;
    expect(updateYamlText(src, parsed, { a: 1, d: 4 }, { a: 1, b: 2, c: 3, d: 4 }, ["a", "b", "c", "d"])).toBe("a: 1 # one\nb: 2\nc: 3\nd: 4\n");
  });
});
