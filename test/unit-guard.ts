// The unit tier's promise (vitest.config.ts): no test in it starts a process: no git, no built binary, no tmux.
// Each way node:child_process starts one throws here, in the unit tier's workers only, so a test that
// starts spawning fails at once with where it belongs instead of slowly turning the fast tier slow.
import childProcess from "node:child_process";
import { syncBuiltinESMExports } from "node:module";

const STARTERS = ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"] as const;

for (const name of STARTERS) {
  Object.defineProperty(childProcess, name, {
    configurable: true,
    writable: true,
    value: () => {
      throw new Error(
        `child_process.${name} in the unit tier: a test that starts git, the binary or tmux belongs to the e2e tier (vitest.config.ts)`,
      );
    },
  });
}
// the named exports (import { spawnSync } from "node:child_process") follow the patched module object
syncBuiltinESMExports();
