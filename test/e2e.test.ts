// The real binary against real git repositories in temp folders, as a user runs it.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, bin, cleanEnv, commits, git, tempDir, testStore } from "./helpers.js";
import { ACME, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const NOW = { AFTERCARE_NOW: "2026-11-26T09:30:00+08:00" };

describe("a day at the desk, through the real binary", () => {
  it("sets up a store, files a customer, runs a ticket through its life, logs calls and letters — every step a commit", () => {
    const dir = join(tempDir(), "store");
    const init = bin(tempDir(), [
      "init",
      dir,
      "--company",
      "上海明远机电设备有限公司",
      "--timezone",
      "Asia/Shanghai",
      "--locale",
      "zh-CN",
    ]);
    expect(init).toMatchObject({ code: 0, stdout: `${dir}\n` });
    expect(readFileSync(join(dir, "aftercare.yaml"), "utf8")).toContain(
      "version: 1\ncompany: 上海明远机电设备有限公司\ntimezone: Asia/Shanghai\nlocale: zh-CN\nstaff: []\n",
    );
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toContain(".aftercare/");
    for (const f of ["customers", "tickets", "contacts", "events", "reports", "templates"])
      expect(existsSync(join(dir, f))).toBe(true);

    const env = { ...NOW, AFTERCARE_USER: "王芳" };
    const ok = (args: string[]) => {
      const r = bin(dir, args, env);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      return r.stdout.trim();
    };
    ok(["staff", "add", "王芳", "--role", "clerk", "--email", "wangfang@example.com"]);
    ok(["staff", "add", "李强", "--role", "technician"]);
    ok(["staff", "add", "赵工", "--role", "engineering"]);
    const c = ok(["customer", "add", "杭州华泰制冷有限公司", "--contact", "李娜", "--phone", "0571-8888 6666"]);
    const en = ok(["customer", "add", "Acme Pumps GmbH", "--contact", "Hans Weber", "--phone", "+49 30 1234567"]);
    const t = ok([
      "ticket",
      "open",
      "--customer",
      "华泰",
      "--problem",
      "冷库温度降不下来",
      "--request",
      "上门检修",
      "--received",
      "09:10",
    ]);
    ok([
      "call",
      "log",
      "--ticket",
      t,
      "--direction",
      "in",
      "--purpose",
      "complaint",
      "--summary",
      "客户投诉冷库温度高",
      "--complaint",
      "上次维修后又出问题",
    ]);
    ok(["ticket", "escalate", t.slice(0, 12), "--note", "需要查图纸"]);
    ok(["ticket", "dispatch", t, "--technician", "李强", "--depart", "13:00", "--arrive", "14:00"]);
    ok([
      "call",
      "log",
      "--ticket",
      t,
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--summary",
      "告知 13:00 出发 14:00 到达",
      "--next-date",
      "2026-12-03",
      "--next-topic",
      "第二次回访",
    ]);
    ok(["ticket", "resolve", t, "--note", "更换膨胀阀"]);
    ok(["ticket", "close", t]);
    ok(["letter", "log", "--customer", en, "--kind", "invitation", "--subject", "Customer day"]);

    const log = commits(dir).map((x) => `${x.author}: ${x.subject}`);
    expect(log).toEqual([
      expect.stringMatching(/^王芳: letter K-261126-\w{4} logged \(invitation: Customer day\) — Acme Pumps GmbH$/),
      `王芳: ticket ${t} closed — 杭州华泰制冷有限公司`,
      `王芳: ticket ${t} resolved — 杭州华泰制冷有限公司`,
      expect.stringMatching(
        new RegExp(`^王芳: call K-261126-\\w{4} logged \\(outbound followup, ${t}\\) — 杭州华泰制冷有限公司$`),
      ),
      `王芳: ticket ${t} dispatched to 李强 — 杭州华泰制冷有限公司`,
      `王芳: ticket ${t} escalated to 赵工 — 杭州华泰制冷有限公司`,
      expect.stringMatching(
        new RegExp(`^王芳: call K-261126-\\w{4} logged \\(inbound complaint, ${t}\\) — 杭州华泰制冷有限公司$`),
      ),
      `王芳: ticket ${t} opened (repair) — 杭州华泰制冷有限公司`,
      `王芳: customer ${en} added — Acme Pumps GmbH`,
      `王芳: customer ${c} added — 杭州华泰制冷有限公司`,
      "王芳: staff 赵工 added as engineering",
      "王芳: staff 李强 added as technician",
      "王芳: staff 王芳 added as clerk",
      expect.stringMatching(/: store created for 上海明远机电设备有限公司$/),
    ]);
    expect(git(dir, "status", "--porcelain")).toBe("");
    expect(bin(dir, ["check"], env)).toEqual({ code: 0, stdout: "", stderr: "" });
    const shown = JSON.parse(bin(dir, ["ticket", "show", t, "--json"], env).stdout);
    expect(shown).toMatchObject({
      id: t,
      status: "closed",
      received: "2026-11-26T09:10:00+08:00",
      filed: "2026-11-26T09:30:00+08:00",
    });
    expect(shown.contacts).toHaveLength(2);
  });
});

describe("bad input: one clear line, the right exit code, nothing written", () => {
  const cases: [string, string[], number, RegExp][] = [
    [
      "unknown customer",
      ["ticket", "open", "--customer", "不存在的公司", "--problem", "x"],
      1,
      /^no customer matches "不存在的公司" \(--customer\)/,
    ],
    [
      "ambiguous customer",
      ["ticket", "open", "--customer", "GmbH", "--problem", "x"],
      1,
      /^"GmbH" matches 2 customers: C-261102-BBBB Acme Pumps GmbH; C-261105-NNNN Acme Valves GmbH; give the ID/,
    ],
    ["missing flags", ["ticket", "open"], 2, /^ticket open needs --customer, --problem; nothing was written\n$/],
    [
      "a date that does not parse",
      ["ticket", "open", "--customer", ACME, "--problem", "x", "--received", "2026-02-30 10:00"],
      2,
      /^--received "2026-02-30 10:00" is not a date-time: use YYYY-MM-DD HH:MM/,
    ],
    [
      "a choice that does not exist",
      ["ticket", "open", "--customer", ACME, "--problem", "x", "--kind", "fix"],
      2,
      /option '--kind <kind>' argument 'fix' is invalid. Allowed choices are repair, install/,
    ],
    ["an unknown command", ["tikcet", "list"], 2, /unknown command 'tikcet'/],
  ];
  for (const [what, args, code, message] of cases)
    it(what, () => {
      const root = testStore({
        ...RECORDS,
        "customers/C-261105-NNNN.yaml": "name: Acme Valves GmbH\ncreated: 2026-11-05T10:00:00+08:00\n",
      });
      const before = git(root, "rev-parse", "HEAD");
      const r = bin(root, args, { ...NOW, AFTERCARE_USER: "王芳" });
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n").length).toBeLessThanOrEqual(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe("");
      expect(git(root, "rev-parse", "HEAD")).toBe(before);
      expect(git(root, "status", "--porcelain")).toBe("");
    });

  it("a time zone that does not exist", () => {
    const r = bin(tempDir(), ["init", "s", "--company", "X", "--timezone", "Asia/Beijing"]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toBe(
      '--timezone "Asia/Beijing" is not an IANA time zone; use a name such as Asia/Shanghai, Europe/Berlin or UTC; nothing was written\n',
    );
  });

  it("a store that does not exist", () => {
    const r = bin(tempDir(), ["ticket", "list"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^no aftercare store here: no aftercare.yaml in .* or any folder above it; run 'aftercare init', or give --records DIR/,
    );
  });

  it("a broken record file names its path and line", () => {
    const root = testStore({
      ...RECORDS,
      [`tickets/2026/11/${TICKET}.yaml`]: "customer: C-261101-AAAA\nstatus: [open\n",
    });
    const r = bin(root, ["ticket", "close", TICKET], { ...NOW, AFTERCARE_USER: "王芳" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^tickets/2026/11/${TICKET}.yaml:3:1: .*\\nticket ${TICKET} cannot be read; fix the file \\(see 'aftercare check'\\); nothing was written\\n$`,
      ),
    );
  });

  it("refuses to init over an existing store", () => {
    const root = testStore(RECORDS);
    const r = bin(root, ["init", ".", "--company", "Other"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/aftercare.yaml already exists: .* is already a store; nothing was written/);
  });

  it("a missing identity under cron says how to set one", () => {
    const root = testStore(RECORDS);
    const r = bin(root, ["ticket", "close", TICKET], NOW);
    expect(r.stderr).toBe(
      "who is doing this? Give --as NAME or set AFTERCARE_USER to a name on the staff list (cron jobs too); nothing was written\n",
    );
  });
});

describe("git behaviour", () => {
  it("a store outside git still saves, and says once that nothing was committed", () => {
    const root = testStore(RECORDS, { git: false });
    const r = bin(root, ["ticket", "resolve", TICKET, "--note", "远程复位"], { ...NOW, AFTERCARE_USER: "王芳" });
    expect(r.code).toBe(3); // saved but not committed (docs/reliability.md)
    expect(r.stderr).toBe(
      `note: saved but not committed (the store is not in a git repository); the change is in the files, not in git history\nticket ${TICKET} resolved (was open, now resolved)\n`,
    );
    expect(readFileSync(join(root, `tickets/2026/11/${TICKET}.yaml`), "utf8")).toContain("status: resolved\n");
  });

  it("uses the store's own repository even inside another repository's hook (GIT_DIR set)", () => {
    const root = testStore(RECORDS);
    const other = tempDir();
    git(other, "init", "--quiet");
    const r = bin(root, ["ticket", "resolve", TICKET, "--note", "ok"], {
      ...NOW,
      AFTERCARE_USER: "王芳",
      GIT_DIR: join(other, ".git"),
      GIT_INDEX_FILE: join(other, ".git", "index"),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(commits(root)[0]!.subject).toBe(`ticket ${TICKET} resolved — 上海明远机电设备有限公司`);
  });

  it("commits only what the command wrote, leaving the user's staged work alone", () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, "notes.txt"), "draft\n");
    git(root, "add", "notes.txt");
    bin(root, ["ticket", "resolve", TICKET, "--note", "ok"], { ...NOW, AFTERCARE_USER: "王芳" });
    expect(git(root, "show", "--name-only", "--format=", "HEAD").trim()).toBe(`tickets/2026/11/${TICKET}.yaml`);
    expect(git(root, "status", "--porcelain")).toBe("A  notes.txt\n");
  });

  it("two writers at the same moment both land: one lock per store", async () => {
    const root = testStore(RECORDS);
    const runOne = (i: number) =>
      new Promise<number>((resolve) => {
        const p = spawn(
          process.execPath,
          [
            BIN,
            "call",
            "log",
            "--customer",
            i % 2 ? ACME : MINGYUAN,
            "--direction",
            "out",
            "--purpose",
            "notice",
            "--summary",
            `通知 ${i}`,
          ],
          { cwd: root, env: cleanEnv({ ...NOW, AFTERCARE_USER: i % 2 ? "李强" : "王芳" }) },
        );
        p.on("close", (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all([0, 1, 2, 3, 4, 5].map(runOne));
    expect(codes).toEqual([0, 0, 0, 0, 0, 0]);
    expect(readdirSync(join(root, "contacts/2026/11")).filter((f) => f.startsWith("K-261126-"))).toHaveLength(6);
    expect(commits(root)).toHaveLength(7);
    expect(git(root, "status", "--porcelain")).toBe("");
  });
});

describe("commands that rewrite aftercare.yaml, each the only thing its process does", () => {
  // Each run is a fresh process, and after a read the settings come from the derived index, so nothing
  // earlier in it has loaded the YAML parser and the schemas: a settings write must load them itself
  // (staff add and holidays add once failed with "internal error" this way).
  const stores = [
    { zone: "Asia/Shanghai", locale: "zh-CN", people: ["王芳", "李强"], holiday: "元旦" },
    { zone: "Europe/Berlin", locale: "en", people: ["Ann Lee", "Bo Chen"], holiday: "Betriebsferien" },
  ];
  it.each(stores)(
    "$zone, $locale: staff add, followup, absent, holidays add and workday each exit 0 and commit",
    (s) => {
      const dir = join(tempDir(), "desk");
      const [first, second] = s.people as [string, string];
      const env = { AFTERCARE_NOW: "2026-12-07 09:10", AFTERCARE_USER: first };
      const init = ["init", dir, "--company", "Lee 明远", "--timezone", s.zone, "--locale", s.locale];
      expect(bin(tempDir(), init, env).code).toBe(0);
      const steps = [
        ["staff", "add", first, "--role", "clerk"],
        ["staff", "add", second, "--role", "clerk"],
        ["staff", "followup", second],
        ["staff", "absent", second, "--from", "2026-12-08", "--to", "2026-12-09", "--cover", first],
        ["holidays", "add", s.holiday, "--from", "2027-01-01", "--to", "2027-01-03"],
        ["holidays", "workday", "2027-01-09"],
      ];
      for (const [i, args] of steps.entries()) {
        // a read first: the derived index then answers the settings, and the write must still parse them
        expect(bin(dir, ["due"], env).code).toBe(0);
        const r = bin(dir, args, env);
        expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
        expect(r.stderr).not.toContain("internal");
        expect(commits(dir)).toHaveLength(i + 2);
      }
      const yaml = readFileSync(join(dir, "aftercare.yaml"), "utf8");
      expect(yaml).toContain(`name: ${second}`);
      expect(yaml).toContain(s.holiday);
      expect(git(dir, "status", "--porcelain")).toBe("");
    },
  );
});
