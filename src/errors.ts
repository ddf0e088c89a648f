// One error pipeline. Code raises errors as values (a class, or an entry of the catalogue below);
// cli.ts `main` is the one place that prints them and turns them into exit codes. Every message
// says what went wrong, why when it helps, what to do next, and whether anything was written.
//
// The catalogue's wording lives in one table (`en`), keyed by what happened, so a later
// translation adds a table of the same shape instead of touching the code that raises them.
import type { ZodError } from "zod";
import { wordedText, type MessageKey, type WordParam, type Worded } from "./i18n.js";

/** The exit codes, one table (docs/reliability.md, README "Exit codes"). */
export const EXIT = {
  /** done */
  ok: 0,
  /** refused or failed: bad data, a missing record, a step that does not fit, the disk, `check` found problems */
  refused: 1,
  /** wrong usage: a missing or malformed flag; nothing was written */
  usage: 2,
  /** the record was saved, but git did not commit it: it is in the files, not yet in the history */
  notCommitted: 3,
  /** cancelled at a prompt (Ctrl+C, Ctrl+D); nothing was written */
  cancelled: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The longest value a flag takes (the schemas cap what is stored; this refuses before writing). */
export const LIMITS = {
  /** a one-line field: a name, phone, subject, tag, address… */
  line: 500,
  /** free text: a problem, a summary, a note, a reason… */
  text: 10_000,
  /** a file or folder name */
  path: 4096,
} as const;

/** What a failed command left in the store. */
export type Written =
  /** nothing: the store is as it was */
  | { state: "nothing" }
  /** the run failed before it began to write to the store (a file it was writing elsewhere, such as --output, may be incomplete) */
  | { state: "storeUntouched" }
  /** these files (relative to the store) were changed and are not committed */
  | { state: "left"; files: string[] }
  /** cannot tell (the store is not in git, or git could not be asked) */
  | { state: "unknown" };

/** An error as facts, before it is worded into one line. */
export interface Problem {
  /** what went wrong */
  what: string;
  /** why, when the what does not say it */
  why?: string;
  /** what to do next */
  next?: string;
  /** whether anything was written */
  written?: Written;
}

/** Something the user can fix: bad data, a missing record, a refused transition. Exit 1. */
export class UserError extends Error {
  readonly exitCode: number;
  /** the catalogue entry it came from ("user" for a sentence written at the call site) */
  readonly key: string;
  readonly problem?: Problem;
  constructor(message: string | Problem, exitCode: number = EXIT.refused, key = "user") {
    super(typeof message === "string" ? message : render(message));
    this.exitCode = exitCode;
    this.key = key;
    if (typeof message !== "string") this.problem = message;
    this.name = "UserError";
  }
}

/** A UserError (exit 1, or `exitCode`) from a catalogue entry, for code that does not know the locale (the store, the domain). */
export function refusal(
  key: MessageKey,
  params: Record<string, WordParam> = {},
  exitCode: number = EXIT.refused,
): UserError {
  const worded: Worded = { key, params };
  const text = wordedText("en", worded);
  return Object.assign(exitCode === EXIT.usage ? new UsageError(text) : new UserError(text, exitCode), { worded });
}

/** An error's message in `locale`: a catalogue refusal's words, else its message as raised. */
export const messageIn = (e: UserError & { worded?: Worded }, locale: string): string =>
  e.worded ? wordedText(locale, e.worded) : e.message;

/** The command line itself is wrong: a missing or malformed flag. Exit 2. */
export class UsageError extends UserError {
  constructor(message: string | Problem, key = "usage") {
    super(message, EXIT.usage, key);
    this.name = "UsageError";
  }
}

/** The machine refused: a full disk, a read-only store, too many open files. Exit 1. */
export class SystemError extends UserError {
  constructor(
    problem: Problem,
    key: string,
    override readonly cause?: unknown,
  ) {
    super(problem, EXIT.refused, key);
    this.name = "SystemError";
  }
}

// ---------------------------------------------------------------------------------------------
// The wording: one table. Each entry turns an error's parameters into its facts.

/** A value as typed, quoted and cut short, with control and invisible characters escaped. */
export function shown(value: unknown, max = 60): string {
  const s = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const cut = [...s].length > max ? [...s].slice(0, max).join("") + "…" : s;
  return JSON.stringify(cut).replace(
    /[\p{Cf}\u2028\u2029\u0085]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const thousands = (n: number) => n.toLocaleString("en-US");

export interface ErrorParams {
  invalidFlag: { flag: string; value: unknown; rule: string };
  tooLong: { flag: string; length: number; max: number; kind: "line" | "text" | "path" };
  diskFull: { path?: string; written: Written };
  readOnly: { path?: string; written: Written };
  permission: { path?: string; written: Written };
  tooManyFiles: { written: Written };
  argTooLong: { written: Written };
  ioError: { path?: string; written: Written };
  notCommitted: { reason: string; how?: string };
  cancelled: Record<string, never>;
  internal: { message: string };
}
export type ErrorKey = keyof ErrorParams;

type Catalogue = { [K in ErrorKey]: (p: ErrorParams[K]) => Problem };

const where = (path?: string) => (path ? ` (${path})` : "");

const en: Catalogue = {
  invalidFlag: (p) => ({ what: `${p.flag} ${shown(p.value)} ${p.rule}`, written: { state: "nothing" } }),
  tooLong: (p) => ({
    what: `${p.flag} is too long: ${thousands(p.length)} characters`,
    why: `at most ${thousands(p.max)} for ${p.kind === "text" ? "a text" : p.kind === "path" ? "a file name" : "a one-line field"}`,
    next: p.kind === "text" ? "shorten it, or keep the long text in a file and refer to it" : "shorten it",
    written: { state: "nothing" },
  }),
  diskFull: (p) => ({
    what: `the disk is full${where(p.path)}`,
    why: "no space left on the device that holds the store",
    next: "free some space, then run the command again",
    written: p.written,
  }),
  readOnly: (p) => ({
    what: `the store is read-only${where(p.path)}`,
    why: "its file system is mounted read-only",
    next: "remount it read-write, or work in a writable clone of the store",
    written: p.written,
  }),
  permission: (p) => ({
    what: `no permission to write${p.path ? ` ${p.path}` : " in the store"}`,
    next: "check who owns the store's folders (ls -ld), and run aftercare as that user or give your user write access",
    written: p.written,
  }),
  tooManyFiles: (p) => ({
    what: "too many open files",
    why: "the system's limit on open files was reached",
    next: "close other programs, or raise the limit (ulimit -n 4096), then run the command again",
    written: p.written,
  }),
  argTooLong: (p) => ({
    what: "a value is too long to hand to git",
    why: "the system refused an argument that long (E2BIG)",
    next: "shorten the longest flag value and run the command again",
    written: p.written,
  }),
  ioError: (p) => ({
    what: `the disk reported an input/output error${where(p.path)}`,
    why: "the device may be failing or disconnected",
    next: "check the disk (dmesg), then run 'aftercare check' in the store",
    written: p.written,
  }),
  notCommitted: (p) => ({
    what: `saved but not committed (${p.reason})`,
    why: "the change is in the files, not in git history",
    next: p.how,
  }),
  cancelled: () => ({ what: "cancelled", written: { state: "nothing" } }),
  internal: (p) => ({ what: `internal error: ${p.message} (a bug in aftercare; run again with --debug for details)` }),
};

const catalogues: Record<string, Catalogue> = { en };

/** The facts of a catalogue entry, in a language (English until a translation is added). */
export function describe<K extends ErrorKey>(key: K, params: ErrorParams[K], locale = "en"): Problem {
  return (catalogues[locale] ?? en)[key](params);
}

function writtenClause(w: Written | undefined): string | undefined {
  if (!w) return undefined;
  if (w.state === "nothing") return "nothing was written";
  if (w.state === "storeUntouched") return "the store was not changed";
  if (w.state === "unknown")
    return "some files may have been changed: see 'git status' and run 'aftercare check' in the store";
  const temp = w.files.filter((f) => /\.tmp$/.test(f));
  const records = w.files.filter((f) => !/\.tmp$/.test(f));
  return [
    records.length
      ? `changed and not committed: ${records.join(", ")} (commit them, or undo with 'git checkout -- FILE')`
      : undefined,
    temp.length
      ? `left ${temp.length === 1 ? "a temporary file" : "temporary files"}: ${temp.join(", ")} (safe to delete)`
      : undefined,
  ]
    .filter(Boolean)
    .join("; ");
}

/** One line: what[: why][; next][; written]. */
export function render(p: Problem): string {
  const head = p.why ? (p.what.endsWith(")") ? `${p.what}; ${p.why}` : `${p.what} (${p.why})`) : p.what;
  return [head, p.next, writtenClause(p.written)].filter(Boolean).join("; ");
}

const EXIT_OF: { [K in ErrorKey]: number } = {
  invalidFlag: EXIT.usage,
  tooLong: EXIT.usage,
  diskFull: EXIT.refused,
  readOnly: EXIT.refused,
  permission: EXIT.refused,
  tooManyFiles: EXIT.refused,
  argTooLong: EXIT.refused,
  ioError: EXIT.refused,
  notCommitted: EXIT.notCommitted,
  cancelled: EXIT.cancelled,
  internal: EXIT.refused,
};

/** Raise a catalogue entry: `throw fail("tooLong", {…})`. */
export function fail<K extends ErrorKey>(key: K, params: ErrorParams[K], cause?: unknown): UserError {
  const problem = describe(key, params);
  const code = EXIT_OF[key];
  if (code === EXIT.usage) return new UsageError(problem, key);
  if (key in OS_KEYS_SET) return new SystemError(problem, key, cause);
  return new UserError(problem, code, key);
}

// ---------------------------------------------------------------------------------------------
// Operating-system errors: plain words instead of "internal error: ENOSPC".

const OS_KEYS = {
  ENOSPC: "diskFull",
  EDQUOT: "diskFull",
  EROFS: "readOnly",
  EACCES: "permission",
  EPERM: "permission",
  EMFILE: "tooManyFiles",
  ENFILE: "tooManyFiles",
  E2BIG: "argTooLong",
  EIO: "ioError",
} as const satisfies Record<string, ErrorKey>;
const OS_KEYS_SET: Record<string, true> = Object.fromEntries(Object.values(OS_KEYS).map((k) => [k, true]));

/** The errno code of an OS error (node's `err.code`), if it is one the catalogue words. */
export function osErrorCode(e: unknown): keyof typeof OS_KEYS | undefined {
  const code = e && typeof e === "object" && "code" in e ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" && code in OS_KEYS ? (code as keyof typeof OS_KEYS) : undefined;
}

/**
 * An OS error as the user's error, or undefined when `e` is not one. `written` says what the
 * failed command left (cli.ts asks git); `relative` shortens a path for the message.
 */
export function fromOsError(
  e: unknown,
  written: Written,
  relative: (p: string) => string = (p) => p,
): UserError | undefined {
  const code = osErrorCode(e);
  if (!code) return undefined;
  const raw = (e as { path?: unknown }).path;
  // a temporary file is aftercare's own detail: name the folder it was to be written in
  const file = typeof raw === "string" ? raw.replace(/\/\.[^/]+\.tmp$/, "") : undefined;
  const path = file && !/^spawn /.test(file) ? relative(file) : undefined;
  const key = OS_KEYS[code];
  const params = key === "tooManyFiles" || key === "argTooLong" ? { written } : { path, written };
  return fail(key, params as ErrorParams[typeof key], e);
}

// ---------------------------------------------------------------------------------------------
// Schema failures of user input: usage errors naming the flag and the rule.

type Issue = ZodError["issues"][number];

/** camelCase or a plural field name → the flag a person types. */
function flagOf(path: PropertyKey[], flags: Record<string, string>): string {
  const names = path.filter((p): p is string => typeof p === "string");
  for (let n = names.length; n > 0; n--) {
    const f = flags[names.slice(0, n).join(".")];
    if (f) return f;
  }
  const last = names[names.length - 1] ?? "value";
  return `--${last.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let v = value;
  for (const p of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** The rule an issue states, with the bound zod knows when the schema's words do not say it. */
function ruleOf(issue: Issue, value: unknown): string {
  let rule = issue.message;
  if (
    typeof value === "string" &&
    (issue.code === "too_small" || issue.code === "too_big") &&
    issue.origin === "string" &&
    !/\d/.test(rule)
  ) {
    const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
    if (issue.code === "too_small" && Number(bound) <= 1)
      rule = value && !value.trim() ? `${rule} (it is only spaces)` : rule;
    else rule += ` (at ${issue.code === "too_small" ? "least" : "most"} ${thousands(Number(bound))} characters)`;
  }
  return rule;
}

/**
 * The first problem of a schema failure on what the user typed, as a usage error naming the flag
 * (`flags` maps a field path such as "contacts.phones" to "--phone"; other fields become
 * --kebab-case of their name).
 */
export function inputError(error: ZodError, input: unknown, flags: Record<string, string> = {}): UsageError {
  const issue = error.issues[0]!;
  const path = issue.path;
  const value = valueAt(input, path);
  if (value === undefined)
    return new UsageError(
      { what: `${flagOf(path, flags)} is missing: it ${issue.message}`, written: { state: "nothing" } },
      "invalidFlag",
    );
  // invalidFlag is a usage error: fail makes a UsageError (the same shape as a UserError)
  return fail("invalidFlag", { flag: flagOf(path, flags), value, rule: ruleOf(issue, value) });
}

/** Parse what the user typed with a record's schema; a failure is a usage error naming the flag. */
export function parseInput<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  input: unknown,
  flags: Record<string, string> = {},
): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw inputError(r.error, input, flags);
}

/**
 * Check an edit made with flags: a field the flags changed that breaks the schema is a usage error
 * naming the flag. Returns `after` unchanged; a problem in a field the flags did not touch (a hand
 * edit) is left to the store, which refuses the write and names the field.
 */
export function checkEdit<T>(
  schema: { safeParse(v: unknown): { success: boolean; error?: ZodError } },
  before: T,
  after: T,
  flags: Record<string, string> = {},
): T {
  const r = schema.safeParse(after);
  if (r.success || !r.error) return after;
  for (const issue of r.error.issues) {
    const path = issue.path;
    if (JSON.stringify(valueAt(before, path)) !== JSON.stringify(valueAt(after, path)))
      throw inputError({ ...r.error, issues: [issue] }, after, flags);
  }
  return after;
}

/** A ZodError that escaped the command boundary (a bug), as one line instead of a JSON dump. */
export function isZodError(e: unknown): e is ZodError {
  return (
    e instanceof Error &&
    (e.name === "ZodError" || e.name === "$ZodError") &&
    Array.isArray((e as { issues?: unknown }).issues)
  );
}

export function zodSummary(e: ZodError): string {
  const i = e.issues[0]!;
  const field = i.path.map(String).join(".");
  return `a value failed validation: ${field ? `${field} ` : ""}${i.message}${e.issues.length > 1 ? ` (and ${e.issues.length - 1} more)` : ""}`;
}

/** The internal-error line: for real bugs only. */
export function internalError(e: unknown): string {
  const message = isZodError(e) ? zodSummary(e) : e instanceof Error ? e.message : String(e);
  return render(describe("internal", { message: message.replace(/\s*\n\s*/g, " ") }));
}
