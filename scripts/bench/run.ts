// Running one command for the bench (scripts/bench.ts).
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cacheRoot } from "../gen-store.js";

// ---------------------------------------------------------------------------------------------
// Running one command: wall time of the whole process, exit status, and its peak memory (max
// RSS, from GNU time's %M, which is the largest process of the tree: node, or a git it ran; else
// from a preload that writes node's own process.resourceUsage().maxRSS at exit).

export interface Sample {
  ms: number;
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  rssKB?: number;
  /** user + system CPU time of the command and the children it waited for (GNU time only) */
  cpuMs?: number;
  stdoutBytes: number;
  stdout: string;
  stderr: string;
}

export const ROOT = cacheRoot();
mkdirSync(ROOT, { recursive: true });
export const RSS_FILE = join(ROOT, `rss-${process.pid}.txt`);
export const TIME_FORMAT = "%M %U %S";
export const TIME_LINE = /^(\d+) (\d+\.\d+) (\d+\.\d+)\s*$/m;
export const GNU_TIME = (() => {
  try {
    execFileSync("/usr/bin/time", ["-f", TIME_FORMAT, "-o", RSS_FILE, "true"], { stdio: "ignore" });
    return TIME_LINE.test(readFileSync(RSS_FILE, "utf8")) ? "/usr/bin/time" : undefined;
  } catch {
    return undefined;
  }
})();
export const PRELOAD = join(ROOT, "rss-preload.mjs");
if (!GNU_TIME)
  writeFileSync(
    PRELOAD,
    `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => { try { if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n`,
  );

/** the process group of the command running now, stopped with the bench */
export let running: number | undefined;
process.on("exit", () => {
  if (running)
    try {
      process.kill(-running, "SIGKILL");
    } catch {
      /* gone */
    }
});

// eslint-disable-next-line max-lines-per-function -- one process's life read top to bottom: started in its own group, stopped at the limit, its time, memory and CPU read when it ends
export function run(
  cmd: string,
  args: string[],
  o: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<Sample> {
  rmSync(RSS_FILE, { force: true });
  const [file, argv, env]: [string, string[], NodeJS.ProcessEnv] = GNU_TIME
    ? [GNU_TIME, ["-f", TIME_FORMAT, "-o", RSS_FILE, cmd, ...args], o.env]
    : [
        cmd,
        args,
        {
          ...o.env,
          BENCH_RSS_FILE: RSS_FILE,
          NODE_OPTIONS: `${o.env.NODE_OPTIONS ?? ""} --import=${pathToFileURL(PRELOAD).href}`.trim(),
        },
      ];
  // eslint-disable-next-line max-lines-per-function -- the same process, from its start to its end
  return new Promise((done) => {
    const t0 = performance.now();
    let t1 = 0;
    const child = spawn(file, argv, { cwd: o.cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    running = child.pid;
    let stdoutBytes = 0;
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (b: Buffer) => {
      stdoutBytes += b.length;
      if (stdout.length < 4096) stdout += b.toString("utf8");
    });
    child.stderr.on("data", (b: Buffer) => {
      if (stderr.length < 65536) stderr += b.toString("utf8");
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone already */
      }
    }, o.timeoutMs);
    child.on("exit", () => (t1 = performance.now()));
    child.on("error", (e) => {
      clearTimeout(timer);
      done({
        ms: performance.now() - t0,
        code: null,
        signal: null,
        timedOut: false,
        stdoutBytes: 0,
        stdout: "",
        stderr: String(e),
      });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      running = undefined;
      let rssKB: number | undefined;
      let cpuMs: number | undefined;
      const report = safeRead(RSS_FILE);
      const t = GNU_TIME ? TIME_LINE.exec(report) : /^(\d+)\s*$/m.exec(report);
      if (t) rssKB = Number(t[1]);
      if (t && GNU_TIME) cpuMs = (Number(t[2]) + Number(t[3])) * 1000;
      // GNU time reports a child killed by a signal in its own exit status (128 + n)
      const sig =
        signal ??
        (GNU_TIME && code !== null && code > 128 && /terminated by signal/.test(safeRead(RSS_FILE))
          ? `signal ${code - 128}`
          : null);
      done({
        ms: (t1 || performance.now()) - t0,
        code,
        signal: sig,
        timedOut,
        rssKB,
        cpuMs,
        stdoutBytes,
        stdout,
        stderr,
      });
    });
  });
}
export const safeRead = (f: string) => {
  try {
    return readFileSync(f, "utf8");
  } catch {
    return "";
  }
};
