// Git around the store: aftercare's own settings and hooks only, a repository git refuses, the
// pre-commit check on the index git commits, and hooks and a merge driver whose aftercare is gone.
import { chmodSync, chownSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { driverCommand, hookScript } from "../src/services/git-support.js";
import { Git, repoRefusal } from "../src/store/git.js";
import { bin, cleanEnv, commits, git, tempDir, testStore } from "./helpers.js";
import { ACME, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const as = (who = "王芳") => ({ AFTERCARE_USER: who, AFTERCARE_NOW: "2026-11-26T10:00:00+08:00" });
const ACME_FILE = `customers/${ACME}.yaml`;

/** A store with aftercare's hooks installed, as a desk has it after 'aftercare init --hooks'. */
function hookedStore(): string {
  const root = testStore(RECORDS);
  const r = bin(root, ["init", "--hooks"], as());
  expect(r.code, r.stderr).toBe(0);
  return root;
}

/** git as a person runs it, hooks and all; the exit code and what it said. */
function gitTry(cwd: string, args: string[], env: Record<string, string> = {}): { code: number; out: string } {
  const r = spawnSync("git", ["-c", "user.name=王芳", "-c", "user.email=wf@example.com", ...args], {
    cwd,
    env: cleanEnv(env),
    encoding: "utf8",
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** A PATH with git, sh and the usual tools, but no aftercare and no node. */
function pathWithout(): string {
  const dir = join(tempDir(), "bin");
  execFileSync("mkdir", ["-p", dir]);
  for (const tool of ["git", "sh", "grep", "cat", "rm", "mkdir", "dirname", "basename", "sed", "env"]) {
    const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (found) execFileSync("ln", ["-sf", found, join(dir, tool)]);
  }
  // git's own helpers (git-merge-file is built in; the exec path is found from git itself)
  return dir;
}

describe("git runs with the store's settings, not the user's surprises", () => {
  it("a repository's own post-commit hook, pre-commit hook and fsmonitor do not run on aftercare's writes", () => {
    const root = testStore(RECORDS);
    const marks = tempDir();
    const hook = (name: string, body: string) => {
      writeFileSync(join(root, ".git/hooks", name), `#!/bin/sh\n${body}\n`);
      chmodSync(join(root, ".git/hooks", name), 0o755);
    };
    hook("post-commit", `touch ${marks}/post-commit`);
    hook("pre-commit", `touch ${marks}/pre-commit; echo 'commits are frozen today' >&2; exit 1`);
    hook("commit-msg", `touch ${marks}/commit-msg`);
    writeFileSync(join(marks, "fsmonitor.sh"), `#!/bin/sh\ntouch ${marks}/fsmonitor\nexit 1\n`);
    chmodSync(join(marks, "fsmonitor.sh"), 0o755);
    git(root, "config", "core.fsmonitor", join(marks, "fsmonitor.sh"));

    const r = bin(root, ["ticket", "resolve", TICKET, "--note", "ok"], as());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/not committed/);
    expect(commits(root)[0]!.subject).toBe(`ticket ${TICKET} resolved — 上海明远机电设备有限公司`);
    expect(readdirSync(marks)).toEqual(["fsmonitor.sh"]);
    // the user's own git commit still runs them
    writeFileSync(join(root, "notes.txt"), "x\n");
    git(root, "add", "notes.txt");
    expect(gitTry(root, ["commit", "-m", "by hand"]).code).toBe(1);
    expect(existsSync(join(marks, "pre-commit"))).toBe(true);
  });

  it("commit messages go on stdin: a message larger than one argument may be is committed whole", async () => {
    const root = testStore(RECORDS);
    writeFileSync(join(root, ACME_FILE), RECORDS[ACME_FILE]! + "tags:\n  - export\n");
    const body = "x".repeat(200_000); // over Linux's 128 KiB limit for one argument (E2BIG)
    const r = await new Git(root, cleanEnv()).commit([ACME_FILE], `a long message\n\n${body}`, {
      name: "王芳",
      email: "",
    });
    expect(r).toMatchObject({ committed: true });
    expect(git(root, "log", "-1", "--format=%b").trim()).toBe(body);
  });
});

describe("a repository git refuses", () => {
  it("git's refusals are told apart from a store outside git", () => {
    expect(repoRefusal("fatal: not a git repository (or any of the parent directories): .git\n")).toBeUndefined();
    const dubious = repoRefusal(
      "fatal: detected dubious ownership in repository at '/srv/desk'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /srv/desk\n",
    );
    expect(dubious).toBe(
      `git refuses to work in the store's repository at /srv/desk: it belongs to another user (git: "detected dubious ownership"); run aftercare as the user who owns it, or, if you trust it, tell git so: git config --global --add safe.directory /srv/desk`,
    );
    expect(repoRefusal("fatal: unsafe repository ('/srv/my desk' is owned by someone else)")).toMatch(
      /safe\.directory '\/srv\/my desk'$/,
    );
    expect(repoRefusal("fatal: not a git repository: /srv/desk/.git/worktrees/x")).toMatch(
      /^git cannot use the store's repository: not a git repository: /,
    );
    expect(repoRefusal("error: bad signature 0x00000000\nfatal: index file corrupt")).toMatch(
      /^git cannot use the store's repository: bad signature/,
    );
  });

  it("and are said in Chinese in a zh-CN store (git's own line as git said it)", () => {
    expect(repoRefusal("fatal: detected dubious ownership in repository at '/srv/desk'\n", "zh-CN")).toBe(
      "git 拒绝在 /srv/desk 的档案库仓库中工作：它属于另一个用户（git：“detected dubious ownership”）；请以仓库所有者的身份运行 aftercare，或在信任它时告诉 git：git config --global --add safe.directory /srv/desk",
    );
    expect(repoRefusal("error: bad signature 0x00000000\nfatal: index file corrupt", "zh-CN")).toBe(
      "git 无法使用档案库的仓库：bad signature 0x00000000；请先修复（在档案库中看 'git status'）再写入",
    );
  });

  it.skipIf(typeof process.getuid !== "function" || process.getuid() !== 0)(
    "a store owned by another user: the write is refused with what to do, and nothing is written",
    () => {
      const root = testStore(RECORDS);
      execFileSync("chown", ["-R", "4242:4242", root]);
      const r = bin(root, ["customer", "add", "杭州华泰"], as());
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        `git refuses to work in the store's repository at ${root}: it belongs to another user (git: "detected dubious ownership"); run aftercare as the user who owns it, or, if you trust it, tell git so: git config --global --add safe.directory ${root}; nothing was written\n`,
      );
      expect(readdirSync(join(root, "customers")).sort()).toEqual([`${MINGYUAN}.yaml`, `${ACME}.yaml`].sort());
      // doctor says the same; with the exception made, writes go on
      expect(bin(root, ["doctor"], as()).stdout).toMatch(/detected dubious ownership/);
      chownSync(root, 0, 0);
      execFileSync("chown", ["-R", "0:0", root]);
      expect(bin(root, ["customer", "add", "杭州华泰"], as()).code).toBe(0);
    },
  );
});

describe("the pre-commit check reads the index git commits", () => {
  const broken = (text: string) => text.replace("name: Acme Pumps GmbH", "name: Acme Pumps GmbH\nphone: 12345");

  it("git commit -a of a broken record is refused, and the commit -a that fixes it is accepted", () => {
    const root = hookedStore();
    writeFileSync(join(root, ACME_FILE), broken(RECORDS[ACME_FILE]!));
    const refused = gitTry(root, ["commit", "-a", "-m", "hand edit"]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`${ACME_FILE}:2:1: unknown field "phone"`);
    // committed anyway, skipping the check: the fix must not be refused for the broken index
    expect(gitTry(root, ["commit", "-a", "--no-verify", "-m", "broken on purpose"]).code).toBe(0);
    writeFileSync(join(root, ACME_FILE), RECORDS[ACME_FILE]!.replace("Berlin", "Hamburg"));
    const fix = gitTry(root, ["commit", "-a", "-m", "fixed"]);
    expect(fix.code, fix.out).toBe(0);
    expect(commits(root)[0]!.subject).toBe("fixed");
  });

  it("git commit -- PATH is checked too, whatever the index holds", () => {
    const root = hookedStore();
    writeFileSync(join(root, ACME_FILE), broken(RECORDS[ACME_FILE]!));
    const refused = gitTry(root, ["commit", "-m", "hand edit", "--", ACME_FILE]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`${ACME_FILE}:2:1: unknown field "phone"`);
    // a good file staged in the index does not let a broken one through, nor the other way round
    git(root, "add", ACME_FILE);
    writeFileSync(join(root, ACME_FILE), RECORDS[ACME_FILE]!.replace("Berlin", "Hamburg"));
    expect(gitTry(root, ["commit", "-m", "fixed", "--", ACME_FILE]).code).toBe(0);
  });

  it("a commit of something else is not refused for a file that was already broken in the last commit", () => {
    const root = hookedStore();
    writeFileSync(join(root, ACME_FILE), broken(RECORDS[ACME_FILE]!));
    expect(gitTry(root, ["commit", "-a", "--no-verify", "-m", "broken"]).code).toBe(0);
    writeFileSync(
      join(root, `customers/${MINGYUAN}.yaml`),
      RECORDS[`customers/${MINGYUAN}.yaml`]!.replace("张江路 88 号", "张江路 99 号"),
    );
    const r = gitTry(root, ["commit", "-a", "-m", "new address"]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`note: 1 file already broken in the last commit is still broken (${ACME_FILE})`);
  });
});

describe("hooks and the merge driver when aftercare is gone", () => {
  const gone = { node: "/nonexistent/node", bin: "/nonexistent/aftercare/bin/aftercare" };

  it("the pre-commit hook says where it looked and what to do", () => {
    const root = hookedStore();
    writeFileSync(join(root, ".git/hooks/pre-commit"), hookScript("", gone));
    writeFileSync(join(root, ACME_FILE), RECORDS[ACME_FILE]!.replace("Berlin", "Hamburg"));
    const r = gitTry(root, ["commit", "-a", "-m", "hand edit"], { PATH: pathWithout() });
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      "aftercare is not found at /nonexistent/aftercare/bin/aftercare; re-run 'aftercare init --hooks' after moving it (or install it on PATH); to commit without the check: git commit --no-verify\n",
    );
    // doctor names it, and --fix puts this aftercare back in
    const d = bin(root, ["doctor"], as());
    expect(d.code).toBe(1);
    expect(d.stdout).toContain(
      "the pre-commit hook calls aftercare at /nonexistent/aftercare/bin/aftercare, which is gone; run 'aftercare init --hooks' with the aftercare you use now\n",
    );
    git(root, "config", "merge.aftercare.driver", driverCommand(gone));
    expect(bin(root, ["doctor"], as()).stdout).toContain(
      "the merge driver calls aftercare at /nonexistent/aftercare/bin/aftercare, which is gone",
    );
    const fix = bin(root, ["doctor", "--fix"], as());
    expect(fix.stdout, fix.stderr).toContain(
      "fixed: reinstalled the pre-commit check and the merge driver for this aftercare\n",
    );
    expect(fix.stdout).toContain(`fixed: committed 1 record file left uncommitted`); // the hand edit the hook could not check
    expect(fix.code, fix.stdout).toBe(0);
    writeFileSync(join(root, ACME_FILE), RECORDS[ACME_FILE]!.replace("Berlin", "Bremen"));
    const again = gitTry(root, ["commit", "-a", "-m", "hand edit"], { PATH: pathWithout() });
    expect(again.code, again.out).toBe(0);
  });

  /** Two branches that change the same field of one customer; merged with `driver`. */
  function conflictingMerge(driver: string): { root: string; merge: { code: number; out: string } } {
    const root = hookedStore();
    git(root, "config", "merge.aftercare.driver", driver);
    git(root, "checkout", "--quiet", "-b", "other");
    writeFileSync(
      join(root, ACME_FILE),
      RECORDS[ACME_FILE]!.replace("Hauptstraße 5, Berlin", "Hafenstraße 1, Hamburg"),
    );
    gitTry(root, ["commit", "--no-verify", "-a", "-m", "there"]);
    git(root, "checkout", "--quiet", "main");
    writeFileSync(
      join(root, ACME_FILE),
      RECORDS[ACME_FILE]!.replace("Hauptstraße 5, Berlin", "Marienplatz 2, München"),
    );
    gitTry(root, ["commit", "--no-verify", "-a", "-m", "here"]);
    return { root, merge: gitTry(root, ["merge", "--no-edit", "other"], { PATH: pathWithout() }) };
  }

  it("a merge driver whose aftercare is gone leaves a conflict with markers and both sides", () => {
    const { root, merge } = conflictingMerge(driverCommand(gone));
    expect(merge.code).toBe(1);
    expect(merge.out).toContain(
      `aftercare is not found at ${gone.bin}; re-run 'aftercare init --hooks' after moving it; ${ACME_FILE} is merged line by line instead: look for conflict markers`,
    );
    const text = readFileSync(join(root, ACME_FILE), "utf8");
    expect(text).toMatch(/^<<<<<<< ours$/m);
    expect(text).toContain("Marienplatz 2, München");
    expect(text).toContain("Hafenstraße 1, Hamburg");
    expect(text).toMatch(/^>>>>>>> theirs$/m);
    expect(git(root, "diff", "--name-only", "--diff-filter=U").trim()).toBe(ACME_FILE);
  });

  it("an aftercare that fails without writing the merge leaves git's markers too", () => {
    const dir = tempDir();
    const fake = join(dir, "aftercare");
    writeFileSync(fake, "#!/bin/sh\necho 'internal error: boom' >&2\nexit 1\n");
    chmodSync(fake, 0o755);
    const { root, merge } = conflictingMerge(driverCommand({ node: "/nonexistent/node", bin: fake }));
    expect(merge.code).toBe(1);
    expect(merge.out).toContain("aftercare's merge driver failed on");
    const text = readFileSync(join(root, ACME_FILE), "utf8");
    expect(text).toMatch(/^<<<<<<< ours$/m);
    expect(text).toContain("Hafenstraße 1, Hamburg");
  });

  it("with aftercare in place the driver merges field by field and marks only the field at stake", () => {
    const { root, merge } = conflictingMerge(
      driverCommand({
        node: process.execPath,
        bin: join(dirname(new URL(import.meta.url).pathname), "..", "bin", "aftercare"),
      }),
    );
    expect(merge.code).toBe(1);
    const text = readFileSync(join(root, ACME_FILE), "utf8");
    expect(text).toContain(
      "<<<<<<< ours\naddress: Marienplatz 2, München\n=======\naddress: Hafenstraße 1, Hamburg\n>>>>>>> theirs\n",
    );
  });
});
