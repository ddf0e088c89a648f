#!/usr/bin/env node
// npm run build (and prepare, so `npm ci` runs it): bundle src/ into dist/ with esbuild, the one
// thing bin/aftercare runs. Type-checking is not done here: `npm test` runs `tsc --noEmit`.
//
// Layout (every file flat in dist/, so `new URL("./x.mjs", import.meta.url)` finds a sibling from
// any chunk, and src/paths.ts's "one level below the project" holds for all of them):
//   dist/aftercare.mjs      the entry: src/cli.ts (commander and the command definitions only)
//   dist/read-worker.mjs    src/store/read-worker.ts, when that file exists (a worker_threads entry)
//   dist/chunk-HASH.mjs     code reached through a dynamic import() (each command, the context,
//                           zod, yaml, liquidjs…), loaded only when a run reaches it
//   dist/*.mjs.map          source maps (node --enable-source-maps uses them)
// Packages that cannot be bundled stay imports of node_modules: the native addon better-sqlite3
// (loaded by the derived index). Everything else is in dist/ (exceljs, the largest, in chunks
// only export and import of .xlsx reach).
//
// Files are written atomically (a temporary name, then rename), chunks before the entries that
// import them, so a run starting while the build writes sees either the old bundle or the new one.
// Options: --metafile writes dist/meta.json (what each output holds; see esbuild's analyser).
import { build } from "esbuild";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist");

/** Packages left to node_modules at run time. */
const EXTERNAL = ["better-sqlite3"];

const entryPoints = [{ in: join(root, "src", "cli.ts"), out: "aftercare" }];
const worker = join(root, "src", "store", "read-worker.ts");
if (existsSync(worker)) entryPoints.push({ in: worker, out: "read-worker" });

const started = performance.now();
const result = await build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunk-[hash]",
  external: EXTERNAL,
  // CommonJS packages in an ESM bundle: their require() of Node's built-ins needs a real require
  banner: {
    js: 'import { createRequire as __aftercareCreateRequire } from "node:module"; const require = __aftercareCreateRequire(import.meta.url);',
  },
  // prefer a package's ES module build: smaller, and tree-shaken
  mainFields: ["module", "main"],
  // maps point at src/ and node_modules/ instead of holding them: dist/ stays small
  sourcemap: "linked",
  sourcesContent: false,
  // not minified: start-up measured the same either way (V8 parses lazily), and a --debug stack
  // trace stays readable
  legalComments: "none",
  metafile: true,
  write: false,
  logLevel: "warning",
});

// write: chunks first, then the entries that import them, each through a temporary name
mkdirSync(outdir, { recursive: true });
const entries = new Set(entryPoints.map((e) => `${e.out}.mjs`));
const order = (p) => (entries.has(p.replace(/\.map$/, "").slice(outdir.length + 1)) ? 1 : 0);
const files = [...result.outputFiles].sort((a, b) => order(a.path) - order(b.path));
const written = new Set();
for (const f of files) {
  const tmp = `${f.path}.${process.pid}.tmp`;
  mkdirSync(dirname(f.path), { recursive: true });
  writeFileSync(tmp, f.contents);
  renameSync(tmp, f.path);
  written.add(relative(outdir, f.path));
}
if (process.argv.includes("--metafile")) {
  writeFileSync(join(outdir, "meta.json"), JSON.stringify(result.metafile));
  written.add("meta.json");
}

// remove what an earlier build left: old chunks, and the per-file output of the former tsc build
for (const name of readdirSync(outdir)) {
  if (written.has(name)) continue;
  const p = join(outdir, name);
  if (name.endsWith(".tmp") && Date.now() - statSync(p).mtimeMs < 60_000) continue; // another build writing now
  rmSync(p, { recursive: true, force: true });
}

const size = Object.entries(result.metafile.outputs)
  .filter(([p]) => p.endsWith(".mjs"))
  .reduce((n, [, o]) => n + o.bytes, 0);
const chunks = Object.keys(result.metafile.outputs).filter((p) => /chunk-.*\.mjs$/.test(p)).length;
console.error(
  `built dist/${[...entries].join(", dist/")} and ${chunks} chunks (${(size / 1024).toFixed(0)} KiB) in ${Math.round(performance.now() - started)} ms`,
);
