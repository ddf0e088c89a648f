// A worker_threads entry for readMany (fastread.ts): reads the record files it is sent and posts
// back each one's value or problems, with its stamp. Built as dist/read-worker.mjs next to the
// bundle (scripts/build.mjs); in development fastread.ts starts this source through tsx.
import { parentPort } from "node:worker_threads";
import { serveReads } from "./fastread.js";

if (parentPort) serveReads(parentPort);
