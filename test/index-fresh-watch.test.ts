// The store's watcher (src/store/watch/, issue 12): in a large store a read asks it what changed
// instead of having git sweep every file's stat. Every change behind the tool's back is made
// with a watcher running and followed by the reads made through the real binary, with the index
// and from the files alone (AFTERCARE_INDEX=off), compared (index-fresh-desk.ts); the trace each
// read leaves (AFTERCARE_WATCH_TRACE) shows that the watcher answered, so that no step passes
// because git was asked instead. Then the ways it can fail: killed, of another build, a burst of
// events past what it vouches for, a store whose socket path is too long, a watcher stopped dead.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { socketPath } from "../src/store/watch/where.js";
import { stopWatcher, watcherStatus } from "../src/store/watch/client.js";
import { bin, cleanEnv, tempDir, testStore } from "./helpers.js";
import { Desk, peerOf, read, readsOf } from "./index-fresh-desk.js";
import {
  baseStore,
  ACME,
  COMPLAINT,
  DISPATCHED,
  DISPATCHED_FU1,
  MINGYUAN,
  NOW,
  OCT_CLOSED,
  OLD_CLOSED,
  OPEN,
  PACIFIC,
  PACIFIC_NEXT,
  pathOf,
  RESOLVED,
  SETTINGS,
  XIHU,
} from "./index-fixtures.js";

const DIST_WATCHER = join(import.meta.dirname, "..", "dist", "watcher.mjs");

/** Stores whose watchers are stopped after each test, and the processes to end for certain. */
const running: { root: string; env: Record<string, string> }[] = [];
const pids = new Set<number>();
afterEach(async () => {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGCONT");
    } catch {
      // gone already
    }
  }
  for (const { root, env } of running.splice(0)) await stopWatcher(root, cleanEnv(env));
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // stopped already
    }
  }
  pids.clear();
});

/** The large store's way on the small store, the watcher on, short-lived, and each read's word from it traced. */
function watchEnv(trace: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AFTERCARE_FULL_STAT_FILES: "0",
    AFTERCARE_WATCH: "on",
    AFTERCARE_WATCH_IDLE_MS: "60000",
    AFTERCARE_WATCH_TRACE: trace,
    ...extra,
  };
}

class WatchedDesk extends Desk {
  constructor(
    root: string,
    reads: ReturnType<typeof readsOf>,
    readonly trace: string,
    env: Record<string, string>,
  ) {
    super(root, reads, NOW, "binary", env);
    running.push({ root, env });
  }

  /** The running watcher's pid, waiting up to five seconds for one to answer. */
  async watcher(): Promise<number> {
    for (let i = 0; i < 100; i++) {
      const s = await watcherStatus(this.root, cleanEnv(this.env), 500);
      if (s) {
        pids.add(s.pid);
        return s.pid;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no watcher answers for ${this.root}`);
  }

  /** One read with the index, so that it holds the watcher's token; the trace then starts empty. */
  async settle(): Promise<void> {
    await this.watcher();
    await this.same("a read that takes the watcher's token");
    writeFileSync(this.trace, "");
  }

  /** What the watcher said to each read since the last call (one line a read), then forgotten. */
  said(): string[] {
    const lines = existsSync(this.trace) ? readFileSync(this.trace, "utf8").split("\n").filter(Boolean) : [];
    writeFileSync(this.trace, "");
    return lines;
  }

  /** The reads of the last step were answered by the watcher, each of them, with at least one file told once. */
  toldEvery(step: string): void {
    const said = this.said();
    // each read asked (and the first once more)
    expect(said.length, `${step}: reads with the index`).toBe(this.reads.length + 1);
    expect(
      said.filter((l) => !/^told \d+$/.test(l)),
      `${step}: every read answered by the watcher`,
    ).toEqual([]);
    expect(
      said.some((l) => l !== "told 0"),
      `${step}: the watcher told of a change`,
    ).toBe(true);
  }
}

/**
 * A store made more than two seconds ago: git's sweep marks the files changed within two seconds
 * of its look to be compared again (table `watch`), and those marks outlive a watcher's reads
 * until the next sweep; files older than that leave every change to the watcher to tell.
 */
async function agedStore(): Promise<string> {
  const root = testStore(baseStore(), { settings: SETTINGS });
  await new Promise((r) => setTimeout(r, 3100));
  return root;
}

/** The hand-written store, a watcher running for it and the index holding its token. */
async function watchedDesk(extra: Picked = {}, env: Record<string, string> = {}) {
  const root = await agedStore();
  const trace = join(tempDir(), "trace");
  const desk = new WatchedDesk(root, fewReads(extra), trace, watchEnv(trace, env));
  await desk.warm();
  await desk.settle();
  return desk;
}

type Picked = { tickets?: string[]; customers?: string[]; searches?: string[] };

/** The reads each step compares: the lists as JSON, the records a scenario touches, a search and November's review. */
function fewReads(p: Picked = {}) {
  return readsOf({
    tickets: p.tickets ?? [OPEN],
    customers: p.customers ?? [MINGYUAN],
    searches: p.searches ?? ["华东"],
    months: ["2026-11"],
    text: false,
    check: false,
  });
}

// real processes on a store each step: minutes on a loaded machine
const LONG = { timeout: 300_000 };

describe("the store's watcher: every change behind the tool's back is told", LONG, () => {
  it("hand edits in place (same size, mtime kept; three within a moment), new, deleted and renamed files, an editor's replace, a new folder", async () => {
    const desk = await watchedDesk({
      tickets: [RESOLVED, OPEN, OLD_CLOSED, DISPATCHED, "T-260815-0001"],
      customers: [PACIFIC],
    });
    desk.edit(pathOf(OLD_CLOSED), "  - date: 2027-04-15\n", "  - date: 2026-11-23\n", {
      sameSize: true,
      keepTimes: true,
    });
    // three writes a moment apart, the same size: one stamp may cover two of them
    desk.edit(pathOf(OPEN), "assignee: 王芳", "assignee: 陈静", { sameSize: true, keepTimes: true });
    desk.edit(pathOf(OPEN), "assignee: 陈静", "assignee: 王芳", { sameSize: true });
    desk.edit(pathOf(OPEN), "assignee: 王芳", "assignee: 陈静", { sameSize: true });
    await desk.same("edits in place: an old ticket's planned call brought forward, an assignee changed thrice", {
      changed: ["due --json", `ticket show ${OPEN}`, `ticket show ${OLD_CLOSED}`],
    });
    desk.toldEvery("in place");
    desk.write(
      pathOf("K-261127-0060"),
      `customer: ${MINGYUAN}\nticket: ${DISPATCHED}\nat: 2026-11-27T10:00:00+08:00\nchannel: call\ndirection: out\npurpose: followup\nstaff: 王芳\nperson: 张伟\nsummary: 第二次回访，空压机运行正常\nsatisfaction: 5\n`,
    );
    desk.rm(pathOf(DISPATCHED_FU1));
    desk.mv(pathOf(PACIFIC_NEXT), pathOf("K-261120-0049"));
    await desk.same("a new contact that closes R-FOLLOWUP-2, a follow-up deleted, a contact renamed to another ID", {
      changed: ["due --json", `ticket show ${DISPATCHED}`],
    });
    desk.toldEvery("new, deleted, renamed");
    desk.replace(pathOf(RESOLVED), "status: resolved\n", "status: escalated\n");
    // a month folder that did not exist, with a ticket in it, then that ticket edited in place
    const august = "tickets/2026/08/T-260815-0001.yaml";
    desk.write(
      august,
      `customer: ${PACIFIC}\nreceived: 2026-08-15T10:00:00+08:00\nfiled: 2026-08-15T10:05:00+08:00\nchannel: phone\nkind: repair\nproblem: 印刷机卡纸\nstatus: open\nassignee: 王芳\n`,
    );
    await desk.same("an editor's save (a new file renamed over the old one, times kept); a new month folder", {
      changed: [`ticket show ${RESOLVED}`, "ticket show T-260815-0001", "due --json"],
    });
    desk.toldEvery("replaced, new folder");
    desk.edit(august, "assignee: 王芳", "assignee: 陈静", { sameSize: true, keepTimes: true });
    await desk.same("the new folder's ticket edited in place", { changed: ["ticket show T-260815-0001"] });
    desk.toldEvery("new folder's file");
    // the month folder removed and made again at once (ext4 may give it its inode number back: its
    // old watch would see nothing of the new folder), then its ticket edited in place
    const text = readFileSync(join(desk.root, august), "utf8");
    rmSync(join(desk.root, "tickets/2026/08"), { recursive: true });
    mkdirSync(join(desk.root, "tickets/2026/08"));
    writeFileSync(join(desk.root, august), text.replace("印刷机卡纸", "印刷机卡纸，重新登记"));
    await desk.same("a month folder removed and made again", { changed: ["ticket show T-260815-0001"] });
    desk.edit(august, "assignee: 陈静", "assignee: 王芳", { sameSize: true, keepTimes: true });
    await desk.same("the remade folder's ticket edited in place", { changed: ["ticket show T-260815-0001"] });
  });

  it("git pull, git checkout of an older commit and back, a merge, an edit of aftercare.yaml", async () => {
    const desk = await watchedDesk({ tickets: [COMPLAINT, OPEN], customers: [XIHU], searches: ["北京"] });
    const peer = peerOf(desk);
    peer.edit(pathOf(OPEN), "assignee: 王芳", "assignee: 陈静");
    peer.write(
      pathOf("C-261129-0081"),
      'name: 北京中关村科技有限公司\ncontacts:\n  - name: 刘洋\n    phones:\n      - "010-6255 0000"\ncreated: 2026-11-29T09:00:00+08:00\n',
    );
    peer.commit("from desk 2", "李强");
    peer.git("push", "--quiet", "origin", "main");
    const base = desk.git("rev-parse", "HEAD").trim();
    desk.git("pull", "--quiet", "--ff-only");
    await desk.same("git pull", { changed: ["due --json", "customer list --search 北京"] });
    desk.toldEvery("pull");
    desk.git("checkout", "--quiet", "--detach", base);
    await desk.same("git checkout --detach of the older commit", {
      changed: ["due --json", "customer list --search 北京"],
    });
    desk.toldEvery("checkout");
    desk.git("checkout", "--quiet", "main");
    await desk.same("git checkout main", { changed: ["due --json", "customer list --search 北京"] });
    desk.toldEvery("checkout back");
    // a branch that hands the complaint over, merged into a main that moved meanwhile
    desk.git("checkout", "--quiet", "-b", "side");
    desk.edit(pathOf(COMPLAINT), "assignee: 陈静", "assignee: 王芳");
    desk.commit("on the side");
    desk.git("checkout", "--quiet", "main");
    desk.edit(pathOf(OPEN), "assignee: 陈静", "assignee: 王芳");
    desk.commit("on main");
    await desk.same("a branch made and main moved", { changed: [`ticket show ${OPEN}`] });
    desk.said();
    desk.git("-c", "user.name=m", "-c", "user.email=m@example.com", "merge", "--quiet", "--no-edit", "side");
    await desk.same("git merge", { changed: [`ticket show ${COMPLAINT}`] });
    desk.toldEvery("merge");
    desk.edit("aftercare.yaml", "timezone: Asia/Shanghai", "timezone: Asia/Tokyo");
    await desk.same("aftercare.yaml's time zone changed", { changed: ["due --json"] });
  });
});

describe("the store's watcher: a folder whose names it vouched for is not listed again", LONG, () => {
  /** What each read's walk did since the last call (AFTERCARE_WALK_TRACE: "listed N spared M"), then forgotten. */
  const walks = (file: string) => {
    const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
    writeFileSync(file, "");
    return lines
      .map((l) => l.split(" ").map(Number) as [number, number, number, number])
      .map((n) => ({
        listed: n[1],
        spared: n[3],
      }));
  };

  it("a pull of amended calls in two month folders; a pull with a call made and one removed by hand in those folders; the watcher killed, then a call made there", async () => {
    const walkTrace = join(tempDir(), "walks");
    const desk = await watchedDesk(
      { tickets: [OLD_CLOSED, OCT_CLOSED], customers: [MINGYUAN, ACME] },
      { AFTERCARE_WALK_TRACE: walkTrace },
    );
    const peer = peerOf(desk);
    const september = "K-260910-0001";
    const october = "K-261020-0005";
    peer.edit(pathOf(september), "车间温度上升", "车间温度上升（已复核）");
    peer.edit(pathOf(october), "Technician leaves", "Reviewed: technician leaves");
    peer.commit("reviewed two calls", "李强");
    peer.git("push", "--quiet", "origin", "main");
    walks(walkTrace);
    desk.git("pull", "--quiet", "--ff-only");
    await desk.same("a pull that amends a call in September's folder and one in October's", {
      changed: [`ticket show ${OLD_CLOSED}`, `ticket show ${OCT_CLOSED}`],
      first: `ticket show ${OLD_CLOSED}`,
    });
    desk.toldEvery("pull");
    // the first read took the pull: both month folders moved, neither was listed again
    const [pulled] = walks(walkTrace);
    expect(pulled!.spared, "month folders spared by the pull's first read").toBeGreaterThanOrEqual(2);
    // a second pull, and behind everyone's back at the same time: a call made in October's folder
    // (no row holds it: the folder is listed) and one removed from September's (the row is dropped)
    peer.edit(pathOf(october), "Reviewed:", "Reviewed twice:");
    peer.commit("reviewed once more", "李强");
    peer.git("push", "--quiet", "origin", "main");
    desk.git("pull", "--quiet", "--ff-only");
    desk.write(
      pathOf("K-261030-0070"),
      `customer: ${ACME}\nticket: ${OCT_CLOSED}\nat: 2026-10-30T15:00:00+08:00\nchannel: call\ndirection: out\npurpose: followup\nstaff: Tom Baker\nsummary: Third follow-up: all quiet\n`,
    );
    desk.rm(pathOf("K-260910-0003"));
    await desk.same("a pull, a call made by hand in October's folder and one removed from September's", {
      changed: [`ticket show ${OLD_CLOSED}`, `ticket show ${OCT_CLOSED}`],
      first: `ticket show ${OCT_CLOSED}`,
    });
    desk.toldEvery("pull and hand changes");
    const [mixed] = walks(walkTrace);
    expect(mixed, "October's folder listed, September's spared").toEqual({ listed: 1, spared: 1 });
    // no watcher: git's sweep names no new file, so September's folder must have kept a stamp
    // that a name made there moves (or its old one)
    await new Promise((r) => setTimeout(r, 100));
    process.kill(await desk.watcher(), "SIGKILL");
    desk.write(
      pathOf("K-260919-0071"),
      `customer: ${MINGYUAN}\nticket: ${OLD_CLOSED}\nat: 2026-09-19T09:00:00+08:00\nchannel: call\ndirection: in\npurpose: other\nstaff: 王芳\nsummary: 客户来电致谢\n`,
    );
    await desk.same("the watcher killed, then a call made in September's folder", {
      changed: [`ticket show ${OLD_CLOSED}`],
      first: `ticket show ${OLD_CLOSED}`,
    });
    expect(desk.said()[0]).toBe("none");
  });
});

describe("the store's watcher: a read it answers does the work of what changed, not of the store", LONG, () => {
  it("after git named every file (every record's times moved, as a store copied or restored leaves them), a read the watcher answers compares only what it told, and a read in the other language finds no duty again", async () => {
    const compared = join(tempDir(), "compared");
    const desk = await watchedDesk({}, { AFTERCARE_INDEX_TRACE: compared });
    const records = desk.git("ls-files", "customers", "tickets", "contacts").split("\n").filter(Boolean);
    expect(records.length).toBeGreaterThan(20);
    await stopWatcher(desk.root, cleanEnv(desk.env));
    // the text as it was, the times an hour on: git's index no longer vouches for any of them
    const later = new Date(Date.now() + 3_600_000);
    for (const f of records) utimesSync(desk.path(f), later, later);
    await desk.same("every record's times moved while no watcher ran");
    await desk.watcher();
    await desk.same("a read that takes the new watcher's token");
    desk.said();
    writeFileSync(compared, "");
    // the real binary, as the watcher's own build (an in-process run is another build: it would restart it)
    const run = (...args: string[]) => bin(desk.root, args, { AFTERCARE_NOW: desk.now, ...desk.env });
    const index = desk.path(".aftercare/index.sqlite");
    const written = statSync(index).mtimeMs;
    expect(run("due", "--json").code).toBe(0);
    expect(run("ticket", "show", OPEN).code).toBe(0);
    // a desk that reads in the other language finds no duty again: duties are data, worded when shown
    expect(run("--locale", "en", "due").stdout).toContain("R-");
    expect(run("--locale", "zh-CN", "due").stdout).toContain("R-");
    expect(desk.said()).toEqual(["told 0", "told 0", "told 0", "told 0"]);
    expect(readFileSync(compared, "utf8")).toBe("compared 0, found 0\n".repeat(4));
    // nothing changed, nothing written: the watcher gave back the token the index holds
    expect(statSync(index).mtimeMs).toBe(written);
    // one file changed: that one, and only that one, is compared and read again
    desk.edit(pathOf(OPEN), "assignee: 王芳", "assignee: 陈静", { sameSize: true });
    writeFileSync(compared, "");
    const shown = run("--json", "ticket", "show", OPEN);
    expect((JSON.parse(shown.stdout) as { assignee: string }).assignee).toBe("陈静");
    expect(desk.said()).toEqual(["told 1"]);
    expect(readFileSync(compared, "utf8")).toBe("compared 1, found 1\n");
    await desk.same("the one edit, compared with the files", { changed: [`ticket show ${OPEN}`] });
  });
});

describe("the store's watcher: when it cannot answer, git does", LONG, () => {
  it("killed between reads (SIGKILL), with a file put back to HEAD's bytes meanwhile: the next read asks git, and another watcher starts", async () => {
    const desk = await watchedDesk({ tickets: [OPEN] });
    desk.edit(pathOf(OPEN), "assignee: 王芳", "assignee: 陈静", { sameSize: true });
    await desk.same("an assignee changed", { changed: [`ticket show ${OPEN}`] });
    desk.toldEvery("edit");
    const pid = await desk.watcher();
    process.kill(pid, "SIGKILL");
    // put back behind everyone's back: git sees no difference from HEAD now
    desk.git("checkout", "--", pathOf(OPEN));
    await desk.same("the ticket put back while no watcher ran", { changed: [`ticket show ${OPEN}`] });
    const said = desk.said();
    expect(said[0]).toBe("none");
    expect(await desk.watcher()).not.toBe(pid);
    await desk.same("a read that takes the new watcher's token");
    // the new watcher knows no token of the index: git is asked once more, and its token kept
    expect([...said, ...desk.said()]).toContain("cannot vouch");
    desk.edit(pathOf(OPEN), "assignee: 王芳", "assignee: 陈静", { sameSize: true, keepTimes: true });
    await desk.same("an edit told by the new watcher", { changed: [`ticket show ${OPEN}`] });
    desk.toldEvery("new watcher");
  });

  it("a watcher of another build is told to stop and replaced; a burst of events past the limit is not vouched for", async () => {
    const root = await agedStore();
    const trace = join(tempDir(), "trace");
    const env = watchEnv(trace, { AFTERCARE_WATCH_BURST: "6" });
    // an older aftercare's watcher, running when this one is installed
    const old = spawn(process.execPath, [DIST_WATCHER, root], {
      env: cleanEnv({ ...env, AFTERCARE_WATCH_FAKE_BUILD: "0000older0000" }),
      stdio: "ignore",
      detached: true,
    });
    old.unref();
    pids.add(old.pid!);
    const desk = new WatchedDesk(root, fewReads({ tickets: [OPEN, COMPLAINT] }), trace, env);
    const first = await desk.watcher();
    expect((await watcherStatus(root, cleanEnv(env)))?.build).toBe("0000older0000");
    const gone = new Promise((r) => old.on("exit", r));
    await desk.warm();
    await gone;
    expect(desk.said()[0]).toBe("restart");
    const ours = await desk.watcher();
    expect(ours).not.toBe(first);
    expect((await watcherStatus(root, cleanEnv(env)))?.build).not.toBe("0000older0000");
    await desk.settle();
    // 3 files rewritten twice: at least 6 events since the token, the limit set for the test
    for (const id of [OPEN, COMPLAINT, RESOLVED]) {
      desk.edit(pathOf(id), "received: ", "received:  ");
      desk.edit(pathOf(id), "received:  ", "received: ");
    }
    desk.edit(pathOf(OPEN), "assignee: 王芳", "assignee: 陈静", { sameSize: true, keepTimes: true });
    await desk.same("a burst of edits", { changed: [`ticket show ${OPEN}`] });
    expect(desk.said()[0]).toBe("cannot vouch");
    desk.edit(pathOf(COMPLAINT), "assignee: 陈静", "assignee: 王芳", { sameSize: true, keepTimes: true });
    await desk.same("one edit after the burst", { changed: [`ticket show ${COMPLAINT}`] });
    desk.toldEvery("after the burst");
  });

  it("a store whose socket path is too long: the socket is in a per-user folder of mode 0700, and edits are told", async () => {
    const deep = join(tempDir(), "a-folder-with-a-long-name-for-the-store".repeat(3));
    mkdirSync(deep, { recursive: true });
    const made = await agedStore();
    renameSync(made, join(deep, "store"));
    mkdirSync(made); // for its cleanup
    const root = join(deep, "store");
    const trace = join(tempDir(), "trace");
    const runtime = tempDir();
    const env = watchEnv(trace, { AFTERCARE_WATCH_RUNTIME_DIR: runtime });
    const desk = new WatchedDesk(root, fewReads({ tickets: [OPEN] }), trace, env);
    await desk.warm();
    await desk.settle();
    const sock = socketPath(root, cleanEnv(env))!;
    expect(sock.startsWith(join(runtime, `aftercare-${process.getuid!()}`))).toBe(true);
    expect(existsSync(sock)).toBe(true);
    expect(existsSync(join(root, ".aftercare", "watch", "sock"))).toBe(false);
    expect(
      execFileSync("stat", ["-c", "%a", join(runtime, `aftercare-${process.getuid!()}`)], { encoding: "utf8" }),
    ).toBe("700\n");
    desk.edit(pathOf(OPEN), "assignee: 王芳", "assignee: 陈静", { sameSize: true, keepTimes: true });
    await desk.same("an edit in the deep store", { changed: [`ticket show ${OPEN}`] });
    desk.toldEvery("deep store");
    // .aftercare/ removed: the watcher's place is gone, it exits
    const pid = await desk.watcher();
    rmSync(join(root, ".aftercare"), { recursive: true });
    const exited = await waitFor(() => !alive(pid));
    expect(exited, "the watcher exits when .aftercare/ goes").toBe(true);
    await desk.same("a read after .aftercare/ was removed");
  });

  it("a watcher stopped dead (SIGSTOP): a read answers within the wait, from git, and right", async () => {
    const desk = await watchedDesk({ tickets: [OPEN] });
    const pid = await desk.watcher();
    process.kill(pid, "SIGSTOP");
    desk.edit(pathOf(OPEN), "assignee: 王芳", "assignee: 陈静", { sameSize: true, keepTimes: true });
    await desk.same("an edit while the watcher cannot answer", { changed: [`ticket show ${OPEN}`] });
    const said = desk.said();
    expect(said.length).toBe(desk.reads.length + 1);
    expect([...new Set(said)]).toEqual(["no answer in time"]);
    process.kill(pid, "SIGCONT");
    await desk.same("the watcher going again");
    // the reads that did not wait for it kept no token: it cannot vouch once, then tells
    expect(desk.said().slice(0, 2)).toEqual(["cannot vouch", "told 0"]);
    desk.edit(pathOf(OPEN), "assignee: 陈静", "assignee: 王芳", { sameSize: true, keepTimes: true });
    await desk.same("an edit once it answers again", { changed: [`ticket show ${OPEN}`] });
    expect(desk.said()[0]).toMatch(/^told [1-9]/);
  });

  it("a read with AFTERCARE_WATCH=off starts none; reindex stops the running one", async () => {
    const root = testStore(baseStore(), { settings: SETTINGS });
    const trace = join(tempDir(), "trace");
    const off = new Desk(root, [read(["due", "--json"])], NOW, "binary", {
      ...watchEnv(trace),
      AFTERCARE_WATCH: "off",
    });
    await off.warm();
    expect(existsSync(join(root, ".aftercare", "watch", "sock"))).toBe(false);
    expect(existsSync(trace)).toBe(false);
    const desk = new WatchedDesk(root, [read(["due", "--json"])], trace, watchEnv(trace));
    await desk.warm();
    const pid = await desk.watcher();
    const r = execFileSync(process.execPath, [join(import.meta.dirname, "..", "bin", "aftercare"), "reindex"], {
      cwd: root,
      env: cleanEnv(desk.env),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(r).toBe("");
    expect(await waitFor(() => !alive(pid))).toBe(true);
  });

  it("doctor says whether a watcher runs, in the store's language and in English", async () => {
    const root = testStore(baseStore(), { settings: SETTINGS });
    const trace = join(tempDir(), "trace");
    const env = watchEnv(trace);
    // the line comes first on stderr, before what doctor finds in the fixture (hooks, git's settings)
    const doctor = (extra: Record<string, string> = {}) =>
      bin(root, ["doctor"], { ...env, ...extra }).stderr.split("\n")[0];
    expect(doctor({ AFTERCARE_WATCH: "off" })).toBe(
      "no watcher runs for this large store: it is switched off (AFTERCARE_WATCH=off or index.watch: false in aftercare.yaml), and every read asks git",
    );
    expect(doctor()).toBe(
      "no watcher runs for this large store: the next read starts one (AFTERCARE_WATCH=off or index.watch: false in aftercare.yaml keeps it from starting, and every read then asks git)",
    );
    // a store of its size takes no watcher: nothing is said
    expect(doctor({ AFTERCARE_FULL_STAT_FILES: "" })).toBe(
      "'aftercare doctor --fix' repairs what is marked so, and commits it; it never deletes a record",
    );
    const desk = new WatchedDesk(root, [read(["due", "--json"])], trace, env);
    await desk.warm();
    const pid = await desk.watcher();
    const { folders } = (await watcherStatus(root, cleanEnv(env)))!;
    expect(doctor()).toBe(
      `a watcher keeps the index fresh without a sweep of every file (process ${pid}, ${folders} folders watched); it stops after 30 minutes without a read`,
    );
    expect(doctor({ AFTERCARE_LOCALE: "" })).toBe(
      `有监视进程让索引保持最新，无需逐个检查文件（进程 ${pid}，监视 ${folders} 个文件夹）；30 分钟没有读取时它自行退出`,
    );
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(ok: () => boolean, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50)))
    if (ok()) return true;
  return ok();
}
