// What a generated store is (scripts/gen-store.ts): its version, its dates, its sizes, and the
// manifest the bench reads.

/** Bump when the generated stores change: cached stores of another version are not reused. */
export const GEN_VERSION = 2;
/** The store's today (a Friday) and the moment the bench pins the CLI's clock to. */
export const TODAY = "2026-11-27";
export const NOW = "2026-11-27 09:00";
export const NOW_ISO = "2026-11-27T09:00:00+08:00";
/** The first day of the store's ten years. */
export const START = "2016-11-28";
/** The named sizes, as multiples of the decade store (5,000 customers). */
export const SIZES: Record<string, number> = { "20k": 0.1, "205k": 1, "820k": 4 };
export const DECADE = { customers: 5000, tickets: 50000 };

export function scaleOf(size: string): number {
  if (SIZES[size] !== undefined) return SIZES[size];
  const m = /^(\d+(?:\.\d+)?)k$/i.exec(size);
  if (!m)
    throw new Error(
      `size "${size}" is not one of ${Object.keys(SIZES).join(", ")} nor a number of thousands of records such as 50k`,
    );
  return Number(m[1]) / 205;
}

/** How many of each the store holds. */
export interface Counts {
  customers: number;
  tickets: number;
  contacts: number;
  events: number;
  waivers: number;
  reports: number;
  records: number;
  openTickets: number;
  files: number;
}

/** What the bench needs to know about a generated store. */
export interface Manifest {
  version: number;
  size: string;
  scale: number;
  store: string;
  /** the one commit holding the generated store */
  commit: string;
  now: string;
  counts: Counts;
  sample: {
    /** an open ticket with contacts, for `ticket show` and `call log` */
    openTicket: string;
    /** a customer with many tickets, for `customer show` */
    customer: string;
    /** part of a name that a handful of customers share, for `customer list --search` */
    search: string;
    lastMonth: string;
    lastYear: string;
    /** 100 contact files (paths), spread over the years, that a simulated pull changes */
    pullFiles: string[];
  };
  seconds: { files: number; git: number };
  /** how the commit was made: fast-import (default) or add (GEN_GIT=add) */
  git: string;
}
