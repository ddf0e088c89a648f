// The scalars of the fast YAML parser (fast-yaml.ts): plain ones as the YAML 1.2 core schema
// resolves them, and one-line double- and single-quoted ones; anything unusual bails.
/** Keys the core schema reads as something other than text (unless quoted). */
export const NOT_TEXT_KEYS = new Set(["true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"]);

// The YAML 1.2 core schema, as the yaml library resolves a plain scalar (yaml/dist/schema/core).
const NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const INT_HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const HEX_RE = /^[0-9a-fA-F]+$/;

/** The value of a plain scalar, as the core schema resolves it. */
export function plainValue(v: string): unknown {
  const c = v.charCodeAt(0);
  // only these first characters can start anything but text: 0-9 + - . ~ n N t T f F
  if (!(
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x7e ||
    c === 0x6e ||
    c === 0x4e ||
    c === 0x74 ||
    c === 0x54 ||
    c === 0x66 ||
    c === 0x46
  ))
    return v;
  if (NULL_RE.test(v)) return null;
  if (BOOL_RE.test(v)) return v[0] === "t" || v[0] === "T";
  if (INT_OCT_RE.test(v)) return parseInt(v.substring(2), 8);
  if (INT_RE.test(v)) return parseInt(v, 10);
  if (INT_HEX_RE.test(v)) return parseInt(v.substring(2), 16);
  if (FLOAT_NAN_RE.test(v))
    return v.slice(-3).toLowerCase() === "nan"
      ? NaN
      : v[0] === "-"
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP_RE.test(v) || FLOAT_RE.test(v)) return parseFloat(v);
  return v;
}

/** The one-character escapes of a double-quoted scalar (yaml's resolve-flow-scalar escapeCodes, but an escaped tab). */
const ESCAPES = new Map<string, string>(
  Object.entries({
    "0": "\0",
    a: "\x07",
    b: "\b",
    e: "\x1b",
    f: "\f",
    n: "\n",
    r: "\r",
    t: "\t",
    v: "\v",
    N: "\u0085",
    _: "\u00a0",
    L: "\u2028",
    P: "\u2029",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
  }),
);

/** Thrown inside the parser when the text is outside the subset; caught in parseFast. Made once: a throw takes no stack. */
export const BAIL = new Error("the text is outside the subset the fast parser reads");

export function bail(): never {
  throw BAIL;
}

/** Characters a plain scalar may not start with (unless `-`, `?` or `:` is followed by a non-space). */
const INDICATOR = new Set([..."-?:,[]{}#&*!|>'\"%@`"]);

/** A one-line plain scalar the block context reads as written: no indicator or white space first, no `: ` or ` #` (or with a tab), no trailing white space or colon. */
export function plainOk(v: string): boolean {
  const n = v.length;
  if (n === 0) return false;
  const c = v[0]!;
  if (c === " " || c === "\t") return false;
  if (INDICATOR.has(c)) {
    if (!(c === "-" || c === "?" || c === ":")) return false;
    if (n < 2 || v[1] === " " || v[1] === "\t") return false;
  }
  const last = v.charCodeAt(n - 1);
  if (last === 0x20 || last === 0x09 || last === 0x3a) return false;
  // no ": " or " #" (or with a tab) inside
  for (let i = 1; i < n; i++) {
    const x = v.charCodeAt(i);
    if (x === 0x3a) {
      const y = v.charCodeAt(i + 1);
      if (y === 0x20 || y === 0x09) return false;
    } else if (x === 0x23) {
      const y = v.charCodeAt(i - 1);
      if (y === 0x20 || y === 0x09) return false;
    }
  }
  return true;
}

/** A "double-quoted" scalar that closes on its line with nothing after it. */
export function doubleQuoted(l: string, at: number): string {
  let out = "";
  let from = at + 1;
  for (;;) {
    let k = from;
    while (k < l.length && l[k] !== '"' && l[k] !== "\\") k++;
    if (k >= l.length) bail();
    out += l.slice(from, k);
    if (l[k] === '"') {
      if (k + 1 !== l.length) bail();
      return out;
    }
    const e = l[k + 1];
    if (e === undefined) bail();
    const simple = ESCAPES.get(e);
    if (simple !== undefined) {
      out += simple;
      from = k + 2;
      continue;
    }
    const len = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
    if (!len) bail();
    const hex = l.substr(k + 2, len);
    if (hex.length !== len || !HEX_RE.test(hex)) bail();
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) bail();
    out += String.fromCodePoint(code);
    from = k + 2 + len;
  }
}

/** A 'single-quoted' scalar that closes on its line with nothing after it. */
export function singleQuoted(l: string, at: number): string {
  let out = "";
  let from = at + 1;
  for (;;) {
    const k = l.indexOf("'", from);
    if (k < 0) bail();
    out += l.slice(from, k);
    if (l[k + 1] === "'") {
      out += "'";
      from = k + 2;
      continue;
    }
    if (k + 1 !== l.length) bail();
    return out;
  }
}
