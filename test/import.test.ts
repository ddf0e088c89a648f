// import customers: one column separator per file, sniffed from the header row (or --delimiter);
// a row whose cells do not match the header is refused by its number, never shifted; --dry-run
// shows exactly what a real run writes and refuses.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sniffDelimiter } from "../src/store/tabular.js";
import { RECORDS } from "./fixtures.js";
import { cli, commits, testStore } from "./helpers.js";

const customers = (root: string) =>
  readdirSync(join(root, "customers"))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => readFileSync(join(root, "customers", f), "utf8"));

const MIXED = `客户名称,地址,联系人,联系电话,备注
杭州华泰制冷有限公司,杭州市西湖区文三路 100 号,李娜,0571-8888 6666,VIP;需开专票
Acme; GmbH,Hauptstraße 5,Hans Weber,+49 30 1234567,
苏州精工模具厂,苏州市吴中区,王建军,0512-6655 7788
宁波港城物流有限公司,宁波市北仑区,赵磊,0574-8686 2020,月结,多出一格
`;

describe("import customers: one separator per file", () => {
  it("splits a comma file on commas only: `VIP;需开专票` stays one cell, `Acme; GmbH` one name; short and long rows are refused by number", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, "list.csv"), MIXED);
    const r = await cli(root, ["import", "customers", "list.csv"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'list.csv:4: 4 cells where the header has 5 (columns separated by commas); a value holding the separator needs "double quotes" — fix the row and import again\n',
    );
    expect(r.stderr).toContain("list.csv:5: 6 cells where the header has 5 (columns separated by commas)");
    expect(r.stderr).toContain(
      "imported 2 customers from list.csv (utf-8); 0 already on file or repeated; 2 refused\n",
    );
    const added = customers(root).filter((t) => !/上海明远|Acme Pumps/.test(t));
    expect(added).toHaveLength(2);
    const huatai = added.find((t) => t.includes("华泰"))!;
    expect(huatai).toContain("note: VIP;需开专票\n");
    const acme = added.find((t) => t.includes("Acme; GmbH"))!;
    expect(acme).toMatch(
      /^name: Acme; GmbH\naddress: Hauptstraße 5\ncontacts:\n {2}- name: Hans Weber\n {4}phones:\n {6}- \+49 30 1234567\n/,
    );
    expect(commits(root)[0]!.subject).toBe("import: 2 customers from list.csv");
  });

  it("sniffs semicolons and tabs from the header row; a comma inside a semicolon file stays in its cell", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, "semi.csv"), "Firma;Adresse;Telefon\nMüller, Söhne & Co. KG;Berlin, Mitte;030 1234567\n");
    writeFileSync(
      join(root, "tabs.csv"),
      "客户名称\t地址\t联系电话\n南京金陵机电, 分厂\t南京市;江宁区\t025-8888 1234\n",
    );
    const a = await cli(root, ["import", "customers", "semi.csv", "--map", "name=Firma,address=Adresse,phone=Telefon"]);
    expect(a.code, a.stderr).toBe(0);
    const b = await cli(root, ["import", "customers", "tabs.csv"]);
    expect(b.code, b.stderr).toBe(0);
    const all = customers(root).join("\n");
    expect(all).toContain("name: Müller, Söhne & Co. KG\naddress: Berlin, Mitte\n");
    expect(all).toContain("name: 南京金陵机电, 分厂\naddress: 南京市;江宁区\n");
  });

  it("--delimiter overrides the sniffing; a header that does not say is not guessed", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, "odd.csv"), "name;note,x\n甲公司;备注,一\n");
    const refused = await cli(root, ["import", "customers", "odd.csv"]);
    expect(refused).toMatchObject({ code: 2 });
    expect(refused.stderr).toBe(
      "the header row has as many commas as semicolons (1): say which separates the columns with --delimiter , or --delimiter ;; nothing was written\n",
    );
    const r = await cli(root, ["import", "customers", "odd.csv", "--delimiter", "semicolon"]);
    expect(r.code, r.stderr).toBe(0);
    // split on semicolons only: the name is whole, and "note,x" is no column aftercare knows: kept in the note
    expect(customers(root).join("\n")).toContain('name: 甲公司\nnote: "note,x: 备注,一"\ncreated: ');
    expect((await cli(root, ["import", "customers", "odd.csv", "--delimiter", "x"])).stderr).toContain(
      '--delimiter "x" is not a column separator aftercare reads',
    );
    expect(sniffDelimiter('"a,b";c;d\n1,2,3,4,5\n')).toBe(";");
    expect(sniffDelimiter("name\n1,2\n")).toBe(",");
  });
});

describe("import customers --dry-run", () => {
  it("shows each customer's file as it would be written and each refused row, with a real run's counts", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, "list.csv"), MIXED + "上海明远机电设备有限公司,上海,张伟,021-5555 1234,\n");
    const dry = await cli(root, ["import", "customers", "list.csv", "--dry-run"]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toBe(
      [
        "would add row 2:",
        "    name: 杭州华泰制冷有限公司",
        "    address: 杭州市西湖区文三路 100 号",
        "    contacts:",
        "      - name: 李娜",
        "        phones:",
        "          - 0571-8888 6666",
        "    note: VIP;需开专票",
        "    created: 2026-11-26T10:00:00+08:00",
        "would add row 3:",
        "    name: Acme; GmbH",
        "    address: Hauptstraße 5",
        "    contacts:",
        "      - name: Hans Weber",
        "        phones:",
        "          - +49 30 1234567",
        "    created: 2026-11-26T10:00:00+08:00",
        'would refuse list.csv:4: 4 cells where the header has 5 (columns separated by commas); a value holding the separator needs "double quotes" — fix the row and import again',
        'would refuse list.csv:5: 6 cells where the header has 5 (columns separated by commas); a value holding the separator needs "double quotes" — fix the row and import again',
        "would skip row 6: 上海明远机电设备有限公司 (already on file)",
        "",
      ].join("\n"),
    );
    expect(dry.stderr).toBe(
      "dry run of list.csv (utf-8): 2 to add, 1 already on file or repeated, 2 refused; nothing was written\n",
    );
    expect(commits(root)).toHaveLength(1);

    const real = await cli(root, ["import", "customers", "list.csv"]);
    expect(real.stderr).toContain(
      "imported 2 customers from list.csv (utf-8); 1 already on file or repeated; 2 refused\n",
    );
    // the files written are the ones shown, to the byte
    const shown = dry.stdout
      .split(/^would \w+ /m)
      .filter((b) => b.startsWith("row ") && b.includes("\n    "))
      .map((b) => b.slice(b.indexOf("\n") + 1).replace(/^ {4}/gm, ""));
    const written = real.stdout
      .trim()
      .split("\n")
      .map((id) => readFileSync(join(root, `customers/${id}.yaml`), "utf8"));
    expect(written).toEqual(shown);
  });

  it("--json --dry-run gives the same as data", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, "list.csv"), MIXED);
    const r = await cli(root, ["--json", "import", "customers", "list.csv", "--dry-run"]);
    const out = JSON.parse(r.stdout) as {
      dryRun: boolean;
      add: { row: number; name: string; note?: string }[];
      refused: string[];
    };
    expect(out.dryRun).toBe(true);
    expect(out.add.map((a) => [a.row, a.name, a.note])).toEqual([
      [2, "杭州华泰制冷有限公司", "VIP;需开专票"],
      [3, "Acme; GmbH", undefined],
    ]);
    expect(out.refused.map((x) => x.split(": ")[0])).toEqual(["list.csv:4", "list.csv:5"]);
  });
});

describe("import customers: a CSV file that does not parse", () => {
  const BROKEN = `客户名称,联系电话\n上海华东,021-1\n"杭州华泰,0571-2\n宁波港城,0574-3\n`;
  it("says where the quotation mark is left open, in Chinese and in English, and imports nothing", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, "名单.csv"), BROKEN);
    const before = customers(root).length;
    const zh = await cli(root, ["import", "customers", "名单.csv"], { env: { AFTERCARE_LOCALE: "" } });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toBe(
      `${join(root, "名单.csv")} 不是有效的 CSV（以逗号分列）：到文件末尾（第 4 行）还有引号没有闭合；请补上或删去；未写入任何内容\n`,
    );
    const en = await cli(root, ["import", "customers", "名单.csv"]);
    expect(en.stderr).toBe(
      `${join(root, "名单.csv")} is not valid CSV (columns separated by commas): a quotation mark is still open at the end of the file (line 4); close it or remove it; nothing was written\n`,
    );
    expect(customers(root)).toHaveLength(before);
  });
});
