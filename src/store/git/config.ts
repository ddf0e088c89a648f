// git's settings, asked once (`git config --list`) and remembered — in this process, and in a
// store's .aftercare/git-config.json — with a stamp of every file they came from or could come
// from: a changed, new or removed settings file asks again.
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { delimiter, dirname, isAbsolute, join, resolve } from "node:path";
import { stateDir } from "../state-dir.js";
import { SETTINGS_FILE } from "../layout.js";
import { stamp, writeWhole } from "./files.js";
import type { RepoLocation } from "./locate.js";
import type { GitRun } from "./run.js";

export type ConfigValues = Map<string, (string | null)[]>;

interface ConfigMemo {
  /** every settings file that was read or could be, with its stamp ("-" when absent) */
  files: [string, string][];
  env: string;
  values: [string, (string | null)[]][];
}

const CONFIG_MEMO = "git-config.json";

/** In this process: every setting. On disk (.aftercare/git-config.json) only these, never the rest of someone's ~/.gitconfig. */
const configMemos = new Map<string, { memo: ConfigMemo; values: ConfigValues; partial?: boolean }>();

/** The settings aftercare reads, kept in a store's memo; asking for any other asks git. */
function kept(key: string): boolean {
  return (
    /^(user\.(name|email)|commit\.(gpgsign|cleanup)|i18n\.commitencoding|extensions\.[a-z]+|gc\.(auto|writecommitgraph)|maintenance\.auto|feature\.manyfiles|fetch\.writecommitgraph)$/.test(
      key,
    ) ||
    /^core\.(hookspath|splitindex|untrackedcache)$/.test(key) ||
    key.startsWith("merge.aftercare.")
  );
}

/** section.subsection.name with section and name in lower case, as `git config --list` writes them. */
export function configKey(key: string): string {
  const first = key.indexOf(".");
  const last = key.lastIndexOf(".");
  if (first < 0) return key.toLowerCase();
  return `${key.slice(0, first).toLowerCase()}${key.slice(first, last)}${key.slice(last).toLowerCase()}`;
}

export function gitBool(v: string | null | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (v === null) return true;
  const t = v.trim().toLowerCase();
  if (["true", "yes", "on"].includes(t)) return true;
  if (["false", "no", "off", ""].includes(t)) return false;
  return /^-?\d+$/.test(t) ? Number(t) !== 0 : undefined;
}

/** The git that PATH finds (its real path), or undefined. */
function gitOnPath(env: NodeJS.ProcessEnv): string | undefined {
  for (const d of (env.PATH ?? "").split(delimiter)) {
    if (!d || !existsSync(join(d, "git"))) continue;
    try {
      return realpathSync(join(d, "git"));
    } catch {
      // a dangling link: git is not there
    }
  }
  return undefined;
}

/** The system settings files the git on PATH may read: /etc/gitconfig, or its own prefix's. */
function systemConfigFiles(git: string | undefined): string[] {
  return git ? ["/etc/gitconfig", join(dirname(dirname(git)), "etc", "gitconfig")] : ["/etc/gitconfig"];
}

/** Where a store's settings are asked: its folder, its environment and repository, and how to ask git. */
export interface ConfigSource {
  cwd: string;
  env: NodeJS.ProcessEnv;
  loc: RepoLocation | "none" | "unsure";
  /** `git config --list -z --show-origin`, run without the store's settings */
  list: () => Promise<GitRun>;
}

/** The settings as `git config --list` gives them; `key` is the one wanted (a partial memo may hold it). */
export async function readConfig(src: ConfigSource, key?: string): Promise<ConfigValues> {
  const { cwd, env: e, loc } = src;
  const git = gitOnPath(e);
  const env = JSON.stringify([
    e.GIT_CONFIG_GLOBAL,
    e.GIT_CONFIG_NOSYSTEM,
    e.HOME,
    e.XDG_CONFIG_HOME,
    git,
    typeof loc === "object" ? loc.gitDir : loc,
  ]);
  const fresh = (m: ConfigMemo) => m.env === env && m.files.every(([p, s]) => stamp(p) === s);
  const held = configMemos.get(cwd);
  const enough = (h: { partial?: boolean }) => !h.partial || key === undefined || kept(key);
  if (held && fresh(held.memo) && enough(held)) return held.values;
  const inStore = typeof loc === "object" && existsSync(join(cwd, SETTINGS_FILE));
  if (inStore) {
    const values = memoOnDisk(cwd, fresh);
    if (values && enough({ partial: true })) return values;
  }
  // the files, stamped before git reads them: a change while it reads is seen next time
  const stamps = new Map([...candidateFiles(src, git)].map((p) => [p, stamp(p)]));
  const r = await src.list();
  const { values, onBranch } = parseConfigList(r.stdout, cwd, e.HOME ?? "", stamps);
  if (r.code !== 0 || r.missing) return values;
  // settings that depend on the branch are asked again on another branch
  if (onBranch && typeof loc === "object") stamps.set(join(loc.gitDir, "HEAD"), stamp(join(loc.gitDir, "HEAD")));
  const memo: ConfigMemo = { files: [...stamps], env, values: [...values] };
  configMemos.set(cwd, { memo, values });
  if (inStore)
    await writeWhole(
      join(stateDir(cwd), CONFIG_MEMO),
      JSON.stringify({ ...memo, values: memo.values.filter(([k]) => kept(k)) }),
    ).catch(() => undefined);
  return values;
}

/** The kept settings from the store's memo when every file it names is unchanged (remembered in this process too). */
function memoOnDisk(cwd: string, fresh: (m: ConfigMemo) => boolean): ConfigValues | undefined {
  try {
    const m = JSON.parse(readFileSync(join(cwd, ".aftercare", CONFIG_MEMO), "utf8")) as ConfigMemo;
    if (Array.isArray(m.files) && Array.isArray(m.values) && fresh(m)) {
      const values: ConfigValues = new Map(m.values);
      configMemos.set(cwd, { memo: m, values, partial: true });
      return values;
    }
  } catch {
    // no memo yet, or a torn one: ask git
  }
  return undefined;
}

/** Every settings file git may read, whether it exists or not: system, global, the repository's. */
function candidateFiles(src: ConfigSource, git: string | undefined): Set<string> {
  const { cwd, env, loc } = src;
  const candidates = new Set<string>();
  if (!env.GIT_CONFIG_NOSYSTEM) for (const f of systemConfigFiles(git)) candidates.add(f);
  const home = env.HOME ?? "";
  if (env.GIT_CONFIG_GLOBAL) candidates.add(resolve(cwd, env.GIT_CONFIG_GLOBAL));
  else {
    candidates.add(join(env.XDG_CONFIG_HOME || join(home, ".config"), "git", "config"));
    candidates.add(join(home, ".gitconfig"));
  }
  if (typeof loc === "object") {
    candidates.add(join(loc.commonDir, "config"));
    candidates.add(join(loc.gitDir, "config.worktree"));
  }
  return candidates;
}

/** `git config --list -z --show-origin` read into values; each file named (and each include) is stamped. */
function parseConfigList(
  stdout: string,
  cwd: string,
  home: string,
  stamps: Map<string, string>,
): { values: ConfigValues; onBranch: boolean } {
  const values: ConfigValues = new Map();
  const parts = stdout.split("\0");
  let onBranch = false;
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const origin = parts[i]!;
    const entry = parts[i + 1]!;
    const nl = entry.indexOf("\n");
    const key = nl < 0 ? entry : entry.slice(0, nl);
    const value = nl < 0 ? null : entry.slice(nl + 1);
    values.set(key, [...(values.get(key) ?? []), value]);
    const from = origin.startsWith("file:") ? resolve(cwd, origin.slice(5)) : undefined;
    if (from && !stamps.has(from)) stamps.set(from, stamp(from));
    // an included file counts as soon as it exists, even when it is empty now
    if (/^include(if\..*)?\.path$/.test(key) && value) {
      const target = value.startsWith("~/")
        ? join(home, value.slice(2))
        : isAbsolute(value)
          ? value
          : resolve(from ? dirname(from) : cwd, value);
      if (!stamps.has(target)) stamps.set(target, stamp(target));
      if (/^includeif\.onbranch:/.test(key)) onBranch = true;
    }
  }
  return { values, onBranch };
}
