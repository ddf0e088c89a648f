// Test fixtures: real stores in temp folders with real git, a captured IO, a pinned clock.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import { main } from "../src/cli.js";
import { Context } from "../src/context.js";
import { testIO, type TestIO } from "../src/io.js";

export const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "aftercare");

const emptyConfig = join(mkdtempSync(join(tmpdir(), "aftercare-gitcfg-")), "gitconfig");
writeFileSync(emptyConfig, "");

/** An environment with git isolated from the machine's configuration. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith("GIT_") && !k.startsWith("AFTERCARE_") && k !== "NO_COLOR") env[k] = v;
  // the fixture store is zh-CN; tests read English unless they ask for Chinese
  return {
    ...env,
    GIT_CONFIG_GLOBAL: emptyConfig,
    GIT_CONFIG_NOSYSTEM: "1",
    TZ: "UTC",
    AFTERCARE_LOCALE: "en",
    // no test leaves a store's watcher behind: only test/index-fresh-watch.test.ts turns it on
    AFTERCARE_WATCH: "off",
    ...extra,
  };
}

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "aftercare-test-"));
  dirs.push(d);
  return d;
}

export const SETTINGS = `version: 1
company: 上海明远机电设备有限公司
timezone: Asia/Shanghai
locale: zh-CN
staff:
  - name: 王芳
    role: clerk
    email: wangfang@example.com
  - name: 李强
    role: technician
  - name: 赵工
    role: engineering
  - name: Anna Schmidt
    role: supervisor
`;

/** A store from inline files (relative path → text), optionally a git repository. */
export function testStore(files: Record<string, string> = {}, opts: { git?: boolean; settings?: string } = {}): string {
  const root = tempDir();
  const all = { "aftercare.yaml": opts.settings ?? SETTINGS, ...files };
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  if (opts.git !== false) {
    git(root, "init", "--quiet", "--initial-branch=main");
    git(root, "add", "-A");
    git(root, "-c", "user.name=setup", "-c", "user.email=setup@example.com", "commit", "--quiet", "-m", "fixture");
  }
  return root;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: cleanEnv(), encoding: "utf8" });
}

/** Subjects and authors of the store's commits, newest first. */
export function commits(cwd: string): { subject: string; author: string; body: string }[] {
  const out = git(cwd, "log", "--format=%s%x1f%an%x1f%b%x1e");
  return out
    .split("\x1e")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [subject, author, body] = s.split("\x1f");
      return { subject: subject!, author: author!, body: (body ?? "").trim() };
    });
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Call the CLI in-process with a captured IO and a pinned clock. */
export async function cli(
  root: string,
  args: string[],
  opts: { now?: string; as?: string; env?: Record<string, string>; tty?: boolean } = {},
): Promise<Run & { io: TestIO }> {
  const io = testIO({ tty: opts.tty });
  const env = cleanEnv({
    AFTERCARE_NOW: opts.now ?? "2026-11-26T10:00:00+08:00",
    ...(opts.as === "" ? {} : { AFTERCARE_USER: opts.as ?? "王芳" }),
    ...opts.env,
  });
  const code = await main(args, { io, env, cwd: root, clock: () => new Date("2026-11-26T02:00:00Z") });
  return { code, stdout: io.stdout(), stderr: io.stderr(), io };
}

/** A Context for calling command functions directly. */
export function context(
  root: string,
  opts: { now?: string; as?: string; json?: boolean } = {},
): { ctx: Context; io: TestIO } {
  const io = testIO();
  const ctx = new Context(
    { records: root, json: opts.json, now: opts.now ?? "2026-11-26T10:00:00+08:00", as: opts.as ?? "王芳" },
    { io, env: cleanEnv(), cwd: root, clock: () => new Date("2026-11-26T02:00:00Z") },
  );
  return { ctx, io };
}

/** Run the real binary, as a user would. */
export function bin(cwd: string, args: string[], env: Record<string, string> = {}, input?: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(env), encoding: "utf8", input });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
