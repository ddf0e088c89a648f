// The store's write lock and atomic writes: nothing slow or interactive runs under the lock, a
// waiting writer names the holder, a dead holder's lock is taken over at once, a lost lock stops
// the command before its commit, and a write keeps the file's mode and leaves no temporary file.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { customerEdit } from "../src/commands/customer/edit.js";
import { Context } from "../src/context.js";
import { testIO } from "../src/io.js";
import { faults, isTempFile, LockLostError, TEMP_IGNORE, withLock, writeAtomic } from "../src/store/fsutil.js";
import { ACME, MINGYUAN, RECORDS } from "./fixtures.js";
import { BIN, cleanEnv, cli, commits, git, tempDir, testStore } from "./helpers.js";

afterEach(() => {
  delete faults.write;
  delete faults.beforeRename;
});

const NOW = "2026-11-26T10:00:00+08:00";
const binEnv = (extra: Record<string, string> = {}) =>
  cleanEnv({ AFTERCARE_NOW: NOW, AFTERCARE_USER: "李强", ...extra });

/** A context at a terminal (interactive), with $EDITOR set: customer edit opens the editor. */
function terminal(root: string, env: Record<string, string>) {
  const io = { ...testIO(), interactive: true };
  const ctx = new Context(
    { records: root, now: NOW, as: "王芳" },
    { io, env: cleanEnv(env), cwd: root, clock: () => new Date("2026-11-26T02:00:00Z") },
  );
  ctx.commandLine = "aftercare customer edit";
  return { ctx, io };
}

/** A fake editor: a shell script that runs `before` (another writer, say), then edits the file. */
function fakeEditor(dir: string, before: string, sedExpr: string): string {
  const script = join(dir, "editor.sh");
  writeFileSync(script, `#!/bin/sh\n${before}\nsleep 1\nsed -i '${sedExpr}' "$1"\n`, { mode: 0o755 });
  return script;
}

const aftercare = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`;

/** Every temporary file of a write under `dir` (not .git). */
function temps(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === ".git") continue;
    if (e.isDirectory()) out.push(...temps(join(dir, e.name)));
    else if (isTempFile(e.name) || /\.tmp$/.test(e.name)) out.push(join(dir, e.name));
  }
  return out;
}

/** A lock as another aftercare process would leave it. */
function fakeLock(
  root: string,
  holder: { pid: number; who?: string; command?: string; since?: string; host?: string },
) {
  const dir = join(root, ".aftercare", "write.lock");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(root, ".aftercare", ".gitignore"), "*\n");
  writeFileSync(
    join(dir, "holder.json"),
    JSON.stringify({ token: "feedfacecafebeef", host: hostname(), since: new Date().toISOString(), ...holder }),
  );
  return dir;
}

function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

describe("nothing slow or interactive runs under the store's lock", () => {
  it("customer edit opens $EDITOR before taking the lock: another writer writes while the editor is open", async () => {
    const root = testStore(RECORDS);
    const log = join(tempDir(), "second.log");
    // the second writer gives up after 5 s: were the lock held during the edit, it would fail
    const editor = fakeEditor(
      tempDir(),
      `AFTERCARE_LOCK_TIMEOUT=5 ${aftercare} customer add 第二位客户 > ${JSON.stringify(log)} 2>&1; echo "exit $?" >> ${JSON.stringify(log)}`,
      "s/^address: .*/address: 上海市浦东新区张江路 99 号/",
    );
    const { ctx, io } = terminal(root, {
      EDITOR: editor,
      AFTERCARE_NOW: NOW,
      AFTERCARE_USER: "李强",
      AFTERCARE_RECORDS: root,
    });
    await customerEdit({ id: MINGYUAN }, ctx);
    expect(readFileSync(log, "utf8")).toMatch(/exit 0\n$/);
    expect(io.stderr()).toContain(`saved customer ${MINGYUAN}`);
    expect(readFileSync(join(root, `customers/${MINGYUAN}.yaml`), "utf8")).toContain("张江路 99 号");
    expect(readFileSync(join(root, `customers/${MINGYUAN}.yaml`), "utf8")).toContain("# 老客户，2019 年起合作"); // the hand edit's comment stays
    const c = commits(root);
    expect(c.slice(0, 2).map((x) => [x.author, x.subject.split(" — ")[0]])).toEqual([
      ["王芳", `customer ${MINGYUAN} edited`],
      ["李强", expect.stringMatching(/^customer C-261126-\w{4} added$/)],
    ]);
  });

  it("a record changed meanwhile is not overwritten: the edit is refused and kept in a file", async () => {
    const root = testStore(RECORDS);
    const editor = fakeEditor(
      tempDir(),
      `${aftercare} customer edit ${MINGYUAN} --note "客户要求周三上门" >/dev/null 2>&1`,
      "s/^address: .*/address: 我的修改/",
    );
    const { ctx } = terminal(root, {
      EDITOR: editor,
      AFTERCARE_NOW: NOW,
      AFTERCARE_USER: "李强",
      AFTERCARE_RECORDS: root,
    });
    const err = await customerEdit({ id: MINGYUAN }, ctx).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(
      new RegExp(
        `^customers/${MINGYUAN}\\.yaml was changed meanwhile by 李强 \\(commit \\w+: customer ${MINGYUAN} edited — 上海明远机电设备有限公司\\); your edit is kept in (\\S+): .*nothing was written$`,
      ),
    );
    const kept = /kept in (\S+):/.exec(err!.message)![1]!;
    expect(readFileSync(kept, "utf8")).toContain("address: 我的修改");
    const now = readFileSync(join(root, `customers/${MINGYUAN}.yaml`), "utf8");
    expect(now).toContain("客户要求周三上门");
    expect(now).not.toContain("我的修改");
    expect(commits(root)[0]!.author).toBe("李强");
  });

  it("an unchanged edit writes nothing and takes no lock", async () => {
    const root = testStore(RECORDS);
    const editor = fakeEditor(tempDir(), "true", "s/^zzz//");
    const { ctx, io } = terminal(root, { EDITOR: editor });
    await customerEdit({ id: ACME }, ctx);
    expect(io.stderr()).toBe(`no changes to ${ACME}\n`);
    expect(commits(root)).toHaveLength(1);
  });
});

describe("the lock names its holder and survives its holder's death", () => {
  it("a waiting writer names the holder: who, pid, command and since when", async () => {
    const root = testStore(RECORDS);
    const lock = fakeLock(root, {
      pid: process.pid,
      who: "王芳",
      command: "ticket open",
      since: "2026-11-26T02:02:11Z",
    });
    const child = spawn(process.execPath, [BIN, "customer", "add", "等待中的客户"], {
      cwd: root,
      env: binEnv({ TZ: "UTC" }),
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const done = new Promise<number>((r) => child.on("close", (code) => r(code ?? -1)));
    for (let i = 0; i < 100 && !stderr.includes("waiting"); i++) await new Promise((r) => setTimeout(r, 100));
    // shown in the store's zone: 02:02:11Z is 10:02:11 in Shanghai (and a day ago or more, with its date)
    expect(stderr).toMatch(
      new RegExp(
        `^waiting for the store lock held by 王芳 \\(pid ${process.pid}, ticket open, since 2026-11-26 10:02:11\\)…\n`,
      ),
    );
    rmSync(lock, { recursive: true });
    expect(await done).toBe(0);
    expect(commits(root)[0]!.subject).toMatch(/等待中的客户$/);
  });

  it("gives up after its time, naming the holder and what to do; nothing was written", () => {
    const root = testStore(RECORDS);
    fakeLock(root, { pid: process.pid, who: "王芳", command: "import customers" });
    const r = spawnSync(process.execPath, [BIN, "customer", "add", "等不到的客户"], {
      cwd: root,
      env: binEnv({ AFTERCARE_LOCK_TIMEOUT: "2" }),
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^waiting for the store lock held by 王芳 \(pid \d+, import customers, since \d\d:\d\d:\d\d\)…\n/,
    );
    expect(r.stderr).toMatch(
      new RegExp(
        `\nthe store is busy: 王芳 \\(pid ${process.pid}, import customers, since [\\d:]+\\) still holds its write lock after 2 s of waiting; if process ${process.pid} is stuck, end it \\(kill ${process.pid}\\) and try again; nothing was written\n$`,
      ),
    );
    expect(commits(root)).toHaveLength(1);
  });

  it("a lock left by a dead process is taken over at once, not after 20 s", () => {
    const root = testStore(RECORDS);
    fakeLock(root, { pid: deadPid(), who: "王芳", command: "ticket open" });
    const t = Date.now();
    // were it waited out (20 s of staleness), the 3 s limit would refuse the write
    const r = spawnSync(process.execPath, [BIN, "customer", "add", "接手的客户"], {
      cwd: root,
      env: binEnv({ AFTERCARE_LOCK_TIMEOUT: "3" }),
      encoding: "utf8",
    });
    expect(r.stderr).not.toContain("waiting");
    expect(r.status).toBe(0);
    expect(Date.now() - t).toBeLessThan(3000);
    expect(existsSync(join(root, ".aftercare", "write.lock"))).toBe(false);
  });

  it("a lock from an older aftercare (an empty folder) is still waited for, then taken when stale", async () => {
    const root = testStore(RECORDS);
    const lock = join(root, ".aftercare", "write.lock");
    mkdirSync(lock, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const r = await cli(root, ["customer", "add", "旧锁之后"]);
    expect(r.code).toBe(0);
  });
});

describe("a lost lock stops the command before its commit", () => {
  it("taken over while writing: one line, no stack trace, nothing committed", async () => {
    const root = testStore(RECORDS);
    faults.beforeRename = () => {
      // another writer judged this one stale and took the lock
      const dir = join(root, ".aftercare", "write.lock");
      rmSync(dir, { recursive: true, force: true });
      fakeLock(root, { pid: process.pid + 1, who: "李强", command: "ticket dispatch" });
    };
    const r = await cli(root, ["customer", "edit", ACME, "--note", "迟到的修改"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^this command lost the store's write lock: it was taken over; it is now held by 李强 \(pid \d+, ticket dispatch, since [\d:]+\); it stopped before committing/,
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(commits(root)).toHaveLength(1);
    expect(readFileSync(join(root, `customers/${ACME}.yaml`), "utf8")).not.toContain("迟到的修改");
    expect(temps(root)).toEqual([]);
  });

  it("proper-lockfile's ECOMPROMISED (the lock not refreshed in time) is no uncaught exception: the next write refuses", async () => {
    const root = testStore(RECORDS);
    const err = await withLock(
      root,
      async () => {
        // the lock's mtime is no longer ours: as if the process had been stopped past the stale limit
        const lock = join(root, ".aftercare", "write.lock");
        const t = new Date(Date.now() - 60_000);
        utimesSync(lock, t, t);
        await new Promise((r) => setTimeout(r, 1500));
        return writeAtomic(join(root, `customers/${ACME}.yaml`), "name: x\n").then(
          () => undefined,
          (e: Error) => e,
        );
      },
      { stale: 2000 },
    );
    expect(err).toBeInstanceOf(LockLostError);
    expect(err!.message).toMatch(/^this command lost the store's write lock: it was not refreshed in time/);
    expect(readFileSync(join(root, `customers/${ACME}.yaml`), "utf8")).toContain("Acme Pumps GmbH");
  });
});

describe("atomic writes", () => {
  it("keep a record's file mode on edit (0600 stays 0600)", async () => {
    const root = testStore(RECORDS);
    const file = join(root, `customers/${ACME}.yaml`);
    chmodSync(file, 0o600);
    expect((await cli(root, ["customer", "edit", ACME, "--note", "私密"])).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o640);
    expect((await cli(root, ["customer", "edit", ACME, "--note", "再改"])).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it("leave no temporary file when the disk fills mid-write (injected ENOSPC), for an edit and a new record", async () => {
    const root = testStore(RECORDS);
    faults.write = async (fh, text) => {
      await fh.write(text.slice(0, 10)); // part of it, then the disk is full
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), {
        code: "ENOSPC",
        errno: -28,
        syscall: "write",
      });
    };
    const before = readFileSync(join(root, `customers/${ACME}.yaml`), "utf8");
    const edit = await cli(root, ["customer", "edit", ACME, "--note", "写不下"]);
    const add = await cli(root, ["customer", "add", "写不下的客户"]);
    for (const r of [edit, add]) {
      expect(r.code).not.toBe(0);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(temps(root)).toEqual([]);
    expect(readFileSync(join(root, `customers/${ACME}.yaml`), "utf8")).toBe(before);
    expect(git(root, "status", "--porcelain", "--untracked-files=all")).toBe("");
    expect(commits(root)).toHaveLength(1);
  });

  it("leave no temporary file on a really full file system (a tiny tmpfs, where mount is allowed)", async (t) => {
    const mnt = tempDir();
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mnt], { encoding: "utf8" });
    if (mounted.status !== 0) return t.skip();
    try {
      const root = join(mnt, "store");
      mkdirSync(join(root, "customers"), { recursive: true });
      writeFileSync(
        join(root, "aftercare.yaml"),
        readFileSync(join(testStore(RECORDS, { git: false }), "aftercare.yaml")),
      );
      writeFileSync(join(root, `customers/${ACME}.yaml`), RECORDS[`customers/${ACME}.yaml`]!);
      // fill the disk, leaving a few KB
      const filler = join(root, "filler");
      try {
        writeFileSync(filler, Buffer.alloc(1024 * 1024));
      } catch {
        // ENOSPC: it is full
      }
      const free = statSync(filler).size;
      rmSync(filler);
      writeFileSync(filler, Buffer.alloc(free - 8 * 1024));
      const r = await cli(root, ["customer", "edit", ACME, "--note", "满".repeat(6000)]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/disk is full|ENOSPC/);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(temps(root)).toEqual([]);
      expect(readFileSync(join(root, `customers/${ACME}.yaml`), "utf8")).toBe(RECORDS[`customers/${ACME}.yaml`]);
    } finally {
      spawnSync("umount", ["-l", mnt]);
    }
  });

  it("temporary files are ignored by git: in the .gitignore init writes, and in older stores' clones", async () => {
    const dir = tempDir();
    spawnSync(
      process.execPath,
      [BIN, "init", join(dir, "desk"), "--company", "X", "--timezone", "UTC", "--locale", "en"],
      { env: cleanEnv(), encoding: "utf8" },
    );
    expect(readFileSync(join(dir, "desk", ".gitignore"), "utf8")).toContain(`\n${TEMP_IGNORE}\n`);
    const temp = `customers/.${ACME}.yaml.aftercare-4242-0badcafe.tmp`;
    expect(git(join(dir, "desk"), "check-ignore", temp).trim()).toBe(temp);
    // a store made before: its next write has the clone ignore them (.git/info/exclude, never committed)
    const root = testStore(RECORDS);
    expect(spawnSync("git", ["check-ignore", "-q", temp], { cwd: root, env: cleanEnv() }).status).toBe(1);
    expect((await cli(root, ["customer", "edit", ACME, "--note", "x"])).code).toBe(0);
    expect(git(root, "check-ignore", temp).trim()).toBe(temp);
    expect(git(root, "status", "--porcelain")).toBe("");
  });
});

describe("8 writers at once", () => {
  // AFTERCARE_LOCK_BENCH=25 runs the full 8 × 25 of docs/reliability.md; the suite runs 8 × 3
  const per = Number(process.env.AFTERCARE_LOCK_BENCH) || 3;
  it(
    `8 × ${per} concurrent writes through the real binary: every one lands, one commit each`,
    { timeout: 600_000 },
    async () => {
      const root = testStore(RECORDS);
      const waits: number[] = [];
      const latencies: number[] = [];
      const failures: string[] = [];
      const writer = async (w: number) => {
        for (let i = 0; i < per; i++) {
          const t = Date.now();
          const r = await new Promise<{ code: number; stderr: string }>((resolve) => {
            const p = spawn(
              process.execPath,
              [
                BIN,
                "call",
                "log",
                "--customer",
                MINGYUAN,
                "--direction",
                "out",
                "--purpose",
                "followup",
                "--summary",
                `writer ${w} call ${i}`,
              ],
              { cwd: root, env: binEnv({ AFTERCARE_DEBUG: "1" }) },
            );
            let stderr = "";
            p.stderr.on("data", (d) => (stderr += d));
            p.on("close", (code) => resolve({ code: code ?? -1, stderr }));
          });
          latencies.push(Date.now() - t);
          waits.push(Number(/waited (\d+) ms for the store lock/.exec(r.stderr)?.[1] ?? NaN));
          if (r.code !== 0) failures.push(r.stderr);
        }
      };
      await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
      expect(failures).toEqual([]);
      const files = execFileSync("git", ["ls-files", "contacts"], { cwd: root, encoding: "utf8" }).trim().split("\n");
      expect(files).toHaveLength(8 * per + 1);
      expect(commits(root)).toHaveLength(8 * per + 1);
      expect(git(root, "status", "--porcelain")).toBe("");
      expect(waits.filter((x) => Number.isNaN(x))).toEqual([]);
      const report = (xs: number[]) => (
        xs.sort((a, b) => a - b),
        `median ${xs[xs.length >> 1]} ms, worst ${xs[xs.length - 1]} ms`
      );
      console.log(`8 × ${per} writes: waiting for the lock ${report(waits)}; whole command ${report(latencies)}`);
    },
  );
});
