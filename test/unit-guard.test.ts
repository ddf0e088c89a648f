// The unit tier starts no process (test/unit-guard.ts, vitest.config.ts): a test there that reaches for
// git, the binary or tmux fails at once, named and pointed to the e2e tier, by either way of importing.
import childProcess, { execFile, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const WHERE =
  /^child_process\.(\w+) in the unit tier: a test that starts git, the binary or tmux belongs to the e2e tier/;

describe("the unit tier's guard", () => {
  it("refuses every way of starting a process, through named imports and the module object", () => {
    expect(() => spawnSync("git", ["--version"])).toThrow(WHERE);
    expect(() => execFile("git", ["--version"])).toThrow(WHERE);
    for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"] as const)
      expect(() => (childProcess[name] as (...a: unknown[]) => unknown)("git"), name).toThrow(
        `child_process.${name} in the unit tier`,
      );
  });
});
