// The error pipeline's catalogue (src/errors.ts `fail`): each entry turns an error's parameters into
// its facts — what went wrong, why, what to do next, what was written — worded from the one message
// catalogue (src/i18n-errors.ts) in the reader's language (issue 13, item 1); one line by `render`.
import { t, type MessageKey } from "./i18n.js";
import type { Problem, Written } from "./errors.js";

export const thousands = (n: number) => n.toLocaleString("en-US");

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

type Say = (key: MessageKey, params?: Record<string, string | number>) => string;
type Catalogue = { [K in ErrorKey]: (p: ErrorParams[K], say: Say) => Problem };

const where = (say: Say, path?: string) => (path ? say("err.where", { path }) : "");

/** A value as typed, quoted and cut short, with control and invisible characters escaped. */
export function shown(value: unknown, max = 60): string {
  const s = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const cut = [...s].length > max ? [...s].slice(0, max).join("") + "…" : s;
  return JSON.stringify(cut).replace(
    /[\p{Cf}\u2028\u2029\u0085]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The machine refusing: what, why and next from the catalogue's `err.KEY.*` entries. */
const machine =
  (key: "diskFull" | "readOnly" | "tooManyFiles" | "argTooLong" | "ioError") =>
  (p: { path?: string; written: Written }, say: Say): Problem => ({
    what: say(`err.${key}.what`, { where: where(say, p.path) }),
    why: say(`err.${key}.why`),
    next: say(`err.${key}.next`),
    written: p.written,
  });

const TABLE: Catalogue = {
  invalidFlag: (p, say) => ({
    what: say("err.invalidFlag", { flag: p.flag, value: shown(p.value), rule: p.rule }),
    written: { state: "nothing" },
  }),
  tooLong: (p, say) => ({
    what: say("err.tooLong.what", { flag: p.flag, length: thousands(p.length) }),
    why: say("err.tooLong.why", { max: thousands(p.max), what: say(`err.tooLong.${p.kind}`) }),
    next: say(p.kind === "text" ? "err.tooLong.nextText" : "err.tooLong.next"),
    written: { state: "nothing" },
  }),
  diskFull: machine("diskFull"),
  readOnly: machine("readOnly"),
  permission: (p, say) => ({
    what: p.path ? say("err.permission.path", { path: p.path }) : say("err.permission.store"),
    next: say("err.permission.next"),
    written: p.written,
  }),
  tooManyFiles: machine("tooManyFiles"),
  argTooLong: machine("argTooLong"),
  ioError: machine("ioError"),
  notCommitted: (p, say) => ({
    what: say("err.notCommitted.what", { reason: p.reason }),
    why: say("err.notCommitted.why"),
    next: p.how,
  }),
  cancelled: (_, say) => ({ what: say("err.cancelled"), written: { state: "nothing" } }),
  internal: (p, say) => ({ what: say("err.internal", { message: p.message }) }),
};

/** The facts of a catalogue entry, in a language. */
export function describe<K extends ErrorKey>(key: K, params: ErrorParams[K], locale = "en"): Problem {
  return TABLE[key](params, (k, v) => t(locale, k, v));
}

function writtenClause(w: Written | undefined, say: Say): string | undefined {
  if (!w) return undefined;
  if (w.state === "nothing") return say("err.w.nothing");
  if (w.state === "storeUntouched") return say("err.w.untouched");
  if (w.state === "unknown") return say("err.w.unknown");
  const temp = w.files.filter((f) => /\.tmp$/.test(f));
  const records = w.files.filter((f) => !/\.tmp$/.test(f));
  return [
    records.length ? say("err.w.left", { files: records.join(", ") }) : undefined,
    temp.length ? say("err.w.temp", { files: temp.join(", "), n: temp.length }) : undefined,
  ]
    .filter(Boolean)
    .join(say("err.sep"));
}

/** One line: what[: why][; next][; written], in `locale`. */
export function render(p: Problem, locale = "en"): string {
  const say: Say = (k, v) => t(locale, k, v);
  const closed = p.what.endsWith(")") || p.what.endsWith("）");
  const head = p.why ? say(closed ? "err.whyAfter" : "err.whyParen", { what: p.what, why: p.why }) : p.what;
  return [head, p.next, writtenClause(p.written, say)].filter(Boolean).join(say("err.sep"));
}
