// The reads the derived index answers without reading the store (issue 12): what a person types
// finds the same customer or record through the index as through the files, the morning list's
// narrower query shows the same rows as the full one, and a read loads neither the schemas, YAML
// nor pinyin-pro. Every comparison is with AFTERCARE_INDEX=off (the files read in full).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, cleanEnv, cli, tempDir, testStore, type Run } from "./helpers.js";
import {
  ACME,
  baseStore,
  DISPATCHED,
  JINGGONG,
  MINGYUAN,
  NOW,
  OPEN,
  PACIFIC,
  pathOf,
  SETTINGS,
  SHOP,
  XIHU,
  ZHOU,
} from "./index-fixtures.js";

const store = () => testStore(baseStore(), { settings: SETTINGS });

/** One read with the index and from the files; both answers (the test compares them). */
async function both(root: string, args: string[], now = NOW): Promise<{ indexed: Run; full: Run }> {
  const run = async (env: Record<string, string>) => {
    const { code, stdout, stderr } = await cli(root, args, { now, as: "", env });
    return { code, stdout, stderr };
  };
  return { indexed: await run({}), full: await run({ AFTERCARE_INDEX: "off" }) };
}

async function same(root: string, args: string[], now = NOW): Promise<Run> {
  const { indexed, full } = await both(root, args, now);
  expect(indexed, `aftercare ${args.join(" ")}`).toEqual(full);
  return indexed;
}

const ids = (r: Run) => (JSON.parse(r.stdout) as { id: string }[]).map((c) => c.id);

describe("customer list --search through the index", () => {
  it("finds by name, pinyin, initials, contact, phone digits, address and tag as the files do, best first", async () => {
    const root = store();
    const want: Record<string, string[]> = {
      明远: [MINGYUAN],
      上海明远机电设备有限公司: [MINGYUAN],
      shmy: [MINGYUAN], // the name's initials
      mingyuan: [MINGYUAN], // the name's pinyin
      zhangwei: [MINGYUAN], // a contact's pinyin
      张伟: [MINGYUAN], // a contact
      "HANS  weber": [ACME], // folded: case and spaces
      "5555": [MINGYUAN], // phone digits
      "0571-8888": [XIHU],
      "+65 6741": [PACIFIC],
      文三路: [XIHU], // the address
      vip: [MINGYUAN, PACIFIC], // a tag; ties by name (the zh-CN collator puts Chinese names first)
      华东: [XIHU, MINGYUAN], // 杭州 before 上海
      zjm: [ZHOU], // a private customer's initials
      ｓｚｊｇ: [JINGGONG], // full-width letters, folded
      公司: [XIHU, MINGYUAN], // part of two names: by name, in the order a Chinese reader expects
      qwxyz: [],
    };
    for (const [q, expected] of Object.entries(want)) {
      const r = await same(root, ["customer", "list", "--search", q, "--json"]);
      expect(ids(r), q).toEqual(expected);
    }
    // the page itself, in both languages of the data
    const page = await same(root, ["customer", "list", "--search", "shmy"]);
    expect(page.stdout).toBe(
      "ID             customer                  contact  phone          tags\nC-260901-AAAA  上海明远机电设备有限公司  张伟     021-5555 1234  vip,华东\n",
    );
    const en = await same(root, ["customer", "list", "--search", "pacific"]);
    expect(en.stdout).toBe(
      "ID             customer                     contact       phone          tags\nC-260904-DDDD  Pacific Print Works Pte Ltd  Rajesh Kumar  +65 6741 2233  vip\n",
    );
    const none = await same(root, ["customer", "list", "--search", "qwxyz"]);
    expect(none.stderr).toBe('no customer matches "qwxyz"\n');
  });

  it("finds a customer by what its file says now: renamed, new and removed files behind the tool's back", async () => {
    const root = store();
    // the search keys are worked out and kept
    expect(ids(await same(root, ["customer", "list", "--search", "xihu", "--json"]))).toEqual([XIHU]);
    const file = join(root, pathOf(XIHU));
    writeFileSync(file, readFileSync(file, "utf8").replace("杭州西湖食品有限公司", "宁波东海冷链有限公司"));
    expect(ids(await same(root, ["customer", "list", "--search", "xihu", "--json"]))).toEqual([]);
    expect(ids(await same(root, ["customer", "list", "--search", "donghai", "--json"]))).toEqual([XIHU]);
    expect(ids(await same(root, ["customer", "list", "--search", "nbdhll", "--json"]))).toEqual([XIHU]);
    writeFileSync(
      join(root, "customers", "C-261129-NEW1.yaml"),
      'name: 无锡太湖精密机械有限公司\ncontacts:\n  - name: 钱涛\n    phones:\n      - "0510-8123 4567"\ncreated: 2026-11-29T10:00:00+08:00\n',
    );
    expect(ids(await same(root, ["customer", "list", "--search", "qiantao", "--json"]))).toEqual(["C-261129-NEW1"]);
    expect(ids(await same(root, ["customer", "list", "--search", "8123 4567", "--json"]))).toEqual(["C-261129-NEW1"]);
    unlinkSync(join(root, pathOf(MINGYUAN)));
    expect(ids(await same(root, ["customer", "list", "--search", "vip", "--json"]))).toEqual([PACIFIC]);
  });
});

describe("what a person types resolves through the index as through the files", () => {
  it("ID prefixes, ambiguous ones, and a customer named by words", async () => {
    const root = store();
    expect((await same(root, ["ticket", "show", "T-261126"])).stdout).toMatch(/^T-261126-0006 {2}/);
    expect((await same(root, ["ticket", "show", "t-26112"])).code).toBe(1); // several tickets of those days
    const ambiguous = await same(root, ["customer", "show", "C-2609"]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/C-2609 matches 6 customers/);
    expect((await same(root, ["ticket", "show", "T-270101"])).stderr).toMatch(/no ticket ID starts with T-270101/);
    expect((await same(root, ["customer", "show", "西湖"])).stdout).toMatch(/^C-260903-CCCC {2}杭州西湖食品有限公司$/m);
    expect((await same(root, ["customer", "show", "rajesh"])).stdout).toMatch(
      /^C-260904-DDDD {2}Pacific Print Works Pte Ltd$/m,
    );
    const two = await same(root, ["customer", "show", "公司"]);
    expect(two.stderr).toMatch(
      /"公司" matches 2 customers: C-260903-CCCC 杭州西湖食品有限公司; C-260901-AAAA 上海明远机电设备有限公司; give the ID/,
    );
    for (const id of [OPEN, DISPATCHED, SHOP]) await same(root, ["ticket", "show", id, "--json"]);
    for (const id of [MINGYUAN, ZHOU]) await same(root, ["customer", "show", id]);
  });

  it("a record whose file cannot be read is refused in the store's words", async () => {
    const root = store();
    await same(root, ["customer", "show", ACME]); // the index is warm
    writeFileSync(join(root, pathOf(ACME)), "name: [Acme\n");
    const r = await same(root, ["customer", "show", ACME]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^customers\/C-260902-BBBB\.yaml:\d+:\d+: .*\ncustomer C-260902-BBBB cannot be read; fix the file/m,
    );
  });
});

describe("the morning list reads only the duties it can show", () => {
  it("due --within N and overdue show the same rows as the full read, timed duties too, day after day", async () => {
    const root = store();
    for (const now of [
      "2026-11-26T09:30:00+08:00",
      "2026-11-27T12:00:00+08:00",
      NOW,
      "2026-12-01T17:45:00+08:00",
      "2026-12-14T09:00:00+08:00",
    ]) {
      for (const within of ["0", "1", "3", "7", "30", "400"])
        await same(root, ["due", "--within", within, "--json"], now);
      await same(root, ["overdue", "--json"], now);
      await same(root, ["due", "--all", "--locale", "zh-CN"], now);
    }
    // an upcoming duty is shown from the day its window opens to the horizon, not a day earlier
    const list = (within: string) =>
      JSON.parse(readOut(root, ["due", "--within", within, "--json"])) as {
        key: string;
        earliest: string;
        state: string;
      }[];
    const upcoming = list("400").filter((d) => d.state === "upcoming");
    expect(upcoming.length).toBeGreaterThan(0);
    const first = upcoming.map((d) => d.earliest).sort()[0]!;
    const days = Math.round((Date.parse(first) - Date.parse("2026-11-30")) / 86_400_000);
    expect(list(String(days)).some((d) => d.earliest === first && d.state === "upcoming")).toBe(true);
    if (days > 0)
      expect(list(String(days - 1)).some((d) => d.earliest === first && d.state === "upcoming")).toBe(false);
  });
});

/** stdout of a read through the real binary, the clock pinned at NOW. */
function readOut(root: string, args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: root,
    env: cleanEnv({ AFTERCARE_NOW: NOW }),
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe("what a read loads", () => {
  /** The bundle's files (and the sources in them) a run of the real binary loaded. */
  function loaded(root: string, args: string[], env: Record<string, string> = {}): string[] {
    const dir = tempDir();
    const log = join(dir, "loaded.txt");
    const hooks = join(dir, "hooks.mjs");
    writeFileSync(
      hooks,
      `import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + "\\n"); return next(url, context); }\n`,
    );
    const register = `data:text/javascript,import { register } from "node:module"; register(${encodeURIComponent(JSON.stringify(pathToFileURL(hooks).href))});`;
    const r = spawnSync(process.execPath, ["--import", register, BIN, ...args], {
      cwd: root,
      env: cleanEnv({ AFTERCARE_NOW: NOW, AFTERCARE_USER: "王芳", ...env }),
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    const sources: string[] = [];
    for (const url of readFileSync(log, "utf8")
      .split("\n")
      .filter((u) => u.startsWith("file:") && u.includes("/dist/"))) {
      const map = `${new URL(url).pathname}.map`;
      if (existsSync(map))
        for (const s of (JSON.parse(readFileSync(map, "utf8")) as { sources: string[] }).sources) sources.push(s);
    }
    return sources;
  }
  // (a package's package.json, read for its version, is not its code)
  const heavy = (sources: string[]) => [
    ...new Set(
      sources
        .filter((s) => !s.endsWith("/package.json"))
        .map((s) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(s)?.[1])
        .filter(
          (p) =>
            p &&
            [
              "zod",
              "yaml",
              "pinyin-pro",
              "liquidjs",
              "exceljs",
              "@inquirer/prompts",
              "chrono-node",
              "date-holidays",
              // the store's write lock: a read never takes it
              "proper-lockfile",
            ].includes(p),
        ),
    ),
  ];

  it("due, overdue, ticket show, customer show and customer list --search load none of zod, YAML, pinyin-pro, the templates, the spreadsheets, the prompts or the write lock", async () => {
    const root = store();
    // a store past the full-stat limit takes git's word for what changed: nothing, so no file is
    // read; files changed in the last seconds are looked at again (index/sync-files.ts, WINDOW_S)
    const large = { AFTERCARE_FULL_STAT_FILES: "10" };
    await new Promise((resolve) => setTimeout(resolve, 3200));
    readOut(root, ["due"]); // the index is built (that reads every file: YAML and the schemas load then)
    loaded(root, ["customer", "list", "--search", "shmy"], large); // the search keys are worked out once (pinyin-pro loads then)
    // both ways of finding what changed: git's word (past the limit), and every file's stamp (a
    // store under 10,000 files compares each, without loading the reader of changed files)
    for (const [way, env] of [
      ["git", large],
      ["every stamp", {}],
    ] as const) {
      for (const args of [
        ["due"],
        ["overdue"],
        ["ticket", "show", DISPATCHED],
        ["customer", "show", MINGYUAN],
        ["customer", "list", "--search", "明远"],
        ["customer", "list", "--search", "shmy"],
      ]) {
        const sources = loaded(root, args, env);
        expect(
          sources.some((s) => s.endsWith("src/store/index/record-index.ts")),
          `${way}: ${args.join(" ")}`,
        ).toBe(true); // the index answered
        expect(heavy(sources), `${way}: ${args.join(" ")}`).toEqual([]);
        expect(
          sources.some((s) => s.endsWith("src/store/fastread.ts") || s.endsWith("src/store/fast-yaml.ts")),
          `${way}: ${args.join(" ")}`,
        ).toBe(false); // no file was read
      }
    }
    // a file changed behind the tool's back is read (the reader loads then), and the read is right
    const file = join(root, pathOf(MINGYUAN));
    writeFileSync(file, readFileSync(file, "utf8").replace("上海明远机电设备有限公司", "上海明远精密机电有限公司"));
    const sources = loaded(root, ["customer", "show", MINGYUAN]);
    expect(sources.some((s) => s.endsWith("src/store/fastread.ts"))).toBe(true);
    expect(sources.some((s) => s.endsWith("src/store/fast-yaml.ts"))).toBe(true);
    expect(readOut(root, ["customer", "show", MINGYUAN])).toMatch(/^C-260901-AAAA {2}上海明远精密机电有限公司$/m);
  });

  it("--version, --help and reads of plain text make no Intl.Segmenter and open no index", () => {
    const root = store();
    readOut(root, ["due"]);
    /** How many Intl.Segmenters a run of the real binary made (string-width's and the cutting of long text), and its stdout. */
    const segmenters = (args: string[]) => {
      const dir = tempDir();
      const log = join(dir, "made.txt");
      writeFileSync(log, "");
      const spy = `data:text/javascript,${encodeURIComponent(`import { appendFileSync } from "node:fs"; const S = Intl.Segmenter; Intl.Segmenter = new Proxy(S, { construct(t, a) { appendFileSync(${JSON.stringify(log)}, "made\\n"); return new t(...a); } });`)}`;
      const r = spawnSync(process.execPath, ["--import", spy, BIN, ...args], {
        cwd: root,
        env: cleanEnv({ AFTERCARE_NOW: NOW }),
        encoding: "utf8",
      });
      expect(r.status, r.stderr).toBe(0);
      return { made: readFileSync(log, "utf8").split("\n").filter(Boolean).length, stdout: r.stdout };
    };
    for (const args of [["--version"], ["--help"]]) {
      expect(segmenters(args).made, args.join(" ")).toBe(0);
      const sources = loaded(root, args);
      expect(
        sources.filter((s) => /src\/store\/(index\/)?record-index\.ts$/.test(s)),
        args.join(" "),
      ).toEqual([]);
      // the help's wrapping by display width loads with the help, never for --version
      expect(
        sources.some((s) => s.endsWith("src/help/wrap.ts")),
        args.join(" "),
      ).toBe(args[0] === "--help");
    }
    // Chinese and English names, cut to the column's width, are counted without one
    for (const args of [
      ["due", "--all"],
      ["customer", "list"],
      ["customer", "list", "--search", "pacific"],
    ])
      expect(segmenters(args).made, args.join(" ")).toBe(0);
    // a name with a combining accent and an emoji needs string-width: its columns are still right
    const file = join(root, pathOf(ACME));
    writeFileSync(file, readFileSync(file, "utf8").replace(/^name: .*$/m, "name: Acme Cafe\u0301 Tools 🔧 GmbH"));
    const shown = segmenters(["customer", "list", "--search", "acme"]);
    expect(shown.made).toBeGreaterThan(0);
    expect(shown.stdout).toBe(
      "ID             customer                 contact     phone           tags\nC-260902-BBBB  Acme Cafe\u0301 Tools 🔧 GmbH  Hans Weber  +49 30 1234567\n",
    );
  });
});
