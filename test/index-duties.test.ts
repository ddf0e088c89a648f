// The index finds again only the duties a change can move (src/store/index/find-duties.ts): after
// every change below, every duty it keeps must equal what the rules engine finds over all the
// files; and a change the rules do not read (a contact's summary) must find nothing again.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { FoundDuty } from "../src/domain/duties/index.js";
import { RecordIndex } from "../src/store/record-index.js";
import { Store } from "../src/store/store.js";
import { dutiesFromFiles } from "./duties-from-files.js";
import { tempDir } from "./helpers.js";
import { baseStore, generate, NOW, SETTINGS } from "./index-fixtures.js";

const now = new Date(NOW);
const roots: string[] = [];
afterEach(() => {
  while (roots.length) rmSync(roots.pop()!, { recursive: true, force: true });
});

/** A store of the hand-written records and a few busy generated customers (every one with many tickets), with or without the generated tickets' plans. */
function busyStore(opts: { plans: boolean }): string {
  const root = tempDir();
  roots.push(root);
  for (const [rel, text] of Object.entries({ "aftercare.yaml": SETTINGS, ...baseStore() })) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  generate(root, { customers: 4, tickets: 70, contacts: 260, seed: 7 });
  // without the plans two years ahead each generated ticket has, and left resolved rather than closed
  // (no plan after the close owed), its duties are all done
  if (!opts.plans)
    for (const t of files(root, "tickets")) {
      const abs = join(root, t);
      const text = readFileSync(abs, "utf8").replace(/^plans:\n(?: {2}.*\n)*/m, "");
      writeFileSync(abs, text.replace(/^status: closed\n/m, "status: resolved\n").replace(/^closed: .*\n/m, ""));
    }
  return root;
}

/** Every duty, by key: as the index keeps them, and as the rules engine finds them over every file. */
async function duties(root: string): Promise<{ kept: Map<string, FoundDuty>; found: Map<string, FoundDuty> }> {
  const store = await Store.open(root);
  const idx = (await RecordIndex.open(store, now))!;
  const kept = new Map(idx.allFound().map((d) => [d.key, d]));
  idx.close();
  const found = await dutiesFromFiles(store, now);
  // as the index keeps them: through JSON (a property left undefined is not kept)
  return { kept, found: new Map(found.map((d) => [d.key, JSON.parse(JSON.stringify(d)) as FoundDuty])) };
}

/** The largest rowid of the index's duty table: rows above it were written since. */
function lastDutyRow(root: string): number {
  const db = new Database(join(root, ".aftercare", "index.sqlite"), { readonly: true });
  try {
    return (db.prepare("SELECT max(rowid) AS n FROM duty").get() as { n: number }).n;
  } finally {
    db.close();
  }
}
function rowsSince(root: string, row: number): number {
  const db = new Database(join(root, ".aftercare", "index.sqlite"), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM duty WHERE rowid > ?").get(row) as { n: number }).n;
  } finally {
    db.close();
  }
}

function files(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true }))
      if (e.isDirectory()) walk(`${rel}/${e.name}`);
      else if (e.name.endsWith(".yaml")) out.push(`${rel}/${e.name}`);
  };
  walk(folder);
  return out.sort();
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A date-time's or date's day moved by `days` (the time and offset kept). */
function shiftDay(at: string, days: number): string {
  const d = new Date(`${at.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) + at.slice(10);
}

const field = (text: string, name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(text)?.[1];

/** Changes to a contact's text that the rules read: each returns the new text, or undefined when it does not apply. */
const CONTACT_EDITS: ((text: string, r: () => number, tickets: string[]) => string | undefined)[] = [
  // moved earlier or later: it may do a duty now, or leave one undone
  (t, r) => t.replace(/^at: (.*)$/m, (_, at: string) => `at: ${shiftDay(at, Math.floor(r() * 21) - 10)}`),
  (t) => t.replace(/^purpose: followup$/m, "purpose: other"),
  (t) => (/^purpose: other$/m.test(t) ? t.replace(/^purpose: other$/m, "purpose: followup") : undefined),
  (t) => t.replace(/^direction: out$/m, "direction: in"),
  // linked to another ticket of the store, or to none
  (t, r, tickets) => t.replace(/^ticket: .*$/m, `ticket: ${tickets[Math.floor(r() * tickets.length)]!}`),
  (t) => t.replace(/^ticket: .*\n/m, ""),
  // a plan made in it, and one carried out by it
  (t, r) =>
    /^next:/m.test(t)
      ? undefined
      : `${t}next:\n  date: ${shiftDay(field(t, "at")!, 3 + Math.floor(r() * 40)).slice(0, 10)}\n  topic: 回访设备运行情况\n`,
  (t, r, tickets) => (/^plan:/m.test(t) ? undefined : `${t}plan: ${tickets[Math.floor(r() * tickets.length)]!}\n`),
];

describe("the index finds again only the duties a change can move", () => {
  it("contacts and tickets changed, added and deleted at random: every kept duty as the rules engine finds it over every file", async () => {
    const root = busyStore({ plans: true });
    const first = await duties(root);
    expect(first.kept.size).toBeGreaterThan(400);
    expect(first.kept).toEqual(first.found);
    const r = rng(2026);
    const contacts = files(root, "contacts");
    const ticketPaths = files(root, "tickets");
    const tickets = ticketPaths.map((p) => p.slice(p.lastIndexOf("/") + 1, -5));
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    let changed = 0;
    for (let step = 0; step < 40; step++) {
      const path = pick(contacts);
      const abs = join(root, path);
      let what: string;
      const kind = r();
      if (kind < 0.08) {
        rmSync(abs, { force: true });
        what = `deleted ${path}`;
      } else if (kind < 0.16) {
        // a ticket's plan or closing moved (other tickets' R-NEXT-SERVICE after a close read every plan)
        const t = join(root, pick(ticketPaths));
        const text = readFileSync(t, "utf8");
        writeFileSync(
          t,
          text.replace(/^( {2}- date: )(\S+)$/m, (_, a: string, d: string) => a + shiftDay(d, -400)),
        );
        what = `a plan of ${t.slice(root.length + 1)}`;
      } else {
        let text: string;
        try {
          text = readFileSync(abs, "utf8");
        } catch {
          continue; // deleted before
        }
        const edit = pick(CONTACT_EDITS);
        const next = edit(text, r, tickets);
        if (next === undefined || next === text) continue;
        writeFileSync(abs, next);
        what = `${path}: ${CONTACT_EDITS.indexOf(edit)}`;
      }
      changed++;
      const { kept, found } = await duties(root);
      expect.soft(kept, `after step ${step} (${what})`).toEqual(found);
    }
    expect(changed).toBeGreaterThan(25);
  });

  it("a contact's summary amended, a contact moved: nothing found again for the one, only what it can move for the other", async () => {
    const root = busyStore({ plans: false });
    await duties(root);
    const contacts = files(root, "contacts").filter((p) => /^K-26/.test(p.slice(p.lastIndexOf("/") + 1)));
    const path = contacts[Math.floor(contacts.length / 2)]!;
    const abs = join(root, path);
    const text = readFileSync(abs, "utf8");
    const before = lastDutyRow(root);
    // only what is shown: nothing to find again
    writeFileSync(
      abs,
      /^summary: /m.test(text) ? text.replace(/^summary: /m, "summary: （已复核）") : `${text}summary: 已复核\n`,
    );
    const a = await duties(root);
    expect(a.kept).toEqual(a.found);
    expect(rowsSince(root, before)).toBe(0);
    // its moment moved two days later: its own and its ticket's duties are found again, those not
    // done, and those done from the day before its earliest moment on (find-duties.ts); no other
    const customer = field(text, "customer")!;
    const at = field(text, "at")!;
    const since = Date.parse(at.length === 10 ? `${at}T00:00:00+08:00` : at) - 86_400_000;
    const sources = new Set([path.slice(path.lastIndexOf("/") + 1, -5), field(text, "ticket")!]);
    const ofCustomer = [...a.kept.values()].filter((d) => d.customer === customer);
    for (const d of ofCustomer)
      if (!d.done || Date.parse(d.done.at.length === 10 ? `${d.done.at}T00:00:00+08:00` : d.done.at) >= since)
        sources.add(d.source);
    const moved = ofCustomer.filter((d) => sources.has(d.source)).length;
    writeFileSync(
      abs,
      readFileSync(abs, "utf8").replace(/^at: (.*)$/m, (_, x: string) => `at: ${shiftDay(x, 2)}`),
    );
    const b = await duties(root);
    expect(b.kept).toEqual(b.found);
    const after = [...b.kept.values()].filter((d) => d.customer === customer && sources.has(d.source)).length;
    expect(rowsSince(root, before)).toBe(after);
    expect(after).toBeGreaterThanOrEqual(moved - 2);
    expect(ofCustomer.length - moved, "duties kept as they were").toBeGreaterThan(10);
  });
});
