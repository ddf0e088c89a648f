// Reports are templates rendered over one view model (docs/templates.md). LiquidJS runs them
// sandboxed: no JavaScript, includes only from the template folders, time and memory capped.
// LiquidJS itself loads when a report is rendered, not with this module (the escaping helpers
// below are used without it).
import { existsSync, promises as fs } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Liquid } from "liquidjs";
import { refusal, UserError } from "../errors.js";
import { PROJECT } from "../paths.js";
import { formatMoney } from "../domain/shop.js";
import { dayOf, formatShort } from "../domain/time.js";
import { safe, textOf } from "../format/text.js";
import type { Locale } from "../i18n.js";
import { label } from "./labels.js";

/** The built-in templates shipped with aftercare (the project's templates/ folder; from src/ or the bundle in dist/ alike). */
export const BUILTIN = join(PROJECT, "templates");

/**
 * Record text in a report: the terminal's unsafe characters (controls, bidi, zero-width,
 * separators) shown as \uXXXX like on the terminal, never raw, and no HTML of its own: a Markdown
 * viewer renders HTML in tables and text, so `<script>` becomes `&lt;script&gt;`.
 */
function plain(v: unknown): string {
  return safe(String(v).replace(/\r\n?/g, "\n"));
}

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const html = (s: string) => s.replace(/[&<>]/g, (c) => HTML[c]!);

/** Text safe inside a GFM table cell: HTML escaped, pipes escaped, line breaks as <br>. */
export function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  return html(plain(v).replace(/\\/g, "\\\\").replace(/\|/g, "\\|")).replace(/\n/g, "<br>").trim();
}

/** Text safe in running Markdown: HTML escaped, the characters that would start formatting escaped. */
export function md(v: unknown): string {
  if (v === null || v === undefined) return "";
  return html(plain(v).replace(/([\\`*_[\]#|~])/g, "\\$1")).replace(/\n/g, "<br>");
}

/** Text safe inside a quoted Mermaid label: nothing that ends the label, starts HTML or an entity. */
export function mermaidText(v: unknown): string {
  return plain(v ?? "")
    .replace(/\\u[0-9a-f]{4}/g, " ")
    .replace(/["\n\t#;<>&`]/g, " ")
    .trim();
}

export interface RenderOptions {
  locale: Locale;
  timezone: string;
  /** ISO 4217 code for the money filter */
  currency?: string;
  /** the store's own templates folder, which overrides built-in templates of the same name */
  storeTemplates?: string;
}

export async function engine(opts: RenderOptions): Promise<Liquid> {
  const { Liquid } = await import("liquidjs");
  const roots = [opts.storeTemplates, BUILTIN].filter((d): d is string => Boolean(d && existsSync(d)));
  const liquid = new Liquid({
    root: roots,
    partials: roots,
    extname: ".liquid",
    strictFilters: true,
    ownPropertyOnly: true,
    relativeReference: false,
    greedy: false,
    parseLimit: 1_000_000,
    renderLimit: 10_000,
    memoryLimit: 64_000_000,
    // every output, filtered or not (a store's own template may print {{ company }} bare): no
    // control, bidi or zero-width character reaches the report raw
    outputEscape: (v: unknown) => (typeof v === "string" ? safe(v) : (v as string)),
  });
  // one formatter per number of digits: a review formats thousands of numbers, and making an
  // Intl.NumberFormat costs far more than using one
  const formats = new Map<number, Intl.NumberFormat>();
  const nf = (digits: number) => {
    let f = formats.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(opts.locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
      formats.set(digits, f);
    }
    return f;
  };
  const zh = opts.locale === "zh-CN";
  liquid.registerFilter("label", (v: unknown) => label(v, opts.locale));
  liquid.registerFilter("num", (v: unknown, digits = 0) =>
    v === null || v === undefined || v === "" ? "—" : nf(Number(digits)).format(Number(v)),
  );
  liquid.registerFilter("pct", (v: unknown) =>
    v === null || v === undefined ? "—" : `${nf(0).format(Math.round(Number(v) * 100))}%`,
  );
  liquid.registerFilter("pct_value", (v: unknown) =>
    v === null || v === undefined ? 0 : Math.round(Number(v) * 1000) / 10,
  );
  liquid.registerFilter("hours", (v: unknown) => {
    if (v === null || v === undefined) return "—";
    const h = Number(v);
    if (h >= 48) return zh ? `${nf(1).format(h / 24)} 天` : `${nf(1).format(h / 24)} d`;
    return zh ? `${nf(1).format(h)} 小时` : `${nf(1).format(h)} h`;
  });
  liquid.registerFilter("when", (v: unknown) => {
    const s = textOf(v);
    return s.length === 10 || !s ? s : formatShort(new Date(s), opts.timezone);
  });
  liquid.registerFilter("day", (v: unknown) => {
    const s = textOf(v);
    return s.length <= 10 ? s : dayOf(new Date(s), opts.timezone);
  });
  liquid.registerFilter("money", (v: unknown) =>
    v === null || v === undefined || v === "" ? "—" : formatMoney(Number(v), opts.currency ?? "CNY", opts.locale),
  );
  liquid.registerFilter("cell", cell);
  liquid.registerFilter("md", md);
  liquid.registerFilter("mermaid", mermaidText);
  return liquid;
}

/** Where a template error happened, as path:line:col (relative to the working folder). */
function describe(e: unknown, cwd: string): string {
  const err = e as {
    message?: string;
    token?: { file?: string; getPosition?: () => [number, number] };
    originalError?: Error;
  };
  const msg = (err.originalError?.message ?? err.message ?? String(e)).split(/, file:|\n/)[0]!;
  const file = err.token?.file;
  const [line, col] = err.token?.getPosition?.() ?? [1, 1];
  return `${file ? relative(cwd, file) || file : "template"}:${line}:${col}: ${msg}`;
}

/**
 * Render a report: `name` is looked up in the store's templates, then the built-in ones
 * ("monthly.zh-CN.md"), unless `file` names a template of the user's own.
 */
export async function render(
  name: string,
  view: object,
  opts: RenderOptions & { file?: string; cwd: string },
): Promise<string> {
  const liquid = await engine(opts);
  try {
    if (opts.file) {
      const path = resolve(opts.cwd, opts.file);
      const text = await fs.readFile(path, "utf8").catch(() => {
        throw refusal("rf.noTemplate", { file: opts.file! });
      });
      // LiquidJS types what it renders as any: it is the template's text (no keepOutputType here)
      return tidy(liquid.renderSync(liquid.parse(text, path), view) as string);
    }
    // rendered synchronously: LiquidJS's asynchronous rendering awaits every tag and output, which
    // took 0.8 s for the year-end review at 205k records (549 complaints) against 20–70 ms
    return tidy(liquid.renderFileSync(name, view) as string);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw refusal("rf.templateFailed", { what: describe(e, opts.cwd) });
  }
}

/** Templates leave blank lines where their tags stood: at most one blank line, one final newline. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "")
    .replace(/\n*$/, "\n");
}
