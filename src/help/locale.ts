// The language of what the command line itself shows (--help, wrong usage), known before the
// program is built: --locale in argv, else AFTERCARE_LOCALE, else the store's `locale:` line, else
// English. The store is found as the context finds it (--records, AFTERCARE_RECORDS, the nearest
// aftercare.yaml upward), but only its one line is read: no YAML parser, no schema (issue 13).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Locale } from "../i18n.js";

const LOCALES: readonly string[] = ["zh-CN", "en"];

/** The value of a global flag typed as `--flag value` or `--flag=value`, before any `--`. */
export function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    const a = argv[i]!;
    if (a === flag) return argv[i + 1];
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
  }
  return undefined;
}

/** The `locale:` line of aftercare.yaml in `root`: "" when the file has none, null when there is no file. */
function storeLocale(root: string): string | null {
  let text: string;
  try {
    text = readFileSync(join(root, "aftercare.yaml"), "utf8");
  } catch {
    return null;
  }
  return /^locale:[ \t]*["']?([A-Za-z-]+)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1] ?? "";
}

/** The `locale:` of the nearest aftercare.yaml from `start` upward. */
function nearestStoreLocale(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    const found = storeLocale(dir);
    if (found !== null || dirname(dir) === dir) return found;
  }
}

/** The locale help and usage errors are shown in. */
export function shownLocale(argv: readonly string[], env: Record<string, string | undefined>, cwd: string): Locale {
  const records = flagValue(argv, "--records") ?? env.AFTERCARE_RECORDS;
  const candidates = [
    flagValue(argv, "--locale"),
    env.AFTERCARE_LOCALE,
    // an unreadable or absent store: English
    records ? storeLocale(resolve(cwd, records)) : nearestStoreLocale(cwd),
  ];
  return (candidates.find((l) => typeof l === "string" && LOCALES.includes(l)) as Locale | undefined) ?? "en";
}
