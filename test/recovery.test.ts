// What a crash, a held lock, a full disk or a bad merge leaves, and how the next write and
// 'aftercare doctor' finish it — with real git in temp folders, through the real binary.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, commits, git, testStore } from "./helpers.js";
import { ACME, CALL, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const as = (who = "王芳") => ({ AFTERCARE_USER: who, AFTERCARE_NOW: "2026-11-26T10:00:00+08:00" });
const TICKET_FILE = `tickets/2026/11/${TICKET}.yaml`;
const ACME_FILE = `customers/${ACME}.yaml`;
const RESOLVED = `ticket ${TICKET} resolved — 上海明远机电设备有限公司`;
const ID = ["-c", "user.name=setup", "-c", "user.email=setup@example.com"];
const status = (root: string) => git(root, "status", "--porcelain").trim();

/** A fixture store whose repository is set up for many files, as 'aftercare init' leaves it (doctor says nothing about that). */
function setUpStore(): string {
  const root = testStore(RECORDS);
  for (const key of [
    "feature.manyFiles",
    "core.splitIndex",
    "core.untrackedCache",
    "fetch.writeCommitGraph",
    "gc.writeCommitGraph",
  ])
    git(root, "config", key, "true");
  git(root, "commit-graph", "write", "--reachable", "--changed-paths");
  return root;
}

/** A customer file as a write that was killed before its commit leaves it. */
const KILLED = "customers/C-261126-KKKK.yaml";
const killedRecord = "name: 杭州华泰\ncreated: 2026-11-26T10:00:00+08:00\n";

describe("a write whose commit did not happen", () => {
  it("a held index.lock: the record is kept, and the next write commits it with its own message and author", () => {
    const root = setUpStore();
    writeFileSync(join(root, ".git/index.lock"), "");
    const r = bin(root, ["ticket", "resolve", TICKET, "--note", "ok"], as("王芳"));
    expect(r.stdout).toBe(`${TICKET}\n`);
    expect(r.stderr).toMatch(/saved but not committed \(another git process holds the store's index.lock\)/);
    expect(readFileSync(join(root, TICKET_FILE), "utf8")).toContain("status: resolved");
    expect(commits(root)).toHaveLength(1);

    // while the lock is held, check and doctor name it, with why
    expect(bin(root, ["check"], as()).stderr).toContain(
      `note: ${TICKET_FILE}: saved by "${RESOLVED}" but not committed (another git process holds the store's index.lock); the next write or 'aftercare doctor --fix' commits it\n`,
    );
    const d = bin(root, ["doctor"], as());
    expect(d.code).toBe(1);
    expect(d.stdout).toMatch(
      /^git's index is locked \(.*index\.lock, \d+ s old\): a git command is running or crashed; if none is running/m,
    );
    expect(d.stdout).toContain(
      `${TICKET_FILE}: saved by "${RESOLVED}" but not committed (another git process holds the store's index.lock); 'aftercare doctor --fix' (or the next write) commits it\n`,
    );

    rmSync(join(root, ".git/index.lock"));
    const next = bin(root, ["customer", "edit", ACME, "--tag", "export"], as("李强"));
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(
      new RegExp(
        `^note: committed an earlier write that had been saved but not committed \\(another git process holds the store's index.lock\\): ${RESOLVED} \\(\\w+\\)\n`,
      ),
    );
    expect(
      commits(root)
        .map((c) => `${c.author}: ${c.subject}`)
        .slice(0, 2),
    ).toEqual([`李强: customer ${ACME} edited — Acme Pumps GmbH`, `王芳: ${RESOLVED}`]);
    expect(commits(root)[1]!.body).toBe(`Aftercare-Command: aftercare ticket resolve ${TICKET} --note ok`);
    expect(status(root)).toBe("");
    expect(bin(root, ["doctor"], as())).toMatchObject({ code: 0, stdout: "" });
  });

  it("two writes while the lock is held on the same record: one commit with both, nothing lost", () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, ".git/index.lock"), "");
    bin(root, ["ticket", "escalate", TICKET], as());
    bin(root, ["ticket", "dispatch", TICKET, "--technician", "李强"], as());
    rmSync(join(root, ".git/index.lock"));
    const fix = bin(root, ["doctor", "--fix"], as());
    expect(fix.code, fix.stdout + fix.stderr).toBe(0);
    expect(fix.stdout).toMatch(
      /^fixed: committed an earlier write .*: ticket T-261120-CCCC dispatched .*\(and 1 before it\)/m,
    );
    const c = commits(root)[0]!;
    expect(c.subject).toMatch(/^ticket T-261120-CCCC dispatched/);
    expect(c.body).toContain(
      `Also committed here, saved earlier but not committed then:\n- ticket ${TICKET} escalated`,
    );
    expect(c.body).toMatch(/\n\nAftercare-Command: aftercare ticket dispatch/);
    expect(readFileSync(join(root, TICKET_FILE), "utf8")).toContain("status: dispatched");
    expect(status(root)).toBe("");
  });

  it("a record changed by hand after the write that was not committed is named, not committed under the write's name", () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, ".git/index.lock"), "");
    bin(root, ["customer", "edit", ACME, "--tag", "export"], as());
    rmSync(join(root, ".git/index.lock"));
    writeFileSync(join(root, ACME_FILE), readFileSync(join(root, ACME_FILE), "utf8").replace("Berlin", "Hamburg"));
    const r = bin(root, ["ticket", "escalate", TICKET], as());
    expect(r.stderr).toContain(
      `note: ${ACME_FILE} was saved by an earlier write ("customer ${ACME} edited — Acme Pumps GmbH") that was not committed, and changed since; check it, then commit with 'aftercare doctor --fix' (or git commit)\n`,
    );
    expect(commits(root).map((c) => c.subject)).toEqual([
      `ticket ${TICKET} escalated to 赵工 — 上海明远机电设备有限公司`,
      "fixture",
    ]);
    expect(status(root)).toBe(`M ${ACME_FILE}`);
  });
});

describe("a writer killed between its write and its commit", () => {
  it("check names the record, doctor explains it, doctor --fix commits it", () => {
    const root = setUpStore();
    writeFileSync(join(root, KILLED), killedRecord);
    const c = bin(root, ["check"], as());
    expect(c).toMatchObject({ code: 0, stdout: "" });
    expect(c.stderr).toBe(
      `note: ${KILLED}: new but not committed (a hand edit, or a write stopped before its commit); 'aftercare doctor --fix' commits it when it is valid\n`,
    );

    // the next write goes on, and says so
    const w = bin(root, ["ticket", "escalate", TICKET], as());
    expect(w.code).toBe(0);
    expect(w.stderr).toContain(
      `note: 1 record file is changed but not committed, by no aftercare write on record (a hand edit, or a write stopped before its commit): ${KILLED} (new); 'aftercare doctor' explains, 'aftercare doctor --fix' commits what is valid\n`,
    );

    const d = bin(root, ["doctor"], as());
    expect(d).toMatchObject({
      code: 1,
      stdout: `${KILLED}: new but not committed (a write killed before its commit, or a hand edit); it is valid: 'aftercare doctor --fix' commits it\n`,
    });
    const fix = bin(root, ["doctor", "--fix"], as());
    expect(fix.code, fix.stderr).toBe(0);
    expect(fix.stdout).toMatch(new RegExp(`^fixed: committed 1 record file left uncommitted \\(\\w+\\): ${KILLED}\n$`));
    const last = commits(root)[0]!;
    expect(last).toMatchObject({ author: "王芳", subject: "aftercare doctor: commit 1 record file left uncommitted" });
    expect(last.body).toContain(`- ${KILLED}`);
    expect(git(root, "show", "--name-only", "--format=", "HEAD").trim()).toBe(KILLED);
    expect(status(root)).toBe("");
    expect(bin(root, ["doctor"], as())).toMatchObject({ code: 0, stdout: "" });
  });

  it("an uncommitted record that does not read cleanly is explained, never committed", () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, KILLED), "name: 杭州华泰\nphone: 1\ncreated: 2026-11-26T10:00:00+08:00\n");
    const fix = bin(root, ["doctor", "--fix"], as());
    expect(fix.code).toBe(1);
    expect(fix.stdout).toContain(
      `${KILLED}: new but not committed, and it does not read cleanly ('aftercare check'); fix it, then 'aftercare doctor --fix' commits it\n`,
    );
    expect(commits(root)).toHaveLength(1);
  });
});

describe("aftercare doctor", () => {
  it("a clean store: nothing to say, exit 0", () => {
    const root = setUpStore();
    const r = bin(root, ["doctor"], as());
    expect(r).toMatchObject({
      code: 0,
      stdout: "",
      stderr: "the store is sound: nothing left by a crash, a full disk or a merge\n",
    });
    expect(bin(root, ["doctor", "--fix"], as())).toMatchObject({ code: 0, stdout: "" });
    expect(commits(root)).toHaveLength(1);
  });

  it("a stale write lock with its holder, and the temporary files of writes that did not finish", () => {
    const root = testStore(RECORDS);
    const lock = join(root, ".aftercare/write.lock");
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(root, ".aftercare/.gitignore"), "*\n");
    // a process of this host that is gone (pids are below 2^22 on Linux)
    writeFileSync(
      join(lock, "holder.json"),
      JSON.stringify({
        token: "t0k3n",
        pid: 4_194_303,
        host: hostname(),
        who: "李强",
        command: "ticket open",
        since: "2026-11-26T01:00:00Z",
      }),
    );
    const old = new Date(Date.now() - 3600_000);
    utimesSync(lock, old, old);
    const temps = [
      `customers/.${ACME}.yaml.aftercare-4194303-0123abcd.tmp`,
      `tickets/2026/11/.${TICKET}.yaml.4194303.89abcdef.tmp`,
    ];
    writeFileSync(join(root, temps[0]!), "");
    writeFileSync(join(root, temps[1]!), "customer: C-2611");
    for (const t of temps) utimesSync(join(root, t), old, old);

    const d = bin(root, ["doctor"], as());
    expect(d.code).toBe(1);
    expect(d.stdout).toMatch(
      /^a stale write lock \(its process is gone\), held by 李强 \(pid 4194303, ticket open, since [\d: -]+\): the next write takes it over; 'aftercare doctor --fix' removes it$/m,
    );
    expect(d.stdout).toContain(
      `${temps[0]}: the temporary file of a write that did not finish (0 bytes, a full disk?); the record it was for is unchanged; 'aftercare doctor --fix' removes it\n`,
    );
    expect(d.stdout).toContain(`${temps[1]}: the temporary file of a write that did not finish (16 bytes)`);

    const fix = bin(root, ["doctor", "--fix"], as());
    expect(fix.code, fix.stdout + fix.stderr).toBe(0);
    expect(fix.stdout).toContain("fixed: took over and removed the stale write lock\n");
    expect(fix.stdout).toContain(`fixed: removed the orphan temporary file ${temps[0]}\n`);
    for (const t of temps) expect(existsSync(join(root, t))).toBe(false);
    expect(existsSync(lock)).toBe(false);
    expect(readFileSync(join(root, ACME_FILE), "utf8")).toBe(RECORDS[ACME_FILE]);
  });

  it("duplicate IDs, a file in the wrong folder and conflict markers: one line each; --fix moves the misplaced one and deletes nothing", () => {
    const records: Record<string, string> = {
      ...RECORDS,
      // the same ticket twice, as a bad merge can leave it
      [`tickets/2026/10/${TICKET}.yaml`]: RECORDS[TICKET_FILE]!,
      // the call filed in the wrong month
      [`contacts/2026/10/${CALL}.yaml`]: RECORDS[`contacts/2026/11/${CALL}.yaml`]!,
    };
    delete records[`contacts/2026/11/${CALL}.yaml`];
    const root = testStore(records);
    writeFileSync(
      join(root, `customers/${MINGYUAN}.yaml`),
      RECORDS[`customers/${MINGYUAN}.yaml`]!.replace(
        "address: 上海市浦东新区张江路 88 号\n",
        "<<<<<<< ours\naddress: 上海市浦东新区张江路 88 号\n=======\naddress: 上海市徐汇区漕溪北路 8 号\n>>>>>>> theirs\n",
      ),
    );
    git(root, ...ID, "commit", "--quiet", "-a", "-m", "a bad merge");
    const d = bin(root, ["doctor"], as());
    expect(d.code).toBe(1);
    const lines = d.stdout.trim().split("\n");
    expect(lines).toContain(
      `customers/${MINGYUAN}.yaml: merge-conflict markers from line 3: keep the right value, delete the <<<<<<< ======= >>>>>>> lines, then 'git add customers/${MINGYUAN}.yaml' and commit`,
    );
    expect(lines).toContain(
      `duplicate ID ${TICKET}: ${TICKET_FILE} and tickets/2026/10/${TICKET}.yaml; compare them (diff ${TICKET_FILE} tickets/2026/10/${TICKET}.yaml), keep the right one and remove the other with 'git rm' (doctor never deletes a record)`,
    );
    expect(lines).toContain(
      `contacts/2026/10/${CALL}.yaml: in the wrong folder, so every list leaves it out; its ID puts it at contacts/2026/11/${CALL}.yaml; 'aftercare doctor --fix' moves it there (or: git mv contacts/2026/10/${CALL}.yaml contacts/2026/11/${CALL}.yaml)`,
    );
    const files = () => git(root, "ls-files").trim().split("\n").length;
    const before = files();
    const fix = bin(root, ["doctor", "--fix"], as());
    expect(fix.code).toBe(1); // the duplicate and the markers need a person
    expect(fix.stdout).toContain(
      `fixed: moved contacts/2026/10/${CALL}.yaml to contacts/2026/11/${CALL}.yaml, where its ID puts it\n`,
    );
    expect(files()).toBe(before);
    expect(existsSync(join(root, `tickets/2026/10/${TICKET}.yaml`))).toBe(true);
    expect(commits(root)[0]!.subject).toBe("aftercare doctor: a record moved to the folder its ID puts it in");
    expect(status(root)).toBe("");
  });

  it("during an unfinished rebase or merge it says how to finish it, and --fix commits nothing", () => {
    const root = testStore(RECORDS);
    git(root, "checkout", "--quiet", "-b", "other");
    writeFileSync(join(root, ACME_FILE), RECORDS[ACME_FILE]!.replace("Berlin", "Hamburg"));
    git(root, ...ID, "commit", "--quiet", "-a", "-m", "there");
    git(root, "checkout", "--quiet", "main");
    writeFileSync(join(root, ACME_FILE), RECORDS[ACME_FILE]!.replace("Berlin", "Bremen"));
    git(root, ...ID, "commit", "--quiet", "-a", "-m", "here");
    try {
      git(root, ...ID, "merge", "--quiet", "other");
    } catch {
      // the conflict is the point
    }
    const fix = bin(root, ["doctor", "--fix"], as());
    expect(fix.code).toBe(1);
    expect(fix.stdout).toContain(
      "a git merge is unfinished: settle the conflicts, then 'git merge --continue', or give up with 'git merge --abort'; writes wait until then\n",
    );
    expect(fix.stdout).toContain(`${ACME_FILE}: merge-conflict markers from line 2`);
    expect(commits(root)[0]!.subject).toBe("here");
    expect(
      readdirSync(join(root, "customers"))
        .filter((n) => !n.startsWith("."))
        .sort(),
    ).toEqual([`${MINGYUAN}.yaml`, `${ACME}.yaml`].sort());
  });
});

describe("a write whose commit did not happen, in a zh-CN store", () => {
  it("the notes of the held index.lock, the earlier write committed and a file changed since are Chinese", () => {
    const zh = { ...as("王芳"), AFTERCARE_LOCALE: "" };
    const root = testStore(RECORDS);
    writeFileSync(join(root, ".git/index.lock"), "");
    const first = bin(root, ["ticket", "resolve", TICKET, "--note", "ok"], zh);
    expect(first.stderr).toContain(
      `注意：已保存但未提交（另一个 git 进程占用着档案库的 index.lock）；改动已在文件中，但不在 git 历史中；请这样提交：git -C ${JSON.stringify(root)} commit -m "${RESOLVED}" -- ${TICKET_FILE}\n`,
    );
    const second = bin(root, ["customer", "edit", ACME, "--tag", "export"], zh);
    expect(second.stderr).toContain(
      `注意：先前的一次写入仍未提交（另一个 git 进程占用着档案库的 index.lock）：${RESOLVED} — ${TICKET_FILE}；'aftercare doctor' 说明原因，git 可用后 'aftercare doctor --fix' 会提交它\n`,
    );
    rmSync(join(root, ".git/index.lock"));
    writeFileSync(join(root, ACME_FILE), readFileSync(join(root, ACME_FILE), "utf8").replace("Berlin", "Hamburg"));
    const third = bin(root, ["ticket", "escalate", TICKET], zh);
    expect(third.stderr).toMatch(
      new RegExp(
        `^注意：已提交先前保存但未提交的一次写入（另一个 git 进程占用着档案库的 index.lock）：${RESOLVED}（\\w+）\n`,
      ),
    );
    expect(third.stderr).toContain(
      `注意：${ACME_FILE} 由先前一次未提交的写入（“customer ${ACME} edited — Acme Pumps GmbH”）保存，之后又被修改；请先核对，再用 'aftercare doctor --fix'（或 git commit）提交\n`,
    );
    expect(third.stderr).not.toMatch(/another git process|was saved by|committed an earlier/);
  });
});
