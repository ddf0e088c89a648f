// The store's own folder (.aftercare/) for locks, caches and notes: never committed.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The store's own folder for locks and caches. It ignores itself in git, so it never shows up as
 * untracked even in a store whose .gitignore does not name it.
 */
export function stateDir(root: string): string {
  const dir = join(root, ".aftercare");
  mkdirSync(dir, { recursive: true });
  const ignore = join(dir, ".gitignore");
  if (!existsSync(ignore)) writeFileSync(ignore, "# aftercare's locks and caches: derived, never committed\n*\n");
  return dir;
}
