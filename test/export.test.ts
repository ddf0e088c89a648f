// export as a spreadsheet user trusts it: .xlsx with real types (read back by exceljs, and by
// openpyxl where the machine has it), CSV that Excel opens right (a BOM in a Chinese store, phones
// as text, one date format a column, formulas neutralised but data left alone).
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ACME, CALL, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";
import { cli, SETTINGS, testStore } from "./helpers.js";

const SHOP = "T-261118-SHOP".replace("SHOP", "5H0P");
const LETTER = "K-261121-LTR1".replace("LTR1", "1TR1");
const STORE: Record<string, string> = {
  ...RECORDS,
  "customers/C-261103-EEEE.yaml": `name: "=HYPERLINK(\\"http://x\\")"
contacts:
  - name: 周敏
    phones:
      - "02155551234"
      - "+86 21 5555 0000"
tags:
  - "-"
note: "-5 °C in the store room"
created: 2026-11-03T10:00:05+08:00
`,
  [`tickets/2026/11/${SHOP}.yaml`]: `customer: ${ACME}
received: 2026-11-18T15:00:00+08:00
filed: 2026-11-18T15:02:00+08:00
channel: phone
kind: shop
problem: Brakes squeal
status: closed
closed: 2026-11-19T17:40:00+08:00
intake:
  at: 2026-11-19T09:05:00+08:00
  plate: B-AC 1234
  odometer: 48210
  fuel: 1/2
  keyTag: "17"
  papers:
    ok: true
estimate:
  mode: system
  at: 2026-11-19T09:30:00+08:00
  lines:
    - item: Brakes
      labour: 35000
      parts:
        - name: Pads
          supplier: us
          grade: genuine
          amount: 48000
handover:
  at: 2026-11-19T09:50:00+08:00
  receiver: 李强
  promise: 2026-11-19T17:00:00+08:00
ready:
  at: 2026-11-19T16:30:00+08:00
  belongings: true
  bill: 123450
delivery:
  at: 2026-11-19T17:40:00+08:00
  paid: 123450
`,
  [`contacts/2026/11/${LETTER}.yaml`]: `customer: ${MINGYUAN}
at: 2026-11-21
channel: letter
direction: out
purpose: followup
staff: 王芳
letter:
  kind: reply
  subject: 维修报告
`,
};

const workbook = async (root: string, file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(root, file));
  return wb;
};
/** a sheet's rows as [heading → cell value] */
const rowsOf = (ws: ExcelJS.Worksheet) => {
  const head = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(head.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return out;
};

describe("export --format xlsx: real types", () => {
  it("tickets: date-times as Excel dates in the company's zone, the odometer and money as numbers with formats, blanks empty, the heading frozen", async () => {
    const root = testStore(STORE);
    const r = await cli(root, ["export", "tickets", "--format", "xlsx", "--output", "t.xlsx"]);
    expect(r).toMatchObject({ code: 0, stderr: "exported 2 tickets to t.xlsx\n" });
    const ws = (await workbook(root, "t.xlsx")).getWorksheet("tickets")!;
    const [shop, open] = rowsOf(ws);
    // 09:12 in Shanghai is 09:12 on the sheet, whatever zone the reader is in
    expect(open).toMatchObject({
      id: TICKET,
      received: new Date(Date.UTC(2026, 10, 20, 9, 12)),
      status: "open",
      assignee: null,
      "bill (CNY)": null,
    });
    expect(shop).toMatchObject({
      id: SHOP,
      plate: "B-AC 1234",
      "odometer (km)": 48210,
      "estimate (CNY)": 830,
      "bill (CNY)": 1234.5,
      "paid (CNY)": 1234.5,
      promised: new Date(Date.UTC(2026, 10, 19, 17, 0)),
      delivered: new Date(Date.UTC(2026, 10, 19, 17, 40)),
    });
    const head = (ws.getRow(1).values as string[]).slice(1);
    const cell = (h: string) => ws.getRow(3).getCell(head.indexOf(h) + 1);
    expect(cell("received").numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(cell("bill (CNY)").numFmt).toBe("#,##0.00");
    expect(cell("odometer (km)").numFmt).toBe("0");
    expect(cell("customer").numFmt).toBe("@");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(head.indexOf("problem") + 1).width).toBeGreaterThan(
      ws.getColumn(head.indexOf("kind") + 1).width!,
    );
  });

  it("contacts: the day as a date and the time as a time, satisfaction as a number; duties: days late as a number", async () => {
    const root = testStore(STORE);
    await cli(root, [
      "call",
      "log",
      "--customer",
      ACME,
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "ok",
      "--satisfaction",
      "4",
      "--at",
      "2026-11-26 09:30",
    ]);
    await cli(root, ["export", "contacts", "--format", "xlsx", "--output", "k.xlsx"]);
    const contacts = rowsOf((await workbook(root, "k.xlsx")).getWorksheet("contacts")!);
    expect(contacts.map((k) => [k.id, k.date, k.time, k.satisfaction])).toEqual([
      [CALL, new Date(Date.UTC(2026, 10, 20)), new Date(Date.UTC(1899, 11, 30, 9, 12)), null],
      [LETTER, new Date(Date.UTC(2026, 10, 21)), null, null],
      [
        expect.stringMatching(/^K-261126-/),
        new Date(Date.UTC(2026, 10, 26)),
        new Date(Date.UTC(1899, 11, 30, 9, 30)),
        4,
      ],
    ]);
    await cli(root, ["export", "duties", "--format", "xlsx", "--output", "d.xlsx"], {
      now: "2026-11-30T10:00:00+08:00",
    });
    const duties = rowsOf((await workbook(root, "d.xlsx")).getWorksheet("duties")!);
    const esc = duties.find((d) => d.rule === "R-ESC-1DAY")!;
    expect(esc).toMatchObject({ state: "overdue", due: new Date(Date.UTC(2026, 10, 23)), "days late": 7 });
  });

  it("customers: phones and IDs as text (leading zeros kept), several one a line, a second contact in its own columns", async () => {
    const root = testStore(STORE);
    await cli(root, ["customer", "edit", MINGYUAN, "--contact", "李娜", "--phone", "0571-8888 6666"]);
    await cli(root, ["export", "customers", "--format", "xlsx", "--output", "c.xlsx"]);
    const [mingyuan, , odd] = rowsOf((await workbook(root, "c.xlsx")).getWorksheet("customers")!);
    expect(mingyuan).toMatchObject({
      phones: "021-5555 1234\n13800001111",
      contact: "张伟",
      "contact 2": "李娜",
      "phones 2": "0571-8888 6666",
      equipment: "螺杆空压机 | LG-22",
      created: new Date(Date.UTC(2026, 10, 1, 9, 0)),
    });
    // text in a workbook is never a formula: no ' is added there
    expect(odd).toMatchObject({
      name: '=HYPERLINK("http://x")',
      phones: "02155551234\n+86 21 5555 0000",
      tags: "-",
      email: null,
      "contact 2": null,
    });
  });

  it("read back by openpyxl with the same types (skipped where python3-openpyxl is not installed)", async (t) => {
    const python = ["/usr/bin/python3", "python3"].find((p) => spawnSync(p, ["-c", "import openpyxl"]).status === 0);
    if (!python)
      return t.skip(
        "python3 with openpyxl is not installed (apt-get install python3-openpyxl); exceljs read the types back above",
      );
    const root = testStore(STORE);
    await cli(root, ["export", "tickets", "--format", "xlsx", "--output", "t.xlsx"]);
    const script = `import openpyxl, json, sys
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = [[(type(c.value).__name__, c.value if not hasattr(c.value, "isoformat") else c.value.isoformat(), c.number_format) for c in r] for r in ws.iter_rows()]
print(json.dumps({"freeze": ws.freeze_panes, "rows": rows}))`;
    const out = JSON.parse(execFileSync(python, ["-c", script, join(root, "t.xlsx")], { encoding: "utf8" })) as {
      freeze: string;
      rows: [string, unknown, string][][];
    };
    const head = out.rows[0]!.map((c) => c[1]);
    const shop = out.rows[1]!;
    const at = (h: string) => shop[head.indexOf(h)]!;
    expect(out.freeze).toBe("A2");
    expect(at("received")).toEqual(["datetime", "2026-11-18T15:00:00", "yyyy-mm-dd hh:mm"]);
    expect(at("odometer (km)")).toEqual(["int", 48210, "0"]);
    expect(at("bill (CNY)")).toEqual(["float", 1234.5, "#,##0.00"]);
    expect(at("plate")).toEqual(["str", "B-AC 1234", "General"]);
    expect(at("customer")).toEqual(["str", ACME, "@"]);
    expect(at("escalated")[0]).toBe("NoneType");
  });
});

describe("export as CSV, for Excel", () => {
  it("a zh-CN store's CSV starts with a BOM (--no-bom drops it); an English store's does not (--bom adds it)", async () => {
    const zh = testStore(STORE);
    expect((await cli(zh, ["export", "customers"])).stdout.startsWith("\uFEFFid,name,")).toBe(true);
    expect((await cli(zh, ["export", "customers", "--no-bom"])).stdout.startsWith("id,name,")).toBe(true);
    const en = testStore(RECORDS, { settings: SETTINGS.replace("locale: zh-CN", "locale: en") });
    expect((await cli(en, ["export", "customers"])).stdout.startsWith("id,name,")).toBe(true);
    expect((await cli(en, ["export", "customers", "--bom"])).stdout.startsWith("\uFEFFid,")).toBe(true);
    // the headings are in the language shown
    expect(
      (await cli(zh, ["export", "customers"], { env: { AFTERCARE_LOCALE: "zh-CN" } })).stdout.split("\r\n")[0],
    ).toBe("\uFEFF编号,客户名称,地址,联系人,职务,联系电话,邮箱,标签,设备,车辆,备注,建档时间");
  });

  it("phones stay text; a formula is neutralised, a value that is plainly data is not; one date format a column", async () => {
    const root = testStore(STORE);
    const csv = (await cli(root, ["export", "customers", "--no-bom"])).stdout;
    // several phones one a line in a quoted cell; a lone phone Excel would take for a formula as ="…"
    expect(csv.split("\r\n").slice(1, 4)).toEqual([
      `${MINGYUAN},上海明远机电设备有限公司,上海市浦东新区张江路 88 号,张伟,设备科科长,"021-5555 1234\n13800001111",,vip,螺杆空压机 | LG-22,,,2026-11-01 09:00:00`,
      `${ACME},Acme Pumps GmbH,"Hauptstraße 5, Berlin",Hans Weber,,"=""+49 30 1234567""",,,,,,2026-11-02 14:00:00`,
      `C-261103-EEEE,"'=HYPERLINK(""http://x"")",,周敏,,"02155551234\n+86 21 5555 0000",,-,,,'-5 °C in the store room,2026-11-03 10:00:05`,
    ]);
    const rows = parse<Record<string, string>>(csv, { columns: true });
    // "-" is data; "-5 °C in …" would run in Excel as a formula (and fail): it gets the '
    expect(rows[2]).toMatchObject({
      name: '\'=HYPERLINK("http://x")',
      phones: "02155551234\n+86 21 5555 0000",
      tags: "-",
      note: "'-5 °C in the store room",
      created: "2026-11-03 10:00:05",
    });
    // a single phone Excel would read as a number keeps its zero
    await cli(root, ["customer", "add", "无锡太湖纺织", "--contact", "钱敏", "--phone", "051088886666"]);
    expect((await cli(root, ["export", "customers", "--no-bom"])).stdout).toContain(`,钱敏,,"=""051088886666""",`);
    const k = parse<Record<string, string>>((await cli(root, ["export", "contacts", "--no-bom"])).stdout, {
      columns: true,
    });
    expect(k.map((x) => [x.id, x.date, x.time])).toEqual([
      [CALL, "2026-11-20", "09:12"],
      [LETTER, "2026-11-21", ""],
    ]);
  });
});
