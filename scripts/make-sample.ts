// Writes the sample store in records/: an after-sales department's autumn of 2026, Chinese and
// English customers. Deterministic (seeded IDs, fixed dates), and written through the store module
// so it is valid by construction. Run: npx tsx scripts/make-sample.ts [dir]
//
// The story runs to the end of the week of the README's day (Thursday 2026-11-26) and stops before
// Monday 2026-11-30 08:30 (SAMPLE_NOW), the morning list the README shows: the clerks did their
// follow-ups, the supervisor archived her reviews, 王芳 is away and 陈静 covers for her, and what is
// left is one duty overdue, a few due today and the week ahead. The dates are fixed: on a later
// day `npm start` (aftercare due) shows that day's list, with more of it overdue; `--now` pins it.
//
// The data and the writer steps live in scripts/sample/: settings.ts and readme.ts (the store's
// texts), customers.ts, stories*.ts, letters.ts, events.ts and shop.ts (the records), write*.ts.
import { resolve } from "node:path";
import { SAMPLE_NOW } from "./sample/clock.js";
import { writeSample } from "./sample/write.js";

const dir = resolve(process.argv[2] ?? "records");
await writeSample(dir);
console.log(`sample store written to ${dir}, as of ${SAMPLE_NOW}`);
