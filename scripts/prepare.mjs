#!/usr/bin/env node
// npm's prepare (run by `npm install` and `npm ci`): build dist/ with scripts/build.mjs. A production
// install (`npm ci --omit=dev`) has no esbuild, a development tool: there the dist/ that came with the
// copy is what bin/aftercare runs, and bin/aftercare says how to build it when it is missing.
import { createRequire } from "node:module";

try {
  createRequire(import.meta.url).resolve("esbuild");
} catch {
  process.stderr.write("aftercare: no esbuild (a production install): dist/ is used as it is\n");
  process.exit(0);
}
await import("./build.mjs");
