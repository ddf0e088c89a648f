// The machine the bench ran on (scripts/bench.ts).
import { execFileSync } from "node:child_process";
import { availableParallelism, cpus, release, totalmem } from "node:os";
import { GNU_TIME, safeRead } from "./run.js";

// ---------------------------------------------------------------------------------------------

export function machine() {
  const cpuinfo = safeRead("/proc/cpuinfo");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  let gitVersion: string;
  try {
    gitVersion = execFileSync("git", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    gitVersion = "git not found";
  }
  return {
    cpu: model.replace(/\s+/g, " ").trim(),
    cores: availableParallelism(),
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    git: gitVersion,
    kernel: release(),
    memoryMeasure: GNU_TIME
      ? "GNU time %M (max RSS of the process tree's largest process)"
      : "node process.resourceUsage().maxRSS at exit (the node process only)",
  };
}
