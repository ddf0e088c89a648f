// Tables that line up (issue 13, item 6) through the CLI: customer list in both languages. The measures
// and layouts themselves are in tables-width.test.ts.
import { describe, expect, it } from "vitest";
import { width } from "../src/format/text.js";
import { cli, testStore } from "./helpers.js";
import { RECORDS } from "./fixtures.js";

const CAR = "🚗";
const FAMILY = "👨\u200d👩\u200d👧\u200d👦";
const CAFE = "Cafe\u0301"; // e + U+0301: one column

describe("table", () => {
  it("customer list lines up real names with an emoji and an accent, in both languages", async () => {
    const root = testStore({
      ...RECORDS,
      "customers/C-261103-EEEE.yaml": `name: "${CAR} 周家车行"\ncontacts:\n  - name: "周先生 ${FAMILY}"\n    phones:\n      - "138 1234 5678"\ncreated: 2026-11-03T09:00:00+08:00\n`,
      "customers/C-261104-FFFF.yaml": `name: "${CAFE} de Flore"\ncontacts:\n  - name: "Zoe\u0301"\ncreated: 2026-11-04T09:00:00+08:00\n`,
    });
    const en = await cli(root, ["customer", "list"]);
    expect(en.stdout).toBe(
      [
        "ID             customer                  contact     phone           tags",
        `C-261103-EEEE  ${CAR} 周家车行               周先生 ${FAMILY}   138 1234 5678`,
        `C-261101-AAAA  上海明远机电设备有限公司  张伟        021-5555 1234   vip`,
        `C-261102-BBBB  Acme Pumps GmbH           Hans Weber  +49 30 1234567`,
        `C-261104-FFFF  ${CAFE} de Flore             Zoe\u0301`,
        "",
      ].join("\n"),
    );
    const zh = await cli(root, ["customer", "list"], { env: { AFTERCARE_LOCALE: "zh-CN" } });
    expect(zh.stdout.split("\n")[0]).toBe("编号           客户                      联系人      电话            标签");
    // every row's phone starts at the same terminal column, in both languages
    for (const out of [en.stdout, zh.stdout]) {
      const rows = out.split("\n").slice(1, 4);
      expect(rows.map((l) => width(l.slice(0, l.search(/138|021|\+49/))))).toEqual([53, 53, 53]);
    }
  });
});
