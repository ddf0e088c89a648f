// Generates a realistic aftercare store of a given size, written directly as files (not through
// the CLI), committed to git in one commit, and cached outside the repository so that a rerun of
// the bench does not generate it again.
//
//   npx tsx scripts/gen-store.ts [SIZE] [DIR]     SIZE: 20k, 205k (default) or 820k, or any "Nk"
//
// The "decade" store (205k) is an ordinary after-sales department's ten years: 5,000 customers,
// 50,000 tickets and about 150,000 calls and letters, ending on a fixed today (TODAY, pinned for
// the CLI with AFTERCARE_NOW=NOW). Other sizes scale every count. What is in it:
//
// - customers filed over the ten years, Chinese (most) and English, with their people, phones,
//   equipment and tags (a few "vip" and "年度合同" customers are the audiences of the events);
// - tickets, each with its own contacts as the regulation asks (docs/rules.md): escalated within a
//   working day when not solved at once, dispatched within four working hours or scheduled and
//   the customer told, the first follow-up before the technician arrives, the second in days
//   7–14, the solution told the same day, and a next contact planned when closing, carried out on
//   its date. A small share is late, a very few never done (half of those waived by the
//   supervisor), so the morning list and the reviews have something to show;
// - about 1 % of tickets open and recent (waiting for parts or a scheduled visit);
// - two events a year (a spring free-service campaign and a December gathering) with their calls
//   and letters; the monthly and annual reviews saved under reports/ for every past period;
// - staff with a supervisor, an engineering supervisor, a follow-up clerk, and people who left.
//
// Records follow src/domain/schema.ts and sit where src/store/store.ts (pathOf) puts them; the
// generator imports nothing from src/ but the ID alphabet and the working calendar, so that it
// keeps working while the CLI changes, and `aftercare check` is how its output is verified.
// Deterministic: same size, same store (IDs, text and dates; the commit too, its dates are fixed).
//
// Its parts, in scripts/gen-store/: config (version, dates, sizes, manifest), time and random
// (the calendar and the seeded draws), yaml and files (how records are written), staff and
// settings, customers, tickets (ticket, ticket-work, ticket-followups), contacts (the ledger of
// calls, letters and waivers), events, reviews, and git (the one commit).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { GEN_VERSION, NOW, scaleOf, TODAY, type Counts, type Manifest } from "./gen-store/config.js";
import { Ledger } from "./gen-store/contacts.js";
import { writeCustomers, type Cust } from "./gen-store/customers.js";
import { writeEvents } from "./gen-store/events.js";
import { pathOf, StoreFiles } from "./gen-store/files.js";
import { commitStore } from "./gen-store/git.js";
import { seed } from "./gen-store/random.js";
import { writeReviews } from "./gen-store/reviews.js";
import { writeSettings } from "./gen-store/staff.js";
import { writeTickets, type TicketsMade } from "./gen-store/tickets.js";

export { GEN_VERSION, NOW, NOW_ISO, SIZES, TODAY, scaleOf, type Manifest } from "./gen-store/config.js";
export { isolatedGitEnv } from "./gen-store/git.js";

// ---------------------------------------------------------------------------------------------
// Where the stores live

export function cacheRoot(): string {
  return resolve(process.env.BENCH_CACHE ?? join(tmpdir(), "aftercare-bench"));
}

export function cacheDir(size: string): string {
  return join(cacheRoot(), `${size}-g${GEN_VERSION}`);
}

/** The cached store of this size, generated and committed first when it is not there yet. */
export function ensureStore(size: string, log: (line: string) => void = () => {}): Manifest {
  const dir = cacheDir(size);
  const manifestFile = join(dir, "manifest.json");
  if (existsSync(manifestFile)) {
    const m = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    if (m.version === GEN_VERSION && existsSync(join(m.store, ".git"))) return m;
  }
  // a half-written store (an interrupted run) is thrown away
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`generating the ${size} store in ${dir}/store …`);
  const m = generateStore(join(dir, "store"), size);
  writeFileSync(manifestFile, JSON.stringify(m, null, 2) + "\n");
  log(
    `  ${m.counts.records.toLocaleString("en")} records (${m.counts.customers.toLocaleString("en")} customers, ${m.counts.tickets.toLocaleString("en")} tickets, ${m.counts.contacts.toLocaleString("en")} contacts, ${m.counts.events} events, ${m.counts.waivers} waivers) and ${m.counts.reports} reviews: files ${m.seconds.files.toFixed(1)} s, git ${m.seconds.git.toFixed(1)} s`,
  );
  return m;
}

// ---------------------------------------------------------------------------------------------
// The store

/** What the bench looks at: an open ticket, the busiest customer, a name to search, files to pull. */
function sampleOf(customers: Cust[], tickets: TicketsMade, ledger: Ledger): Manifest["sample"] {
  const busiest = [...tickets.ticketsOf.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const zh = customers.filter((c) => !c.en);
  const probe = zh[Math.floor(zh.length / 3)] ?? customers[0]!;
  const search = probe.en ? probe.name.split(" ")[0]! : probe.name.slice(2, 6);
  const contacts = ledger.contacts;
  const pullFiles: string[] = [];
  const step = contacts.length / 100;
  for (let i = 0; i < 100 && i < contacts.length; i++) pullFiles.push(pathOf(contacts[Math.floor(i * step)]!.id));
  return {
    openTicket: tickets.openSample?.id ?? "",
    customer: busiest.id,
    search,
    lastMonth: "2026-10",
    lastYear: "2025",
    pullFiles,
  };
}

/** Generates the store of `size` in `root` and commits it. The steps draw from one seeded
 * sequence in this order: reordering them changes the store (bump GEN_VERSION then). */
export function generateStore(root: string, size: string): Manifest {
  const scale = scaleOf(size);
  seed(20261127 + Math.round(scale * 1000));
  const t0 = performance.now();
  const files = new StoreFiles(root);
  const ledger = new Ledger();
  const counts: Counts = {
    customers: 0,
    tickets: 0,
    contacts: 0,
    events: 0,
    waivers: 0,
    reports: 0,
    records: 0,
    openTickets: 0,
    files: 0,
  };
  writeSettings(files);
  const customers = writeCustomers(files, scale);
  counts.customers = customers.length;
  const tickets = writeTickets(files, ledger, customers, scale, counts);
  writeEvents(files, ledger, customers, counts);
  ledger.write(files, counts);
  writeReviews(files, ledger.months, counts);
  counts.records = counts.customers + counts.tickets + counts.contacts + counts.events + counts.waivers;
  counts.files = files.count;
  const filesSeconds = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  const commit = commitStore(
    files,
    `generated store: ${counts.records} records, ten years to ${TODAY} (scripts/gen-store.ts v${GEN_VERSION}, ${size})`,
  );
  const gitSeconds = (performance.now() - t1) / 1000;
  return {
    version: GEN_VERSION,
    size,
    scale,
    store: root,
    commit,
    now: NOW,
    counts,
    sample: sampleOf(customers, tickets, ledger),
    seconds: { files: filesSeconds, git: gitSeconds },
    git: files.method,
  };
}

// npx tsx scripts/gen-store.ts [SIZE] [DIR]: generate one store (into the cache, or into DIR)
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const size = process.argv[2] ?? "205k";
  scaleOf(size);
  if (process.argv[3]) {
    const dir = resolve(process.argv[3]);
    if (existsSync(dir)) throw new Error(`${dir} exists; give a new folder`);
    const m = generateStore(dir, size);
    console.log(
      JSON.stringify({ ...m, sample: { ...m.sample, pullFiles: `${m.sample.pullFiles.length} files` } }, null, 2),
    );
  } else {
    const m = ensureStore(size, (l) => console.error(l));
    console.log(m.store);
  }
}
