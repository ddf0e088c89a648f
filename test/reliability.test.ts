// Faults a reviewer found after the first pass: undo never takes unsaved work with it, --output
// mistakes are the user's, a broken record never reads as "nothing overdue" (git's own words: git-words.test.ts).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, commits, git, testStore } from "./helpers.js";
import { RECORDS, TICKET } from "./fixtures.js";

describe("undo", () => {
  it("refuses while a saved record is not committed, and leaves it on disk", async () => {
    const root = testStore(RECORDS);
    expect((await cli(root, ["customer", "add", "Hook Co", "--contact", "A", "--phone", "12345"])).code).toBe(0);
    // aftercare's own hooks folder: a hook that refuses every commit (month-end freeze)
    const hooks = join(root, ".git", "aftercare", "hooks");
    mkdirSync(hooks, { recursive: true });
    writeFileSync(join(hooks, "pre-commit"), '#!/bin/sh\necho "frozen: month-end closing" >&2\nexit 1\n', {
      mode: 0o755,
    });
    const saved = await cli(root, ["customer", "add", "New Co", "--contact", "B", "--phone", "67890"]);
    expect(saved.code).toBe(3);
    const id = saved.stdout.trim();
    const r = await cli(root, ["undo"]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toMatch(
      /^note: an earlier write is still not committed \(a git hook refused the commit: frozen: month-end closing\)/,
    );
    expect(r.stderr.split("\n").slice(1).join("\n")).toMatch(
      /^the store has changes not yet committed \(customers\/C-261126-\w{4}\.yaml\); commit them first \('aftercare doctor --fix', or git\), then undo; nothing was changed\n$/,
    );
    expect(existsSync(join(root, "customers", `${id}.yaml`))).toBe(true);
  });
});

describe("--output", () => {
  it("a path that cannot be written is one plain line, exit 1, never an internal error", async () => {
    const root = testStore(RECORDS);
    const cases: [string[], RegExp][] = [
      [
        ["export", "customers", "--output", "/nonexistent/dir/x.csv"],
        /^cannot write --output \/nonexistent\/dir\/x\.csv: its folder does not exist; the store was not changed\n$/,
      ],
      [
        ["export", "customers", "--output", "/tmp"],
        /^cannot write --output \/tmp: it is a folder: give a file name; the store was not changed\n$/,
      ],
      [
        ["calendar", "--output", "aftercare.yaml/x.ics"],
        /^cannot write --output aftercare\.yaml\/x\.ics: a part of the path is a file, not a folder; the store was not changed\n$/,
      ],
    ];
    for (const [args, err] of cases) {
      const r = await cli(root, args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toMatch(err);
    }
    expect(git(root, "status", "--porcelain")).toBe("");
  });
});

describe("due with a record that cannot be read", () => {
  it("says the list may be incomplete, and --fail-if-overdue does not report all clear", async () => {
    const root = testStore(RECORDS);
    // a ticket saved as GBK by some other program: it cannot be read
    writeFileSync(
      join(root, "tickets/2026/11", `${TICKET}.yaml`),
      Buffer.from([0x63, 0x75, 0x73, 0x74, 0x6f, 0x6d, 0x65, 0x72, 0x3a, 0x20, 0xd5, 0xc5, 0xce, 0xb0, 0x0a]),
    );
    const r = await cli(root, ["due", "--fail-if-overdue"], { now: "2026-11-26T09:00:00+08:00" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "note: the list may be incomplete: a record file could not be read (above); see 'aftercare check'\n",
    );
    expect(commits(root)).toHaveLength(1);
  });
});

describe("escape codes typed by a user", () => {
  it("an error that quotes them shows them escaped, never as colour or hidden text", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["due", "--for", "\u001b[8mHIDDEN\u001b[0m"]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("\u001b");
    expect(r.stderr).toContain("\\u001b[8mHIDDEN");
  });
});

describe("small mistakes, one clear line each", () => {
  it("an empty phone, a malformed e-mail, a date range backwards, a lock timeout that is not a number", async () => {
    const root = testStore(RECORDS);
    expect(await cli(root, ["customer", "add", "Blank Co", "--contact", "A", "--phone", "   "])).toMatchObject({
      code: 2,
      stderr: '--phone "   " is empty: give the number, such as "021-5555 1234"; nothing was written\n',
    });
    expect(await cli(root, ["customer", "add", "Mail Co", "--contact", "A", "--email", "@@"])).toMatchObject({
      code: 2,
      stderr: '--email "@@" is not an e-mail address such as name@example.com; nothing was written\n',
    });
    expect(await cli(root, ["export", "customers", "--from", "2026-12-01", "--to", "2026-11-01"])).toMatchObject({
      code: 2,
      stderr: "--to 2026-11-01 is before --from 2026-12-01; nothing to export\n",
    });
    expect(await cli(root, ["customer", "add", "Wait Co"], { env: { AFTERCARE_LOCK_TIMEOUT: "abc" } })).toMatchObject({
      code: 2,
      stderr: 'AFTERCARE_LOCK_TIMEOUT "abc" must be a number of seconds, such as 120; nothing was written\n',
    });
    expect(commits(root)).toHaveLength(1);
  });
});
