// export customers, then import customers of the same file into another store, reproduces every
// customer field exactly: a property over generated customers (Chinese and English names, phones
// with spaces, dashes, leading zeros and +49, several contacts and phones, tags, equipment and
// vehicles, addresses and notes with commas, quotes and line breaks, a name that looks like a
// formula), as .xlsx and as CSV in UTF-8 with a BOM and in GB18030.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CROCKFORD } from "../src/domain/ids.js";
import { customerSchema, type Customer } from "../src/domain/schema.js";
import { formatDateTime } from "../src/domain/time.js";
import { stringifyRecord } from "../src/store/yaml.js";
import { key } from "../src/services/import-sheet.js";
import { cli, testStore } from "./helpers.js";

const pick = (xs: string) => fc.constantFrom(...xs.split(" "));
const joined = (parts: fc.Arbitrary<string>, sep: string, max: number) =>
  fc.array(parts, { minLength: 1, maxLength: max }).map((a) => a.join(sep));

const zhCompany = fc
  .tuple(
    joined(fc.constantFrom(..."上海华东明远制冷苏州精工宁波港城杭州泰和昌盛德"), "", 6),
    pick("机电设备有限公司 模具厂 物流有限公司 制冷设备服务部 纺织集团"),
  )
  .map(([a, b]) => a + b);
const enCompany = fc
  .tuple(
    joined(pick("Acme Nordic Dairy Pacific Print Müller O'Brien Smith & Søn"), " ", 3),
    pick("GmbH AB Ltd. Pte. Co., Inc. KG"),
  )
  .map(([a, b]) => `${a} ${b}`);
const formula = fc.constantFrom('=HYPERLINK("http://x","y")', "+Plus Service Ltd", "@Home Care", "-Minus GmbH");
const company = fc.oneof(
  { weight: 4, arbitrary: zhCompany },
  { weight: 4, arbitrary: enCompany },
  { weight: 1, arbitrary: formula },
);
const person = fc.oneof(
  joined(fc.constantFrom(..."张王李赵钱孙周吴郑伟娜敏强磊"), "", 3),
  fc
    .tuple(pick("Hans Karin Rajesh Anna Seán"), pick("Weber Lindqvist Kumar Schmidt O'Neill"))
    .map(([a, b]) => `${a} ${b}`),
);
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
const phone = fc.oneof(
  fc.tuple(digits(3), digits(4), digits(4)).map(([a, b, c]) => `0${a.slice(1)}-${b} ${c}`), // 021-5555 1234
  digits(10).map((d) => `0${d}`), // 02155551234: a leading zero
  digits(10).map((d) => `1${d}`), // 13800001111: 1.38E+10 in Excel
  fc.tuple(digits(2), digits(7)).map(([a, b]) => `+49 ${a} ${b}`), // +49 30 1234567
  fc.tuple(digits(3), digits(4), digits(4)).map(([a, b, c]) => `${a} ${b} ${c}`),
);
const piece = pick("上海市 浦东新区 张江路 88 号 Hauptstraße 5 Berlin Lund , ; \" ' 10/F （东门） a,b");
const address = fc
  .array(fc.oneof({ weight: 8, arbitrary: piece }, { weight: 1, arbitrary: fc.constant("\n") }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((a) => a.join("").replace(/\n+/g, "\n").trim())
  .filter((s) => s.length > 0);
const word = pick("vip 华东 月结 key-account 需开专票 Berlin maintenance");
const day = fc
  .tuple(fc.integer({ min: 2015, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const customer: fc.Arbitrary<Customer> = fc
  .record({
    name: company,
    address: opt(address),
    contacts: opt(
      fc.array(
        fc.record({
          name: person,
          title: opt(pick("设备科科长 Head-of-Maintenance 经理")),
          phones: opt(fc.uniqueArray(phone, { minLength: 1, maxLength: 3 })),
          email: opt(pick("li@example.com k.l@example.se")),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    ),
    tags: opt(fc.uniqueArray(word, { minLength: 1, maxLength: 3 })),
    equipment: opt(
      fc.array(
        fc.record({
          name: pick("螺杆空压机 冷水机组 Chiller Pump|Motor"),
          model: opt(pick("LG-22 30HXC-200 X|1")),
          serial: opt(pick("SN-0001 A7")),
          installed: opt(day),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    ),
    vehicles: opt(
      fc.array(
        fc.record({
          plate: pick("沪A·3K752 B-AC_1234"),
          model: opt(pick("大众帕萨特_2019 VW_Golf")),
          vin: opt(pick("WVWZZZ1KZ6W000001")),
        }),
        { minLength: 1, maxLength: 1 },
      ),
    ),
    note: opt(address),
    created: fc
      .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2026-11-25T00:00:00Z"), noInvalidDate: true })
      .map((d) => formatDateTime(d, "Asia/Shanghai")),
  })
  .map((c) => customerSchema.parse(JSON.parse(JSON.stringify(c))));

const customers = fc.uniqueArray(customer, { minLength: 1, maxLength: 4, selector: (c) => key(c.name) });

const storeOf = (list: Customer[]) =>
  testStore(
    Object.fromEntries(
      list.map((c, i) => [`customers/C-261101-${CROCKFORD[i >> 5]}${CROCKFORD[i & 31]}AA.yaml`, stringifyRecord(c)]),
    ),
  );

/** the customers of a store, as `export --format json` gives them, without their IDs, by name */
const values = async (root: string) =>
  (JSON.parse((await cli(root, ["export", "customers", "--format", "json"])).stdout) as ({ id: string } & Customer)[])
    .map(({ id: _id, ...c }) => c)
    .sort((a, b) => (a.name < b.name ? -1 : 1));

const formats: [string, string[], string, (bytes: Buffer) => Buffer][] = [
  ["xlsx", ["--format", "xlsx"], "list.xlsx", (b) => b],
  ["CSV in UTF-8 with a BOM", [], "list.csv", (b) => b],
  ["CSV in GB18030", ["--no-bom"], "list.csv", (b) => iconv.encode(b.toString("utf8"), "gb18030")],
];

describe("export customers → import customers reproduces every field", () => {
  for (const [name, flags, file, encode] of formats)
    it(`as ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(customers, async (list) => {
          const from = storeOf(list);
          const out = await cli(from, ["export", "customers", ...flags, "--output", file]);
          expect(out.code, out.stderr).toBe(0);
          const to = testStore();
          writeFileSync(join(to, file), encode(readFileSync(join(from, file))));
          const r = await cli(to, ["import", "customers", file]);
          expect(r.code, r.stderr).toBe(0);
          expect(r.stderr).toBe(
            `imported ${list.length} customer${list.length === 1 ? "" : "s"} from ${file}${file.endsWith(".csv") ? ` (${name.includes("GB18030") && /[^\x00-\x7f]/.test(JSON.stringify(list)) ? "gb18030" : "utf-8"})` : ""}; 0 already on file or repeated; 0 refused\n`,
          );
          expect(await values(to)).toEqual(await values(from));
        }),
        { numRuns: 12 },
      );
    });
});
