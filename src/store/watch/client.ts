// A read's side of the store's watcher (watcher.ts; docs/performance.md "Freshness"): ask what
// changed since the token the index last applied, start a watcher when none answers, stop one.
// A read never waits on a wedged watcher: connect and answer within ANSWER_MS, else git is asked.
import { spawn } from "node:child_process";
import { appendFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ANSWER_MS, BUILD, socketPath, type Answer, type Request } from "./where.js";

/** What a read learns: the token now and the paths changed since its own (null: cannot vouch); undefined when no watcher answered. */
export type WatchAnswer = { token: string; changed: string[] | null } | undefined;

/** One request on the socket; undefined when nothing answered in time (or the answer made no sense). */
function request(sock: string, req: Request, ms: number): Promise<Answer | { none: string } | undefined> {
  return new Promise((done) => {
    let buf = "";
    let settled = false;
    const finish = (a: Answer | { none: string } | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      c.destroy();
      done(a);
    };
    const c = connect(sock);
    const timer = setTimeout(() => finish(undefined), ms);
    c.setEncoding("utf8");
    c.on("connect", () => c.write(`${JSON.stringify(req)}\n`));
    c.on("data", (d: string) => {
      buf += d;
      const nl = buf.indexOf("\n");
      if (nl < 0) return;
      try {
        finish(JSON.parse(buf.slice(0, nl)) as Answer);
      } catch {
        finish(undefined);
      }
    });
    c.on("error", (e: NodeJS.ErrnoException) => finish({ none: e.code ?? "error" }));
    c.on("close", () => finish(undefined));
  });
}

/** The watcher's entry: dist/watcher.mjs beside the bundle, or from the sources through tsx. */
function entry(): string[] | undefined {
  const here = new URL("./watcher.mjs", import.meta.url);
  if (existsSync(here)) return [fileURLToPath(here)];
  const ts = new URL("./watcher.ts", import.meta.url);
  if (!existsSync(ts)) return undefined;
  try {
    const tsx = createRequire(import.meta.url).resolve("tsx/esm");
    return ["--import", pathToFileURL(tsx).href, fileURLToPath(ts)];
  } catch {
    return undefined;
  }
}

/** Start a watcher for the store, detached: it outlives this read and answers the next ones. */
export function startWatcher(root: string, env: NodeJS.ProcessEnv): void {
  const args = entry();
  if (!args || !socketPath(root, env, true)) return;
  try {
    const child = spawn(process.execPath, [...args, root], {
      cwd: root,
      detached: true,
      stdio: "ignore",
      env: { ...env, NODE_OPTIONS: "" },
    });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // no watcher this time: git is asked
  }
}

/**
 * Ask the store's watcher what changed since `token` (the index's meta `watchToken`). No watcher
 * (or one of another build, which stops): one is started and undefined returned, as for a
 * watcher that does not answer in time.
 */
export async function askWatcher(
  root: string,
  env: NodeJS.ProcessEnv,
  token: string | undefined,
): Promise<WatchAnswer> {
  const sock = socketPath(root, env);
  const a = sock ? await request(sock, { op: "query", build: BUILD, token }, ANSWER_MS) : { none: "ENOENT" };
  if (a && "token" in a && "changed" in a) {
    const changed = Array.isArray(a.changed) ? a.changed : null;
    trace(env, changed ? `told ${changed.length}` : "cannot vouch");
    return { token: a.token, changed };
  }
  // nothing listens (never started, exited, killed), or it stopped for this build: start ours
  const start = !!a && ("restart" in a || ("none" in a && (a.none === "ENOENT" || a.none === "ECONNREFUSED")));
  trace(env, !a ? "no answer in time" : "restart" in a ? "restart" : start ? "none" : "no answer");
  if (start) startWatcher(root, env);
  return undefined;
}

/** AFTERCARE_WATCH_TRACE=FILE: each read appends what its watcher said (the tests tell the ways apart by it). */
function trace(env: NodeJS.ProcessEnv, what: string): void {
  if (env.AFTERCARE_WATCH_TRACE) appendFileSync(env.AFTERCARE_WATCH_TRACE, `${what}\n`);
}

/** Whether a watcher may answer for the store: its socket exists (no process, no connection). */
export function watcherListening(root: string, env: NodeJS.ProcessEnv): boolean {
  const sock = socketPath(root, env);
  return !!sock && existsSync(sock);
}

/** The running watcher's pid and build, or undefined when none answers (doctor). */
export async function watcherStatus(
  root: string,
  env: NodeJS.ProcessEnv,
  ms = 1000,
): Promise<{ pid: number; build: string; folders: number } | undefined> {
  const sock = socketPath(root, env);
  const a = sock ? await request(sock, { op: "status" }, ms) : undefined;
  return a && "pid" in a ? { pid: a.pid, build: a.build, folders: a.folders } : undefined;
}

/** Stop the store's watcher (reindex, the bench's end, tests), waiting up to `ms` for it to go. */
export async function stopWatcher(root: string, env: NodeJS.ProcessEnv, ms = 2000): Promise<boolean> {
  const sock = socketPath(root, env);
  if (!sock || !existsSync(sock)) return false;
  const a = await request(sock, { op: "stop" }, ms);
  return !!a && "stopped" in a;
}
