// A write in a large store whose watcher answers (issue 12, "writes"): the index's refresh under
// the write's lock asks the store's watcher, as a read does, instead of having git sweep every
// file's stat; what is uncommitted, for the write's note, is asked of git for the few files that
// may differ from HEAD (table `watch`, the watcher's paths: src/store/index/after-write.ts
// uncommittedTold). The note must be git status's, word for word, whether the hand changes came
// just before the write or reads have taken them since; a watcher that cannot answer leaves the
// write to git's sweep, as it leaves a read.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitSpawns } from "../src/store/git.js";
import { stopWatcher, watcherStatus } from "../src/store/watch/client.js";
import { socketPath } from "../src/store/watch/where.js";
import { cleanEnv, cli, git, tempDir, testStore } from "./helpers.js";
import { ACME, CALL, MINGYUAN, RECORDS, TICKET } from "./fixtures.js";

const TICKET_FILE = `tickets/2026/11/${TICKET}.yaml`;
const CALL_FILE = `contacts/2026/11/${CALL}.yaml`;
const ACME_FILE = `customers/${ACME}.yaml`;
const NEW_FILE = "contacts/2026/11/K-261125-EEEE.yaml";
const FOLDERS = ["customers", "tickets", "contacts", "events", "waivers"];

const stores: { root: string; env: Record<string, string> }[] = [];
afterEach(async () => {
  for (const { root, env } of stores.splice(0)) await stopWatcher(root, cleanEnv(env));
});

/** The large store's way on the small fixture store, the watcher on and each answer traced. */
function watchEnv(): Record<string, string> {
  return {
    AFTERCARE_FULL_STAT_FILES: "0",
    AFTERCARE_WATCH: "on",
    AFTERCARE_WATCH_IDLE_MS: "60000",
    AFTERCARE_WATCH_TRACE: join(tempDir(), "trace"),
  };
}

/** What the watcher said since the last call, one line an index refresh, then forgotten. */
function said(env: Record<string, string>): string[] {
  const file = env.AFTERCARE_WATCH_TRACE;
  const lines = file && existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
  if (file) writeFileSync(file, "");
  return lines;
}

/** The git commands this process started while `fn` ran: names, and the pathspec of each diff-index. */
async function gitCommands<T>(fn: () => Promise<T>): Promise<{ result: T; commands: string[]; asked: string[][] }> {
  gitSpawns.count = 0;
  gitSpawns.args.length = 0;
  const result = await fn();
  const commands = gitSpawns.args.map((a) => a.find((x, i) => !x.startsWith("-") && a[i - 1] !== "-c")!);
  const asked = gitSpawns.args.filter((a) => a.includes("diff-index")).map((a) => a.slice(a.indexOf("--") + 1));
  return { result, commands, asked };
}

async function ok(root: string, args: string[], env: Record<string, string>) {
  const r = await cli(root, args, { env });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** Whether a watcher answers for the store within five seconds. */
async function waitForWatcher(root: string, env: Record<string, string>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await watcherStatus(root, cleanEnv(env), 500)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** The fixture store, its index built, a first write made; with `env`'s watcher running and its token taken. */
async function warmStore(env: Record<string, string>): Promise<string> {
  const root = testStore(RECORDS);
  stores.push({ root, env });
  for (const args of [["due"], ["customer", "edit", ACME, "--tag", "warm"], ["due"]]) await ok(root, args, env);
  if (env.AFTERCARE_WATCH === "on") {
    expect(await waitForWatcher(root, env)).toBe(true);
    await ok(root, ["due"], env); // takes the new watcher's token
    said(env);
  }
  return root;
}

/** The hand changes: a record edited, one edited and staged, a new file, a file deleted, the settings edited. */
function changeByHand(root: string): void {
  const edit = (rel: string, from: string, to: string) =>
    writeFileSync(join(root, rel), readFileSync(join(root, rel), "utf8").replace(from, to));
  edit(TICKET_FILE, "problem:", "# 手工补记\nproblem:");
  edit(ACME_FILE, "Berlin", "Hamburg");
  git(root, "add", ACME_FILE);
  writeFileSync(
    join(root, NEW_FILE),
    readFileSync(join(root, CALL_FILE), "utf8").replace("客户来电报修", "客户再次来电"),
  );
  rmSync(join(root, CALL_FILE));
  writeFileSync(join(root, "aftercare.yaml"), `${readFileSync(join(root, "aftercare.yaml"), "utf8")}# 手工备注\n`);
}

/** git status after the write: the hand changes (and `more`, in git's order before the new file) as they were. */
const statusAfter = (more: string[] = []) =>
  [" M aftercare.yaml", ` D ${CALL_FILE}`, ...more, `M  ${ACME_FILE}`, `?? ${NEW_FILE}`, ""].join("\n");

/** `ticket escalate` after the hand changes (and `between`), on a store warmed `env`'s way: its stderr, git commands and asks. */
async function escalate(
  env: Record<string, string>,
  locale: string,
  between: (root: string) => Promise<void>,
  more: string[] = [],
) {
  const root = await warmStore(env);
  changeByHand(root);
  await between(root);
  said(env);
  const run = await gitCommands(() =>
    cli(root, ["ticket", "escalate", TICKET], { env: { ...env, AFTERCARE_LOCALE: locale } }),
  );
  expect(run.result.code, run.result.stderr).toBe(0);
  // only the ticket is committed; the hand changes stay as they were, the staged one staged
  expect(git(root, "show", "--name-only", "--format=", "HEAD")).toBe(`${TICKET_FILE}\n`);
  expect(git(root, "status", "--porcelain", "--untracked-files=all")).toBe(statusAfter(more));
  return { root, ...run, said: said(env) };
}

describe("a write the store's watcher answers: git asked about the few files that may differ", () => {
  for (const locale of ["en", "zh-CN"])
    it(`hand changes just before the write: the note git status gives, no sweep (${locale})`, async () => {
      const watched = await escalate(watchEnv(), locale, () => Promise.resolve());
      const plain = await escalate({}, locale, () => Promise.resolve());
      expect(watched.said).toEqual(["told 5"]);
      // the refresh asks whether HEAD holds the new file (ls-tree of its folder); the one diff-index asks
      // of the files the watcher named and aftercare.yaml and reports, not of every folder
      expect(watched.commands).toEqual(["ls-tree", "diff-index", "update-index", "fast-import"]);
      expect(watched.asked).toEqual([
        expect.arrayContaining([ACME_FILE, CALL_FILE, TICKET_FILE, "aftercare.yaml", "reports"]),
      ]);
      expect(watched.asked[0]).not.toEqual(expect.arrayContaining(FOLDERS.slice(0, 1)));
      expect(plain.commands).toEqual(["status", "update-index", "fast-import"]);
      expect(watched.result.stderr).toBe(plain.result.stderr);
      const files =
        locale === "en"
          ? `aftercare.yaml, ${CALL_FILE} (deleted), ${ACME_FILE}, ${TICKET_FILE}, ${NEW_FILE} (new)`
          : `aftercare.yaml, ${CALL_FILE}（已删除）, ${ACME_FILE}, ${TICKET_FILE}, ${NEW_FILE}（新文件）`;
      expect(watched.result.stderr).toContain(
        locale === "en"
          ? `note: 5 record files are changed but not committed, by no aftercare write on record (a hand edit, or a write stopped before its commit): ${files}; 'aftercare doctor' explains, 'aftercare doctor --fix' commits what is valid\n`
          : files,
      );
      // the next read through the index says what a read of every file says
      for (const args of [
        ["due", "--json"],
        ["ticket", "show", TICKET],
        ["customer", "show", MINGYUAN],
      ]) {
        const indexed = await cli(watched.root, args, { env: watchEnv() });
        const full = await cli(watched.root, args, { env: { AFTERCARE_INDEX: "off" } });
        expect([indexed.code, indexed.stdout], args.join(" ")).toEqual([full.code, full.stdout]);
      }
    });

  it("hand changes and a commit undone with reset --soft, taken by reads since: still named, as git status names them", async () => {
    const soft = async (root: string, env: Record<string, string>) => {
      // a colleague's commit of the customer's file, undone with `git reset --soft`: the file then
      // differs from HEAD with no change on disk
      const mingyuan = `customers/${MINGYUAN}.yaml`;
      writeFileSync(join(root, mingyuan), `${readFileSync(join(root, mingyuan), "utf8")}# 复核\n`);
      git(
        root,
        "-c",
        "user.name=陈静",
        "-c",
        "user.email=chenjing@example.com",
        "commit",
        "-q",
        "-m",
        "hand",
        "--",
        mingyuan,
      );
      await ok(root, ["due"], env);
      git(root, "reset", "-q", "--soft", "HEAD~1");
      await ok(root, ["due"], env);
      await ok(root, ["due"], env);
    };
    const watchedEnv = watchEnv();
    const staged = [`M  customers/${MINGYUAN}.yaml`];
    const watched = await escalate(watchedEnv, "en", (root) => soft(root, watchedEnv), staged);
    const plain = await escalate({}, "en", (root) => soft(root, {}), staged);
    expect(watched.said).toEqual(["told 0"]);
    expect(watched.commands).toEqual(["diff-index", "update-index", "fast-import"]);
    expect(watched.asked).toEqual([
      expect.arrayContaining([ACME_FILE, CALL_FILE, TICKET_FILE, `customers/${MINGYUAN}.yaml`, "aftercare.yaml"]),
    ]);
    expect(watched.asked[0]).not.toEqual(expect.arrayContaining(FOLDERS.slice(0, 1)));
    expect(watched.result.stderr).toBe(plain.result.stderr);
    expect(watched.result.stderr).toContain(
      `note: 6 record files are changed but not committed, by no aftercare write on record (a hand edit, or a write stopped before its commit): aftercare.yaml, ${CALL_FILE} (deleted), customers/${MINGYUAN}.yaml, ${ACME_FILE}, ${TICKET_FILE}, …; 'aftercare doctor' explains, 'aftercare doctor --fix' commits what is valid\n`,
    );
  });

  it("no watcher answers (stopped): the write's refresh has git sweep, and names the same", async () => {
    const env = watchEnv();
    const watched = await escalate(env, "en", async (root) => {
      await stopWatcher(root, cleanEnv(env));
      // gone for certain: it no longer answers, and its socket is removed
      for (
        let i = 0;
        i < 100 && ((await watcherStatus(root, cleanEnv(env), 200)) || existsSync(socketPath(root, cleanEnv(env))!));
        i++
      )
        await new Promise((r) => setTimeout(r, 50));
    });
    const plain = await escalate({}, "en", () => Promise.resolve());
    // the write found none and started one for the reads after it; git's sweep of every folder answered
    expect(watched.said).toEqual(["none"]);
    expect(watched.asked[0]).toEqual(expect.arrayContaining(FOLDERS));
    expect(watched.result.stderr).toBe(plain.result.stderr);
    // the watcher the write started answers (and so is stopped after the test)
    expect(await waitForWatcher(watched.root, env)).toBe(true);
  });
});
