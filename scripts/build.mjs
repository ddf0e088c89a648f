#!/usr/bin/env node
// npm run build (and prepare, so `npm ci` runs it): bundle src/ into dist/ with esbuild, the one
// thing bin/aftercare runs. Type-checking is not done here: `npm test` runs `tsc --noEmit`.
//
// Layout (every file flat in dist/, so `new URL("./x.mjs", import.meta.url)` finds a sibling from
// any chunk, and src/paths.ts's "one level below the project" holds for all of them):
//   dist/aftercare.mjs      the entry: src/cli.ts (commander and the command definitions only)
//   dist/read-worker.mjs    src/store/read-worker.ts, when that file exists (a worker_threads entry)
//   dist/watcher.mjs        src/store/watch/watcher.ts: a store's watcher, a process of its own
//                           started detached by a read (docs/performance.md "Freshness")
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
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist");

/** Packages left to node_modules at run time. */
const EXTERNAL = ["better-sqlite3"];

const entryPoints = [{ in: join(root, "src", "cli.ts"), out: "aftercare" }];
const worker = join(root, "src", "store", "read-worker.ts");
if (existsSync(worker)) entryPoints.push({ in: worker, out: "read-worker" });
const watcher = join(root, "src", "store", "watch", "watcher.ts");
if (existsSync(watcher)) entryPoints.push({ in: watcher, out: "watcher" });

/**
 * The build's name (src/store/watch/where.ts BUILD): a hash of the sources and the package's
 * version, so that a watcher left running by another build is told to stop, and one of the same
 * sources is kept across builds.
 */
function buildName() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) hash.update(`${relative(root, p)}\0`).update(readFileSync(p));
    }
  };
  walk(join(root, "src"));
  hash.update(readFileSync(join(root, "package.json")));
  return hash.digest("hex").slice(0, 16);
}

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
  define: { __AFTERCARE_BUILD__: JSON.stringify(buildName()) },
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
