// aftercare init [dir]: a new store with its settings, folders, git repository and first commit.
import { promises as fs } from "node:fs";
import { join, resolve } from "node:path";
import { parseInput, UsageError, UserError } from "../errors.js";
import type { Deps } from "../context.js";
import { LOCALES, settingsSchema, type Settings } from "../domain/schema.js";
import { CHINA_2026, DEFAULT_WORKWEEK } from "../domain/calendar.js";
import { isValidTimeZone } from "../domain/time.js";
import { exists, TEMP_IGNORE, writeAtomic } from "../store/fsutil.js";
import { Git } from "../store/git.js";
import { FOLDERS, SETTINGS_FILE } from "../store/store.js";
import { stringifyRecord } from "../store/yaml.js";
import { installGitSupport, setUpForManyFiles } from "./git-setup.js";

export interface InitOptions {
  dir?: string;
  /** only install the git hook and merge driver in an existing store */
  hooks?: boolean;
  company?: string;
  timezone?: string;
  locale?: string;
  as?: string;
}

export interface InitResult {
  root: string;
  settings: Settings;
  committed: boolean;
  gitInit: boolean;
}

const HEADER = `# aftercare store settings. Edit by hand or with 'aftercare staff add'; 'aftercare check' validates.
# calendar: the working week (1 Monday … 7 Sunday), public holidays and make-up working days;
# add next year's when they are published. rules: override the regulation's deadlines, e.g.
#   rules: { R-ESC-1DAY: { days: 1, workingDays: true }, R-FOLLOWUP-2: { from: 7, to: 14 } }
`;

/** aftercare init --hooks: the pre-commit hook and merge driver for a store that exists (a clone). */
export async function initHooks(root: string, deps: Deps): Promise<{ root: string; notes: string[]; committed: boolean }> {
  if (!(await exists(join(root, SETTINGS_FILE)))) throw new UserError(`no aftercare store at ${root} (${SETTINGS_FILE} not found); nothing was written`);
  const git = new Git(root, deps.env);
  if (!(await git.topLevel())) throw new UserError(`${root} is not in a git repository: there is nothing to hook into (run git init there first); nothing was written`);
  const support = await installGitSupport(root, git);
  let committed = false;
  if (support.written.length) {
    const who = deps.env.AFTERCARE_USER ?? (await git.configValue("user.name")) ?? "aftercare";
    committed = (await git.commit(support.written, "git support: records merge field by field\n\nAftercare-Command: aftercare init --hooks", { name: who, email: (await git.configValue("user.email")) ?? "" })).committed;
  }
  // a clone has none of its repository's settings: set it up for many files like a new store
  await setUpForManyFiles(git);
  return { root, notes: support.notes, committed };
}

export async function init(opts: InitOptions, deps: Deps): Promise<InitResult> {
  const root = resolve(deps.cwd, opts.dir ?? ".");
  const timezone = opts.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";
  if (!isValidTimeZone(timezone))
    throw new UsageError(`--timezone "${timezone}" is not an IANA time zone; use a name such as Asia/Shanghai, Europe/Berlin or UTC; nothing was written`);
  const locale = opts.locale ?? (deps.env.LANG?.startsWith("zh") ? "zh-CN" : "en");
  if (!(LOCALES as readonly string[]).includes(locale)) throw new UsageError(`--locale "${locale}" is not supported; use ${LOCALES.join(" or ")}; nothing was written`);
  const company = opts.company?.trim();
  if (!company) throw new UsageError("--company NAME is required: the company's name heads every report; nothing was written");
  if (await exists(join(root, SETTINGS_FILE))) throw new UserError(`${join(root, SETTINGS_FILE)} already exists: ${root} is already a store; nothing was written`);

  // Chinese offices get the State Council's holidays and make-up working days (调休) for the year
  const calendar = timezone === "Asia/Shanghai" ? { workweek: DEFAULT_WORKWEEK, ...CHINA_2026 } : { workweek: DEFAULT_WORKWEEK };
  const settings = parseInput(settingsSchema, { version: 1, company, timezone, locale, staff: [], calendar });
  await fs.mkdir(root, { recursive: true });
  const git = new Git(root, deps.env);
  let gitInit = false;
  if (!(await git.topLevel())) {
    const r = await git.init();
    if (r.code !== 0) deps.io.err(`note: could not create a git repository (${r.missing ? "git is not installed" : r.stderr.trim()}); the store works without one, but keeps no history\n`);
    else gitInit = true;
  }
  const written: string[] = [SETTINGS_FILE, ".gitignore"];
  await writeAtomic(join(root, SETTINGS_FILE), HEADER + stringifyRecord(settings));
  const ignore = join(root, ".gitignore");
  const ignoreText = (await exists(ignore)) ? await fs.readFile(ignore, "utf8") : "";
  let ignoreAdd = "";
  if (!/^\.aftercare\/?$/m.test(ignoreText)) ignoreAdd += "# derived cache and locks, always safe to delete\n.aftercare/\n";
  if (!ignoreText.split(/\r?\n/).includes(TEMP_IGNORE)) ignoreAdd += `# the temporary file of a write in progress (removed when it fails)\n${TEMP_IGNORE}\n`;
  if (ignoreAdd) await writeAtomic(ignore, ignoreText + (ignoreText && !ignoreText.endsWith("\n") ? "\n" : "") + ignoreAdd);
  for (const folder of [...Object.values(FOLDERS), "reports", "templates"]) {
    await fs.mkdir(join(root, folder), { recursive: true });
    const keep = join(root, folder, ".gitkeep");
    if (!(await exists(keep))) await fs.writeFile(keep, "");
    written.push(`${folder}/.gitkeep`);
  }
  const support = await installGitSupport(root, git);
  written.push(...support.written);
  for (const n of support.notes) deps.io.err(`note: ${n}\n`);
  const who = opts.as ?? deps.env.AFTERCARE_USER ?? (await git.configValue("user.name")) ?? "aftercare";
  const email = (await git.configValue("user.email")) ?? "";
  const r = await git.commit(written, `store created for ${company}\n\nAftercare-Command: aftercare init`, { name: who, email });
  if (!r.committed && (gitInit || (await git.topLevel()))) deps.io.err(`note: store created but not committed (${r.reason})\n`);
  // ten years of records are some 200,000 files: git's index, status and history set up for that
  if (gitInit || (await git.topLevel())) await setUpForManyFiles(git);
  return { root, settings, committed: r.committed, gitInit };
}
