// Locks and leftovers a crash can leave in a store, for doctor's diagnosis (diagnosis.ts): a stale
// write lock, locks moved aside, the temporary files of writes that did not finish.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Context } from "../context.js";
import { wordedText, type MessageKey, type Worded } from "../i18n.js";
import { inspectLock, isTempFile } from "../store/fsutil.js";
import { holderWords } from "../store/lock.js";
import type { Diagnosis, Finding } from "./diagnosis.js";

type Add = (f: Finding) => void;

/** How long a temporary file may exist before it is taken for a crash's leftover, ms. */
const TEMP_GRACE_MS = 60_000;

/** How long, in the unit that reads best: 45 s, 12 min, 3 h, 4 days (秒, 分钟, 小时, 天). */
export function age(ms: number | undefined): Worded | string {
  if (ms === undefined) return "";
  const s = Math.round(ms / 1000);
  return s < 120
    ? { key: "lo.age.s", params: { n: s } }
    : s < 7200
      ? { key: "lo.age.min", params: { n: Math.round(s / 60) } }
      : s < 172_800
        ? { key: "lo.age.h", params: { n: Math.round(s / 3600) } }
        : { key: "lo.age.days", params: { n: Math.round(s / 86_400) } };
}

const words = (key: MessageKey, params: Worded["params"] = {}): { message: string; worded: Worded } => {
  const worded: Worded = { key, params };
  return { message: wordedText("en", worded), worded };
};

/** Every write's temporary file under the store (not inside .git or .aftercare). */
function tempFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== ".git" && e.name !== ".aftercare" && e.name !== "node_modules") walk(full);
      } else if (isTempFile(e.name)) out.push(relative(root, full).split(sep).join("/"));
    }
  };
  walk(root);
  return out.sort();
}

/** The store's write lock: stale (the next write takes it over), or held by a write in progress (a note). */
export async function lockFindings(ctx: Context, root: string, d: Diagnosis, add: Add): Promise<void> {
  const lock = inspectLock(root);
  if (!lock.held) return;
  const holder = holderWords(
    lock.holder,
    await ctx.store().then(
      (s) => s.settings.timezone,
      () => undefined,
    ),
  );
  if (lock.dead || (lock.ageMs ?? 0) > 20_000) {
    add({
      kind: "lock",
      path: ".aftercare/write.lock",
      ...words("lo.staleLock", {
        why: lock.dead ? { key: "lo.gone" } : { key: "lo.notRefreshed", params: { age: age(lock.ageMs) } },
        holder,
      }),
      fixable: true,
    });
    d.locks.push(lock.path);
  } else ctx.io.err(`${wordedText(await ctx.locale(), { key: "lo.writing", params: { holder } })}\n`);
}

/** Stale locks moved aside and not removed. */
export function staleLockFindings(root: string, d: Diagnosis, add: Add): void {
  const aftercareDir = join(root, ".aftercare");
  for (const n of existsSync(aftercareDir) ? readdirSync(aftercareDir) : [])
    if (/^write\.lock\.stale-/.test(n)) {
      d.locks.push(join(aftercareDir, n));
      add({
        kind: "lock",
        path: `.aftercare/${n}`,
        ...words("lo.movedAside", { path: `.aftercare/${n}` }),
        fixable: true,
      });
    }
}

/** Temporary files of writes that did not finish (not those of a write in progress). */
export function tempFileFindings(root: string, underLock: boolean, d: Diagnosis, add: Add): void {
  const lock = inspectLock(root);
  const writing = !underLock && lock.held && !lock.dead && (lock.ageMs ?? 0) <= 20_000;
  for (const t of tempFiles(root)) {
    const s = statSync(join(root, t), { throwIfNoEntry: false });
    if (!s || (writing && Date.now() - s.mtimeMs < TEMP_GRACE_MS)) continue;
    d.temps.push(t);
    add({
      kind: "temp",
      path: t,
      ...words(s.size === 0 ? "lo.tempEmpty" : "lo.temp", { path: t, size: s.size }),
      fixable: true,
    });
  }
}
