// One bench at a time uses the cache of stores (scripts/bench.ts): a lock file with its process ID.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, RSS_FILE, safeRead } from "./run.js";
import { log } from "./settings.js";

/** Take the cache's lock, or stop when another live bench holds it; it is given back when this process exits. */
export function takeLock(): void {
  const LOCK = join(ROOT, "bench.lock");
  try {
    writeFileSync(LOCK, String(process.pid), { flag: "wx" });
  } catch {
    const other = Number(safeRead(LOCK));
    let alive: boolean;
    try {
      alive = other > 0 && process.kill(other, 0);
    } catch {
      alive = false;
    }
    if (alive) {
      log(
        `another bench (pid ${other}) is using the stores in ${ROOT}; wait for it, or give this one BENCH_CACHE=ANOTHER_DIR`,
      );
      process.exit(1);
    }
    writeFileSync(LOCK, String(process.pid));
  }
  process.on("exit", () => {
    rmSync(RSS_FILE, { force: true });
    if (safeRead(LOCK) === String(process.pid)) rmSync(LOCK, { force: true });
  });
}
