// One error pipeline (issue 11, Build 1) through the CLI: every user mistake reads as one line that names
// the flag and the rule, never as "internal error"; OS errors met on real stores. The parts that need no
// store (schema failures, OS errors in words, the exit-code table) are in errors-words.test.ts.
import { chmodSync, existsSync, promises as fsp, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EXIT, LIMITS } from "../src/errors.js";
import { customerSchema } from "../src/domain/schema.js";
import { Git } from "../src/store/git.js";
import { Store } from "../src/store/store.js";
import { CALL, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";
import { bin, cli, commits, git, testStore } from "./helpers.js";

afterEach(() => {
  vi.restoreAllMocks();
});

/** What every error on stderr must be: one line, no bug report, no zod dump, no stack. */
function expectOneCleanLine(stderr: string): void {
  expect(stderr.endsWith("\n"), stderr).toBe(true);
  expect(stderr.trimEnd().split("\n"), stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/internal error|a bug in aftercare/);
  expect(stderr).not.toMatch(/ZodError|"code":|too_small|invalid_type/);
  expect(stderr).not.toMatch(/^\s+at /m);
}

const LONG_NAME = "长".repeat(25_000);
const LONG_TEXT = "x".repeat(LIMITS.text + 1);

// command args → expected exit code (and, where it matters, what the line says)
const BAD_INPUT: [string[], number, RegExp?][] = [
  [
    ["customer", "add", "X", "--contact", "Y", "--phone", "1"],
    2,
    /^--phone "1" is too short for a phone number \(at least 3 characters\); nothing was written$/,
  ],
  [["customer", "add", "X", "--contact", " "], 2, /^--contact " " must not be empty/],
  [["customer", "add", "X", "--address", "  "], 2, /^--address " {2}" must not be empty/],
  [["customer", "add", "X", "--equipment", " "], 2, /^--equipment /],
  [["customer", "add", "X", "--vehicle", " "], 2, /^--vehicle /],
  [
    ["customer", "add", LONG_NAME],
    2,
    /^NAME is too long: 25,000 characters \(at most 500 for a one-line field\); shorten it; nothing was written$/,
  ],
  [
    ["customer", "add", "X", "--note", LONG_TEXT],
    2,
    /^--note is too long: 10,001 characters \(at most 10,000 for a text\)/,
  ],
  [["customer", "edit", MINGYUAN, "--phone", "1"], 2, /^--phone "1" is too short/],
  [["customer", "edit", MINGYUAN, "--name", " "], 2, /^--name " " must not be empty/],
  [["customer", "show", "nobody-at-all"], 1],
  [
    ["ticket", "open", "--customer", MINGYUAN, "--problem", "   "],
    2,
    /^--problem " {3}" must not be empty \(it is only spaces\); nothing was written$/,
  ],
  [["ticket", "open", "--customer", MINGYUAN, "--problem", "x", "--request", " "], 2, /^--request /],
  [
    ["ticket", "open", "--customer", MINGYUAN, "--problem", "x", "--received", "garbage"],
    2,
    /^--received "garbage" is not a date-time/,
  ],
  [["ticket", "open", "--customer", MINGYUAN, "--problem", "x", "--kind", "bogus"], 2],
  [["ticket", "open", "--customer", MINGYUAN, "--problem", LONG_TEXT + LONG_TEXT], 2, /^--problem is too long/],
  [["ticket", "list", "--status", "bogus"], 2],
  [["ticket", "escalate", TICKET, "--note", " "], 2, /^--note " " must not be empty/],
  [["ticket", "dispatch", TICKET, "--technician", "李强", "--depart", "bad"], 2, /^--depart "bad"/],
  [["ticket", "resolve", TICKET, "--note", " "], 2],
  [["ticket", "cancel", TICKET, "--reason", " "], 2],
  [["ticket", "schedule", TICKET, "--date", "2026-12-01", "--reason", " "], 2],
  [["ticket", "show", "T-999999-ZZZZ"], 1],
  [["event", "add", "--title", " ", "--date", "2026-12-20"], 2, /^--title " " must not be empty/],
  [["event", "add", "--title", "x", "--date", "2026-12-20", "--note", " "], 2, /^--note /],
  [["event", "add", "--title", "x", "--date", "someday"], 2],
  [["event", "add", "--title", "x", "--date", "2026-12-20", "--audience", "tag: "], 2],
  [
    ["call", "log", "--ticket", TICKET, "--direction", "in", "--purpose", "complaint", "--summary", " "],
    2,
    /^--summary " " must not be empty/,
  ],
  [
    [
      "call",
      "log",
      "--ticket",
      TICKET,
      "--direction",
      "in",
      "--purpose",
      "complaint",
      "--summary",
      "x",
      "--person",
      " ",
    ],
    2,
    /^--person /,
  ],
  [
    [
      "call",
      "log",
      "--ticket",
      TICKET,
      "--direction",
      "in",
      "--purpose",
      "complaint",
      "--summary",
      "x",
      "--request",
      " ",
    ],
    2,
    /^--request /,
  ],
  [
    [
      "call",
      "log",
      "--ticket",
      TICKET,
      "--direction",
      "in",
      "--purpose",
      "complaint",
      "--summary",
      "x",
      "--complaint",
      " ",
    ],
    2,
    /^--complaint /,
  ],
  [
    [
      "call",
      "log",
      "--ticket",
      TICKET,
      "--direction",
      "in",
      "--purpose",
      "complaint",
      "--summary",
      "x",
      "--satisfaction",
      "9",
    ],
    2,
  ],
  [
    ["letter", "log", "--customer", MINGYUAN, "--kind", "reply", "--subject", " "],
    2,
    /^--subject " " must not be empty/,
  ],
  [["letter", "log", "--customer", MINGYUAN, "--kind", "reply", "--subject", "x", "--summary", " "], 2, /^--summary /],
  [["contact", "edit", CALL, "--summary", " "], 2],
  [["contact", "edit", CALL, "--satisfaction", "0"], 2],
  [["staff", "add", "X", "--role", "clerk", "--phone", "1"], 2, /^--phone "1" is too short/],
  [["staff", "add", "X", "--role", "clerk", "--email", " "], 2, /^--email /],
  [["staff", "add", "X", "--role", "wizard"], 2],
  [
    ["staff", "absent", "王芳", "--from", "2026-12-01", "--to", "2026-12-02", "--cover", "李强", "--note", " "],
    2,
    /^--note /,
  ],
  [["staff", "absent", "王芳", "--from", "2026-12-03", "--to", "2026-12-02", "--cover", "李强"], 2],
  [["duty", "waive", `R-ESC-1DAY:${TICKET}`, "--reason", " "], 2],
  [["report", "monthly", "2026-13"], 2],
  [["due", "--within", "abc"], 2],
  [["export", "nope"], 2],
  [["holidays", "abc"], 2],
  [["history", "nope"], 1],
  [["init", "--company", " "], 2],
  [["--now", "garbage", "due"], 2],
  [["ticket", "open", "--customer", MINGYUAN, "--problem", "x", "--frobnicate"], 2],
  [
    ["ticket", "open", "--custmer", MINGYUAN, "--problem", "x"],
    2,
    /^unknown option '--custmer' \(Did you mean --customer\?\)$/,
  ],
  [["ticket", "show"], 2],
  [["customer", "add", "X", "--contact", "Y", "--phone", "021\n5555"], 2, /^--phone "021\\n5555" must be one line/],
];

describe("every command's bad input: one line, the right exit code, nothing written", () => {
  it.each(
    BAD_INPUT.map(([args, code, line]) => ({
      name: args.map((a) => (a.length > 30 ? `${a.slice(0, 8)}…(${a.length})` : a)).join(" "),
      args,
      code,
      line,
    })),
  )("$name → $code", async ({ args, code, line }) => {
    const root = testStore(RECORDS);
    // duty waive is the supervisor's; the rest act as the clerk
    const r = await cli(root, args, { as: args[0] === "duty" ? "Anna Schmidt" : "王芳" });
    expect(r.code, r.stderr).toBe(code);
    expectOneCleanLine(r.stderr);
    if (line) expect(r.stderr.trimEnd()).toMatch(line);
    expect(r.stdout).toBe("");
    expect(git(root, "status", "--porcelain")).toBe("");
    expect(commits(root)).toHaveLength(1);
  });

  it("covers at least 25 commands and flags", () => {
    const commandOf = (a: string[]) =>
      a
        .filter((x) => /^[a-z]+$/.test(x))
        .slice(0, 2)
        .join(" ");
    expect(new Set(BAD_INPUT.map(([a]) => commandOf(a))).size).toBeGreaterThanOrEqual(20);
    expect(
      new Set(BAD_INPUT.map(([a]) => `${commandOf(a)} ${a.filter((x) => x.startsWith("--")).pop() ?? ""}`)).size,
    ).toBeGreaterThanOrEqual(25);
  });
});

describe("OS errors in plain words", () => {
  const errno = (code: string, message: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(`${code}: ${message}`), { code, ...extra });

  it("a failure outside a write (a read, an --output file) says the store was not changed, not that nothing was written", async () => {
    const root = testStore(RECORDS);
    vi.spyOn(Store.prototype, "all").mockRejectedValue(
      errno("EMFILE", "too many open files, open", { syscall: "open" }),
    );
    // the files read directly (the index reads them through SQLite)
    const r = await cli(root, ["customer", "list"], { env: { AFTERCARE_INDEX: "off" } });
    expect(r.code).toBe(EXIT.refused);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toMatch(/^too many open files .*; the store was not changed\n$/);
  });

  it("a disk that fills during a write: one line, exit 1, and nothing half-written claimed away", async () => {
    const root = testStore(RECORDS);
    vi.spyOn(Store.prototype, "create").mockRejectedValue(
      errno("ENOSPC", "no space left on device, write", { errno: -28, syscall: "write" }),
    );
    const r = await cli(root, ["ticket", "open", "--customer", MINGYUAN, "--problem", "漏水"]);
    expect(r.code).toBe(EXIT.refused);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toBe(
      "the disk is full (no space left on the device that holds the store); free some space, then run the command again; nothing was written\n",
    );
    expect(git(root, "status", "--porcelain")).toBe("");
  });

  it("a disk that fills after a temporary file was made: the file is named, not hidden", async () => {
    const root = testStore(RECORDS);
    const stray = "tickets/2026/11/.T-261126-ZZZZ.yaml.99.0a0b.tmp";
    vi.spyOn(Store.prototype, "create").mockImplementation(() => {
      writeFileSync(join(root, stray), "");
      return Promise.reject(errno("ENOSPC", "no space left on device, write", { syscall: "write" }));
    });
    const r = await cli(root, ["ticket", "open", "--customer", MINGYUAN, "--problem", "漏水"]);
    expect(r.code).toBe(EXIT.refused);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toMatch(
      /^the disk is full .*; left a temporary file: tickets\/2026\/11\/\.T-261126-ZZZZ\.yaml\.99\.0a0b\.tmp \(safe to delete\)\n$/,
    );
    expect(r.stderr).not.toContain("nothing was written");
  });

  it("a read-only store is refused at once, before the lock, with nothing written (injected EROFS)", async () => {
    const root = testStore(RECORDS);
    const access = fsp.access;
    vi.spyOn(fsp, "access").mockImplementation(async (p, mode) => {
      if (p === root) throw errno("EROFS", `read-only file system, access '${root}'`, { path: root });
      return access(p, mode);
    });
    const started = Date.now();
    const r = await cli(root, ["ticket", "resolve", TICKET, "--note", "ok"]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(EXIT.refused);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toBe(
      `the store is read-only (${root}); its file system is mounted read-only; remount it read-write, or work in a writable clone of the store; nothing was written\n`,
    );
    expect(git(root, "status", "--porcelain")).toBe("");
  });

  it.skipIf(process.getuid?.() === 0)(
    "a store folder the user may not write: one line at once, nothing written (real chmod)",
    () => {
      const root = testStore(RECORDS);
      chmodSync(root, 0o555);
      try {
        const started = Date.now();
        const r = bin(root, ["ticket", "resolve", TICKET, "--note", "ok"], {
          AFTERCARE_USER: "王芳",
          AFTERCARE_NOW: "2026-11-26T10:00:00+08:00",
          AFTERCARE_LOCALE: "en",
        });
        expect(Date.now() - started).toBeLessThan(10_000);
        expect(r.code).toBe(EXIT.refused);
        expectOneCleanLine(r.stderr);
        expect(r.stderr).toMatch(/^no permission to write .*nothing was written\n$/);
      } finally {
        chmodSync(root, 0o755);
      }
      expect(git(root, "status", "--porcelain")).toBe("");
    },
  );

  it("a real bug still says internal error, in one line, and a stray ZodError is not dumped", async () => {
    const root = testStore(RECORDS);
    vi.spyOn(Store.prototype, "create").mockRejectedValue(
      new TypeError("cannot read properties of undefined (reading 'id')"),
    );
    const r = await cli(root, ["ticket", "open", "--customer", MINGYUAN, "--problem", "漏水"]);
    expect(r).toMatchObject({
      code: 1,
      stderr:
        "internal error: cannot read properties of undefined (reading 'id') (a bug in aftercare; run again with --debug for details)\n",
    });
    vi.restoreAllMocks();
    // the ZodError customerSchema.parse({}) would throw, as create's rejection
    vi.spyOn(Store.prototype, "create").mockImplementation(() => Promise.reject(customerSchema.safeParse({}).error!));
    const z = await cli(root, ["ticket", "open", "--customer", MINGYUAN, "--problem", "漏水"]);
    expect(z.code).toBe(1);
    expect(z.stderr).toMatch(
      /^internal error: a value failed validation: name .* \(and \d+ more\) \(a bug in aftercare; run again with --debug for details\)\n$/,
    );
  });
});

describe("saved but not committed: exit 3, the record and its ID stand", () => {
  it("another git process holds .git/index.lock", () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, ".git/index.lock"), "");
    const r = bin(root, ["ticket", "resolve", TICKET, "--note", "ok"], {
      AFTERCARE_USER: "王芳",
      AFTERCARE_NOW: "2026-11-26T10:00:00+08:00",
      AFTERCARE_LOCALE: "en",
    });
    expect(r.code, r.stderr).toBe(EXIT.notCommitted);
    expect(r.stdout).toBe(`${TICKET}\n`);
    expect(r.stderr).toMatch(
      /^note: saved but not committed \(another git process holds the store's index.lock\); the change is in the files, not in git history; commit it with: git -C .* commit -m .*\n/,
    );
    expect(r.stderr).not.toMatch(/internal error/);
    expect(readFileSync(join(root, `tickets/2026/11/${TICKET}.yaml`), "utf8")).toContain("status: resolved");
    expect(commits(root)).toHaveLength(1);
  });

  it("a new record: its ID is printed and exit is 3 (cron and scripts can tell)", () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, ".git/index.lock"), "");
    const r = bin(root, ["ticket", "open", "--customer", MINGYUAN, "--problem", "漏水"], {
      AFTERCARE_USER: "王芳",
      AFTERCARE_NOW: "2026-11-26T10:00:00+08:00",
      AFTERCARE_LOCALE: "en",
    });
    expect(r.code, r.stderr).toBe(3);
    const id = r.stdout.trim();
    expect(id).toMatch(/^T-261126-[0-9A-Z]{4}$/);
    expect(existsSync(join(root, `tickets/2026/11/${id}.yaml`))).toBe(true);
  });

  it("git cannot be started at all (E2BIG): still saved, named, exit 3 — not an internal error", async () => {
    const root = testStore(RECORDS);
    vi.spyOn(Git.prototype, "commit").mockRejectedValue(
      Object.assign(new Error("spawn E2BIG"), { code: "E2BIG", syscall: "spawn git", path: "git" }),
    );
    const r = await cli(root, ["ticket", "open", "--customer", MINGYUAN, "--problem", "漏水"]);
    expect(r.code, r.stderr).toBe(EXIT.notCommitted);
    expect(r.stdout).toMatch(/^T-261126-[0-9A-Z]{4}\n$/);
    expect(r.stderr).toMatch(
      /^note: saved but not committed \(a value is too long to hand to git\); the change is in the files/,
    );
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it("a write that changes nothing has nothing to commit: exit 0, no note", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["customer", "edit", MINGYUAN, "--tag", "vip"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("not committed");
  });

  it("committed writes still exit 0", async () => {
    const root = testStore(RECORDS);
    const r = await cli(root, ["ticket", "resolve", TICKET, "--note", "ok"]);
    expect(r.code, r.stderr).toBe(0);
    expect(commits(root)).toHaveLength(2);
  });
});
