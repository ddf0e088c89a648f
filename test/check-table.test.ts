// check keeps what it knows of every record compactly (src/services/check-table.ts): the findings
// across records — duplicate IDs, references, owners, places, names — are the same whichever
// worker read which file, and the same as the rules over an array of records.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { listOf, type CheckRecord } from "../src/domain/check.js";
import { RECORD_KINDS, type RecordKind } from "../src/domain/ids.js";
import { readMemo } from "../src/services/check-memo-read.js";
import { CheckTable, IdTable, StringColumn } from "../src/services/check-table.js";
import { CheckMemo } from "../src/store/cache.js";
import { Store } from "../src/store/store.js";
import { cli, testStore } from "./helpers.js";
import { ACME, CALL, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const CALL_TEXT = RECORDS[`contacts/2026/11/${CALL}.yaml`]!;

/** A store whose findings are all across records, with the files of each finding far apart in the listing. */
function crossStore(): string {
  const files: Record<string, string> = { ...RECORDS };
  // calls that are sound, between the files with findings
  for (let i = 0; i < 40; i++)
    files[`contacts/2026/11/K-2611${String(10 + (i % 18))}-Q${String(i).padStart(3, "0")}.yaml`] = CALL_TEXT;
  files[`tickets/2026/10/${TICKET}.yaml`] = RECORDS[`tickets/2026/11/${TICKET}.yaml`]!; // duplicate, misplaced
  files["contacts/2026/11/K-261121-EEEE.yaml"] = CALL_TEXT.replace(`ticket: ${TICKET}`, "ticket: T-261120-ZZZZ");
  files["contacts/2026/11/K-261122-FFFF.yaml"] = CALL_TEXT.replace(`customer: ${MINGYUAN}`, `customer: ${ACME}`);
  files["contacts/2026/11/K-261123-GGGG.yaml"] = CALL_TEXT.replace(`customer: ${MINGYUAN}`, "customer: C-261101-ZZZZ");
  files["contacts/2026/11/回访记录.yaml"] = CALL_TEXT;
  files[`contacts/2026/11/${CALL}.yml`] = CALL_TEXT; // the same ID again, listed after the .yaml
  return testStore(files, { git: false });
}

const ENGLISH = [
  `contacts/2026/11/${CALL}.yml:1:1: duplicate ID ${CALL}: also at contacts/2026/11/${CALL}.yaml; keep one of the two files`,
  `contacts/2026/11/${CALL}.yml:1:1: contact ${CALL} is in the wrong place: its ID puts it at contacts/2026/11/${CALL}.yaml`,
  "contacts/2026/11/K-261121-EEEE.yaml:2:9: ticket refers to ticket T-261120-ZZZZ, which is not in this store",
  `contacts/2026/11/K-261122-FFFF.yaml:2:9: ticket ${TICKET} belongs to customer ${MINGYUAN}, not to ${ACME}`,
  "contacts/2026/11/K-261123-GGGG.yaml:1:11: customer refers to customer C-261101-ZZZZ, which is not in this store",
  `contacts/2026/11/K-261123-GGGG.yaml:2:9: ticket ${TICKET} belongs to customer ${MINGYUAN}, not to C-261101-ZZZZ`,
  'contacts/2026/11/回访记录.yaml:1:1: file name "回访记录" is not a contact ID (K-yymmdd-XXXX); rename the file',
  `tickets/2026/10/${TICKET}.yaml:1:1: ticket ${TICKET} is in the wrong place: its ID puts it at tickets/2026/11/${TICKET}.yaml`,
  `tickets/2026/11/${TICKET}.yaml:1:1: duplicate ID ${TICKET}: also at tickets/2026/10/${TICKET}.yaml; keep one of the two files`,
  "",
].join("\n");

const CHINESE = [
  `contacts/2026/11/${CALL}.yml:1:1: 编号 ${CALL} 重复：contacts/2026/11/${CALL}.yaml 也用了它；两个文件只保留一个`,
  `contacts/2026/11/${CALL}.yml:1:1: 联系记录 ${CALL} 放错了位置：按编号应在 contacts/2026/11/${CALL}.yaml`,
  "contacts/2026/11/K-261121-EEEE.yaml:2:9: 字段 ticket 指向的工单 T-261120-ZZZZ 不在本档案库中",
  `contacts/2026/11/K-261122-FFFF.yaml:2:9: 工单 ${TICKET} 属于客户 ${MINGYUAN}，不属于 ${ACME}`,
  "contacts/2026/11/K-261123-GGGG.yaml:1:11: 字段 customer 指向的客户 C-261101-ZZZZ 不在本档案库中",
  `contacts/2026/11/K-261123-GGGG.yaml:2:9: 工单 ${TICKET} 属于客户 ${MINGYUAN}，不属于 C-261101-ZZZZ`,
  "contacts/2026/11/回访记录.yaml:1:1: 文件名“回访记录”不是联系记录编号（K-yymmdd-XXXX）；请重命名该文件",
  `tickets/2026/10/${TICKET}.yaml:1:1: 工单 ${TICKET} 放错了位置：按编号应在 tickets/2026/11/${TICKET}.yaml`,
  `tickets/2026/11/${TICKET}.yaml:1:1: 编号 ${TICKET} 重复：tickets/2026/10/${TICKET}.yaml 也用了它；两个文件只保留一个`,
  "",
].join("\n");

describe("check's findings across records, whichever worker reads which file", () => {
  it("check --full on workers 2 and 3 files a message says what it says in one thread, in English and Chinese", async () => {
    const root = crossStore();
    for (const chunk of ["2", "3"]) {
      const env = { AFTERCARE_READ_CHUNK: chunk, AFTERCARE_READ_MIN_FILES: "0" };
      const r = await cli(root, ["--debug", "check", "--full"], { env });
      expect(r).toMatchObject({ code: 1, stdout: ENGLISH, stderr: "" });
      const zh = await cli(root, ["check", "--full"], { env: { ...env, AFTERCARE_LOCALE: "zh-CN" } });
      expect(zh).toMatchObject({ code: 1, stdout: CHINESE });
    }
    const one = await cli(root, ["check", "--full"], { env: { AFTERCARE_READ_MIN_FILES: "100000" } });
    expect(one).toMatchObject({ code: 1, stdout: ENGLISH });
    // and from the memo of the sound files, without reading them
    expect(
      await cli(root, ["check"], { env: { AFTERCARE_READ_CHUNK: "2", AFTERCARE_READ_MIN_FILES: "0" } }),
    ).toMatchObject({ code: 1, stdout: ENGLISH });
  });
});

describe("CheckTable", () => {
  it("a column gives back every string as it was given: empty, Chinese, across its 1 MiB pages, and long", () => {
    const col = new StringColumn(4);
    const given: string[] = [];
    for (let i = 0; i < 60_000; i++)
      given.push(i % 7 === 0 ? "" : i % 5 === 0 ? `客户回访记录-${i}-王芳` : `contacts/2026/11/K-261120-${i}.yaml`);
    given.push("长".repeat(30_000), "x".repeat(19_999), "末");
    for (const s of given) col.push(s);
    expect(col.length).toBe(given.length);
    for (let k = 0; k < given.length; k++) if (col.get(k) !== given[k]) expect(col.get(k)).toBe(given[k]);
  });

  it("lists a kind's files in the order Store.files gives, a folder at a time", async () => {
    const root = testStore({}, { git: false });
    const names = [
      "a.yaml",
      "a/x.yaml",
      "a-b/y.yaml",
      "ab.yaml",
      "a.yml",
      "a.yaml2/z.yaml",
      "B.yml",
      "2026/11/K-261120-DDDD.yaml",
      "2026/11/K-261120-DDDD.yml",
      "2026/1/K-260101-AAAA.yaml",
      "2026/10/K-261001-AAAA.yaml",
      "2026-old/K-251001-AAAA.yaml",
      "回访/记录.yaml",
      "回访.yaml",
      ".hidden.yaml",
      "notes.txt",
      "2026/.git/x.yaml",
    ];
    for (const n of names) {
      mkdirSync(dirname(join(root, "contacts", n)), { recursive: true });
      writeFileSync(join(root, "contacts", n), "x: 1\n");
    }
    const store = await Store.open(root);
    const table = new CheckTable();
    for (const kind of RECORD_KINDS) await table.listKind(root, kind);
    const listed = Array.from({ length: table.files }, (_, i) => table.paths.get(i));
    const want: string[] = [];
    for (const kind of RECORD_KINDS) want.push(...(await store.files(kind)));
    expect(listed).toEqual(want);
    expect(listed).toHaveLength(14);
  });

  it("looks IDs up as a Map of the same records does: the first named right, the last of all", () => {
    const kinds: RecordKind[] = ["customer", "ticket", "contact"];
    const letters = "ABCD";
    const records: CheckRecord[] = [];
    // many records on few IDs, some under a folder of another kind, some names no ID
    for (let i = 0; i < 3000; i++) {
      const kind = kinds[(i * 7) % 3]!;
      const letter = i % 11 === 0 ? "X" : "CTK"[(i * 13) % 3]!;
      const id =
        i % 17 === 0
          ? `记录${i % 5}`
          : `${letter}-261120-${letters[i % 4]}${letters[(i >> 2) % 4]}${letters[(i >> 4) % 4]}A`;
      records.push({ kind, id, path: `${kind}s/${id}.yaml` });
    }
    const list = listOf(records);
    const table = new IdTable(
      records.length,
      (k) => records[k]!.id,
      (k) => records[k]!.kind,
    );
    const ids = new Set(records.map((r) => r.id));
    ids.add("C-261120-ZZZZ");
    for (const id of ids) {
      expect(table.firstNamed(id)).toBe(list.firstNamed(id));
      expect(table.lastWithId(id)).toBe(list.lastWithId(id));
    }
  });

  it("reads the memo a piece at a time as CheckMemo wrote it, and nothing of one cut short or of another basis", () => {
    const root = testStore({}, { git: false });
    const files = { paths: [] as string[], stamps: [] as string[], facts: [] as string[] };
    for (let i = 0; i < 9000; i++) {
      files.paths.push(i % 3 ? `contacts/2026/11/K-261120-${i}.yaml` : `contacts/2026/11/回访 "${i}" \\ 记录.yaml`);
      files.stamps.push(`${i}:1795766400123.${i}:1795766400124.5:${1e6 + i}`);
      files.facts.push(i % 2 ? `C-261101-AAAA|T-261120-CCCC|` : `||||staff\u0002王小明${i}`);
    }
    new CheckMemo(root).write("b1", files);
    const got = { paths: [] as string[], stamps: [] as string[], facts: [] as string[] };
    const sink = {
      path: (j: number, s: string) => (got.paths[j] = s),
      stamp: (j: number, s: string) => (got.stamps[j] = s),
      facts: (j: number, s: string) => (got.facts[j] = s),
    };
    expect(readMemo(root, "b1", sink)).toBe(9000);
    expect(got).toEqual(files);
    expect(readMemo(root, "b2", sink)).toBeUndefined();
    const file = join(root, ".aftercare", "check.json");
    const text = readFileSync(file);
    for (const cut of [1, 20, 5000, text.length >> 1, text.length - 2, text.length - 1]) {
      writeFileSync(file, text.subarray(0, cut));
      expect(readMemo(root, "b1", sink)).toBeUndefined();
    }
  });
});
