// aftercare reindex's own lines in the store's language (issue 13, item 1): the index switched off,
// and an index that cannot be made where the store is.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, testStore } from "./helpers.js";

const zh = { AFTERCARE_LOCALE: "", AFTERCARE_NOW: "2026-12-07 09:00" };
const en = { AFTERCARE_LOCALE: "en", AFTERCARE_NOW: "2026-12-07 09:00" };

describe("aftercare reindex says what it did not do", () => {
  it("with the index switched off: nothing rebuilt, exit 0", () => {
    const root = testStore();
    const r = bin(root, ["reindex"], { ...zh, AFTERCARE_INDEX: "off" });
    expect(r).toMatchObject({ code: 0, stdout: "" });
    expect(r.stderr).toBe("索引已关闭（AFTERCARE_INDEX=off）：每次查询都直接读取记录文件；未重建任何内容\n");
    const e = bin(root, ["reindex"], { ...en, AFTERCARE_INDEX: "off" });
    expect(e.stderr).toBe(
      "the index is switched off (AFTERCARE_INDEX=off): every read reads the record files; nothing was rebuilt\n",
    );
  });

  it("where SQLite cannot open the index: exit 1, and reads go on from the files", () => {
    const root = testStore();
    writeFileSync(join(root, ".aftercare"), "not a folder\n");
    const r = bin(root, ["reindex"], zh);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "无法在此建立索引（SQLite 打不开 .aftercare/index.sqlite）；查询将继续直接读取记录文件\n",
    );
    expect(r.stderr).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
    const e = bin(root, ["reindex"], en);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain("the index could not be built here (SQLite could not open .aftercare/index.sqlite)");
    expect(bin(root, ["due"], zh).code).toBe(0);
  });
});
