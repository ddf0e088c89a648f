import { describe, expect, it } from "vitest";
import { cli, SETTINGS, testStore } from "./helpers.js";
import { MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

describe("aftercare check", () => {
  it("prints nothing and exits 0 on a clean store", async () => {
    const r = await cli(testStore(RECORDS), ["check"]);
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });

  it("reports every problem as path:line:col: message and exits 1", async () => {
    const root = testStore({
      ...RECORDS,
      // unknown customer, unknown staff, a status without its section
      "tickets/2026/11/T-261121-EEEE.yaml": `customer: C-261101-ZZZZ
received: 2026-11-21T09:00:00+08:00
filed: 2026-11-21T09:05:00+08:00
channel: fax
kind: install
problem: 新建站点
status: dispatched
assignee: 王小明
`,
      // a typo'd field and a phone written as a number
      "customers/C-261103-FFFF.yaml": `name: 北京恒通
contacts:
  - name: 刘洋
    phones:
      - 01066668888
adress: 北京市
created: 2026-11-03T10:00:00+08:00
`,
      // a merge left half done
      "contacts/2026/11/K-261121-GGGG.yaml": `customer: ${MINGYUAN}
<<<<<<< HEAD
at: 2026-11-21T10:00:00+08:00
=======
at: 2026-11-21T11:00:00+08:00
>>>>>>> theirs
channel: call
`,
      // broken YAML
      "contacts/2026/11/K-261122-HHHH.yaml": "customer: [C-261101-AAAA\nat: x\n",
      // filed in the wrong month, and a file that is not a record
      "tickets/2026/10/T-261120-JJJJ.yaml": RECORDS[`tickets/2026/11/${TICKET}.yaml`]!,
      "customers/notes.yaml": "name: scratch\ncreated: 2026-11-03T10:00:00+08:00\n",
      // a date that does not exist
      "events/E-261201-KKKK.yaml": "title: 客户联谊会\ndate: 2026-12-32\nkind: gathering\naudience: all\nowner: 王芳\ncreated: 2026-11-20T10:00:00+08:00\n",
    });
    const r = await cli(root, ["check"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "contacts/2026/11/K-261121-GGGG.yaml:2:1: leftover merge-conflict marker: resolve the conflict and remove the marker lines",
        "contacts/2026/11/K-261121-GGGG.yaml:4:1: leftover merge-conflict marker: resolve the conflict and remove the marker lines",
        "contacts/2026/11/K-261121-GGGG.yaml:6:1: leftover merge-conflict marker: resolve the conflict and remove the marker lines",
        "contacts/2026/11/K-261122-HHHH.yaml:2:1: Flow sequence in block collection must be sufficiently indented and end with a ]",
        'customers/C-261103-FFFF.yaml:5:9: contacts[1].phones[1] must be a quoted string, such as "021-5555 1234" (unquoted numbers lose leading zeros)',
        'customers/C-261103-FFFF.yaml:6:1: unknown field "adress" (check the spelling; a customer has no such field)',
        'customers/notes.yaml:1:1: file name "notes" is not a customer ID (C-yymmdd-XXXX); rename the file',
        "events/E-261201-KKKK.yaml:2:7: date must be a date such as 2026-11-26",
        "tickets/2026/10/T-261120-JJJJ.yaml:1:1: ticket T-261120-JJJJ is in the wrong place: its ID puts it at tickets/2026/11/T-261120-JJJJ.yaml",
        "tickets/2026/11/T-261121-EEEE.yaml:1:11: customer refers to customer C-261101-ZZZZ, which is not in this store",
        "tickets/2026/11/T-261121-EEEE.yaml:7:9: status is dispatched but dispatch: (technician, at) is missing",
        'tickets/2026/11/T-261121-EEEE.yaml:8:11: assignee names "王小明", who is not on the staff list in aftercare.yaml; add them with \'aftercare staff add\'',
        "",
      ].join("\n"),
    );
    const j = JSON.parse((await cli(root, ["check", "--json"])).stdout);
    expect(j[0]).toEqual({ path: "contacts/2026/11/K-261121-GGGG.yaml", line: 2, col: 1, message: expect.stringMatching(/^leftover merge-conflict marker/) });
  });

  it("reports a duplicate ID, a missing field and a staff member listed twice", async () => {
    const root = testStore(
      {
        ...RECORDS,
        "customers/C-261104-MMMM.yaml": "address: 无名\ncreated: 2026-11-04T10:00:00+08:00\n",
        [`tickets/2026/10/${TICKET}.yaml`]: RECORDS[`tickets/2026/11/${TICKET}.yaml`]!,
      },
      { settings: SETTINGS + "  - name: 李强\n    role: clerk\n" },
    );
    const r = await cli(root, ["check"]);
    expect(r.stdout).toBe(
      [
        'aftercare.yaml:15:11: staff member "李强" is listed twice',
        "customers/C-261104-MMMM.yaml:1:1: name is missing: it must be text",
        `tickets/2026/10/${TICKET}.yaml:1:1: ticket ${TICKET} is in the wrong place: its ID puts it at tickets/2026/11/${TICKET}.yaml`,
        `tickets/2026/11/${TICKET}.yaml:1:1: duplicate ID ${TICKET}: also at tickets/2026/10/${TICKET}.yaml; keep one of the two files`,
        "",
      ].join("\n"),
    );
  });
});

describe("reads and misplaced files", () => {
  it("a record filed in the wrong folder is left out of lists with a warning, not silently", async () => {
    const root = testStore({ ...RECORDS, "tickets/2026/10/T-261120-JJJJ.yaml": RECORDS[`tickets/2026/11/${TICKET}.yaml`]! });
    const r = await cli(root, ["ticket", "list", "--json"]);
    expect(JSON.parse(r.stdout).map((t: { id: string }) => t.id)).toEqual([TICKET]);
    expect(r.stderr).toBe("warning: 1 ticket file is not where its name puts it and left out (first: tickets/2026/10/T-261120-JJJJ.yaml); run 'aftercare check'\n");
  });
});
