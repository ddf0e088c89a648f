// One error pipeline (issue 11, Build 1), the parts that need no store (the fast tier): schema failures
// named by their flag, OS errors in plain words, and the exit-code table. Through the CLI: errors.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXIT, fromOsError, parseInput, render, describe as describeError } from "../src/errors.js";
import { customerSchema } from "../src/domain/schema.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

describe("schema failures map to flags", () => {
  it("a zod issue path names the flag from the command's map, else --kebab-case of the field", () => {
    const flags = { "contacts.phones": "--phone", "contacts.name": "--contact" };
    const base = { name: "X", created: "2026-11-26T10:00:00+08:00" };
    expect(() => parseInput(customerSchema, { ...base, contacts: [{ name: "Y", phones: ["1"] }] }, flags)).toThrow(
      '--phone "1" is too short for a phone number (at least 3 characters); nothing was written',
    );
    expect(() => parseInput(customerSchema, { ...base, contacts: [{ name: " " }] }, flags)).toThrow(
      '--contact " " must not be empty (it is only spaces); nothing was written',
    );
    expect(() => parseInput(customerSchema, { ...base, address: "" }, flags)).toThrow(
      '--address "" must not be empty; nothing was written',
    );
    try {
      parseInput(customerSchema, { ...base, address: "" });
    } catch (e) {
      expect((e as { exitCode: number }).exitCode).toBe(EXIT.usage);
    }
  });
});

describe("OS errors in plain words", () => {
  const errno = (code: string, message: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(`${code}: ${message}`), { code, ...extra });

  it.each([
    [
      "ENOSPC",
      /^the disk is full \(no space left on the device that holds the store\); free some space, then run the command again; nothing was written$/,
    ],
    ["EDQUOT", /^the disk is full/],
    ["EROFS", /^the store is read-only \(\/srv\/desk\/tickets\); its file system/],
    ["EACCES", /^no permission to write \/srv\/desk\/tickets; check who owns/],
    ["EPERM", /^no permission to write/],
    [
      "EMFILE",
      /^too many open files \(the system's limit on open files was reached\); close other programs, or raise the limit/,
    ],
    ["ENFILE", /^too many open files/],
    ["E2BIG", /^a value is too long to hand to git/],
    ["EIO", /^the disk reported an input\/output error/],
  ])("%s", (code, line) => {
    const e = fromOsError(
      errno(code, "x", code === "ENOSPC" || code === "EDQUOT" ? {} : { path: "/srv/desk/tickets" }),
      { state: "nothing" },
    )!;
    expect(e.message).toMatch(line);
    expect(e.exitCode).toBe(EXIT.refused);
    expect(e.message).not.toMatch(/internal error|\n/);
  });

  it("says what a failed write left, and never claims nothing was written when it was not so", () => {
    const e = fromOsError(errno("ENOSPC", "no space left on device, write"), {
      state: "left",
      files: ["tickets/2026/11/.T-261126-AAAA.yaml.1.ab.tmp", "tickets/2026/11/T-261126-BBBB.yaml"],
    })!;
    expect(e.message).toContain("changed and not committed: tickets/2026/11/T-261126-BBBB.yaml");
    expect(e.message).toContain("left a temporary file: tickets/2026/11/.T-261126-AAAA.yaml.1.ab.tmp (safe to delete)");
    expect(e.message).not.toContain("nothing was written");
    const unknown = fromOsError(errno("ENOSPC", "x"), { state: "unknown" })!;
    expect(unknown.message).not.toContain("nothing was written");
  });

  it("not an OS error: left for the internal-error line", () => {
    expect(fromOsError(new TypeError("x is undefined"), { state: "nothing" })).toBeUndefined();
    expect(fromOsError(errno("ENOENT", "no such file"), { state: "nothing" })).toBeUndefined();
  });
});

describe("the exit-code table", () => {
  it("is one table, written down in docs/reliability.md and the README", () => {
    const doc = readFileSync(join(ROOT, "docs", "reliability.md"), "utf8");
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const [name, code] of Object.entries(EXIT)) {
      expect(doc, name).toMatch(new RegExp(`^\\| ${code} \\|`, "m"));
      expect(readme, name).toContain(`${code}`);
    }
    expect(readme).toMatch(/; 3 saved but not\s+committed/);
  });

  it("the catalogue renders in one line", () => {
    expect(render(describeError("cancelled", {}))).toBe("cancelled; nothing was written");
  });
});
