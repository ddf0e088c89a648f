// What a write asks of git (docs/reliability.md, "Git"): two processes — `git update-index` to stage
// what it wrote (the same pass names record files changed by hand) and `git fast-import` to commit
// exactly that — with every guarantee of `git commit` kept, and `git commit` itself whenever the
// fast way would differ (aftercare's own hooks, signing, a conversion filter). And a repository
// set up for many files: what `init` sets, what `doctor` says and `doctor --fix` does, and a
// `history` that can use the commit-graph's Bloom filters. Real git in temp folders; process counts,
// never timings.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { hasBloomCommitGraph } from "../src/services/many-files.js";
import { Git, gitSpawns } from "../src/store/git.js";
import { bin, cleanEnv, cli, commits, git, tempDir, testStore } from "./helpers.js";
import { ACME, CALL, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const TICKET_FILE = `tickets/2026/11/${TICKET}.yaml`;
const status = (root: string) => git(root, "status", "--porcelain").trim();
const as = { AFTERCARE_USER: "王芳", AFTERCARE_NOW: "2026-11-26T10:00:00+08:00" };

/** The git commands (without aftercare's -c settings) this process started while `fn` ran. */
async function gitCommands<T>(fn: () => Promise<T>): Promise<{ result: T; commands: string[] }> {
  gitSpawns.count = 0;
  gitSpawns.args.length = 0;
  const result = await fn();
  const commands = gitSpawns.args.map((a) => {
    let i = 0;
    while (a[i] === "-c") i += 2;
    return a[i]!;
  });
  expect(gitSpawns.count).toBe(commands.length);
  return { result, commands };
}

/** A fixture store after its first write (which finds nothing to finish and remembers git's settings). */
async function warmStore(files = RECORDS): Promise<string> {
  const root = testStore(files);
  const r = await cli(root, ["customer", "edit", ACME, "--tag", "warm"]);
  expect(r.code, r.stderr).toBe(0);
  return root;
}

beforeEach(() => {
  gitSpawns.count = 0;
  gitSpawns.args.length = 0;
});

describe("a write costs two git processes", () => {
  it("call log, ticket open, customer add, ticket resolve: update-index and fast-import, nothing else", async () => {
    const root = await warmStore();
    const writes: [string[], RegExp][] = [
      [
        [
          "call",
          "log",
          "--customer",
          ACME,
          "--direction",
          "out",
          "--purpose",
          "followup",
          "--summary",
          "Checked the pump",
        ],
        /^call K-261126-\w{4} logged/,
      ],
      [["ticket", "open", "--customer", MINGYUAN, "--problem", "冷库温度高"], /^ticket T-261126-\w{4} opened/],
      [
        ["customer", "add", "杭州华泰", "--contact", "张伟", "--phone", "0571-8888 1234"],
        /^customer C-261126-\w{4} added — 杭州华泰$/,
      ],
      [["ticket", "resolve", TICKET, "--note", "更换接触器"], new RegExp(`^ticket ${TICKET} resolved`)],
    ];
    for (const [args, subject] of writes) {
      const { result: r, commands } = await gitCommands(() => cli(root, args));
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      expect(commands, args.join(" ")).toEqual(["update-index", "fast-import"]);
      expect(commits(root)[0]!.subject).toMatch(subject);
      expect(status(root)).toBe("");
    }
    expect(commits(root)).toHaveLength(2 + writes.length);
    git(root, "fsck", "--no-progress");
  });

  it("the commit is the one git commit makes: author and committer, message, the tree of the index", async () => {
    const root = await warmStore();
    const r = await cli(root, ["ticket", "escalate", TICKET]);
    expect(r.code, r.stderr).toBe(0);
    const raw = git(root, "cat-file", "-p", "HEAD");
    expect(raw).toMatch(/^author 王芳 <wangfang@example\.com> \d+ [+-]\d{4}$/m);
    expect(raw).toMatch(/^committer 王芳 <wangfang@example\.com> \d+ [+-]\d{4}$/m);
    expect(raw.slice(raw.indexOf("\n\n") + 2)).toBe(
      `ticket ${TICKET} escalated to 赵工 — 上海明远机电设备有限公司\n\nAftercare-Command: aftercare ticket escalate ${TICKET}\n`,
    );
    // the index is the commit's tree: nothing staged, nothing left behind
    expect(git(root, "write-tree")).toBe(git(root, "rev-parse", "HEAD^{tree}"));
    // someone without an e-mail on the staff list is committed with git's user.email, as before
    git(root, "config", "user.email", "desk@example.com");
    expect((await cli(root, ["ticket", "dispatch", TICKET, "--technician", "李强"], { as: "赵工" })).code).toBe(0);
    expect(git(root, "log", "-1", "--format=%an <%ae>|%cn <%ce>").trim()).toBe(
      "赵工 <desk@example.com>|赵工 <desk@example.com>",
    );
  });

  it("the user's staged work stays staged and out of the commit", async () => {
    const root = await warmStore();
    writeFileSync(join(root, "notes.txt"), "draft\n");
    git(root, "add", "notes.txt");
    const { result: r, commands } = await gitCommands(() => cli(root, ["ticket", "resolve", TICKET, "--note", "ok"]));
    expect(r.code, r.stderr).toBe(0);
    expect(git(root, "show", "--name-only", "--format=", "HEAD").trim()).toBe(TICKET_FILE);
    expect(status(root)).toBe("A  notes.txt");
    // the index changed behind aftercare's back: it asked git status once, and committed all the same
    expect(commands).toEqual(["status", "update-index", "fast-import"]);
  });

  it("a record edited by hand in place is named by the next write, found while staging, and not committed", async () => {
    const root = await warmStore();
    writeFileSync(
      join(root, TICKET_FILE),
      readFileSync(join(root, TICKET_FILE), "utf8").replace("problem:", "# by hand\nproblem:"),
    );
    const { result: r, commands } = await gitCommands(() =>
      cli(root, [
        "call",
        "log",
        "--customer",
        ACME,
        "--direction",
        "in",
        "--purpose",
        "consult",
        "--summary",
        "Asked for a quote",
      ]),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(commands).toEqual(["update-index", "fast-import"]);
    expect(r.stderr).toContain(
      `note: 1 record file is changed but not committed, by no aftercare write on record (a hand edit, or a write stopped before its commit): ${TICKET_FILE}; 'aftercare doctor' explains, 'aftercare doctor --fix' commits what is valid\n`,
    );
    expect(git(root, "show", "--name-only", "--format=", "HEAD").trim()).toMatch(
      /^contacts\/2026\/11\/K-261126-\w{4}\.yaml$/,
    );
    expect(status(root)).toBe(`M ${TICKET_FILE}`);
    // and every write after names it too, until it is committed
    expect((await cli(root, ["customer", "edit", MINGYUAN, "--tag", "x"])).stderr).toContain(
      `${TICKET_FILE}; 'aftercare doctor' explains`,
    );
  });

  it("a file added by hand, a record staged or committed by hand: the next write asks git status once, names what is uncommitted", async () => {
    const root = await warmStore();
    const KILLED = "customers/C-261126-KKKK.yaml";
    writeFileSync(join(root, KILLED), "name: 杭州华泰\ncreated: 2026-11-26T10:00:00+08:00\n");
    let w = await gitCommands(() => cli(root, ["ticket", "escalate", TICKET]));
    expect(w.commands).toEqual(["status", "update-index", "fast-import"]);
    expect(w.result.stderr).toContain(`${KILLED} (new); 'aftercare doctor' explains`);
    git(root, "add", KILLED);
    w = await gitCommands(() => cli(root, ["ticket", "dispatch", TICKET, "--technician", "李强"]));
    expect(w.result.stderr).toContain(`${KILLED} (new); 'aftercare doctor' explains`);
    expect(git(root, "show", "--name-only", "--format=", "HEAD").trim()).toBe(TICKET_FILE);
    expect(status(root)).toBe(`A  ${KILLED}`);
    git(root, "-c", "user.name=setup", "-c", "user.email=s@example.com", "commit", "--quiet", "-m", "by hand");
    w = await gitCommands(() => cli(root, ["ticket", "arrive", TICKET]));
    expect(w.commands).toEqual(["status", "update-index", "fast-import"]);
    expect(w.result.stderr).not.toContain("not committed");
    // the store is as the last write left it again: two processes
    w = await gitCommands(() => cli(root, ["ticket", "resolve", TICKET, "--note", "ok"]));
    expect(w.commands).toEqual(["update-index", "fast-import"]);
    expect(status(root)).toBe("");
  });

  it("after HEAD moved behind its back (a reset, as a pull or checkout would): git status once, then the file staged without a second look at every file", async () => {
    const root = await warmStore();
    expect((await cli(root, ["ticket", "escalate", TICKET])).code).toBe(0);
    git(root, "reset", "--quiet", "--hard", "HEAD~1");
    writeFileSync(
      join(root, TICKET_FILE),
      readFileSync(join(root, TICKET_FILE), "utf8").replace("problem:", "# by hand\nproblem:"),
    );
    const stage = () => gitSpawns.args.find((a) => a.includes("update-index"))!;
    let w = await gitCommands(() =>
      cli(root, [
        "call",
        "log",
        "--customer",
        ACME,
        "--direction",
        "in",
        "--purpose",
        "consult",
        "--summary",
        "Asked for a quote",
      ]),
    );
    expect(w.result.code, w.result.stderr).toBe(0);
    expect(w.commands).toEqual(["status", "update-index", "fast-import"]);
    // git status named the hand edit; staging the new call looks at nothing else
    expect(stage().slice(stage().indexOf("update-index"))).toEqual([
      "update-index",
      "--add",
      "--remove",
      "--",
      `contacts/2026/11/${w.result.stdout.trim()}.yaml`,
    ]);
    expect(w.result.stderr).toContain(
      `note: 1 record file is changed but not committed, by no aftercare write on record (a hand edit, or a write stopped before its commit): ${TICKET_FILE}; `,
    );
    expect(status(root)).toBe(`M ${TICKET_FILE}`);
    // the hand edit committed by hand: the next write finds the store as its last write left it, and
    // staging looks at every file again (the pass that names a record edited in place)
    git(root, "-c", "user.name=setup", "-c", "user.email=s@example.com", "commit", "--quiet", "-am", "by hand");
    w = await gitCommands(() => cli(root, ["ticket", "escalate", TICKET]));
    expect(w.result.code, w.result.stderr).toBe(0);
    expect(w.commands).toEqual(["status", "update-index", "fast-import"]);
    w = await gitCommands(() => cli(root, ["ticket", "resolve", TICKET, "--note", "ok"]));
    expect(w.result.code, w.result.stderr).toBe(0);
    expect(w.commands).toEqual(["update-index", "fast-import"]);
    expect(stage().slice(stage().indexOf("update-index"))).toEqual([
      "update-index",
      "--add",
      "--remove",
      "--refresh",
      "--",
      TICKET_FILE,
    ]);
    expect(status(root)).toBe("");
    git(root, "fsck", "--no-progress");
  });

  it("a write that changes nothing makes no commit, and says nothing about it", async () => {
    const root = await warmStore();
    const before = commits(root).length;
    const { result: r, commands } = await gitCommands(() => cli(root, ["customer", "edit", MINGYUAN, "--tag", "vip"]));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("not committed");
    expect(commands.length).toBeLessThanOrEqual(2);
    expect(commits(root)).toHaveLength(before);
    expect(status(root)).toBe("");
  });

  it("a store in a sub-folder of a repository, and in a linked worktree on its own branch", async () => {
    const top = tempDir();
    const sub = join(top, "售后服务", "desk");
    mkdirSync(sub, { recursive: true });
    const made = testStore(RECORDS, { git: false });
    for (const f of ["aftercare.yaml", ...Object.keys(RECORDS)]) {
      mkdirSync(join(sub, f, ".."), { recursive: true });
      writeFileSync(join(sub, f), readFileSync(join(made, f)));
    }
    git(top, "init", "--quiet", "--initial-branch=main");
    git(top, "add", "-A");
    git(top, "-c", "user.name=setup", "-c", "user.email=s@example.com", "commit", "--quiet", "-m", "fixture");
    expect((await cli(sub, ["ticket", "escalate", TICKET])).code).toBe(0);
    const { result: r, commands } = await gitCommands(() =>
      cli(sub, ["ticket", "dispatch", TICKET, "--technician", "李强"]),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(commands).toEqual(["update-index", "fast-import"]);
    expect(git(top, "-c", "core.quotepath=off", "show", "--name-only", "--format=", "HEAD").trim()).toBe(
      `售后服务/desk/${TICKET_FILE}`,
    );
    expect(status(top)).toBe("");

    const root = testStore(RECORDS);
    const wt = join(tempDir(), "second-desk");
    git(root, "worktree", "add", "--quiet", "-b", "desk2", wt);
    expect((await cli(wt, ["ticket", "escalate", TICKET])).code).toBe(0);
    const w = await gitCommands(() => cli(wt, ["ticket", "dispatch", TICKET, "--technician", "李强"]));
    expect(w.result.code, w.result.stderr).toBe(0);
    expect(w.commands).toEqual(["update-index", "fast-import"]);
    expect(git(wt, "log", "--format=%s", "-2").trim().split("\n")[1]).toMatch(/escalated/);
    expect(git(root, "log", "--format=%s", "main").trim()).toBe("fixture");
    expect(status(wt)).toBe("");
  });
});

describe("git's settings, asked once", () => {
  it("are remembered until a settings file changes; only the ones aftercare reads are kept in the store", async () => {
    const root = await warmStore();
    git(root, "config", "url.https://token@example.com/.insteadOf", "https://example.com/");
    git(root, "remote", "add", "origin", "https://example.com/desk.git");
    const g = new Git(root, cleanEnv());
    let w = await gitCommands(async () => [
      await g.configValue("user.email"),
      await g.configValue("remote.origin.url"),
    ]);
    expect(w.result).toEqual([undefined, "https://example.com/desk.git"]);
    expect(w.commands).toEqual(["config"]);
    w = await gitCommands(async () => [
      await g.configValue("remote.origin.url"),
      String(await g.configBool("commit.gpgSign")),
    ]);
    expect(w.commands).toEqual([]);
    const memo = readFileSync(join(root, ".aftercare", "git-config.json"), "utf8");
    expect(memo).not.toContain("token");
    expect(memo).not.toContain("remote.origin");
    // another process (a new Git here, the memo read from the store) asks git only for what it does not keep
    w = await gitCommands(async () => [
      await new Git(root, cleanEnv()).configValue("user.email"),
      await new Git(root, cleanEnv()).configValue("remote.origin.url"),
    ]);
    expect(w.commands).toEqual([]);
    git(root, "config", "user.email", "desk@example.com");
    w = await gitCommands(async () => [await g.configValue("user.email")]);
    expect(w.result).toEqual(["desk@example.com"]);
    expect(w.commands).toEqual(["config"]);
  });
});

describe("the long way, through git commit, when the fast way would differ", () => {
  it("a hook in aftercare's hooks folder runs on its commits", async () => {
    const root = await warmStore();
    const hooks = join(root, ".git", "aftercare", "hooks");
    mkdirSync(hooks, { recursive: true });
    const mark = join(tempDir(), "ran");
    writeFileSync(join(hooks, "post-commit"), `#!/bin/sh\ntouch ${mark}\n`);
    chmodSync(join(hooks, "post-commit"), 0o755);
    const { result: r, commands } = await gitCommands(() => cli(root, ["ticket", "resolve", TICKET, "--note", "ok"]));
    expect(r.code, r.stderr).toBe(0);
    expect(commands).toEqual(["update-index", "commit"]);
    expect(existsSync(mark)).toBe(true);
    expect(git(root, "show", "--name-only", "--format=", "HEAD").trim()).toBe(TICKET_FILE);
  });

  it("signed commits: git commit signs them (a signer that fails leaves the record saved, exit 3)", async () => {
    const root = await warmStore();
    // a setting changed since the last write is seen by the next one
    git(root, "config", "commit.gpgSign", "true");
    git(root, "config", "gpg.program", "false");
    const { result: r, commands } = await gitCommands(() => cli(root, ["ticket", "resolve", TICKET, "--note", "ok"]));
    expect(r.code).toBe(3);
    // git's settings changed since the last write: asked again (once)
    expect(commands.slice(0, 3)).toEqual(["update-index", "config", "commit"]);
    expect(r.stderr).toMatch(/^note: saved but not committed \(gpg failed to sign the data\)/);
    expect(commits(root)[0]!.subject).toMatch(/edited — Acme Pumps GmbH$/);
  });

  it("a clean filter that changes what is stored: the commit holds what git add stores", async () => {
    const root = await warmStore();
    writeFileSync(join(root, ".git", "info", "attributes"), "*.yaml filter=shout\n");
    git(root, "config", "filter.shout.clean", "tr a-z A-Z");
    git(root, "config", "filter.shout.smudge", "cat");
    const { result: r, commands } = await gitCommands(() =>
      cli(root, ["call", "log", "--customer", ACME, "--direction", "in", "--purpose", "consult", "--summary", "quote"]),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(commands).toEqual(["update-index", "config", "commit"]);
    const file = git(root, "show", "--name-only", "--format=", "HEAD").trim();
    expect(git(root, "show", `HEAD:${file}`)).toContain("DIRECTION: IN");
    // staged as committed (the other records show as changed: the filter came after them)
    expect(git(root, "status", "--porcelain", "--", file)).toBe("");
  });
});

describe("a repository set up for many files", () => {
  it("init turns on git's settings for many files and writes a commit-graph with Bloom filters", () => {
    const dir = join(tempDir(), "desk");
    const r = bin(tempDir(), ["init", dir, "--company", "明远", "--timezone", "Asia/Shanghai"], as);
    expect(r.code, r.stderr).toBe(0);
    for (const key of [
      "feature.manyFiles",
      "core.splitIndex",
      "core.untrackedCache",
      "fetch.writeCommitGraph",
      "gc.writeCommitGraph",
    ])
      expect(git(dir, "config", "--get", key).trim(), key).toBe("true");
    expect(hasBloomCommitGraph(join(dir, ".git"))).toBe(true);
    expect(bin(dir, ["doctor"], as)).toMatchObject({ code: 0, stdout: "" });
  });

  it("doctor names each setting a store made before lacks; doctor --fix sets them and commits nothing", () => {
    const root = testStore(RECORDS);
    git(root, "config", "gc.writeCommitGraph", "false");
    const d = bin(root, ["doctor"], as);
    expect(d.code).toBe(1);
    expect(d.stdout).toBe(
      [
        "git's feature.manyFiles is off in the store's repository: every write reads and rewrites git's index in its larger format; 'aftercare doctor --fix' turns it on",
        "git's core.splitIndex is off in the store's repository: every write rewrites the whole of git's index (some 14 MB at 200,000 records); 'aftercare doctor --fix' turns it on",
        "git's core.untrackedCache is off in the store's repository: 'git status' (and 'aftercare check') looks through every record folder for new files; 'aftercare doctor --fix' turns it on",
        "git's fetch.writeCommitGraph is off in the store's repository: the commit-graph falls behind what syncs bring in, and 'aftercare history' slows down; 'aftercare doctor --fix' turns it on",
        "git's gc.writeCommitGraph is off in the store's repository: git's housekeeping leaves the commit-graph behind, and 'aftercare history' slows down; 'aftercare doctor --fix' turns it on",
        "the store's repository has no commit-graph with changed-path Bloom filters: 'aftercare history' reads every commit to find a record's changes; 'aftercare doctor --fix' writes one",
        "",
      ].join("\n"),
    );
    const fix = bin(root, ["doctor", "--fix"], as);
    expect(fix.code, fix.stdout + fix.stderr).toBe(0);
    expect(fix.stdout).toBe(
      [
        "fixed: turned on git's feature.manyFiles in the store's repository (git's index in its compact version 4, and its cache of folders without new files)",
        "fixed: turned on git's core.splitIndex in the store's repository (a write rewrites only the part of git's index that changed)",
        "fixed: turned on git's core.untrackedCache in the store's repository (git remembers which folders hold no new files)",
        "fixed: turned on git's fetch.writeCommitGraph in the store's repository (each sync brings the commit-graph up to date)",
        "fixed: turned on git's gc.writeCommitGraph in the store's repository (git's housekeeping keeps the commit-graph up to date)",
        "fixed: wrote a commit-graph with changed-path Bloom filters, for 'aftercare history'",
        "",
      ].join("\n"),
    );
    expect(hasBloomCommitGraph(join(root, ".git"))).toBe(true);
    expect(commits(root)).toHaveLength(1);
    expect(bin(root, ["doctor"], as)).toMatchObject({ code: 0, stdout: "" });
  });

  it("history follows a record moved to another folder without git log --follow: one log, one cat-file, and one look per move", async () => {
    const records: Record<string, string> = {
      ...RECORDS,
      [`contacts/2026/10/${CALL}.yaml`]: RECORDS[`contacts/2026/11/${CALL}.yaml`]!,
    };
    delete records[`contacts/2026/11/${CALL}.yaml`];
    const root = testStore(records);
    const fix = bin(root, ["doctor", "--fix"], as);
    expect(fix.stdout).toContain(
      `fixed: moved contacts/2026/10/${CALL}.yaml to contacts/2026/11/${CALL}.yaml, where its ID puts it\n`,
    );
    const file = join(root, `contacts/2026/11/${CALL}.yaml`);
    writeFileSync(file, readFileSync(file, "utf8").replace(/summary: .*/, "summary: 电话回访，客户满意"));
    git(root, "-c", "user.name=李强", "-c", "user.email=l@example.com", "commit", "--quiet", "-am", "hand edit");
    const { result: r, commands } = await gitCommands(() => cli(root, ["history", CALL, "--json"]));
    expect(r.code, r.stderr).toBe(0);
    expect(commands).toEqual(["log", "diff-tree", "log", "diff-tree", "cat-file"]);
    expect(gitSpawns.args.some((a) => a.includes("--follow"))).toBe(false);
    const h = JSON.parse(r.stdout) as {
      history: { subject: string; path: string; changes: { field: string; from?: unknown; to?: unknown }[] }[];
    };
    expect(h.history.map((s) => s.subject)).toEqual([
      "hand edit",
      "aftercare doctor: a record moved to the folder its ID puts it in",
      "fixture",
    ]);
    expect(h.history[0]!.changes).toEqual([expect.objectContaining({ field: "summary", to: "电话回访，客户满意" })]);
    expect(h.history[1]!.changes).toEqual([]);
    expect(h.history[2]!.path).toBe(`contacts/2026/10/${CALL}.yaml`);
  });
});
