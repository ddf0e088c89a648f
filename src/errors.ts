// One error pipeline. Code raises errors as values (a class, or an entry of the catalogue below);
// cli.ts `main` is the one place that prints them and turns them into exit codes. Every message
// says what went wrong, why when it helps, what to do next, and whether anything was written.
//
// The catalogue's wording lives in one table (`en`), keyed by what happened, so a later
// translation adds a table of the same shape instead of touching the code that raises them.
import type { ZodError } from "zod";
import { wordedText, type MessageKey, type WordParam, type Worded } from "./i18n.js";
import { issueWords, valueAt } from "./i18n-schema.js";
import { describe, render, shown, thousands, type ErrorKey, type ErrorParams } from "./errors-catalogue.js";

export { describe, render, shown, type ErrorKey, type ErrorParams };

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

/** An error's message in `locale`: a catalogue refusal's words, a `fail` entry's, else its message as raised. */
export const messageIn = (e: UserError & { worded?: Worded; spoken?: (locale: string) => string }, locale: string) =>
  e.worded ? wordedText(locale, e.worded) : e.spoken ? e.spoken(locale) : e.message;

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
// The wording: one table, from the catalogue (errors-catalogue.ts).

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
  const e =
    code === EXIT.usage
      ? new UsageError(problem, key)
      : key in OS_KEYS_SET
        ? new SystemError(problem, key, cause)
        : new UserError(problem, code, key);
  // the same facts in the reader's language (messageIn)
  return Object.assign(e, { spoken: (locale: string) => render(describe(key, params, locale), locale) });
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

/** The rule an issue states, with the bound zod knows when the schema's words do not say it; in English and as words. */
function ruleOf(issue: Issue, value: unknown): { text: string; worded: Worded } {
  const why = issueWords(issue, value);
  const plain = { text: issue.message, worded: why };
  if (
    typeof value !== "string" ||
    (issue.code !== "too_small" && issue.code !== "too_big") ||
    issue.origin !== "string" ||
    /\d/.test(issue.message)
  )
    return plain;
  const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
  let worded: Worded;
  if (issue.code === "too_small" && Number(bound) <= 1) {
    if (!value || value.trim()) return plain;
    worded = { key: "in.onlySpaces", params: { rule: why } };
  } else
    worded = {
      key: issue.code === "too_small" ? "in.atLeast" : "in.atMost",
      params: { rule: why, n: thousands(Number(bound)) },
    };
  return { text: wordedText("en", worded), worded };
}

/**
 * The first problem of a schema failure on what the user typed, as a usage error naming the flag
 * (`flags` maps a field path such as "contacts.phones" to "--phone"; other fields become
 * --kebab-case of their name). Worded in the reader's language from the issue (i18n-schema.ts).
 */
export function inputError(error: ZodError, input: unknown, flags: Record<string, string> = {}): UsageError {
  const issue = error.issues[0]!;
  const path = issue.path;
  const value = valueAt(input, path);
  const flag = flagOf(path, flags);
  if (value === undefined) {
    const worded: Worded = { key: "in.missing", params: { flag, why: issueWords(issue, value) } };
    const e = new UsageError(
      { what: `${flag} is missing: it ${issue.message}`, written: { state: "nothing" } },
      "invalidFlag",
    );
    return Object.assign(e, { worded });
  }
  // invalidFlag is a usage error: fail makes a UsageError (the same shape as a UserError)
  const rule = ruleOf(issue, value);
  const e = fail("invalidFlag", { flag, value, rule: rule.text });
  return Object.assign(e, { worded: { key: "in.invalid", params: { flag, value: shown(value), rule: rule.worded } } });
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

/** The internal-error line: for real bugs only (the bug's own words as raised, around them the reader's language). */
export function internalError(e: unknown, locale = "en"): string {
  const message = isZodError(e) ? zodSummary(e) : e instanceof Error ? e.message : String(e);
  return render(describe("internal", { message: message.replace(/\s*\n\s*/g, " ") }, locale), locale);
}
