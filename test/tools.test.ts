// Across tools: import from spreadsheets in every encoding, export read back by real parsers, the
// calendar parsed by a real iCalendar parser, shell completion run by bash.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import ICAL from "ical.js";
import iconv from "iconv-lite";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { BIN, cli, commits, tempDir, testStore } from "./helpers.js";
import { ACME, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const LIST = `客户单位名称,地址,联系人,联系电话,备注
杭州华泰制冷有限公司,杭州市西湖区文三路 100 号,李娜,0571-8888 6666 / 13900002222,老客户
,无名路 1 号,王五,13800000000,
南京恒通物流,南京市江宁区,赵六,12,
苏州精工模具厂,"苏州市吴中区木渎镇
金桥路 66 号",王建军,0512-6655 7788,
杭州华泰制冷有限公司,重复,李娜,0571-8888 6666,
`;

const customersIn = (root: string) => readdirSync(join(root, "customers")).filter((f) => f.endsWith(".yaml"));

describe("aftercare import customers", () => {
  const encodings: [string, (s: string) => Buffer][] = [
    ["UTF-8", (s) => Buffer.from(s, "utf8")],
    ["UTF-8 with BOM", (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, "utf8")])],
    ["GB18030", (s) => iconv.encode(s, "gb18030")],
    ["GBK", (s) => iconv.encode(s, "gbk")],
    ["UTF-16LE with BOM", (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")])],
  ];
  for (const [name, encode] of encodings)
    it(`reads a Chinese office's CSV in ${name}, names every bad row, lands the good ones in one commit`, async () => {
      const root = testStore(RECORDS);
      writeFileSync(join(root, "客户名单.csv"), encode(LIST));
      const r = await cli(root, ["import", "customers", "客户名单.csv"]);
      expect(r.code).toBe(1);
      expect(r.stderr.split("\n").slice(0, 2)).toEqual([
        "客户名单.csv:3: no customer name; fill the name column or delete the row",
        "客户名单.csv:4: contacts.0.phones.0 is too short for a phone number",
      ]);
      expect(r.stdout.trim().split("\n")).toHaveLength(2);
      expect(commits(root)[0]!.subject).toBe("import: 2 customers from 客户名单.csv");
      const added = r.stdout
        .trim()
        .split("\n")
        .map((id) => readFileSync(join(root, `customers/${id}.yaml`), "utf8"));
      expect(added[0]).toBe(
        'name: 杭州华泰制冷有限公司\naddress: 杭州市西湖区文三路 100 号\ncontacts:\n  - name: 李娜\n    phones:\n      - 0571-8888 6666\n      - "13900002222"\nnote: 老客户\ncreated: 2026-11-26T10:00:00+08:00\n',
      );
      expect(added[1]).toContain("address: |-\n  苏州市吴中区木渎镇\n  金桥路 66 号\n");
    });

  it("re-running the same file adds nothing twice", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, "list.csv"), LIST);
    await cli(root, ["import", "customers", "list.csv"]);
    const before = customersIn(root).length;
    const again = await cli(root, ["import", "customers", "list.csv"]);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain(
      "imported 0 customers from list.csv (utf-8); 3 already on file or repeated; 2 refused",
    );
    expect(customersIn(root)).toHaveLength(before);
  });

  it("--dry-run shows what would happen and writes nothing; --strict writes nothing when a row is bad", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, "list.csv"), LIST);
    const dry = await cli(root, ["import", "customers", "list.csv", "--dry-run"]);
    // each customer's file as it would be written, each refused and skipped row, in row order (test/import.test.ts)
    expect(dry.stdout.match(/^would \w+ (row \d+|\S+:\d+)/gm)).toEqual(
      [
        "would add row 2",
        "would refuse 客户名单.csv:3",
        "would refuse 客户名单.csv:4",
        "would add row 5",
        "would skip row 6",
      ].map((x) => x.replace("客户名单", "list")),
    );
    expect(dry.stdout).toContain("would add row 2:\n    name: 杭州华泰制冷有限公司\n");
    expect(dry.stderr).toContain(
      "dry run of list.csv (utf-8): 2 to add, 1 already on file or repeated, 2 refused; nothing was written\n",
    );
    const strict = await cli(root, ["import", "customers", "list.csv", "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("2 rows refused and --strict given: nothing was imported\n");
    expect(customersIn(root)).toHaveLength(2);
    expect(commits(root)).toHaveLength(1);
  });

  it("reads .xlsx, English headings, and a --map for unusual ones", async () => {
    const root = testStore(RECORDS);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Customers");
    ws.addRow(["Company", "Contact", "Mobile", "Kunden-Nr", "Ort"]);
    ws.addRow(["Nordic Dairy AB", "Karin Lindqvist", "+46 46 123 456", "K-17", "Lund"]);
    ws.addRow(["Pacific Print Works", "Rajesh Kumar", 6567412233, "K-18", "Singapore"]);
    await wb.xlsx.writeFile(join(root, "customers.xlsx"));
    const r = await cli(root, ["import", "customers", "customers.xlsx", "--map", "address=Ort,note=Kunden-Nr"]);
    expect(r.code, r.stderr).toBe(0);
    const [a, b] = r.stdout
      .trim()
      .split("\n")
      .map((id) => readFileSync(join(root, `customers/${id}.yaml`), "utf8"));
    expect(a).toBe(
      "name: Nordic Dairy AB\naddress: Lund\ncontacts:\n  - name: Karin Lindqvist\n    phones:\n      - +46 46 123 456\nnote: K-17\ncreated: 2026-11-26T10:00:00+08:00\n",
    );
    expect(b).toContain('      - "6567412233"\n');
  });

  it("a file without a name column says how to map it", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, "x.csv"), "单位,电话\n甲,123456\n");
    writeFileSync(join(root, "y.csv"), "公司全称,电话\n甲,123456\n");
    expect((await cli(root, ["import", "customers", "x.csv"])).code).toBe(0);
    const r = await cli(root, ["import", "customers", "y.csv"]);
    expect(r).toMatchObject({
      code: 2,
      stderr:
        "y.csv: no column for the customer's name (looked for 客户单位名称, 客户名称, name, …; the headings in row 1 are: 公司全称, 电话); name it with --map name=COLUMN, or say the heading row with --header-row N\n",
    });
  });
});

describe("aftercare export", () => {
  it("CSV that a real parser reads back, with a BOM for Excel and formulas neutralised", async () => {
    const root = testStore({
      ...RECORDS,
      "customers/C-261103-EEEE.yaml": 'name: "=HYPERLINK(\\"http://x\\")"\ncreated: 2026-11-03T10:00:00+08:00\n',
    });
    const r = await cli(root, ["export", "customers", "--bom"]);
    expect(r.stdout.startsWith("\uFEFFid,name,")).toBe(true);
    const rows = parse<Record<string, string>>(r.stdout, { bom: true, columns: true });
    expect(rows.map((x) => x.name)).toEqual([
      "上海明远机电设备有限公司",
      "Acme Pumps GmbH",
      '\'=HYPERLINK("http://x")',
    ]);
    // several phones one a line; a phone Excel would take for a formula or a number as ="…" (test/export.test.ts)
    expect(rows[0]).toMatchObject({
      id: MINGYUAN,
      phones: "021-5555 1234\n13800001111",
      tags: "vip",
      address: "上海市浦东新区张江路 88 号",
    });
    expect(rows[1]!.phones).toBe('="+49 30 1234567"');
  });

  it("tickets and contacts by month, duties, and JSON", async () => {
    const root = testStore(RECORDS);
    const t = parse<Record<string, string>>((await cli(root, ["export", "tickets", "--month", "2026-11"])).stdout, {
      columns: true,
      bom: true,
    });
    expect(t).toEqual([
      expect.objectContaining({
        id: TICKET,
        "customer name": "上海明远机电设备有限公司",
        problem: "空压机启动后跳闸\n第二次启动有异响",
        status: "open",
      }),
    ]);
    expect((await cli(root, ["export", "tickets", "--month", "2026-10", "--no-bom"])).stdout).toBe(
      "id,customer,customer name,kind,channel,received,filed,problem,request,status,assignee,escalated,escalated to,dispatched,technician,departs,arrives,resolved,solution,closed,cancelled,plate,odometer (km),promised,estimate (CNY),bill (CNY),paid (CNY),delivered\r\n",
    );
    const k = JSON.parse(
      (await cli(root, ["export", "contacts", "--format", "json", "--from", "2026-11-20", "--to", "2026-11-20"]))
        .stdout,
    );
    expect(k.map((x: { id: string }) => x.id)).toEqual(["K-261120-DDDD"]);
    const d = parse<Record<string, string>>((await cli(root, ["export", "duties"])).stdout, {
      columns: true,
      bom: true,
    });
    expect(d.map((x) => `${x.rule} ${x.state}`)).toEqual([
      "R-DISPATCH overdue",
      "R-ESC-1DAY overdue",
      "R-FILE-SAME-DAY done",
    ]);
  });

  it(".xlsx read back by a real reader", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["export", "customers", "--format", "xlsx", "--output", "out.xlsx"]);
    expect(r.stderr).toBe("exported 2 customers to out.xlsx\n");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(root, "out.xlsx"));
    const ws = wb.getWorksheet("customers")!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      "id",
      "name",
      "address",
      "contact",
      "title",
      "phones",
      "email",
      "tags",
      "equipment",
      "vehicles",
      "note",
      "created",
    ]);
    expect(ws.getRow(2).getCell(2).value).toBe("上海明远机电设备有限公司");
    expect(ws.getRow(3).getCell(6).value).toBe("+49 30 1234567");
    expect((await cli(root, ["export", "customers", "--format", "xlsx"], { tty: true })).code).toBe(2);
  });
});

describe("aftercare calendar", () => {
  it("one event per open duty, parsed by a real iCalendar parser, with UIDs stable across runs", async () => {
    const root = testStore(RECORDS);
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
      "--next-date",
      "2026-12-01",
      "--next-topic",
      "Offer, the winter; package",
    ]);
    const first = (await cli(root, ["calendar"])).stdout;
    const comp = new ICAL.Component(ICAL.parse(first));
    const events = comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.summary])).toEqual([
      [
        expect.stringMatching(new RegExp(`^R-DISPATCH-${TICKET}@[0-9a-f]{16}\\.aftercare$`)),
        "2026-11-26",
        "R-DISPATCH 上海明远机电设备有限公司: nobody sent yet: tell the customer why and when (aftercare ticket schedule ID --date … --reason …): 空压机启动后跳闸\n第二次启动有异响",
      ],
      [
        expect.stringMatching(new RegExp(`^R-ESC-1DAY-${TICKET}@[0-9a-f]{16}\\.aftercare$`)),
        "2026-11-26",
        "R-ESC-1DAY 上海明远机电设备有限公司: escalate to the engineering supervisor: 空压机启动后跳闸\n第二次启动有异响",
      ],
      [
        expect.stringMatching(/^R-NEXT-SERVICE-K-261126-\w{4}@[0-9a-f]{16}\.aftercare$/),
        "2026-12-01",
        "R-NEXT-SERVICE Acme Pumps GmbH: Offer, the winter; package",
      ],
    ]);
    expect(events[2]!.description).toContain("Acme Pumps GmbH +49 30 1234567 Hans Weber");
    const second = (await cli(root, ["calendar"], { now: "2026-11-27T09:00:00+08:00" })).stdout;
    const uids = (text: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("uid"));
    expect(uids(second)).toEqual(uids(first));
    expect(first.split("\r\n").every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    // the ticket has no assignee: its duties are the store's clerk's, 王芳; so is the planned call she logged
    expect(uids((await cli(root, ["calendar", "--for", "王芳"])).stdout)).toEqual(uids(first));
    expect(uids((await cli(root, ["calendar", "--for", "Anna Schmidt"])).stdout)).toEqual([]);
  });
});

describe("aftercare completion", () => {
  it("bash completes commands, flags and record IDs", () => {
    const root = testStore(RECORDS);
    const dir = tempDir();
    mkdirSync(join(dir, "bin"));
    symlinkSync(BIN, join(dir, "bin", "aftercare"));
    const script = execFileSync(process.execPath, [BIN, "completion", "bash"], { encoding: "utf8" });
    writeFileSync(join(dir, "c.bash"), script);
    const complete = (...words: string[]) =>
      execFileSync(
        "bash",
        [
          "-c",
          `source ${dir}/c.bash; COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _aftercare; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        {
          cwd: root,
          encoding: "utf8",
          env: { ...process.env, PATH: `${dir}/bin:${process.env.PATH}` },
        },
      )
        .trim()
        .split("\n");
    expect(complete("aftercare", "tic")).toEqual(["ticket"]);
    expect(complete("aftercare", "ticket", "dis")).toEqual(["dispatch"]);
    expect(complete("aftercare", "ticket", "show", "T-2611")).toEqual([TICKET]);
    expect(complete("aftercare", "ticket", "dispatch", TICKET, "--tech")).toEqual(["--technician"]);
    // zsh and fish for real: test/completion.test.ts
    expect(execFileSync(process.execPath, [BIN, "completion", "fish"], { encoding: "utf8" })).toContain(
      "complete -c aftercare -f -a '(__aftercare_complete)'",
    );
    expect(execFileSync(process.execPath, [BIN, "completion", "zsh"], { encoding: "utf8" }).split("\n")[0]).toBe(
      "#compdef aftercare",
    );
  });
});
