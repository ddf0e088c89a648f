// A write in a large store (issue 12, "writes": ≤ 1.5 × a bare `git add FILE && git commit`):
// the derived index, brought up to date under the write's lock, is the one pass over the files —
// it names what is uncommitted in place of `git status`, and takes the write's own commit, so that
// the next read has nothing to catch up (src/store/index/after-write.ts). What a user sees must
// be what the write showed before: git status clean, the commit's subject and trailer, the same
// note about files changed by hand as git status gives, and reads equal to a full read of the
// files. AFTERCARE_FULL_STAT_FILES=0 takes the large store's way on the small fixture store.
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gitSpawns } from "../src/store/git.js";
import { cli, git, testStore } from "./helpers.js";
import { ACME, CALL, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const LARGE = { AFTERCARE_FULL_STAT_FILES: "0" };
const OFF = { AFTERCARE_INDEX: "off" };
const TICKET_FILE = `tickets/2026/11/${TICKET}.yaml`;
const CALL_FILE = `contacts/2026/11/${CALL}.yaml`;
const CALL_LOG = ["call", "log", "--ticket", TICKET, "--direction", "out", "--purpose", "followup"];

/** The git commands (their names, without aftercare's -c settings) this process started while `fn` ran. */
async function gitCommands<T>(fn: () => Promise<T>): Promise<{ result: T; commands: string[] }> {
  gitSpawns.count = 0;
  gitSpawns.args.length = 0;
  const result = await fn();
  const commands = gitSpawns.args.map((a) => a.find((x, i) => !x.startsWith("-") && a[i - 1] !== "-c")!);
  return { result, commands };
}

/** The fixture store with its index built the large store's way and git's settings remembered (a first write). */
async function warmStore(env: Record<string, string>): Promise<string> {
  const root = testStore(RECORDS);
  for (const args of [["due"], ["customer", "edit", ACME, "--tag", "warm"], ["due"]]) {
    const r = await cli(root, args, { env });
    expect(r.code, r.stderr).toBe(0);
  }
  return root;
}

/** What a read prints through the index, and reading every file. */
async function bothReads(root: string, args: string[], env: Record<string, string> = {}) {
  const indexed = await cli(root, args, { env: { ...LARGE, ...env } });
  const full = await cli(root, args, { env: { ...OFF, ...env } });
  return { indexed: [indexed.code, indexed.stdout, indexed.stderr], full: [full.code, full.stdout, full.stderr] };
}

const idOf = (stdout: string) => /K-261126-[0-9A-Z]{4}/.exec(stdout)![0];

describe("a write in a large store: one pass over the files, and the index left at its commit", () => {
  it("call log: diff-index, update-index, fast-import; git status clean; the commit's subject and trailer", async () => {
    const root = await warmStore(LARGE);
    const { result: r, commands } = await gitCommands(() =>
      cli(root, [...CALL_LOG, "--summary", "回访：设备运行正常"], { env: LARGE }),
    );
    expect(r.code, r.stderr).toBe(0);
    const id = idOf(r.stdout);
    // the index's refresh is the one pass over the files: no git status, no update-index --refresh
    expect(commands).toEqual(["diff-index", "update-index", "fast-import"]);
    expect(gitSpawns.args.find((a) => a.includes("update-index"))).not.toContain("--refresh");
    expect(git(root, "status", "--porcelain", "--untracked-files=all")).toBe("");
    expect(git(root, "log", "-1", "--format=%s%n%n%b%an <%ae>")).toBe(
      `call ${id} logged (outbound followup, ${TICKET}) — 上海明远机电设备有限公司\n\n` +
        `Aftercare-Command: aftercare call log --ticket ${TICKET} --direction out --purpose followup --summary "回访：设备运行正常"\n` +
        "王芳 <wangfang@example.com>\n",
    );
    expect(git(root, "show", "--name-status", "--format=", "HEAD")).toBe(`A\tcontacts/2026/11/${id}.yaml\n`);
    // the index of git is the commit's tree: nothing staged, nothing left behind
    expect(git(root, "write-tree")).toBe(git(root, "rev-parse", "HEAD^{tree}"));
  });

  it("the next read asks git only which files differ (HEAD has not moved for the index), and says what a read of every file says", async () => {
    const root = await warmStore(LARGE);
    const r = await cli(root, [...CALL_LOG, "--summary", "Pump checked, runs quietly"], { env: LARGE });
    expect(r.code, r.stderr).toBe(0);
    const { result: due, commands } = await gitCommands(() => cli(root, ["due", "--json"], { env: LARGE }));
    expect(due.code, due.stderr).toBe(0);
    expect(commands).toEqual(["diff-index"]);
    for (const args of [["due", "--json"], ["ticket", "show", TICKET], ["customer", "show", MINGYUAN], ["overdue"]]) {
      const { indexed, full } = await bothReads(root, args);
      expect(indexed, args.join(" ")).toEqual(full);
    }
    // the call is in the ticket's history, as written
    expect((await cli(root, ["ticket", "show", TICKET], { env: LARGE })).stdout).toContain(idOf(r.stdout));
  });

  it("the written file changed again by hand in the same second, size and time kept: the next read sees it", async () => {
    const root = await warmStore(LARGE);
    const r = await cli(root, [...CALL_LOG, "--summary", "设备运行正常AAAA"], { env: LARGE });
    expect(r.code, r.stderr).toBe(0);
    const file = join(root, "contacts", "2026", "11", `${idOf(r.stdout)}.yaml`);
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, "utf8").replace("设备运行正常AAAA", "设备运行异常BBBB"));
    utimesSync(file, before.atime, before.mtime);
    for (const args of [
      ["ticket", "show", TICKET, "--json"],
      ["due", "--json"],
    ]) {
      const { indexed, full } = await bothReads(root, args);
      expect(indexed, args.join(" ")).toEqual(full);
    }
    expect((await cli(root, ["ticket", "show", TICKET], { env: LARGE })).stdout).toContain("设备运行异常BBBB");
  });
});

describe("what is uncommitted is named as git status names it", () => {
  /** The same hand changes on a store warmed `env`'s way: edited, staged, new, deleted, and the settings. */
  async function handChanged(env: Record<string, string>): Promise<string> {
    const root = await warmStore(env);
    writeFileSync(
      join(root, TICKET_FILE),
      readFileSync(join(root, TICKET_FILE), "utf8").replace("problem:", "# 手工补记\nproblem:"),
    );
    const acme = join(root, "customers", `${ACME}.yaml`);
    writeFileSync(acme, readFileSync(acme, "utf8").replace("Berlin", "Hamburg"));
    git(root, "add", `customers/${ACME}.yaml`);
    writeFileSync(
      join(root, "contacts", "2026", "11", "K-261125-EEEE.yaml"),
      readFileSync(join(root, CALL_FILE), "utf8").replace("客户来电报修", "客户再次来电"),
    );
    rmSync(join(root, CALL_FILE));
    writeFileSync(join(root, "aftercare.yaml"), `${readFileSync(join(root, "aftercare.yaml"), "utf8")}# 手工备注\n`);
    return root;
  }

  for (const locale of ["en", "zh-CN"])
    it(`a hand edit, a staged edit, a new file, a deleted file and the settings: the same note with the index (${locale})`, async () => {
      const runs = [];
      for (const env of [LARGE, {}]) {
        const root = await handChanged(env);
        const { result: r, commands } = await gitCommands(() =>
          cli(root, ["ticket", "escalate", TICKET], { env: { ...env, AFTERCARE_LOCALE: locale } }),
        );
        expect(r.code, r.stderr).toBe(0);
        runs.push({ stderr: r.stderr, commands });
        // only the ticket is committed; the hand changes stay as they were, the staged one staged
        expect(git(root, "show", "--name-only", "--format=", "HEAD")).toBe(`${TICKET_FILE}\n`);
        expect(git(root, "status", "--porcelain", "--untracked-files=all")).toBe(
          [
            " M aftercare.yaml",
            ` D ${CALL_FILE}`,
            `M  customers/${ACME}.yaml`,
            "?? contacts/2026/11/K-261125-EEEE.yaml",
            "",
          ].join("\n"),
        );
      }
      const [large, small] = runs;
      // the refresh asks git whether HEAD holds the new file it found (ls-tree of its folder); no git status
      expect(large!.commands).toEqual(["diff-index", "ls-tree", "update-index", "fast-import"]);
      expect(small!.commands).toEqual(["status", "update-index", "fast-import"]);
      expect(large!.stderr).toBe(small!.stderr);
      const files = `aftercare.yaml, ${CALL_FILE}${locale === "en" ? " (deleted)" : "（已删除）"}, customers/${ACME}.yaml, ${TICKET_FILE}, contacts/2026/11/K-261125-EEEE.yaml${locale === "en" ? " (new)" : "（新文件）"}`;
      expect(large!.stderr).toContain(
        locale === "en"
          ? `note: 5 record files are changed but not committed, by no aftercare write on record (a hand edit, or a write stopped before its commit): ${files}; 'aftercare doctor' explains, 'aftercare doctor --fix' commits what is valid\n`
          : files,
      );
    });
});
