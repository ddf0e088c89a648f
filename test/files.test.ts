// Hostile and broken files (issue 11, "Files" and "Output"): a record that is not UTF-8, tags and
// nesting a record never needs, text a YAML 1.1 reader would misread, control characters in
// one-line fields, terminal and report output, and a folder that cannot be read; on real stores, through
// the CLI. The rules and filters themselves: text-safety.test.ts.
import { promises as fsp, chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { commits, cli, git, testStore } from "./helpers.js";
import { ACME, RECORDS } from "./fixtures.js";
import { NOVEMBER } from "./report-fixtures.js";

// Acme: no ticket or contact refers to it, so its file alone is reported
const CUSTOMER_FILE = `customers/${ACME}.yaml`;
const ACME_TEXT = "name: 明远 Acme\naddress: 上海市\ncreated: 2026-11-02T14:00:00+08:00\n";
const read = (root: string, rel: string) => readFileSync(join(root, rel));
const DEC1 = "2026-12-01T09:00:00+08:00";

/** A store whose customer Acme was saved in GBK by another program, and committed that way. */
function gbkStore(): { root: string; bytes: Buffer } {
  const root = testStore(RECORDS);
  const bytes = iconv.encode(ACME_TEXT, "gbk");
  writeFileSync(join(root, CUSTOMER_FILE), bytes);
  git(root, "add", "-A");
  git(root, "-c", "user.name=setup", "-c", "user.email=setup@example.com", "commit", "--quiet", "-m", "saved as GBK");
  return { root, bytes };
}

const GBK_PROBLEM = `${CUSTOMER_FILE}:1:7: not valid UTF-8 at byte 6 — saved as GBK? re-save it as UTF-8`;

describe("a record that is not UTF-8", () => {
  it("check names the file, line, column and byte", async () => {
    const { root } = gbkStore();
    const r = await cli(root, ["check"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${GBK_PROBLEM}\n`);
  });

  it("customer edit refuses it and leaves the file byte-identical (never U+FFFD)", async () => {
    const { root, bytes } = gbkStore();
    const before = commits(root).length;
    const r = await cli(root, ["customer", "edit", ACME, "--note", "回访"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `${GBK_PROBLEM}\ncustomer ${ACME} cannot be read; fix the file (see 'aftercare check'); nothing was written\n`,
    );
    expect(read(root, CUSTOMER_FILE).equals(bytes)).toBe(true);
    expect(commits(root)).toHaveLength(before);
    expect(git(root, "status", "--porcelain")).toBe("");
  });

  it("show refuses it too, and lists leave it out with a warning, never as ��", async () => {
    const { root } = gbkStore();
    const show = await cli(root, ["customer", "show", ACME]);
    expect(show.code).toBe(1);
    expect(show.stderr).toContain(GBK_PROBLEM);
    const list = await cli(root, ["customer", "list"]);
    expect(list.stdout).not.toContain("\ufffd");
    expect(list.stderr).toBe(
      `warning: 1 customer file could not be read and is left out (first: ${GBK_PROBLEM}); run 'aftercare check'\n`,
    );
  });

  it("a record cached while it read cleanly is read again once the file changes to GBK", async () => {
    const root = testStore(RECORDS);
    expect((await cli(root, ["check"])).code).toBe(0); // fills the cache
    writeFileSync(join(root, CUSTOMER_FILE), iconv.encode(ACME_TEXT, "gbk"));
    expect((await cli(root, ["check"])).stdout).toBe(`${GBK_PROBLEM}\n`);
  });

  it("accepts a UTF-8 byte-order mark", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, CUSTOMER_FILE), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ACME_TEXT)]));
    expect(await cli(root, ["check"])).toMatchObject({ code: 0, stdout: "" });
    const show = await cli(root, ["customer", "show", ACME]);
    expect(show.code).toBe(0);
    expect(show.stdout.split("\n")[0]).toBe(`${ACME}  明远 Acme`);
  });

  it("names the byte of a truncated or overlong sequence, past any BOM, on its line", async () => {
    const root = testStore(RECORDS);
    // after a BOM (3 bytes), line 2 "name: 明" (3 bytes for 明): a lone lead byte; elsewhere an overlong slash (C0 AF)
    writeFileSync(
      join(root, CUSTOMER_FILE),
      Buffer.concat([Buffer.from("\ufeffcreated: 2026-11-02T14:00:00+08:00\nname: 明"), Buffer.from([0xe6, 0x0a])]),
    );
    writeFileSync(
      join(root, "customers/C-261103-EEEE.yaml"),
      Buffer.concat([Buffer.from("name: a"), Buffer.from([0xc0, 0xaf]), Buffer.from("\n")]),
    );
    expect((await cli(root, ["check"])).stdout).toBe(
      `${CUSTOMER_FILE}:2:8: not valid UTF-8 at byte 47 — saved as GBK? re-save it as UTF-8\n` +
        `customers/C-261103-EEEE.yaml:1:8: not valid UTF-8 at byte 7 — saved as GBK? re-save it as UTF-8\n`,
    );
  });

  it("a GBK aftercare.yaml stops every command with the byte, before anything is written", async () => {
    const root = testStore(RECORDS);
    writeFileSync(
      join(root, "aftercare.yaml"),
      iconv.encode(readFileSync(join(root, "aftercare.yaml"), "utf8"), "gbk"),
    );
    const r = await cli(root, ["customer", "add", "X"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`aftercare.yaml:2:10: not valid UTF-8 at byte 20 — saved as GBK? re-save it as UTF-8`);
  });
});

describe("YAML a record never needs", () => {
  it("check refuses !!js/function and other yaml.org tags", async () => {
    const root = testStore({
      ...RECORDS,
      [CUSTOMER_FILE]:
        "name: !!js/function 'function () { return 1 }'\ntags: !!set {a, b}\ncreated: 2026-11-01T09:00:00+08:00\n",
    });
    expect((await cli(root, ["check"])).stdout).toBe(
      `${CUSTOMER_FILE}:1:7: tag !!js/function is not allowed in records (only text, numbers, true/false, null, lists and mappings); remove it\n` +
        `${CUSTOMER_FILE}:2:7: tag !!set is not allowed in records (only text, numbers, true/false, null, lists and mappings); remove it\n`,
    );
  });

  it("the depth limit holds with an apostrophe (or a quote, or a comment) earlier in the file", async () => {
    const deep = "[".repeat(40) + "]".repeat(40);
    const root = testStore({
      ...RECORDS,
      [CUSTOMER_FILE]: `name: Mingyuan's\n# it's "here"\nnote: "it's"\ntags: ${deep}\ncreated: 2026-11-01T09:00:00+08:00\n`,
    });
    expect((await cli(root, ["check"])).stdout).toBe(
      `${CUSTOMER_FILE}:4:22: nested more than 16 levels deep; records are never that deep\n`,
    );
  });

  it("a 0.9 MB record of 90,000 keys costs milliseconds and one short line", async () => {
    const big = Array.from({ length: 90_000 }, (_, i) => `k${i}: ${"v".repeat(2)}`).join("\n");
    const root = testStore({ ...RECORDS, [CUSTOMER_FILE]: big });
    const t0 = performance.now();
    const r = await cli(root, ["check"]);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.stdout).toBe(`${CUSTOMER_FILE}:1:1: file is larger than 256 KiB; a record is never that large\n`);
    const many = Array.from({ length: 6000 }, (_, i) => `k${i}: v`).join("\n");
    const root2 = testStore({ ...RECORDS, [CUSTOMER_FILE]: many });
    expect((await cli(root2, ["check"])).stdout).toBe(
      `${CUSTOMER_FILE}:2001:6: more than 2000 fields and list items; a record never holds that many\n`,
    );
  });

  it("an unknown field with a huge name is quoted short", async () => {
    const key = "x".repeat(1000);
    const root = testStore({
      ...RECORDS,
      [CUSTOMER_FILE]: `name: a\n"${key}": 1\ncreated: 2026-11-01T09:00:00+08:00\n`,
    });
    const out = (await cli(root, ["check"])).stdout;
    expect(out).toBe(
      `${CUSTOMER_FILE}:2:1: unknown field "${"x".repeat(39)}…" (check the spelling; a customer has no such field)\n`,
    );
  });
});

describe("writing text a YAML 1.1 reader would misread", () => {
  it("quotes no, yes, dates, times and numbers given as text, so PyYAML reads them as text", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, [
      "customer",
      "add",
      "no",
      "--contact",
      "1:20",
      "--phone",
      "0777",
      "--tag",
      "yes",
      "--tag",
      "2024-03-05",
      "--tag",
      "ON",
      "--tag",
      "~",
      "--address",
      "0x1F",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const id = r.stdout.trim();
    const text = read(root, `customers/${id}.yaml`).toString("utf8");
    expect(text).toBe(`name: "no"
address: "0x1F"
contacts:
  - name: "1:20"
    phones:
      - "0777"
tags:
  - "yes"
  - "2024-03-05"
  - "ON"
  - "~"
created: 2026-11-26T10:00:00+08:00
`);
    expect(parse(text, { version: "1.1" })).toEqual({
      name: "no",
      address: "0x1F",
      contacts: [{ name: "1:20", phones: ["0777"] }],
      tags: ["yes", "2024-03-05", "ON", "~"],
      created: new Date("2026-11-26T02:00:00Z"),
    });
  });

  it("an edit quotes the fields it rewrites the same way", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["customer", "edit", ACME, "--name", "off", "--tag", "n"]);
    expect(r.code, r.stderr).toBe(0);
    const v = parse(read(root, `customers/${ACME}.yaml`).toString("utf8"), { version: "1.1" }) as {
      name: unknown;
      tags: unknown;
    };
    expect([v.name, v.tags]).toEqual(["off", ["n"]]);
  });
});

describe("control characters in one-line fields", () => {
  for (const [what, name, rule] of [
    ["NUL", "Acme\u0000Evil", "must not hold control characters: it holds U+0000 at character 5"],
    ["ESC", "\u001b[31mAcme", "must not hold control characters: it holds U+001B at character 1"],
    ["a C1 CSI", "Acme\u009b2J", "must not hold control characters: it holds U+009B at character 5"],
    ["DEL", "Acme\u007f", "must not hold control characters: it holds U+007F at character 5"],
    ["a line separator", "Acme\u2028Evil", "must be one line: it holds a line break (U+2028) at character 5"],
    ["a newline", "Acme\nEvil", "must be one line: it holds a line break (U+000A) at character 5"],
    ["a tab", "Acme\tEvil", "must not hold control characters: it holds U+0009 at character 5"],
  ] as const)
    it(`--name with ${what} is refused and nothing is written`, async () => {
      const root = testStore(RECORDS);
      const r = await cli(root, ["customer", "add", name]);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(rule);
      expect(r.stderr).not.toMatch(/internal error|ZodError|a bug/);
      expect(commits(root)).toHaveLength(1);
      expect(git(root, "status", "--porcelain")).toBe("");
    });

  it("a hand-edited file with ESC in a name fails check, at its line", async () => {
    const root = testStore({
      ...RECORDS,
      [`customers/${ACME}.yaml`]: 'name: "Acme\\e[2J"\ncreated: 2026-11-02T14:00:00+08:00\n',
    });
    expect((await cli(root, ["check"])).stdout).toBe(
      `customers/${ACME}.yaml:1:7: name must not hold control characters: it holds U+001B at character 5\n`,
    );
  });
});

describe("what reaches the terminal", () => {
  it("a sentence on stderr naming a record shows its bidi and zero-width characters escaped", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["customer", "add", "Acme\u202eevil\u200b"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`added customer ${r.stdout.trim()} Acme\\u202eevil\\u200b\n`);
    // the record keeps what was typed; only the terminal sees it escaped
    expect(read(root, `customers/${r.stdout.trim()}.yaml`).toString("utf8")).toContain("name: Acme\u202eevil\u200b\n");
  });

  it("customer show escapes bidi and zero-width characters in a record", async () => {
    const root = testStore({
      ...RECORDS,
      [`customers/${ACME}.yaml`]:
        'name: "Acme\\u202Eevil\\u200B"\naddress: "Haupt\\u2066straße\\u200F 5"\ntags: ["v\\u2060ip"]\ncreated: 2026-11-02T14:00:00+08:00\n',
    });
    const r = await cli(root, ["customer", "show", ACME]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`${ACME}  Acme\\u202eevil\\u200b`);
    expect(r.stdout).toContain("Haupt\\u2066straße\\u200f 5");
    expect(r.stdout).toContain("v\\u2060ip");
    expect(r.stdout).not.toMatch(/[\u202e\u200b\u2066\u200f\u2060]/);
    const list = await cli(root, ["customer", "list"]);
    expect(list.stdout).toContain("Acme\\u202eevil\\u200b");
    expect(list.stdout).not.toMatch(/[\u202e\u200b]/);
  });
});

describe("what reaches a report", () => {
  const hostile = (summary: string) => {
    const key = "contacts/2026/11/K-261121-K007.yaml";
    return {
      ...NOVEMBER,
      [key]: NOVEMBER[key]!.replace("summary: |-\n  Noise\n  again\n", `summary: ${JSON.stringify(summary)}\n`),
    };
  };

  it("HTML-escapes record text in tables, and shows bidi and control characters as code points", async () => {
    const root = testStore(hostile("<script>alert(1)</script> & \u202eNoise\u200b"));
    const r = await cli(root, ["report", "monthly", "2026-11", "--locale", "en"], { now: DEC1 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      "| 2026-11-20 | Acme Pumps GmbH | &lt;script&gt;alert(1)&lt;/script&gt; &amp; \\\\u202eNoise\\\\u200b | T-261121-T003 open |",
    );
    expect(r.stdout).not.toContain("<script>");
    expect(r.stdout).not.toMatch(/[\u202e\u200b\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it("a store's own template printing a field bare still gets no raw bidi or control character", async () => {
    const root = testStore({ ...hostile("x"), "templates/monthly.en.md.liquid": "{{ company }}\n" });
    writeFileSync(
      join(root, "aftercare.yaml"),
      readFileSync(join(root, "aftercare.yaml"), "utf8").replace(
        "company: 上海明远机电设备有限公司",
        'company: "Evil\\u202eCorp\\u200b"',
      ),
    );
    const r = await cli(root, ["report", "monthly", "2026-11", "--locale", "en"], { now: DEC1 });
    expect(r).toMatchObject({ code: 0, stdout: "Evil\\u202eCorp\\u200b\n" });
  });
});

describe("a record folder that cannot be read", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is an error, never zero tickets and 'nothing due'", async () => {
    const root = testStore(RECORDS);
    const real = fsp.readdir.bind(fsp);
    vi.spyOn(fsp, "readdir").mockImplementation(((path: string, opts: unknown) => {
      if (String(path).endsWith(join("tickets", "2026", "11")))
        return Promise.reject(
          Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: "EACCES" }),
        );
      return real(path, opts as never);
    }) as typeof fsp.readdir);
    // the files read directly: the mocked folder listing is the file reader's (the index's own
    // listing says the same words: store/record-index.ts)
    for (const args of [["due"], ["check"], ["ticket", "list"]]) {
      const r = await cli(root, args, { env: { AFTERCARE_INDEX: "off" } });
      expect(r.code, args.join(" ")).not.toBe(0);
      expect(r.stdout, args.join(" ")).toBe("");
      expect(r.stderr).toContain(
        "cannot read the folder tickets/2026/11/ (EACCES: permission denied); its ticket records cannot be listed, so nothing is reported as if it were empty: fix the folder's permissions and run again; nothing was written",
      );
    }
  });

  it("a file where the folder should be is an error too; a missing folder is simply no records", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, "events"), "not a folder\n");
    const r = await cli(root, ["check"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("cannot read the folder events/ (ENOTDIR: it is not a folder)");
    const empty = testStore({});
    expect(await cli(empty, ["check"])).toMatchObject({ code: 0, stdout: "" });
  });

  it.skipIf(process.getuid?.() === 0)("a real unreadable folder (chmod 000)", async () => {
    const root = testStore(RECORDS);
    chmodSync(join(root, "tickets/2026/11"), 0o000);
    try {
      const r = await cli(root, ["due"]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain("cannot read the folder tickets/2026/11/ (EACCES: permission denied)");
    } finally {
      chmodSync(join(root, "tickets/2026/11"), 0o755);
    }
  });
});
