// The store's watcher (docs/performance.md "Freshness"): a process of its own, started detached by
// a read of a large store when none answers, that tells the next read which files changed since
// the last one, so that no read has to sweep every file's stat (git diff-index: 0.3 s of CPU at
// 205k files). Built as dist/watcher.mjs (scripts/build.mjs); run as `node watcher.mjs STORE`.
//
// It puts a non-recursive fs.watch (inotify through libuv: one inotify descriptor for the
// process, so events arrive in the order they happened) on the store's folder, every record
// folder (a new one is watched when it appears) and its cookie folder, counts every event and
// keeps the path each one named. A query carries the token the index last applied; before
// answering, the watcher writes a cookie file and waits for its own event, so that every event
// queued before the query has been seen. It answers `changed: null` (the read then asks git) when
// it cannot vouch: a token of another run or older than what it keeps, a burst since the token of
// at least half the kernel's event queue (past which an overflow, which libuv drops silently, may
// have lost events), an event without a name, a watch that failed.
//
// It exits after IDLE_MS without a query, when the store, .aftercare/ or its socket goes, on a
// stop request, and when a client of another build asks (it answers "restart").
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, statSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { COOKIE_DIR, IDLE_MS, socketPath, BUILD, type Answer, type Request } from "./where.js";
import { Watches } from "./watches.js";

/** Half the kernel's queue of inotify events (AFTERCARE_WATCH_BURST sets another, for tests). */
function burstLimit(env: NodeJS.ProcessEnv): number {
  const given = Number(env.AFTERCARE_WATCH_BURST);
  if (Number.isInteger(given) && given > 0) return given;
  try {
    return Math.max(1, Math.floor(Number(readFileSync("/proc/sys/fs/inotify/max_queued_events", "utf8")) / 2));
  } catch {
    return 8192;
  }
}

class Watcher {
  private readonly run = randomBytes(6).toString("hex");
  private readonly build = process.env.AFTERCARE_WATCH_FAKE_BUILD || BUILD;
  private readonly watches: Watches;
  private server?: Server;
  private sockIno = 0;
  private idle?: NodeJS.Timeout;
  private cookies = 0;
  private readonly started = Date.now();

  constructor(
    private readonly root: string,
    private readonly sock: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.watches = new Watches(root, burstLimit(env), () => this.exit());
  }

  async start(): Promise<void> {
    if (!(await this.listen())) return process.exit(0); // another watcher answers here
    this.watches.start();
    this.touch();
    // the store, .aftercare/ or the socket gone (a store removed, rm -rf .aftercare, a reindex elsewhere)
    setInterval(() => this.checkPlace(), 2000);
    for (const s of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(s, () => this.exit());
  }

  /** Bind the socket; false when a live watcher already answers on it. A stale socket is replaced. */
  private async listen(): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const server = createServer((c) => this.serve(c));
      const err = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
        server.once("error", done);
        server.listen(this.sock, () => done(undefined));
      });
      if (!err) {
        this.server = server;
        this.sockIno = statSync(this.sock).ino;
        return true;
      }
      if (err.code !== "EADDRINUSE" || attempt) return false;
      if (await answers(this.sock)) return false;
      rmSync(this.sock, { force: true });
    }
    return false;
  }

  private touch(): void {
    if (this.idle) clearTimeout(this.idle);
    const ms = Number(this.env.AFTERCARE_WATCH_IDLE_MS) > 0 ? Number(this.env.AFTERCARE_WATCH_IDLE_MS) : IDLE_MS;
    this.idle = setTimeout(() => this.exit(), ms);
  }

  private checkPlace(): void {
    try {
      statSync(join(this.root, COOKIE_DIR));
      if (statSync(this.sock).ino !== this.sockIno) this.exit();
    } catch {
      this.exit();
    }
  }

  private serve(c: Socket): void {
    let buf = "";
    c.setEncoding("utf8");
    c.on("error", () => undefined);
    c.on("data", (d: string) => {
      buf += d;
      const nl = buf.indexOf("\n");
      if (nl < 0) return;
      let req: Request;
      try {
        req = JSON.parse(buf.slice(0, nl)) as Request;
      } catch {
        c.destroy();
        return;
      }
      buf = "";
      void this.answer(req).then(
        (a) => {
          c.end(`${JSON.stringify(a)}\n`);
          if ("restart" in a || "stopped" in a) c.on("close", () => this.exit());
        },
        () => c.destroy(),
      );
    });
  }

  private async answer(req: Request): Promise<Answer> {
    if (req.op === "stop" || (req.op === "query" && req.build !== this.build)) {
      // gone from the socket's path before answering: the client may start another at once
      this.unlisten();
      return req.op === "stop" ? { stopped: true } : { restart: true };
    }
    this.touch();
    const seq = await this.sync();
    const token = `${this.run}.${this.watches.tokenAt(seq)}`;
    if (req.op === "status")
      return { pid: process.pid, build: this.build, token, folders: this.watches.count(), since: this.started };
    return { token, changed: this.changedSince(req.token, seq) };
  }

  /** Wait for the event of a cookie written now: every event queued before it has been taken. Returns the count then. */
  private async sync(): Promise<number> {
    const name = `cookie-${process.pid}-${++this.cookies}`;
    const seen = this.watches.cookie(name);
    try {
      this.watches.writeCookie(name);
    } catch {
      this.watches.fail();
    }
    const seq = await Promise.race([seen, new Promise<number>((r) => setTimeout(() => r(-1), 1000))]);
    rmSync(join(this.root, COOKIE_DIR, name), { force: true });
    if (seq < 0) this.watches.fail(); // the cookie's event never came: nothing can be vouched for
    return seq < 0 ? this.watches.seq : seq;
  }

  private changedSince(token: string | undefined, now: number): string[] | null {
    const m = /^([0-9a-f]+)\.(\d+)$/.exec(token ?? "");
    if (!m || m[1] !== this.run) return null;
    return this.watches.since(Number(m[2]), now);
  }

  private unlisten(): void {
    if (!this.server) return;
    this.server.close();
    this.server = undefined;
    try {
      if (statSync(this.sock).ino === this.sockIno) rmSync(this.sock, { force: true });
    } catch {
      // already gone
    }
  }

  exit(): never {
    this.unlisten();
    this.watches.close();
    process.exit(0);
  }
}

/** Whether something answers on the socket (a live watcher), within a second. */
function answers(sock: string): Promise<boolean> {
  return new Promise<boolean>((done) => {
    const c = connect(sock);
    const t = setTimeout(() => (c.destroy(), done(true)), 1000); // wedged but alive: not ours to replace
    c.on("connect", () => (clearTimeout(t), c.destroy(), done(true)));
    c.on("error", () => (clearTimeout(t), done(false)));
  });
}

const root = process.argv[2];
const sock = root ? socketPath(root, process.env, true) : undefined;
if (!root || !sock) process.exit(2);
process.chdir(root);
void new Watcher(root, sock, process.env).start();
