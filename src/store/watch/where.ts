// Where a store's watcher answers, which build it is, and whether one is wanted (watcher.ts,
// client.ts; docs/performance.md "Freshness"). Loaded by every read of a large store: no process,
// a few small modules only.
import { createHash } from "node:crypto";
import { chmodSync, lstatSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stateDir } from "../state-dir.js";

/** Set by scripts/build.mjs: a hash of the sources the bundle was built from. */
declare const __AFTERCARE_BUILD__: string | undefined;

/**
 * The build a watcher and its clients must share: a client of another build asks it to stop, and
 * starts its own. "dev" when run from the sources (bin/aftercare-dev, the tests in process).
 */
export const BUILD: string = typeof __AFTERCARE_BUILD__ === "string" ? __AFTERCARE_BUILD__ : "dev";

/** How long a read waits for a watcher's answer (connect, its sync, the answer) before asking git instead. */
export const ANSWER_MS = 200;
/** A watcher exits after this long without a query (AFTERCARE_WATCH_IDLE_MS sets another, for tests). */
export const IDLE_MS = 30 * 60 * 1000;
/** The longest path a Unix socket's address holds here (108 bytes with its NUL on Linux), with a margin. */
const SOCKET_PATH_MAX = 100;

/** The folder under .aftercare/ of the watcher's socket and the sync files (cookies) it writes and watches. */
export const COOKIE_DIR = ".aftercare/watch";

/**
 * Whether a read of a large store uses (and starts) a watcher: AFTERCARE_WATCH=off, or
 * `index: { watch: false }` in aftercare.yaml, turns it off (git is then asked on every read).
 */
export function watchWanted(env: NodeJS.ProcessEnv, setting?: boolean): boolean {
  const v = env.AFTERCARE_WATCH?.trim().toLowerCase();
  if (v === "off" || v === "0" || v === "false" || v === "no") return false;
  return setting !== false;
}

/**
 * The socket a store's watcher answers on: `.aftercare/watch/sock` (a folder of mode 0700: only
 * its owner can enter), or, when that path is too long for a socket's address, a hashed name in a per-user
 * runtime folder of mode 0700 ($XDG_RUNTIME_DIR, else the temporary folder's aftercare-UID/).
 * Never an abstract socket: any local user could bind one first. Undefined when neither can be used.
 */
export function socketPath(root: string, env: NodeJS.ProcessEnv, make = false): string | undefined {
  if (make) ownFolder(join(root, COOKIE_DIR));
  const near = join(root, COOKIE_DIR, "sock");
  if (Buffer.byteLength(near) <= SOCKET_PATH_MAX) return near;
  const uid = process.getuid?.() ?? 0;
  const base = env.AFTERCARE_WATCH_RUNTIME_DIR || env.XDG_RUNTIME_DIR || tmpdir();
  const dir = join(base, `aftercare-${uid}`);
  if (make) {
    try {
      mkdirSync(dir, { mode: 0o700, recursive: true });
    } catch {
      return undefined;
    }
  }
  try {
    const st = lstatSync(dir);
    // ours, a real folder, and closed to everyone else: else another user could answer for the store
    if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o077) !== 0) return undefined;
  } catch {
    return undefined;
  }
  const name = `${createHash("sha256").update(root).digest("hex").slice(0, 32)}.sock`;
  const far = join(dir, name);
  return Buffer.byteLength(far) <= SOCKET_PATH_MAX ? far : undefined;
}

/** The watcher's folder under .aftercare/, made (with .aftercare/ and its .gitignore) and closed to other users. */
function ownFolder(dir: string): void {
  try {
    stateDir(join(dir, "..", ".."));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  } catch {
    // a read-only store: no watcher (listening fails), git is asked
  }
}

/** A query the watcher answers: the changes since `token`, or stop, or who it is. */
export type Request =
  { op: "query"; build: string; token?: string } | { op: "stop" } | { op: "status"; build?: string };

/**
 * The watcher's answer to a query: the token now, and the paths (relative to the store, "/"
 * separated) that changed since the token asked about; `changed: null` when it cannot vouch.
 */
export type Answer =
  | { token: string; changed: string[] | null }
  | { restart: true }
  | { stopped: true }
  | { pid: number; build: string; token: string; folders: number; since: number };
