// The sample's writer: the store's folders and texts, then its records in the order they were
// made (the order fixes the seeded IDs), then the monthly reviews rendered by aftercare itself.
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { main as cli } from "../../src/cli.js";
import { testIO } from "../../src/io.js";
import { stampLine } from "../../src/store/duty-input.js";
import { Store } from "../../src/store/store.js";
import { at, seededRandom, stamp } from "./clock.js";
import { customerId, letter, type Sample } from "./context.js";
import { customers } from "./customers.js";
import { letters, reviews } from "./letters.js";
import { README } from "./readme.js";
import { settings } from "./settings.js";
import { writeEvents, writeShop } from "./write-desk.js";
import { writePlanned, writeStories } from "./write-stories.js";

/** An empty store in `dir` (whatever was there is gone): settings, README and the record folders. */
async function writeSkeleton(dir: string) {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(join(dir, "aftercare.yaml"), settings);
  for (const f of ["customers", "tickets", "contacts", "events", "reports", "templates"]) {
    await fs.mkdir(join(dir, f), { recursive: true });
    await fs.writeFile(join(dir, f, ".gitkeep"), "");
  }
  await fs.writeFile(join(dir, "README.md"), README);
}

/** The store opened, with the customers of customers.ts written, each as of its creation. */
async function openWithCustomers(dir: string): Promise<Sample> {
  const sample: Sample = { dir, store: await Store.open(dir), random: seededRandom(20261126), customers: [] };
  for (const [when, c] of customers)
    sample.customers.push(
      await sample.store.create("customer", { ...c, created: stamp(when) }, at(when), sample.random),
    );
  return sample;
}

/** The letters of letters.ts (R-LETTER-REGISTER): a reply is a follow-up, the rest notices. */
async function writeLetters(sample: Sample) {
  for (const [c, day, kind, subject, staff] of letters) {
    const purpose = kind === "reply" ? "followup" : "notice";
    await letter(sample, { customer: customerId(sample, c), day, purpose, staff, kind, subject });
  }
}

/** The reviews (R-MONTHLY): rendered by aftercare itself as of the day they were saved (a preview,
 * which writes nothing), stamped as `report monthly --save` stamps them. */
async function writeReviews({ dir }: Sample) {
  for (const [month, saved] of reviews) {
    const io = testIO();
    const code = await cli(["report", "monthly", month, "--records", dir, "--now", saved], {
      io,
      env: { ...process.env, AFTERCARE_LOCALE: "zh-CN" },
      cwd: dir,
      clock: () => new Date(),
    });
    if (code !== 0) throw new Error(`report monthly ${month}: ${io.stderr()}`);
    await fs.writeFile(
      join(dir, "reports", `${month}-monthly.md`),
      stampLine("monthly", month, { saved: stamp(saved), by: "周敏" }) + io.stdout(),
    );
  }
}

/** Write the whole sample store into `dir`. */
export async function writeSample(dir: string) {
  await writeSkeleton(dir);
  const sample = await openWithCustomers(dir);
  await writeStories(sample);
  await writePlanned(sample);
  await writeEvents(sample);
  await writeShop(sample);
  await writeLetters(sample);
  await writeReviews(sample);
}
