// A worker_threads entry for readMany (fastread.ts): reads the record files it is sent and posts
// back each one's value or problems, with its stamp; and, on a rebuild of the index, finds the
// duties of the customers it is sent (index/rebuild.ts). Built as dist/read-worker.mjs next to
// the bundle (scripts/build.mjs); in development fastread.ts starts this source through tsx.
import { parentPort } from "node:worker_threads";
import { answerReads } from "./fastread.js";
import { serveDuties, type DutiesAsk } from "./index/rebuild.js";
import type { Ask } from "./read-pool.js";

if (parentPort) {
  const port = parentPort;
  const duties = serveDuties(port);
  port.on("message", (m: Ask | DutiesAsk) => ("items" in m ? port.postMessage(answerReads(m)) : duties(m)));
}
