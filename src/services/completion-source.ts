// What the completer (commands/completion.ts) offers from the store named on the line: its IDs of
// a kind, its staff, its today; nothing (not an error) when there is no store.
import { promises as fs } from "node:fs";
import { join } from "node:path";
import type { Context } from "../context.js";
import { KIND_OF_LETTER, type KindLetter } from "../domain/ids.js";
import { dayOf } from "../domain/time.js";
import { FOLDERS, idOfPath } from "../store/store.js";

/** Where the store's facts come from; the IDs, staff and today of the store named on the line. */
export interface Source {
  ids(letters: string, prefix: string): Promise<string[]>;
  /** the staff not gone, or only those in `role` when there are any */
  staff(role?: string): Promise<string[]>;
  today(): Promise<string>;
}

/** The store's IDs, staff and today, for the completer; nothing (not an error) when there is no store. */
export function storeSource(ctx: Context): Source {
  const quiet = async <T>(fn: () => Promise<T>, none: T): Promise<T> => {
    try {
      return await fn();
    } catch {
      return none;
    }
  };
  return {
    staff: (role) =>
      quiet(async () => {
        const here = (await ctx.store()).settings.staff.filter((s) => !s.left);
        const of = role ? here.filter((s) => s.role === role) : [];
        return (of.length ? of : here).map((s) => s.name);
      }, []),
    today: () =>
      quiet(
        async () => dayOf(await ctx.now(), (await ctx.store()).settings.timezone),
        new Date().toISOString().slice(0, 10),
      ),
    ids: (letters, prefix) =>
      quiet(async () => {
        const store = await ctx.store();
        const want = prefix.toUpperCase();
        const out: string[] = [];
        for (const letter of letters) {
          const kind = KIND_OF_LETTER[letter as KindLetter];
          if (!kind || (want && !want.startsWith(letter))) continue;
          const folder = join(store.root, FOLDERS[kind]);
          const names =
            kind === "ticket" || kind === "contact"
              ? await monthFiles(folder, want)
              : await fs.readdir(folder).catch(() => []);
          for (const n of names) if (/\.ya?ml$/.test(n)) out.push(idOfPath(n));
        }
        return out.filter((id) => id.startsWith(want)).sort();
      }, []),
  };
}

/**
 * The files of a by-month folder an ID prefix can be in: T-2611… is in 2026/11 only; a shorter
 * prefix offers the three latest months (a store of ten years holds some 60,000 tickets).
 */
async function monthFiles(folder: string, prefix: string): Promise<string[]> {
  const m = /^[A-Z]-(\d{2})(\d{2})/.exec(prefix);
  const list = (dir: string) => fs.readdir(dir).catch(() => [] as string[]);
  if (m) return list(join(folder, `20${m[1]}`, m[2]!));
  const months: string[] = [];
  for (const y of (await list(folder))
    .filter((y) => /^\d{4}$/.test(y))
    .sort()
    .reverse()) {
    for (const mo of (await list(join(folder, y)))
      .filter((x) => /^\d{2}$/.test(x))
      .sort()
      .reverse())
      months.push(join(folder, y, mo));
    if (months.length >= 3) break;
  }
  return (await Promise.all(months.slice(0, 3).map(list))).flat();
}
