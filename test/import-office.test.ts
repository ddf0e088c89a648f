// import customers from spreadsheets as offices make them (test/fixtures/office/, made by make.mjs):
// a merged title and blank rows above the headings, two heading rows, 序号 and totals rows, a phone
// Excel turned into 1.38E+10, columns of the office's own, and the formats aftercare refuses.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RECORDS } from "./fixtures.js";
import { cli, commits, testStore } from "./helpers.js";

const OFFICE = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "office");
const withFile = (name: string) => {
  const root = testStore(RECORDS);
  copyFileSync(join(OFFICE, name), join(root, name));
  return root;
};
const record = (root: string, id: string) => readFileSync(join(root, `customers/${id}.yaml`), "utf8");

describe("import customers: the office's own layouts", () => {
  it("finds the headings under a merged title and a blank row; skips 序号-only and totals rows with a note; keeps unknown columns in the note", async () => {
    const root = withFile("title-rows.xlsx");
    const r = await cli(root, ["import", "customers", "title-rows.xlsx"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      [
        "note: headings in row 3; rows 1–2 above them skipped",
        "note: 1 column(s) are no customer field: 开户行; each row's values are kept in the customer's note (--map FIELD=COLUMN puts one in a field; --strict refuses them)",
        "skipped row 8: only a row number (5), no customer",
        "skipped row 9: only a row number (6), no customer",
        "skipped row 10: a totals row (合计)",
        "imported 4 customers from title-rows.xlsx; 0 already on file or repeated; 0 refused, 3 other rows skipped",
        "",
      ].join("\n"),
    );
    const ids = r.stdout.trim().split("\n");
    expect(ids).toHaveLength(4);
    // 客户名称* is the name, 联系人手机 the phone, 详细地址 the address; the number shown as 1.38E+10 is its exact digits
    expect(record(root, ids[0]!)).toBe(
      "name: 杭州华泰制冷有限公司\naddress: 杭州市西湖区文三路 100 号\ncontacts:\n  - name: 李娜\n    phones:\n      - 0571-8888 6666\nnote: |-\n  老客户\n  开户行: 工商银行文三路支行\ncreated: 2026-11-26T10:00:00+08:00\n",
    );
    expect(record(root, ids[1]!)).toContain('    phones:\n      - "13800001111"\n');
    expect(record(root, ids[2]!)).toContain("name: Nordic Dairy AB\naddress: Lund, Sweden\n");
    expect(commits(root)[0]!.subject).toBe("import: 4 customers from title-rows.xlsx");
  });

  it("--strict refuses columns that are no customer field, naming them; nothing is written", async () => {
    const root = withFile("title-rows.xlsx");
    const r = await cli(root, ["import", "customers", "title-rows.xlsx", "--strict"]);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toBe(
      "title-rows.xlsx: 1 column(s) are no customer field: 开户行; with --strict nothing is imported: name them with --map FIELD=COLUMN or delete them; nothing was written\n",
    );
    expect(commits(root)).toHaveLength(1);
    // mapped, the column is a field and --strict goes through
    const mapped = await cli(root, ["import", "customers", "title-rows.xlsx", "--strict", "--map", "tags=开户行"]);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(record(root, mapped.stdout.trim().split("\n")[0]!)).toContain("tags:\n  - 工商银行文三路支行\n");
  });

  it("reads a two-row heading (联系方式 over 电话 | 手机) as one: the sub-heading row is no customer", async () => {
    const root = withFile("two-row-heading.xlsx");
    const dry = await cli(root, ["import", "customers", "two-row-heading.xlsx", "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe(
      [
        "would add row 3:",
        "    name: 南京金陵机电有限公司",
        "    address: 南京市江宁区",
        "    contacts:",
        "      - name: 周强",
        "        phones:",
        "          - 025-8888 1234",
        '          - "13912345678"',
        "    created: 2026-11-26T10:00:00+08:00",
        "would skip row 4: Acme Pumps GmbH (already on file)",
        "",
      ].join("\n"),
    );
    const real = await cli(root, ["import", "customers", "two-row-heading.xlsx"]);
    expect(real.stderr).toBe(
      "imported 1 customer from two-row-heading.xlsx; 1 already on file or repeated; 0 refused\n",
    );
  });

  it("a GBK CSV with blank rows on top: the headings are found, 1.38E+10 is refused with its row and what to do, the totals row skipped", async () => {
    const root = withFile("blank-rows-gbk.csv");
    const r = await cli(root, ["import", "customers", "blank-rows-gbk.csv", "--dry-run"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "would add row 4:",
        "    name: 上海华东制冷设备有限公司",
        "    address: 上海市闵行区",
        "    contacts:",
        "      - name: 张伟",
        "        phones:",
        "          - 021-5555 1234",
        "    created: 2026-11-26T10:00:00+08:00",
        "would refuse blank-rows-gbk.csv:5: phone 1.38E+10 is in scientific notation: its last digits are lost; format the phone column as text in the spreadsheet (or type the numbers again) and save it as .xlsx, then import again",
        "would skip row 6: a totals row (合计：2 家)",
        "",
      ].join("\n"),
    );
    expect(r.stderr).toBe(
      "dry run of blank-rows-gbk.csv (gb18030): 1 to add, 0 already on file or repeated, 1 refused, 1 other rows skipped; nothing was written\n",
    );
    const zh = await cli(root, ["import", "customers", "blank-rows-gbk.csv", "--dry-run"], {
      env: { AFTERCARE_LOCALE: "zh-CN" },
    });
    expect(zh.stdout).toContain("将拒绝 blank-rows-gbk.csv:5：电话 1.38E+10 是科学计数法，后几位已丢失；");
    expect(zh.stdout).toContain("将跳过第 6 行：合计行（合计：2 家）\n");
  });

  it("--header-row says where the headings are", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, "list.csv"), "客户档案,,\n名称,电话,地区\n甲公司,010-1234 5678,华北\n");
    // "名称" over data is found by itself; --header-row 2 says the same; --header-row 3 takes a customer for headings
    const found = await cli(root, ["import", "customers", "list.csv", "--dry-run"]);
    expect(found.stdout).toContain("would add row 3:\n    name: 甲公司\n");
    expect((await cli(root, ["import", "customers", "list.csv", "--dry-run", "--header-row", "2"])).stdout).toBe(
      found.stdout,
    );
    const wrong = await cli(root, ["import", "customers", "list.csv", "--header-row", "3"]);
    expect(wrong).toMatchObject({ code: 2, stdout: "" });
    expect(wrong.stderr).toBe(
      "list.csv: no column for the customer's name (looked for 客户单位名称, 客户名称, name, …; the headings in row 3 are: 甲公司, 010-1234 5678, 华北); name it with --map name=COLUMN, or say the heading row with --header-row N\n",
    );
    expect((await cli(root, ["import", "customers", "list.csv", "--header-row", "9"])).stderr).toBe(
      "--header-row 9: the file has 3 rows\n",
    );
    expect((await cli(root, ["import", "customers", "list.csv", "--header-row", "x"])).stderr).toBe(
      '--header-row "x" must be a row number, such as 3\n',
    );
  });

  for (const [file, en, zh] of [
    ["old-excel.xls", "an Excel 97–2003 workbook (.xls)", "Excel 97–2003 工作簿（.xls）"],
    ["wps-sheet.et", "a WPS spreadsheet (.et)", "WPS 表格文件（.et）"],
    ["calc-sheet.ods", "an OpenDocument spreadsheet (.ods)", "OpenDocument 电子表格（.ods）"],
  ] as const)
    it(`refuses ${file} with what to do, in the user's language`, async () => {
      const root = withFile(file);
      const r = await cli(root, ["import", "customers", file]);
      expect(r).toMatchObject({ code: 1, stdout: "" });
      expect(r.stderr).toBe(
        `${file} is ${en}, which aftercare does not read: open it in Excel, WPS or LibreOffice and save it as .xlsx or CSV (UTF-8), then import that file; nothing was written\n`,
      );
      const z = await cli(root, ["import", "customers", file], { env: { AFTERCARE_LOCALE: "zh-CN" } });
      expect(z.stderr).toBe(
        `${file} 是 ${zh}，aftercare 不能读取：请用 Excel、WPS 或 LibreOffice 打开，另存为 .xlsx 或 CSV（UTF-8），再导入该文件；未写入任何内容\n`,
      );
      // renamed to .csv it is still known by its first bytes
      copyFileSync(join(root, file), join(root, "renamed.csv"));
      expect((await cli(root, ["import", "customers", "renamed.csv"])).stderr).toMatch(
        /^renamed\.csv is an? (Excel 97–2003 workbook|OpenDocument)/,
      );
      expect(commits(root)).toHaveLength(1);
    });
});
