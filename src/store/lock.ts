// The store's write lock.
//
// One lock per store: the folder .aftercare/write.lock, made with mkdir by proper-lockfile, which
// refreshes its mtime while held. Inside it, holder.json names the holder (who, pid, host,
// command, since), so a waiting writer can say whom it waits for, and a lock whose process is
// dead on this host is taken over at once instead of after the 20 s of staleness. A lock is
// removed only by renaming it aside and checking it is still the one judged dead or stale, so
// two writers that both find it stale cannot remove each other's fresh lock.
import { randomBytes } from "node:crypto";
import * as fsc from "node:fs";
import { readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve, sep } from "node:path";
import { refusal, UserError } from "../errors.js";
import { wordedText, type Worded } from "../i18n.js";
import { stateDir } from "./state-dir.js";

export interface LockHolder {
  /** random, one per acquisition: tells this lock from the next one */
  token: string;
  pid: number;
  host: string;
  who?: string;
  command?: string;
  /** ISO 8601, when the lock was taken */
  since: string;
}

export interface LockOptions {
  /** who is writing, and with what command: shown to writers who wait */
  who?: string;
  command?: string;
  /** told once per holder while waiting longer than a second: "waiting for the store lock held by …" */
  onWait?: (line: string) => void;
  /** the zone the holder's "since" is shown in (the store's) */
  timeZone?: string;
  /** the language of the waiting line (the store's; English if not given) */
  locale?: string;
  /** how long to wait for a live holder, ms (default 120 s) */
  timeout?: number;
  /** a lock not refreshed for this long is stale, ms (default 20 s, at least 2 s) */
  stale?: number;
  /** told how long the lock took to get, ms (for --debug and measurements) */
  onAcquired?: (waitedMs: number) => void;
}

const HOLDER = "holder.json";
const STALE_MS = 20_000;
const TIMEOUT_MS = 120_000;
const ANNOUNCE_AFTER_MS = 1_000;

interface Held {
  root: string;
  lockDir: string;
  token: string;
  /** proper-lockfile found the lock taken from us (ECOMPROMISED) */
  lost?: Error;
}

/** The locks this process holds now. */
const held = new Set<Held>();

export function lockPath(root: string): string {
  return join(root, ".aftercare", "write.lock");
}

function readHolder(lockDir: string): LockHolder | undefined {
  try {
    const v = JSON.parse(readFileSync(join(lockDir, HOLDER), "utf8")) as LockHolder;
    return v && typeof v.token === "string" && Number.isInteger(v.pid) && v.pid > 0 && typeof v.host === "string"
      ? v
      : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // alive, another user's
  }
}

/** Dead for sure: a process of this host that no longer exists. */
function deadHere(h: LockHolder): boolean {
  return h.host === hostname() && h.pid !== process.pid && !alive(h.pid);
}

/** What the store's lock is now, for a waiting message or `doctor`; creates nothing. */
export function inspectLock(root: string): {
  path: string;
  held: boolean;
  holder?: LockHolder;
  dead: boolean;
  ageMs?: number;
} {
  const path = lockPath(root);
  let ageMs: number | undefined;
  try {
    ageMs = Date.now() - statSync(path).mtimeMs;
  } catch {
    return { path, held: false, dead: false };
  }
  const holder = readHolder(path);
  return { path, held: true, holder, dead: Boolean(holder && deadHere(holder)), ageMs };
}

export const plain = (s: string) => s.replace(/[\p{C}\u2028\u2029]/gu, "").slice(0, 80);

export function clock(iso: string, timeZone?: string): string | undefined {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  const tz = timeZone ? { timeZone } : {};
  const time = new Intl.DateTimeFormat("en-GB", {
    ...tz,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(d);
  if (Date.now() - d.getTime() < 12 * 3600_000) return time;
  return `${new Intl.DateTimeFormat("en-CA", { ...tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(d)} ${time}`;
}

/** "王芳 (pid 1234, ticket open, since 10:02:11)" */
export function describeHolder(h: LockHolder | undefined, timeZone?: string): string {
  return wordedText("en", holderWords(h, timeZone));
}

/** Who holds the lock, in words: 王芳（进程 1234，aftercare ticket new，自 10:02:11 起）. */
export function holderWords(h: LockHolder | undefined, timeZone?: string): Worded {
  if (!h) return { key: "lo.anyone" };
  const since = clock(h.since, timeZone);
  const parts: Worded[] = [
    h.host !== hostname()
      ? { key: "lo.pidOn", params: { pid: h.pid, host: plain(h.host) } }
      : { key: "lo.pid", params: { pid: h.pid } },
  ];
  if (h.command) parts.push({ key: "lo.as", params: { text: plain(h.command) } });
  if (since) parts.push({ key: "lo.since", params: { time: since } });
  const list = parts.reduce((a, b) => ({ key: "lo.and", params: { a, b } }));
  return { key: "lo.holder", params: { who: h.who ? plain(h.who) : { key: "lo.anyone" }, parts: list } };
}

/**
 * Remove the lock at `lockDir` if it is still the one holding `token` (undefined: a lock without
 * holder.json, as older versions made them). True when the lock is gone and worth trying for.
 */
function takeOver(lockDir: string, token: string | undefined): boolean {
  const aside = `${lockDir}.stale-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(lockDir, aside);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT";
  }
  if (readHolder(aside)?.token === token) {
    rmSync(aside, { recursive: true, force: true });
    return true;
  }
  // it changed hands between the look and the rename: put it back
  try {
    renameSync(aside, lockDir);
  } catch {
    // a third writer got in meanwhile; the holder moved aside finds its lock lost before writing
    rmSync(aside, { recursive: true, force: true });
  }
  return false;
}

/** The file system proper-lockfile uses for this lock: holder.json inside, careful removal. */
function lockFs(me: () => LockHolder, token: string) {
  let seen: string | undefined;
  const self = {
    acquired: false,
    realpath: fsc.realpath,
    utimes: fsc.utimes,
    stat(p: string, cb: (err: NodeJS.ErrnoException | null, st?: fsc.Stats) => void) {
      fsc.stat(p, (err, st) => {
        if (!err && !self.acquired) seen = readHolder(p)?.token; // the lock about to be judged stale
        cb(err, st);
      });
    },
    mkdir(p: string, cb: (err: NodeJS.ErrnoException | null) => void) {
      fsc.mkdir(p, (err) => {
        if (err) return cb(err);
        fsc.writeFile(join(p, HOLDER), JSON.stringify(me()), (e2) =>
          e2 ? fsc.rm(p, { recursive: true, force: true }, () => cb(e2)) : cb(null),
        );
      });
    },
    rmdir(p: string, cb: (err: NodeJS.ErrnoException | null) => void) {
      if (self.acquired) {
        // releasing: our own lock only, never one that replaced it
        if (readHolder(p)?.token !== token) return cb(null);
        return fsc.rm(p, { recursive: true, force: true }, (e) => cb(e));
      }
      // a stale lock met while acquiring: exactly the one judged stale
      cb(takeOver(p, seen) ? null : Object.assign(new Error("the lock changed hands"), { code: "ELOCKED" }));
    },
    rmdirSync(p: string) {
      if (readHolder(p)?.token === token) rmSync(p, { recursive: true, force: true });
    },
  };
  return self;
}

/** Thrown by a write when this process no longer holds the lock it took: stop before committing. */
export class LockLostError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "LockLostError";
  }
}

function lostMessage(h: Held, now: LockHolder | undefined): Worded {
  const why: Worded = { key: h.lost ? "lk.lostStale" : "lk.lostTaken" };
  const by: Worded | string = now ? { key: "lk.heldBy", params: { holder: holderWords(now) } } : "";
  return { key: "lk.lost", params: { why, by } };
}

/** Refuse a write (or a commit) into a store whose lock this process took and has lost since. */
export function assertLockHeld(path: string): void {
  const abs = resolve(path);
  for (const h of held) {
    if (abs !== h.root && !abs.startsWith(h.root + sep)) continue;
    const now = readHolder(h.lockDir);
    if (!h.lost && now?.token === h.token) continue;
    const worded = lostMessage(h, now);
    throw Object.assign(new LockLostError(wordedText("en", worded)), { worded });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The refusal after waiting `waited` ms for a live holder. */
function busyError(holder: LockHolder | undefined, lockDir: string, waited: number, timeZone?: string): UserError {
  const hint: Worded =
    holder && holder.host === hostname()
      ? { key: "lk.hintKill", params: { pid: holder.pid } }
      : { key: "lk.hintLater", params: { dir: lockDir } };
  const seconds = Math.round(waited / 1000);
  return refusal("lk.busy", { holder: holderWords(holder, timeZone), seconds, hint });
}

/**
 * Take the lock at `h.lockDir`, waiting for a live holder (and saying so) up to the timeout and
 * taking over a dead one's at once; returns how to release it.
 */
async function acquire(
  root: string,
  h: Held,
  lfs: ReturnType<typeof lockFs>,
  opts: LockOptions,
  started: number,
): Promise<() => Promise<void>> {
  const { lockDir } = h;
  const timeout = opts.timeout ?? TIMEOUT_MS;
  let announced: string | undefined;
  // loaded by a write only: a read never takes the lock
  const { default: lockfile } = await import("proper-lockfile");
  for (;;) {
    try {
      return await lockfile.lock(root, {
        lockfilePath: lockDir,
        realpath: false,
        stale: Math.max(2000, opts.stale ?? STALE_MS),
        retries: 0,
        fs: lfs,
        // never an uncaught exception: the next write refuses, before anything is committed
        onCompromised: (e) => void (h.lost = e),
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ELOCKED") throw e;
    }
    const holder = readHolder(lockDir);
    // a dead process's lock is taken over at once
    if (holder && deadHere(holder)) {
      takeOver(lockDir, holder.token);
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= timeout) throw busyError(holder, lockDir, waited, opts.timeZone);
    if (opts.onWait && waited >= ANNOUNCE_AFTER_MS && (holder?.token ?? "") !== announced) {
      announced = holder?.token ?? "";
      const line: Worded = { key: "lk.waiting", params: { holder: holderWords(holder, opts.timeZone) } };
      opts.onWait(wordedText(opts.locale ?? "en", line));
    }
    // the longer a writer has waited, the more often it looks: the oldest waiter is likely the
    // first to find the lock free, which keeps the worst wait near the queue's length
    await sleep(Math.max(3, 40 - waited / 50) * (0.5 + Math.random()));
  }
}

/**
 * Run `fn` holding the store's write lock, so a cron job and a person writing at once both land.
 * Nothing slow or interactive belongs in `fn`: no prompts, no editor.
 */
export async function withLock<T>(root: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const dir = stateDir(root);
  const lockDir = join(dir, "write.lock");
  const token = randomBytes(8).toString("hex");
  const h: Held = { root: resolve(root), lockDir, token };
  const me = (): LockHolder => ({
    token,
    pid: process.pid,
    host: hostname(),
    who: opts.who,
    command: opts.command,
    since: new Date().toISOString(),
  });
  const lfs = lockFs(me, token);
  const started = Date.now();
  const release = await acquire(root, h, lfs, opts, started);
  lfs.acquired = true;
  held.add(h);
  opts.onAcquired?.(Date.now() - started);
  try {
    return await fn();
  } finally {
    held.delete(h);
    await release().catch(() => undefined);
  }
}
