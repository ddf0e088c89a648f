// aftercare init [dir]: a new store with its settings, folders, git repository and first commit.
import { promises as fs } from "node:fs";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { EXIT, parseInput, refusal, UsageError, UserError } from "../errors.js";
import { t, translator, wordedText, type Worded } from "../i18n.js";
import type { Context, Deps } from "../context.js";
import { LOCALES, settingsSchema, type Settings } from "../domain/schema.js";
import { calendarSource, DEFAULT_WORKWEEK } from "../domain/calendar.js";
import { isValidTimeZone } from "../domain/time.js";
import { countryOfZone } from "../store/calendar-source.js";
import { exists, TEMP_IGNORE, writeAtomic } from "../store/fsutil.js";
import { Git } from "../store/git.js";
import { FOLDERS, SETTINGS_FILE } from "../store/store.js";
import { stringifyRecord } from "../store/yaml.js";
import { installGitSupport } from "../services/git-support.js";
import { setUpForManyFiles } from "../services/many-files.js";

export interface InitOptions {
  dir?: string;
  /** only install the git hook and merge driver in an existing store */
  hooks?: boolean;
  /** make a bare repository there for the desks to sync with (the store's origin) */
  server?: string;
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
# calendar: source of the public holidays (cn: the State Council's, with make-up working days;
# a country code such as DE or US-CA; none), the working week (1 Monday … 7 Sunday), and days of
# the store's own, which win over the source ('aftercare holidays add' / 'holidays workday').
# rules: override the regulation's deadlines, e.g.
#   rules: { R-ESC-1DAY: { days: 1, workingDays: true }, R-FOLLOWUP-2: { from: 7, to: 14 } }
`;

/** aftercare init --hooks: the pre-commit hook and merge driver for a store that exists (a clone). */
export async function initHooks(
  root: string,
  deps: Deps,
): Promise<{ root: string; notes: Worded[]; committed: boolean }> {
  const notes: Worded[] = [];
  if (!(await exists(join(root, SETTINGS_FILE)))) {
    // a clone of a server whose HEAD names a branch it does not have checked out nothing: check out the store's
    const fixed = await checkOutEmptyClone(root, deps);
    if (!fixed) throw refusal("rf.noStoreToSetUp", { root, file: SETTINGS_FILE });
    notes.push(fixed);
  }
  const git = new Git(root, deps.env);
  if (!(await git.topLevel()))
    throw new UserError(
      `${root} is not in a git repository: there is nothing to hook into (run git init there first); nothing was written`,
    );
  const support = await installGitSupport(root, git);
  let committed = false;
  if (support.written.length) {
    const who = deps.env.AFTERCARE_USER ?? (await git.configValue("user.name")) ?? "aftercare";
    committed = (
      await git.commit(
        support.written,
        "git support: records merge field by field\n\nAftercare-Command: aftercare init --hooks",
        { name: who, email: (await git.configValue("user.email")) ?? "" },
      )
    ).committed;
  }
  // a clone has none of its repository's settings: set it up for many files like a new store
  await setUpForManyFiles(git);
  return { root, notes: [...notes, ...support.notes], committed };
}

/** The branches of a clone's remotes that hold a store, for a clone whose HEAD has no commit (nothing checked out). */
async function storeBranches(git: Git): Promise<string[] | undefined> {
  if ((await git.run(["rev-parse", "--verify", "--quiet", "HEAD"])).code === 0) return undefined;
  const refs = (await git.run(["for-each-ref", "--format=%(refname:short)", "refs/remotes/"])).stdout
    .split("\n")
    .filter((r) => r && !r.endsWith("/HEAD"));
  const prefix = await git.prefix();
  const out: string[] = [];
  for (const r of refs)
    if ((await git.run(["cat-file", "-e", `${r}:${prefix}${SETTINGS_FILE}`])).code === 0) out.push(r);
  return out;
}

/**
 * In a clone that checked out nothing because the server's HEAD names a branch it does not have
 * (a `git init --bare` server on master, the store pushed as main): check out the one branch that
 * holds the store, and say how to fix the server. Undefined when that is not the case.
 */
export async function checkOutEmptyClone(root: string, deps: Deps): Promise<Worded | undefined> {
  const git = new Git(root, deps.env);
  if (!(await git.topLevel())) return undefined;
  const found = await storeBranches(git);
  if (!found || found.length !== 1) return undefined;
  const remoteRef = found[0]!;
  const branch = remoteRef.slice(remoteRef.indexOf("/") + 1);
  const r = await git.run(["checkout", "--quiet", "-b", branch, "--track", remoteRef]);
  if (r.code !== 0) return undefined;
  return { key: "gs.checkedOut", params: { branch, remote: remoteRef } };
}

/** For 'no aftercare store here': a clone that checked out nothing, and what to do. Undefined otherwise. */
export async function emptyCloneHint(cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const git = new Git(cwd, env);
  if (!(await git.topLevel())) return undefined;
  const found = await storeBranches(git);
  if (!found?.length) return undefined;
  return `this git clone has checked out nothing: the server's HEAD names a branch it does not have, while ${found.join(", ")} holds the store; run 'aftercare init --hooks' here (it checks out ${found[0]!.slice(found[0]!.indexOf("/") + 1)} and installs the merge driver), and on the server: git symbolic-ref HEAD refs/heads/${found[0]!.slice(found[0]!.indexOf("/") + 1)}`;
}

/**
 * aftercare init --server PATH: a bare repository for the desks to meet at, whose HEAD is the
 * store's branch (so a clone checks the store out), made the store's origin, with the store sent.
 */
export async function initServer(root: string, path: string, deps: Deps): Promise<{ server: string; branch: string }> {
  const server = resolve(deps.cwd, path);
  const git = new Git(root, deps.env);
  const st = await git.state();
  if (!st.repo || !st.branch || !git.headCommit()) throw refusal("rf.serverNoCommit", { root });
  const remotes = (await git.run(["remote"])).stdout.split("\n").filter(Boolean);
  if (remotes.includes("origin"))
    throw refusal("rf.serverHasOrigin", { url: (await git.run(["remote", "get-url", "origin"])).stdout.trim() });
  if ((await exists(server)) && (await fs.readdir(server)).length) throw refusal("rf.serverNotEmpty", { server });
  const made = await git.run(["init", "--bare", "--quiet", `--initial-branch=${st.branch}`, server]);
  if (made.code !== 0)
    throw new UserError(
      `--server: git could not make a repository at ${server}: ${made.stderr.trim()}; nothing was written`,
    );
  await git.run(["remote", "add", "origin", server]);
  const push = await git.run(["push", "--quiet", "--set-upstream", "origin", `HEAD:refs/heads/${st.branch}`]);
  if (push.code !== 0)
    throw new UserError(
      `--server: made ${server} but could not send the store to it: ${push.stderr.trim()}; 'aftercare sync' tries again`,
    );
  return { server, branch: st.branch };
}

/** The store's .gitignore keeps out the derived cache and the temporary file of a write in progress. */
async function writeIgnore(root: string): Promise<void> {
  const ignore = join(root, ".gitignore");
  const ignoreText = (await exists(ignore)) ? await fs.readFile(ignore, "utf8") : "";
  let ignoreAdd = "";
  if (!/^\.aftercare\/?$/m.test(ignoreText))
    ignoreAdd += "# derived cache and locks, always safe to delete\n.aftercare/\n";
  if (!ignoreText.split(/\r?\n/).includes(TEMP_IGNORE))
    ignoreAdd += `# the temporary file of a write in progress (removed when it fails)\n${TEMP_IGNORE}\n`;
  if (ignoreAdd)
    await writeAtomic(ignore, ignoreText + (ignoreText && !ignoreText.endsWith("\n") ? "\n" : "") + ignoreAdd);
}

/** Outside China: whose public holidays the store follows, or that it follows none and how to choose. */
const holidayNote = (country: string | undefined, timezone: string): string =>
  country
    ? `note: public holidays of ${country} from date-holidays (calendar.source in aftercare.yaml; a state's or region's own with a code such as DE-BY or US-CA); see 'aftercare holidays'\n`
    : `note: no one country has the time zone ${timezone}, so no public holidays are set (calendar.source: none): set calendar.source in aftercare.yaml to the country (such as DE or US-CA), or add days with 'aftercare holidays add NAME --from DATE --to DATE'\n`;

export async function init(opts: InitOptions, deps: Deps): Promise<InitResult> {
  const root = resolve(deps.cwd, opts.dir ?? ".");
  const timezone = opts.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";
  if (!isValidTimeZone(timezone))
    throw new UsageError(
      `--timezone "${timezone}" is not an IANA time zone; use a name such as Asia/Shanghai, Europe/Berlin or UTC; nothing was written`,
    );
  const locale = opts.locale ?? (deps.env.LANG?.startsWith("zh") ? "zh-CN" : "en");
  if (!(LOCALES as readonly string[]).includes(locale))
    throw new UsageError(`--locale "${locale}" is not supported; use ${LOCALES.join(" or ")}; nothing was written`);
  const company = opts.company?.trim();
  if (!company) throw refusal("rf.companyRequired", {}, EXIT.usage);
  if (await exists(join(root, SETTINGS_FILE)))
    throw new UserError(t(locale, "init.exists", { file: join(root, SETTINGS_FILE), root }));

  // the public holidays: the State Council's (with 调休) in China, else the country of the zone
  // when only one country has it (date-holidays), else none: the note says how to choose
  const china = calendarSource({ timezone }).id === "cn";
  const country = china ? undefined : await countryOfZone(timezone);
  const calendar = { source: china ? "cn" : (country ?? "none"), workweek: DEFAULT_WORKWEEK };
  // the store's own ID, for the calendar's event UIDs (src/commands/calendar.ts)
  const storeId = Buffer.from((deps.random ?? randomBytes)(8)).toString("hex");
  const settings = parseInput(settingsSchema, { version: 1, company, timezone, locale, staff: [], calendar, storeId });
  await fs.mkdir(root, { recursive: true });
  const git = new Git(root, deps.env);
  let gitInit = false;
  if (!(await git.topLevel())) {
    const r = await git.init();
    if (r.code !== 0)
      deps.io.err(`${t(locale, "init.noGit", { why: r.missing ? t(locale, "init.gitMissing") : r.stderr.trim() })}\n`);
    else gitInit = true;
  }
  const written: string[] = [SETTINGS_FILE, ".gitignore"];
  await writeAtomic(join(root, SETTINGS_FILE), HEADER + stringifyRecord(settings));
  await writeIgnore(root);
  for (const folder of [...Object.values(FOLDERS), "reports", "templates"]) {
    await fs.mkdir(join(root, folder), { recursive: true });
    const keep = join(root, folder, ".gitkeep");
    if (!(await exists(keep))) await fs.writeFile(keep, "");
    written.push(`${folder}/.gitkeep`);
  }
  const support = await installGitSupport(root, git);
  written.push(...support.written);
  for (const n of support.notes) deps.io.err(`${t(locale, "note.prefix", { text: wordedText(locale, n) })}\n`);
  if (!china) deps.io.err(holidayNote(country, timezone));
  const who = opts.as ?? deps.env.AFTERCARE_USER ?? (await git.configValue("user.name")) ?? "aftercare";
  const email = (await git.configValue("user.email")) ?? "";
  const r = await git.commit(written, `store created for ${company}\n\nAftercare-Command: aftercare init`, {
    name: who,
    email,
  });
  if (!r.committed && (gitInit || (await git.topLevel())))
    deps.io.err(`note: store created but not committed (${r.reason})\n`);
  // ten years of records are some 200,000 files: git's index, status and history set up for that
  if (gitInit || (await git.topLevel())) await setUpForManyFiles(git);
  return { root, settings, committed: r.committed, gitInit };
}

/** What aftercare init takes: init's options from its flags; the locale and the actor are global flags. */
export interface InitCommandOptions {
  dir?: string;
  company?: string;
  timezone?: string;
  hooks?: boolean;
  server?: string;
}

/**
 * aftercare init: a new store (and with --server, the desks' server for it); with --hooks, the
 * checks and merge driver of a fresh clone; with --server alone in a store, that store's server.
 */
export async function initCommand(o: InitCommandOptions, c: Context): Promise<void> {
  const { deps, io } = c;
  if (o.hooks) {
    // a clone that checked out nothing has no store yet: init --hooks checks it out (initHooks)
    const h = await initHooks(o.dir ? resolve(deps.cwd, o.dir) : await c.storeRoot().catch(() => deps.cwd), deps);
    const say = translator(await c.locale().catch(() => c.globals.locale ?? "en"));
    for (const n of h.notes) io.err(`${say.t("note.prefix", { text: wordedText(say.locale, n) })}\n`);
    io.out(`${h.root}\n`);
    io.err(`${say.t("init.hooks")}\n`);
    return;
  }
  const existing = o.server && !o.company ? await c.storeRoot().catch(() => undefined) : undefined;
  const r = existing ? undefined : await init({ ...o, locale: c.globals.locale, as: c.globals.as }, deps);
  if (r && c.json) io.out(JSON.stringify({ root: r.root, ...r.settings }, null, 2) + "\n");
  else if (r) {
    io.out(`${r.root}\n`);
    const { company, timezone, locale } = r.settings;
    const say = translator(c.globals.locale || deps.env.AFTERCARE_LOCALE || locale);
    io.err(
      `${say.t(r.gitInit ? "init.createdGit" : "init.created", { company, timezone, locale })}\n${say.t("init.next")}\n`,
    );
  }
  if (o.server) {
    const s = await initServer(existing ?? r!.root, o.server, deps);
    if (existing) io.out(`${s.server}\n`);
    const say = translator(await c.locale().catch(() => c.globals.locale ?? "en"));
    io.err(`${say.t("init.server", { server: s.server, branch: s.branch })}\n`);
  }
}
