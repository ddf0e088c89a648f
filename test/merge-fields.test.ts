// The field-by-field merge (src/store/merge.ts), kind by kind: which field names a list item, lists with an
// identity (a contact by name, a vehicle by plate, extra work by no, an estimate line by item), lists without
// one (sets), nested mappings, fields added and removed, and each way a value can be contested, with the
// conflict markers written and the merged value. test/merge.test.ts has the customer file's common cases.
import { describe, expect, it } from "vitest";
import { identityOf, mergeRecord, type Contest } from "../src/store/merge.js";

const CUSTOMER = ["name", "address", "contacts", "tags", "equipment", "vehicles", "note", "created"];
const TICKET = ["customer", "status", "extras", "estimate", "plans"];

/** The contests as a row shows them: where, and each side's version. */
const shown = (cs: Contest[]) => cs.map((c) => ({ field: c.field, path: c.path, ours: c.ours, theirs: c.theirs }));

describe("identityOf: the field that names a list item", () => {
  const rows: [string, unknown[][], string | undefined][] = [
    ["contact persons by name", [[{ name: "张伟" }], [{ name: "张伟", title: "科长" }, { name: "Anna" }], []], "name"],
    ["vehicles by plate", [[{ plate: "沪A12345" }], [{ plate: "沪A12345", model: "帕萨特" }], []], "plate"],
    [
      "extra work by no, before its item",
      [
        [],
        [{ no: 1, item: "刹车片" }],
        [
          { no: 1, item: "刹车片" },
          { no: 2, item: "刹车片" },
        ],
      ],
      "no",
    ],
    [
      "estimate lines by item",
      [[{ item: "更换机油", labour: 8000 }], [{ item: "Brake pads", labour: 12000 }], []],
      "item",
    ],
    ["name first when an item has several", [[{ name: "泵", plate: "x" }], [{ name: "阀", plate: "x" }], []], "name"],
    ["a name twice in one version: no identity", [[{ name: "张伟" }, { name: "张伟" }], [], []], undefined],
    ["an item without the field: the next field tried", [[{ name: "张伟", item: "a" }], [{ item: "b" }], []], "item"],
    ["a name that is not a scalar: none", [[{ name: ["张伟"] }], [], []], undefined],
    ["plain strings (tags): none", [["vip"], ["vip", "华东"], []], undefined],
    ["no items at all: none", [[], [], []], undefined],
  ];
  for (const [name, lists, key] of rows) it(name, () => expect(identityOf(lists)).toBe(key));
});

interface Row {
  name: string;
  keys: readonly string[];
  base: string;
  ours: string;
  theirs: string;
  /** the merged file, when nothing is contested */
  text?: string;
  /** the contests, when something is */
  contests?: ReturnType<typeof shown>;
}

const ACME = `name: Acme GmbH
vehicles:
  - plate: B-AC 1234
    model: VW Crafter
created: 2026-11-01T09:00:00+01:00
`;

// the store writes the key "no" quoted: a YAML 1.1 reader takes a bare no for false
const SHOP = `customer: C-261101-AAAA
status: in-repair
extras:
  - "no": 1
    item: 刹车片磨损
    asked: 2026-11-20T10:00:00+08:00
estimate:
  mode: fixed
  at: 2026-11-19T16:00:00+08:00
  lines:
    - item: 更换机油
      labour: 8000
`;

const ROWS: Row[] = [
  {
    name: "a vehicle's model on one side and its VIN on the other: merged inside the item named by its plate",
    keys: CUSTOMER,
    base: ACME,
    ours: ACME.replace("VW Crafter", "VW Crafter 2.0 TDI"),
    theirs: ACME.replace("    model: VW Crafter\n", "    model: VW Crafter\n    vin: WV1ZZZ2EZE6000001\n"),
    text: ACME.replace("    model: VW Crafter\n", "    model: VW Crafter 2.0 TDI\n    vin: WV1ZZZ2EZE6000001\n"),
  },
  {
    name: "a vehicle's model changed two ways: a conflict at the plate",
    keys: CUSTOMER,
    base: ACME,
    ours: ACME.replace("VW Crafter", "VW Crafter 2.0 TDI"),
    theirs: ACME.replace("VW Crafter", "Mercedes Sprinter"),
    contests: [
      { field: "vehicles", path: "vehicles[B-AC 1234].model", ours: "VW Crafter 2.0 TDI", theirs: "Mercedes Sprinter" },
    ],
  },
  {
    name: "the same vehicle added on both sides with different details: one item, the shared field kept, the rest contested",
    keys: CUSTOMER,
    base: "name: Acme GmbH\ncreated: 2026-11-01T09:00:00+01:00\n",
    ours: "name: Acme GmbH\nvehicles:\n  - plate: 沪A12345\n    model: 帕萨特\ncreated: 2026-11-01T09:00:00+01:00\n",
    theirs:
      "name: Acme GmbH\nvehicles:\n  - plate: 沪A12345\n    model: Passat B8\ncreated: 2026-11-01T09:00:00+01:00\n",
    contests: [{ field: "vehicles", path: "vehicles[沪A12345].model", ours: "帕萨特", theirs: "Passat B8" }],
  },
  {
    name: "a vehicle removed on their side, changed on ours: the removal contested",
    keys: CUSTOMER,
    base: ACME.replace("created:", "  - plate: 沪A12345\ncreated:"),
    ours: ACME.replace("VW Crafter", "VW Crafter 2.0 TDI").replace("created:", "  - plate: 沪A12345\ncreated:"),
    theirs: ACME.replace("  - plate: B-AC 1234\n    model: VW Crafter\n", "  - plate: 沪A12345\n"),
    contests: [
      {
        field: "vehicles",
        path: "vehicles[B-AC 1234]",
        ours: { plate: "B-AC 1234", model: "VW Crafter 2.0 TDI" },
        theirs: undefined,
      },
    ],
  },
  {
    name: "a vehicle removed on both sides: gone, no conflict",
    keys: CUSTOMER,
    base: ACME.replace("created:", "  - plate: 沪A12345\ncreated:"),
    ours: ACME,
    theirs: ACME,
    text: ACME,
  },
  {
    name: "extra work: an answer on one side, a new item on the other, merged by number",
    keys: TICKET,
    base: SHOP,
    ours: SHOP.replace(
      "    asked: 2026-11-20T10:00:00+08:00\n",
      "    asked: 2026-11-20T10:00:00+08:00\n    amount: 45000\n",
    ),
    theirs: SHOP.replace(
      "    asked: 2026-11-20T10:00:00+08:00\n",
      '    asked: 2026-11-20T10:00:00+08:00\n  - "no": 2\n    item: Wiper blades\n    asked: 2026-11-21T09:00:00+08:00\n',
    ),
    text: SHOP.replace(
      "    asked: 2026-11-20T10:00:00+08:00\n",
      '    asked: 2026-11-20T10:00:00+08:00\n    amount: 45000\n  - "no": 2\n    item: Wiper blades\n    asked: 2026-11-21T09:00:00+08:00\n',
    ),
  },
  {
    name: "extra work renamed two ways: a conflict named by its number",
    keys: TICKET,
    base: SHOP,
    ours: SHOP.replace("item: 刹车片磨损", "item: 前刹车片磨损"),
    theirs: SHOP.replace("item: 刹车片磨损", "item: Front brake pads worn"),
    contests: [{ field: "extras", path: "extras[1].item", ours: "前刹车片磨损", theirs: "Front brake pads worn" }],
  },
  {
    name: "an estimate line's labour changed two ways: a conflict inside the nested mapping, named by the item",
    keys: TICKET,
    base: SHOP,
    ours: SHOP.replace("labour: 8000", "labour: 9000"),
    theirs: SHOP.replace("labour: 8000", "labour: 12000"),
    contests: [{ field: "estimate", path: "estimate.lines[更换机油].labour", ours: 9000, theirs: 12000 }],
  },
  {
    name: "estimate lines added on both sides, the diagnosis written on one: all kept",
    keys: TICKET,
    base: SHOP,
    ours: SHOP.replace("  mode: fixed\n", "  mode: fixed\n  diagnosis: 机油滤清器堵塞\n").replace(
      "      labour: 8000\n",
      "      labour: 8000\n    - item: 更换滤清器\n      labour: 3000\n",
    ),
    theirs: SHOP.replace("      labour: 8000\n", "      labour: 8000\n    - item: Air filter\n      labour: 2500\n"),
    text: SHOP.replace("  mode: fixed\n", "  mode: fixed\n  diagnosis: 机油滤清器堵塞\n").replace(
      "      labour: 8000\n",
      "      labour: 8000\n    - item: 更换滤清器\n      labour: 3000\n    - item: Air filter\n      labour: 2500\n",
    ),
  },
  {
    name: "a nested mapping added on both sides: merged field by field as if from nothing",
    keys: ["customer", "status", "dispatch"],
    base: "customer: C-261101-AAAA\nstatus: open\n",
    ours: "customer: C-261101-AAAA\nstatus: open\ndispatch:\n  technician: 李强\n",
    theirs: "customer: C-261101-AAAA\nstatus: open\ndispatch:\n  at: 2026-11-20T13:00:00+08:00\n",
    text: "customer: C-261101-AAAA\nstatus: open\ndispatch:\n  technician: 李强\n  at: 2026-11-20T13:00:00+08:00\n",
  },
  {
    name: "the same tag added on both sides and another removed on both: once, and gone",
    keys: CUSTOMER,
    base: "name: 明远\ntags:\n  - vip\n  - 华东\ncreated: 2026-11-01T09:00:00+08:00\n",
    ours: "name: 明远\ntags:\n  - 华东\n  - export\ncreated: 2026-11-01T09:00:00+08:00\n",
    theirs: "name: 明远\ntags:\n  - export\n  - 华东\n  - 重点\ncreated: 2026-11-01T09:00:00+08:00\n",
    text: "name: 明远\ntags:\n  - 华东\n  - export\n  - 重点\ncreated: 2026-11-01T09:00:00+08:00\n",
  },
  {
    name: "a plan (no identity) dropped on one side while the other adds one: a set, the drop applied",
    keys: TICKET,
    base: "customer: C-261101-AAAA\nstatus: closed\nplans:\n  - date: 2027-04-15\n    topic: 年度保养提醒\n    at: 2026-11-26T10:00:00+08:00\n",
    ours: "customer: C-261101-AAAA\nstatus: closed\nplans: []\n",
    theirs:
      "customer: C-261101-AAAA\nstatus: closed\nplans:\n  - date: 2027-04-15\n    topic: 年度保养提醒\n    at: 2026-11-26T10:00:00+08:00\n  - date: 2027-01-10\n    topic: Check the pump\n    at: 2026-11-26T11:00:00+08:00\n",
    text: "customer: C-261101-AAAA\nstatus: closed\nplans:\n  - date: 2027-01-10\n    topic: Check the pump\n    at: 2026-11-26T11:00:00+08:00\n",
  },
  {
    name: "a field removed on both sides: gone",
    keys: CUSTOMER,
    base: "name: 明远\nnote: 每年四月保养\ncreated: 2026-11-01T09:00:00+08:00\n",
    ours: "name: 明远\ncreated: 2026-11-01T09:00:00+08:00\n",
    theirs: "name: 明远\ncreated: 2026-11-01T09:00:00+08:00\n",
    text: "name: 明远\ncreated: 2026-11-01T09:00:00+08:00\n",
  },
  {
    name: "a field only their side added goes where the record's key order puts it",
    keys: CUSTOMER,
    base: "name: 明远\ncreated: 2026-11-01T09:00:00+08:00\n",
    ours: "name: 明远股份\ncreated: 2026-11-01T09:00:00+08:00\n",
    theirs: "name: 明远\naddress: 上海市浦东新区张江路 88 号\ncreated: 2026-11-01T09:00:00+08:00\n",
    text: "name: 明远股份\naddress: 上海市浦东新区张江路 88 号\ncreated: 2026-11-01T09:00:00+08:00\n",
  },
  {
    name: "a value turned into a list on one side and changed on the other: a conflict, not a merge",
    keys: CUSTOMER,
    base: "name: 明远\nnote: 每年四月保养\ncreated: 2026-11-01T09:00:00+08:00\n",
    ours: "name: 明远\nnote:\n  - 每年四月保养\n  - 十月再查\ncreated: 2026-11-01T09:00:00+08:00\n",
    theirs: "name: 明远\nnote: Service every April\ncreated: 2026-11-01T09:00:00+08:00\n",
    contests: [{ field: "note", path: "note", ours: ["每年四月保养", "十月再查"], theirs: "Service every April" }],
  },
  {
    name: "the same field added two ways on both sides: a conflict with no base",
    keys: CUSTOMER,
    base: "name: 明远\ncreated: 2026-11-01T09:00:00+08:00\n",
    ours: "name: 明远\nnote: 每年四月保养\ncreated: 2026-11-01T09:00:00+08:00\n",
    theirs: "name: 明远\nnote: Service every April\ncreated: 2026-11-01T09:00:00+08:00\n",
    contests: [{ field: "note", path: "note", ours: "每年四月保养", theirs: "Service every April" }],
  },
];

describe("mergeRecord, field kind by field kind", () => {
  for (const row of ROWS)
    it(row.name, () => {
      const r = mergeRecord(row.base, row.ours, row.theirs, row.keys)!;
      expect(shown(r.contests)).toEqual(row.contests ?? []);
      expect(r.conflicts).toEqual([...new Set((row.contests ?? []).map((c) => c.field))]);
      if (row.text !== undefined) expect(r.text).toBe(row.text);
      else expect(r.text).toContain("<<<<<<< ours\n");
    });
});

const BASE = "name: 明远\naddress: 张江路 88 号\nnote: 每年四月保养\ncreated: 2026-11-01T09:00:00+08:00\n";

describe("conflict markers and the merged value", () => {
  it("two fields contested: each marked on its own, in the file's order, the merged value taking our side", () => {
    const ours = "name: 明远\naddress: 科苑路 1 号\nnote: 每年五月保养\ncreated: 2026-11-01T09:00:00+08:00\n";
    const theirs = "name: 明远\naddress: Keyuan Rd 1\nnote: Service every May\ncreated: 2026-11-01T09:00:00+08:00\n";
    const r = mergeRecord(BASE, ours, theirs, CUSTOMER)!;
    expect(r.conflicts).toEqual(["address", "note"]);
    expect(r.text).toBe(
      "name: 明远\n" +
        "<<<<<<< ours\naddress: 科苑路 1 号\n=======\naddress: Keyuan Rd 1\n>>>>>>> theirs\n" +
        "<<<<<<< ours\nnote: 每年五月保养\n=======\nnote: Service every May\n>>>>>>> theirs\n" +
        "created: 2026-11-01T09:00:00+08:00\n",
    );
    expect(r.value).toEqual({
      name: "明远",
      address: "科苑路 1 号",
      note: "每年五月保养",
      created: "2026-11-01T09:00:00+08:00",
    });
  });

  it("a field removed on one side and changed on the other is marked with the removal written out", () => {
    const ours = "name: 明远\naddress: 张江路 88 号\ncreated: 2026-11-01T09:00:00+08:00\n";
    const theirs = "name: 明远\naddress: 张江路 88 号\nnote: Service every May\ncreated: 2026-11-01T09:00:00+08:00\n";
    const r = mergeRecord(BASE, ours, theirs, CUSTOMER)!;
    expect(r.contests.map((c) => ({ base: c.base, ours: c.ours, theirs: c.theirs }))).toEqual([
      { base: "每年四月保养", ours: undefined, theirs: "Service every May" },
    ]);
    expect(r.text).toBe(
      "name: 明远\naddress: 张江路 88 号\n" +
        "<<<<<<< ours\n# (note removed)\n=======\nnote: Service every May\n>>>>>>> theirs\n" +
        "created: 2026-11-01T09:00:00+08:00\n",
    );
    expect(r.value).not.toHaveProperty("note");
  });
});

describe("settlements, and what is not merged", () => {
  it("a settlement for one contest leaves the others contested", () => {
    const ours = "name: 明远\naddress: 科苑路 1 号\nnote: 每年五月保养\ncreated: 2026-11-01T09:00:00+08:00\n";
    const theirs = "name: 明远\naddress: Keyuan Rd 1\nnote: Service every May\ncreated: 2026-11-01T09:00:00+08:00\n";
    const r = mergeRecord(BASE, ours, theirs, CUSTOMER, {
      settle: (c) => (c.path === "note" ? { side: "theirs" } : undefined),
    })!;
    expect(r.conflicts).toEqual(["address"]);
    expect(r.text).toBe(
      "name: 明远\n" +
        "<<<<<<< ours\naddress: 科苑路 1 号\n=======\naddress: Keyuan Rd 1\n>>>>>>> theirs\n" +
        "note: Service every May\ncreated: 2026-11-01T09:00:00+08:00\n",
    );
  });

  it("a settlement inside a list item settles that item's field alone", () => {
    const r = mergeRecord(
      ACME,
      ACME.replace("VW Crafter", "VW Crafter 2.0 TDI"),
      ACME.replace("VW Crafter", "Mercedes Sprinter"),
      CUSTOMER,
      { settle: (c) => (c.path === "vehicles[B-AC 1234].model" ? { value: "VW Crafter (2019)" } : undefined) },
    )!;
    expect(r).toMatchObject({ conflicts: [], contests: [], text: ACME.replace("VW Crafter", "VW Crafter (2019)") });
  });

  it("an empty base (the file added on both sides) and an unreadable side", () => {
    expect(mergeRecord("", "name: 明远\n", "name: Mingyuan\n", CUSTOMER)!.contests.map((c) => c.path)).toEqual([
      "name",
    ]);
    expect(mergeRecord(BASE, BASE, "just words\n", CUSTOMER)).toBeUndefined();
    expect(mergeRecord("- a\n", BASE, BASE, CUSTOMER)).toBeUndefined();
  });
});
