// init where git cannot be found: the store is made all the same, and the note says why there is no
// history in the reader's language (issue 13, item 1).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, tempDir } from "./helpers.js";

const NO_GIT = { PATH: "/nonexistent", AFTERCARE_NOW: "2026-12-07 09:00" };

describe("aftercare init without git", () => {
  it("makes the store and says in Chinese that it keeps no history", () => {
    const root = join(tempDir(), "华东");
    const r = bin(tempDir(), ["init", root, "--company", "华东制冷", "--locale", "zh-CN"], {
      ...NO_GIT,
      AFTERCARE_LOCALE: "",
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("注意：无法建立 git 仓库（未安装 git）；档案库没有 git 也能用，但不保留历史记录\n");
    expect(r.stderr).not.toMatch(/could not create|not installed/);
    expect(existsSync(join(root, "aftercare.yaml"))).toBe(true);
    expect(existsSync(join(root, ".git"))).toBe(false);
  });

  it("says it in English for an English store", () => {
    const root = join(tempDir(), "acme");
    const r = bin(tempDir(), ["init", root, "--company", "Acme Service", "--locale", "en"], NO_GIT);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "note: could not create a git repository (git is not installed); the store works without one, but keeps no history\n",
    );
    expect(existsSync(join(root, "aftercare.yaml"))).toBe(true);
  });
});
