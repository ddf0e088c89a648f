// The field-by-field merge of one record (src/store/merge.ts), as a table: base, this desk's
// version, the other desk's, and what the merged file holds.
import { describe, expect, it } from "vitest";
import { mergeRecord, type Contest } from "../src/store/merge.js";

const CUSTOMER = ["name", "address", "contacts", "tags", "equipment", "vehicles", "note", "created"];
const TICKET = ["customer", "status", "dispatch", "resolution", "plans"];

const BASE = `# 老客户，2019 年起合作
name: 上海明远机电设备有限公司
address: 上海市浦东新区张江路 88 号
contacts:
  - name: 张伟
    title: 设备科科长
    phones:
      - 021-5555 1234
tags:
  - vip
  - 华东
created: 2026-11-01T09:00:00+08:00
`;

const edit = (from: string, to: string) => BASE.replace(from, to);

interface Row {
  name: string;
  base?: string;
  ours: string;
  theirs: string;
  keys?: string[];
  /** the merged file, when clean */
  text?: string;
  /** contested top-level fields, when not */
  conflicts?: string[];
  contests?: Pick<Contest, "path" | "ours" | "theirs">[];
}

const ROWS: Row[] = [
  {
    name: "different scalar fields, adjacent lines: both kept, the comment too",
    ours: edit("name: 上海明远机电设备有限公司", "name: 上海明远机电设备股份有限公司"),
    theirs: edit("张江路 88 号", "科苑路 1 号"),
    text: BASE.replace("name: 上海明远机电设备有限公司", "name: 上海明远机电设备股份有限公司").replace(
      "张江路 88 号",
      "科苑路 1 号",
    ),
  },
  {
    name: "the same scalar changed the same way on both sides: no conflict",
    ours: edit("张江路 88 号", "科苑路 1 号"),
    theirs: edit("张江路 88 号", "科苑路 1 号"),
    text: edit("张江路 88 号", "科苑路 1 号"),
  },
  {
    name: "the same scalar changed two ways: a conflict around that field alone",
    ours: edit("张江路 88 号", "科苑路 1 号"),
    theirs: edit("张江路 88 号", "漕溪北路 8 号"),
    conflicts: ["address"],
    contests: [{ path: "address", ours: "上海市浦东新区科苑路 1 号", theirs: "上海市浦东新区漕溪北路 8 号" }],
  },
  {
    name: "tags added on both sides: a set, both additions kept (Chinese values)",
    ours: edit("  - 华东\n", "  - 华东\n  - 欠款\n"),
    theirs: edit("  - 华东\n", "  - 华东\n  - 重点\n  - 年度合同\n"),
    text: edit("  - 华东\n", "  - 华东\n  - 欠款\n  - 重点\n  - 年度合同\n"),
  },
  {
    name: "a tag removed on one side and another added on the other: the removal applied, the addition kept",
    ours: edit("  - vip\n", ""),
    theirs: edit("  - 华东\n", "  - 华东\n  - 重点\n"),
    text: edit("  - vip\n  - 华东\n", "  - 华东\n  - 重点\n"),
  },
  {
    name: "a phone added on one side, a title changed on the other, for the same contact person: merged field by field",
    ours: edit("      - 021-5555 1234\n", '      - 021-5555 1234\n      - "13800001111"\n'),
    theirs: edit("title: 设备科科长", "title: 设备部经理"),
    text: BASE.replace("title: 设备科科长", "title: 设备部经理").replace(
      "      - 021-5555 1234\n",
      '      - 021-5555 1234\n      - "13800001111"\n',
    ),
  },
  {
    name: "a contact person added on each side: both kept, this desk's first",
    ours: edit("tags:", '  - name: 李娜\n    phones:\n      - "13900002222"\ntags:'),
    theirs: edit("tags:", "  - name: 王磊\n    title: 采购\ntags:"),
    text: edit("tags:", '  - name: 李娜\n    phones:\n      - "13900002222"\n  - name: 王磊\n    title: 采购\ntags:'),
  },
  {
    name: "the same contact person's title changed two ways: a conflict named by the person",
    ours: edit("title: 设备科科长", "title: 设备部经理"),
    theirs: edit("title: 设备科科长", "title: 副总经理"),
    conflicts: ["contacts"],
    contests: [{ path: "contacts[张伟].title", ours: "设备部经理", theirs: "副总经理" }],
  },
  {
    name: "a contact person removed on one side and unchanged on the other: removed",
    ours: edit(
      "contacts:\n  - name: 张伟\n    title: 设备科科长\n    phones:\n      - 021-5555 1234\n",
      "contacts:\n  - name: 李娜\n",
    ),
    theirs: edit("张江路 88 号", "科苑路 1 号"),
    text: edit(
      "contacts:\n  - name: 张伟\n    title: 设备科科长\n    phones:\n      - 021-5555 1234\n",
      "contacts:\n  - name: 李娜\n",
    ).replace("张江路 88 号", "科苑路 1 号"),
  },
  {
    name: "a contact person removed on one side and changed on the other: a conflict",
    ours: edit(
      "contacts:\n  - name: 张伟\n    title: 设备科科长\n    phones:\n      - 021-5555 1234\n",
      "contacts:\n  - name: 李娜\n",
    ),
    theirs: edit("title: 设备科科长", "title: 设备部经理"),
    conflicts: ["contacts"],
    contests: [
      {
        path: "contacts[张伟]",
        ours: undefined,
        theirs: { name: "张伟", title: "设备部经理", phones: ["021-5555 1234"] },
      },
    ],
  },
  {
    name: "a field added on one side, another removed on the other",
    ours: edit("created:", "note: 每年四月保养\ncreated:"),
    theirs: edit("address: 上海市浦东新区张江路 88 号\n", ""),
    text: edit("address: 上海市浦东新区张江路 88 号\n", "").replace("created:", "note: 每年四月保养\ncreated:"),
  },
  {
    name: "a field removed on one side and changed on the other: a conflict",
    ours: edit("address: 上海市浦东新区张江路 88 号\n", ""),
    theirs: edit("张江路 88 号", "科苑路 1 号"),
    conflicts: ["address"],
    contests: [{ path: "address", ours: undefined, theirs: "上海市浦东新区科苑路 1 号" }],
  },
  {
    name: "nested mapping: different sub-fields merge",
    keys: TICKET,
    base: "customer: C-261101-AAAA\nstatus: dispatched\ndispatch:\n  technician: 李强\n  at: 2026-11-20T13:00:00+08:00\n",
    ours: "customer: C-261101-AAAA\nstatus: dispatched\ndispatch:\n  technician: 李强\n  at: 2026-11-20T13:00:00+08:00\n  depart: 2026-11-20T14:00:00+08:00\n",
    theirs:
      "customer: C-261101-AAAA\nstatus: dispatched\ndispatch:\n  technician: 李强\n  at: 2026-11-20T13:00:00+08:00\n  arrive: 2026-11-20T15:00:00+08:00\n",
    text: "customer: C-261101-AAAA\nstatus: dispatched\ndispatch:\n  technician: 李强\n  at: 2026-11-20T13:00:00+08:00\n  depart: 2026-11-20T14:00:00+08:00\n  arrive: 2026-11-20T15:00:00+08:00\n",
  },
  {
    name: "nested mapping: the same sub-field two ways is a conflict at its dotted path",
    keys: TICKET,
    base: "customer: C-261101-AAAA\nstatus: dispatched\ndispatch:\n  technician: 李强\n  at: 2026-11-20T13:00:00+08:00\n",
    ours: "customer: C-261101-AAAA\nstatus: dispatched\ndispatch:\n  technician: 赵工\n  at: 2026-11-20T13:00:00+08:00\n",
    theirs:
      "customer: C-261101-AAAA\nstatus: dispatched\ndispatch:\n  technician: Anna Schmidt\n  at: 2026-11-20T13:00:00+08:00\n",
    conflicts: ["dispatch"],
    contests: [{ path: "dispatch.technician", ours: "赵工", theirs: "Anna Schmidt" }],
  },
  {
    name: "a log without identity (plans) appended on both sides: both entries kept",
    keys: TICKET,
    base: "customer: C-261101-AAAA\nstatus: closed\n",
    ours: "customer: C-261101-AAAA\nstatus: closed\nplans:\n  - date: 2027-04-15\n    topic: 年度保养提醒\n    at: 2026-11-26T10:00:00+08:00\n",
    theirs:
      "customer: C-261101-AAAA\nstatus: closed\nplans:\n  - date: 2027-01-10\n    topic: Check the pump\n    at: 2026-11-26T11:00:00+08:00\n",
    text: "customer: C-261101-AAAA\nstatus: closed\nplans:\n  - date: 2027-04-15\n    topic: 年度保养提醒\n    at: 2026-11-26T10:00:00+08:00\n  - date: 2027-01-10\n    topic: Check the pump\n    at: 2026-11-26T11:00:00+08:00\n",
  },
];

describe("mergeRecord", () => {
  for (const row of ROWS)
    it(row.name, () => {
      const r = mergeRecord(row.base ?? BASE, row.ours, row.theirs, row.keys ?? CUSTOMER)!;
      expect(r).toBeDefined();
      if (row.text !== undefined) {
        expect(r.conflicts).toEqual([]);
        expect(r.text).toBe(row.text);
      } else {
        expect(r.conflicts).toEqual(row.conflicts);
        expect(r.contests.map((c) => ({ path: c.path, ours: c.ours, theirs: c.theirs }))).toEqual(row.contests);
        // the rest of the file is merged, and the comment kept
        expect(r.text.startsWith(row.base ? "customer:" : "# 老客户，2019 年起合作\n")).toBe(true);
      }
    });

  it("marks the contested field with the labels given, each side whole, the rest merged on both", () => {
    const ours = edit("title: 设备科科长", "title: 设备部经理").replace("  - 华东\n", "  - 华东\n  - 欠款\n");
    const theirs = edit("title: 设备科科长", "title: 副总经理").replace(
      "      - 021-5555 1234\n",
      '      - 021-5555 1234\n      - "13800001111"\n',
    );
    const r = mergeRecord(BASE, ours, theirs, CUSTOMER, { labels: { ours: "this desk", theirs: "the server" } })!;
    expect(r.text).toBe(
      "# 老客户，2019 年起合作\nname: 上海明远机电设备有限公司\naddress: 上海市浦东新区张江路 88 号\n" +
        "<<<<<<< this desk\n" +
        'contacts:\n  - name: 张伟\n    title: 设备部经理\n    phones:\n      - 021-5555 1234\n      - "13800001111"\n' +
        "=======\n" +
        'contacts:\n  - name: 张伟\n    title: 副总经理\n    phones:\n      - 021-5555 1234\n      - "13800001111"\n' +
        ">>>>>>> the server\n" +
        "tags:\n  - vip\n  - 华东\n  - 欠款\ncreated: 2026-11-01T09:00:00+08:00\n",
    );
  });

  it("settles a contest with the side or the value given", () => {
    const ours = edit("张江路 88 号", "科苑路 1 号");
    const theirs = edit("张江路 88 号", "漕溪北路 8 号");
    expect(mergeRecord(BASE, ours, theirs, CUSTOMER, { settle: () => ({ side: "theirs" }) })!).toMatchObject({
      conflicts: [],
      text: theirs,
    });
    expect(mergeRecord(BASE, ours, theirs, CUSTOMER, { settle: () => ({ side: "ours" }) })!).toMatchObject({
      conflicts: [],
      text: ours,
    });
    expect(
      mergeRecord(BASE, ours, theirs, CUSTOMER, {
        settle: (c) => (c.path === "address" ? { value: "上海市徐汇区 1 号" } : undefined),
      })!.text,
    ).toBe(edit("上海市浦东新区张江路 88 号", "上海市徐汇区 1 号"));
  });

  it("leaves what is not a mapping of fields to git's line merge", () => {
    expect(mergeRecord(BASE, "- a\n- b\n", BASE, CUSTOMER)).toBeUndefined();
    expect(mergeRecord(BASE, "name: [unclosed\n", BASE, CUSTOMER)).toBeUndefined();
  });

  it("a file added on both sides (no base) merges like any other", () => {
    const r = mergeRecord("", "name: Acme\naddress: Berlin\n", "name: Acme\ntags:\n  - export\n", CUSTOMER)!;
    expect(r).toMatchObject({ conflicts: [], text: "name: Acme\naddress: Berlin\ntags:\n  - export\n" });
  });
});
