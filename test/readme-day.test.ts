// The README's console blocks ("一天的工作", from `init` to the monthly review), replayed in order
// through the real binary on a fresh store with the clock pinned as the README pins it: every
// printed output must be the one the README shows (the conventions are in readme-console.ts).
// Afterwards: every duty has an owner and none is overdue, the day after and a week after.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, cleanEnv, git, tempDir } from "./helpers.js";
import { consoleSteps, expectedOf, IdMap, type Step } from "./readme-console.js";

const README = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
const HOME = "/home/wf";

interface Duty {
  key: string;
  state: string;
  assignee: string | null;
}

/** One README session: a home folder, the folder commands run in, the environment `export` sets. */
class Session {
  cwd: string;
  readonly env: Record<string, string> = {};
  readonly ids = new IdMap();
  constructor(readonly home: string) {
    this.cwd = home;
  }

  private path(w: string): string {
    return w === "~" || w.startsWith("~/") ? this.home + w.slice(1) : w;
  }

  /** Run a step; what it printed, in the README's terms. */
  run(step: Step): string {
    const [cmd, ...rest] = step.args;
    if (cmd === "cd") {
      this.cwd = resolve(this.cwd, this.path(rest[0] ?? "~"));
      return "";
    }
    if (cmd === "export") {
      const [name, value] = rest[0]!.split("=", 2);
      this.env[name!] = value!;
      return "";
    }
    const args = this.ids.args(rest).map((w) => this.path(w));
    const env = cleanEnv({ AFTERCARE_NOW: step.now, ...this.env });
    delete env.AFTERCARE_LOCALE; // the store's language, as at the desk
    const r =
      cmd === "aftercare"
        ? spawnSync(process.execPath, [BIN, ...args], { cwd: this.cwd, env, encoding: "utf8" })
        : spawnSync(cmd!, args, { cwd: this.cwd, env, encoding: "utf8" });
    const printed = (r.stdout + r.stderr).replaceAll(this.home, HOME);
    return this.ids.read(step.expected, printed);
  }

  duties(now: string, within = 400): Duty[] {
    const env = cleanEnv({ AFTERCARE_NOW: now, ...this.env });
    const r = spawnSync(process.execPath, [BIN, "due", "--json", "--within", String(within)], {
      cwd: this.cwd,
      env,
      encoding: "utf8",
    });
    return JSON.parse(r.stdout) as Duty[];
  }
}

describe("the README's day at the desk, on a fresh store", () => {
  const steps = consoleSteps(README);

  it("has the walkthrough from init to the monthly review", () => {
    expect(steps[0]?.line).toMatch(/^aftercare init ~\/desk /);
    expect(steps.some((s) => s.line.startsWith("aftercare report monthly 2026-11 --save"))).toBe(true);
    for (const s of steps) expect(s.now, s.line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it("prints what the README shows, command by command", () => {
    const home = join(tempDir(), "wf");
    mkdirSync(home);
    const session = new Session(home);
    for (const step of steps) {
      const got = session.run(step);
      expect(got, `$ ${step.line}   (at ${step.now})`).toBe(expectedOf(step.expected, got));
    }

    // the end of the walkthrough: every duty has an owner, nothing is overdue, then or later
    for (const now of [steps.at(-1)!.now, "2026-12-14 09:00"]) {
      const list = session.duties(now);
      expect(list.filter((d) => !d.assignee).map((d) => d.key)).toEqual([]);
      expect(list.filter((d) => d.state === "overdue").map((d) => d.key)).toEqual([]);
    }
    // every step was one commit, and the tree is clean
    expect(git(session.cwd, "status", "--porcelain")).toBe("");
  });
});
