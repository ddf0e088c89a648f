// The command a run was started with, read from its line: its name (for the lock's holder) and
// whether it is a read that opens the derived index first thing.

/**
 * The reads that open the derived index first thing (the commands' words, as commandName gives
 * them): for these git is asked what changed as soon as the store is found (RecordIndex.gitAhead).
 */
const INDEX_READS = new Set([
  "due",
  "overdue",
  "ticket show",
  "customer show",
  "customer list",
  "report monthly",
  "report annual",
]);

/** Whether the command typed is one of INDEX_READS ("due --within 3": its first word; "ticket show T-1": its first two). */
export function readsIndex(line: string): boolean {
  const words = commandName(line)?.split(" ") ?? [];
  return INDEX_READS.has(words[0] ?? "") || INDEX_READS.has(words.slice(0, 2).join(" "));
}

/** "ticket open" from "aftercare --as 王芳 ticket open --customer 华东": what a lock holder is doing. */
export function commandName(line: string): string | undefined {
  const words = line.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
  const out: string[] = [];
  for (let i = 1; i < words.length && out.length < 2; i++) {
    const w = words[i]!;
    if (w.startsWith("-")) {
      if (!w.includes("=") && ["--records", "--as", "--now", "--locale"].includes(w)) i++;
      continue;
    }
    out.push(w.replace(/^"|"$/g, ""));
  }
  return out.length ? out.join(" ") : undefined;
}
