// The derived cache in .aftercare/: it saves parsing unchanged files and never serves stale data.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, git, testStore } from "./helpers.js";
import { RECORDS, TICKET } from "./fixtures.js";

const path = `tickets/2026/11/${TICKET}.yaml`;
const status = async (root: string) =>
  JSON.parse((await cli(root, ["ticket", "show", TICKET, "--json"])).stdout).status;
const listed = async (root: string) =>
  JSON.parse((await cli(root, ["ticket", "list", "--status", "all", "--json"])).stdout)[0].status;

describe("the record cache", () => {
  it("is written on first read, ignored by git, and follows hand edits", async () => {
    const root = testStore(RECORDS);
    expect(await listed(root)).toBe("open");
    expect(existsSync(join(root, ".aftercare/cache/ticket.json"))).toBe(true);
    expect(git(root, "status", "--porcelain")).toBe("");
    // a hand edit, even one that keeps the file's size, is seen at once
    writeFileSync(join(root, path), readFileSync(join(root, path), "utf8").replace("status: open", "status: dead"));
    const broken = await cli(root, ["ticket", "list", "--status", "all", "--json"]);
    expect(broken.stderr).toMatch(
      /^warning: 1 ticket file could not be read and is left out \(first: tickets\/2026\/11\/T-261120-CCCC.yaml:10:9: status must be one of/,
    );
    writeFileSync(
      join(root, path),
      readFileSync(join(root, path), "utf8").replace("status: dead", "status: open\nassignee: 王芳"),
    );
    expect(JSON.parse((await cli(root, ["ticket", "list", "--json"])).stdout)[0].assignee).toBe("王芳");
  });

  it("a damaged or deleted cache is simply rebuilt", async () => {
    const root = testStore(RECORDS);
    await listed(root);
    writeFileSync(join(root, ".aftercare/cache/ticket.json"), "{not json");
    expect(await listed(root)).toBe("open");
    rmSync(join(root, ".aftercare"), { recursive: true });
    expect(await status(root)).toBe("open");
    await cli(root, ["ticket", "resolve", TICKET, "--note", "ok"]);
    expect(await listed(root)).toBe("resolved");
  });
});
