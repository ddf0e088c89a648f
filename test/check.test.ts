import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Worded } from "../src/i18n.js";
import { describe, expect, it, vi } from "vitest";
import { progressLine } from "../src/commands/check.js";
import { checkStore } from "../src/services/store-check.js";
import { checkRecords } from "../src/domain/check.js";
import type { RecordKind } from "../src/domain/ids.js";
import { locate, type Parsed } from "../src/store/yaml.js";
import { readRecord } from "../src/store/read-record.js";
import { pathOf, Store } from "../src/store/store.js";
import { cli, git, SETTINGS, testStore } from "./helpers.js";
import { CALL, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

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
      "events/E-261201-KKKK.yaml":
        "title: 客户联谊会\ndate: 2026-12-32\nkind: gathering\naudience: all\nowner: 王芳\ncreated: 2026-11-20T10:00:00+08:00\n",
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
        "tickets/2026/11/T-261121-EEEE.yaml:8:11: assignee names \"王小明\", who is not on the staff list in aftercare.yaml; add them with 'aftercare staff add'",
        "",
      ].join("\n"),
    );
    const j = JSON.parse((await cli(root, ["check", "--json"])).stdout);
    expect(j[0]).toEqual({
      path: "contacts/2026/11/K-261121-GGGG.yaml",
      line: 2,
      col: 1,
      message: expect.stringMatching(/^leftover merge-conflict marker/),
    });
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
    const root = testStore({
      ...RECORDS,
      "tickets/2026/10/T-261120-JJJJ.yaml": RECORDS[`tickets/2026/11/${TICKET}.yaml`]!,
    });
    const r = await cli(root, ["ticket", "list", "--json"]);
    expect(JSON.parse(r.stdout).map((t: { id: string }) => t.id)).toEqual([TICKET]);
    expect(r.stderr).toBe(
      "warning: 1 ticket file is not where its name puts it and left out (first: tickets/2026/10/T-261120-JJJJ.yaml); run 'aftercare check'\n",
    );
  });
});

describe("check reads only what changed since the last check", () => {
  const TICKET_FILE = `tickets/2026/11/${TICKET}.yaml`;
  const CALL_FILE = `contacts/2026/11/${CALL}.yaml`;

  /** checkStore as `check` runs it, with the files read counted; files of any age (even now) are remembered unless `settleMs`. */
  async function run(root: string, opts: { full?: boolean; settleMs?: number } = {}) {
    const stats = { files: 0, read: 0 };
    const problems = await checkStore(await Store.open(root), { settleMs: -60_000, ...opts, stats });
    const full = await checkStore(await Store.open(root), { full: true, memo: false });
    // whatever was skipped, the answer is a full check's
    expect(problems).toEqual(full);
    return { problems, ...stats };
  }

  it("a second check reads no unchanged file, and finds what a change elsewhere breaks in one it did not read", async () => {
    const root = testStore(RECORDS);
    expect(await run(root)).toMatchObject({ problems: [], files: 4, read: 4 });
    expect(existsSync(join(root, ".aftercare", "check.json"))).toBe(true);
    expect(await run(root)).toMatchObject({ problems: [], read: 0 });
    // the customer the ticket and the call refer to is deleted: both are found, neither is read
    rmSync(join(root, `customers/${MINGYUAN}.yaml`));
    const gone = await run(root);
    expect(gone.read).toBe(0);
    expect(gone.problems.map((p) => `${p.path}:${p.line}:${p.col}: ${p.message}`)).toEqual([
      `${CALL_FILE}:1:11: customer refers to customer ${MINGYUAN}, which is not in this store`,
      `${TICKET_FILE}:1:11: customer refers to customer ${MINGYUAN}, which is not in this store`,
    ]);
    // (files with a finding are read again each time, until they are sound)
    expect((await run(root)).read).toBe(2);
    writeFileSync(join(root, `customers/${MINGYUAN}.yaml`), RECORDS[`customers/${MINGYUAN}.yaml`]!);
    expect(await run(root)).toMatchObject({ problems: [], read: 3 });
    expect((await run(root)).read).toBe(0);
  });

  it("an edited file is read again; a broken one is reported and read each time until fixed", async () => {
    const root = testStore(RECORDS);
    await run(root);
    writeFileSync(join(root, TICKET_FILE), RECORDS[TICKET_FILE]!.replace("status: open", "status: opened"));
    const broken = await run(root);
    // the call, not read again, now refers to a ticket that does not read
    expect(broken.read).toBe(1);
    expect(broken.problems.map((p) => `${p.path}:${p.line}:${p.col}: ${p.message}`)).toEqual([
      `${CALL_FILE}:2:9: ticket refers to ticket ${TICKET}, which is not in this store`,
      `${TICKET_FILE}:10:9: status must be one of open, escalated, dispatched, onsite, workshop, ready, resolved, closed, cancelled`,
    ]);
    expect((await run(root)).read).toBe(2);
    writeFileSync(join(root, TICKET_FILE), RECORDS[TICKET_FILE]!);
    expect(await run(root)).toMatchObject({ problems: [], read: 2 });
    expect((await run(root)).read).toBe(0);
  });

  it("a change to the settings, a damaged memo, --full and a memo of another aftercare read everything", async () => {
    const root = testStore(RECORDS);
    await run(root);
    expect((await run(root, { full: true })).read).toBe(4);
    // 王芳 leaves the staff list: the call she logged now names someone who is not on it
    writeFileSync(
      join(root, "aftercare.yaml"),
      SETTINGS.replace("  - name: 王芳\n    role: clerk\n    email: wangfang@example.com\n", ""),
    );
    const staff = await run(root);
    expect(staff.read).toBe(4);
    expect(staff.problems.map((p) => p.message)).toEqual([
      "staff names \"王芳\", who is not on the staff list in aftercare.yaml; add them with 'aftercare staff add'",
    ]);
    writeFileSync(join(root, "aftercare.yaml"), SETTINGS);
    expect((await run(root)).read).toBe(4);
    expect((await run(root)).read).toBe(0);
    const memo = join(root, ".aftercare", "check.json");
    writeFileSync(memo, "{ not json");
    expect(await run(root)).toMatchObject({ problems: [], read: 4 });
    const kept = JSON.parse(readFileSync(memo, "utf8"));
    writeFileSync(memo, JSON.stringify({ ...kept, basis: "an older aftercare" }));
    expect((await run(root)).read).toBe(4);
    writeFileSync(memo, JSON.stringify({ ...kept, stamps: kept.stamps.slice(1) }));
    expect((await run(root)).read).toBe(4);
  });

  it("a file changed in the second before a check is not remembered (its stamp could hide a change in the same tick)", async () => {
    const root = testStore(RECORDS);
    expect((await run(root, { settleMs: 60_000 })).read).toBe(4);
    expect((await run(root, { settleMs: 60_000 })).read).toBe(4);
    expect((await run(root)).read).toBe(4);
    expect((await run(root)).read).toBe(0);
  });

  it("renamed, duplicated and misplaced files are found as a full check finds them", async () => {
    const root = testStore(RECORDS);
    await run(root);
    mkdirSync(join(root, "tickets/2026/10"), { recursive: true });
    writeFileSync(join(root, `tickets/2026/10/${TICKET}.yaml`), RECORDS[TICKET_FILE]!);
    expect((await run(root)).problems.map((p) => p.message)).toEqual([
      `ticket ${TICKET} is in the wrong place: its ID puts it at ${TICKET_FILE}`,
      `duplicate ID ${TICKET}: also at tickets/2026/10/${TICKET}.yaml; keep one of the two files`,
    ]);
    rmSync(join(root, TICKET_FILE));
    const moved = await run(root);
    expect(moved.problems.map((p) => p.message)).toEqual([
      `ticket ${TICKET} is in the wrong place: its ID puts it at ${TICKET_FILE}`,
    ]);
  });

  it("check --full says what check says; check leaves its memo under .aftercare/", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, `customers/${MINGYUAN}.yaml`), "name: x\nname: y\ncreated: 2026-11-01T09:00:00+08:00\n");
    git(
      root,
      "-c",
      "user.name=setup",
      "-c",
      "user.email=setup@example.com",
      "commit",
      "--quiet",
      "-am",
      "broken by hand",
    );
    const a = await cli(root, ["check"]);
    const b = await cli(root, ["check", "--full"]);
    const c = await cli(root, ["check"]);
    expect(a).toMatchObject({ code: 1, stderr: "" });
    expect(a.stdout).toContain(
      `customers/${MINGYUAN}.yaml:2:1: duplicate key "name": a field may appear once; remove one`,
    );
    expect([b.code, b.stdout, b.stderr]).toEqual([a.code, a.stdout, a.stderr]);
    expect([c.code, c.stdout, c.stderr]).toEqual([a.code, a.stdout, a.stderr]);
    expect(existsSync(join(root, ".aftercare", "check.json"))).toBe(true);
    expect(git(root, "status", "--porcelain")).toBe("");
  });

  it("shows a single updating line on stderr only when stderr is a terminal, and clears it", async () => {
    const root = testStore(RECORDS);
    const plain = await cli(root, ["check"]);
    expect(plain).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const written: string[] = [];
    const tty = Object.getOwnPropertyDescriptor(process.stderr, "isTTY");
    const spy = vi
      .spyOn(process.stderr, "write")
      .mockImplementation(((s: string) => (written.push(String(s)), true)) as typeof process.stderr.write);
    try {
      Object.defineProperty(process.stderr, "isTTY", { value: true, configurable: true });
      // a check done in a moment shows nothing
      expect(await cli(root, ["check", "--full"])).toMatchObject({ code: 0, stdout: "", stderr: "" });
      expect(written).toEqual([]);
      const line = progressLine(0)!;
      for (let done = 0; done <= 3000; done += 512) line.update(done, 3000);
      line.update(3000, 3000);
      line.clear();
      line.clear();
    } finally {
      spy.mockRestore();
      if (tty) Object.defineProperty(process.stderr, "isTTY", tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
    // the first update, then at most ten a second, always the last; cleared once
    expect(written).toEqual([
      "\r\x1b[2Kchecking 0 of 3,000 files…",
      "\r\x1b[2Kchecking 3,000 of 3,000 files…",
      "\r\x1b[2K",
    ]);
    expect(progressLine(0)).toBeUndefined();
  });
});

describe("check of a store large enough for worker threads", () => {
  /** The answer of the full reader, file by file, as check gave it before the fast reader: the oracle. */
  async function oracle(root: string) {
    const store = await Store.open(root);
    const problems: { path: string; line: number; col: number; message: string; worded?: Worded }[] = [];
    const records: { kind: RecordKind; id: string; path: string; value: never; parsed: Parsed }[] = [];
    for (const kind of ["customer", "ticket", "contact", "event", "waiver"] as RecordKind[])
      for (const path of await store.files(kind)) {
        const r = readRecord(kind, path, readFileSync(join(root, path)));
        for (const p of r.problems) problems.push(p);
        if (r.value)
          records.push({
            kind,
            id: path.slice(path.lastIndexOf("/") + 1).replace(/\.ya?ml$/, ""),
            path,
            value: r.value as never,
            parsed: r.parsed!,
          });
      }
    const byPath = new Map(records.map((r) => [r.path, r]));
    const safePathOf = (id: string) => {
      try {
        return pathOf(id);
      } catch {
        return "";
      }
    };
    for (const f of checkRecords({ settings: store.settings, records, pathOf: safePathOf })) {
      const parsed =
        byPath.get(f.path)?.parsed ?? (f.path === "aftercare.yaml" ? await store.settingsParsed() : undefined);
      const at = parsed ? locate(parsed, f.field) : { line: 1, col: 1 };
      problems.push({ path: f.path, ...at, message: f.message, ...(f.worded ? { worded: f.worded } : {}) });
    }
    return problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.col - b.col);
  }

  it("2,400 files read on both cores: the same problems as the full reader, then again from the memo", async () => {
    const files: Record<string, string> = { ...RECORDS };
    const call = RECORDS[`contacts/2026/11/${CALL}.yaml`]!;
    const letters = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (let i = 0; i < 2400; i++) {
      const id = `K-2611${String(1 + (i % 28)).padStart(2, "0")}-${letters[i % 32]}${letters[(i >> 5) % 32]}${letters[(i >> 10) % 32]}Q`;
      const path = `contacts/2026/11/${id}.yaml`;
      files[path] =
        i % 97 === 1
          ? call.replace("staff: 王芳", "staff: [王芳") // broken YAML
          : i % 101 === 2
            ? call.replace(`ticket: ${TICKET}`, "ticket: T-261120-ZZZZ") // a ticket not in the store
            : i % 103 === 3
              ? call.replace("staff: 王芳", "staff: 王小明") // not on the staff list
              : i % 107 === 4
                ? `# hand edited\n${call}` // the full reader's
                : call;
    }
    files["contacts/2026/10/K-261120-DDDD.yaml"] = call; // a duplicate, misplaced
    const root = testStore(files, { git: false });
    const want = await oracle(root);
    expect(want.length).toBeGreaterThan(50);
    const stats = { files: 0, read: 0 };
    const onWorkerError = (e: unknown) => expect.unreachable(String(e));
    expect(await checkStore(await Store.open(root), { settleMs: -60_000, stats, onWorkerError })).toEqual(want);
    expect(stats).toEqual({ files: 2405, read: 2405 });
    expect(await checkStore(await Store.open(root), { settleMs: -60_000, stats, onWorkerError })).toEqual(want);
    expect(stats.read).toBeLessThan(100); // the files with problems
  });
});
