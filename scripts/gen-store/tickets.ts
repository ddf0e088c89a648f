// The tickets: received over the ten years (more of them later), and 1 % recent ones still open
// (waiting for parts or for a scheduled visit), each with its own contacts.
import { DECADE, START, TODAY, type Counts } from "./config.js";
import type { Ledger } from "./contacts.js";
import { customerAt, type Cust } from "./customers.js";
import { pathOf, type StoreFiles } from "./files.js";
import { chance, int, rnd } from "./random.js";
import { openTicket, recordPast, type Ticket } from "./ticket.js";
import { nextContact, secondFollowup } from "./ticket-followups.js";
import { firstCall, tellSolution, work } from "./ticket-work.js";
import { addDays, at, DAY, dayMs, dayOf, HOUR, MIN, NOW_MS, onOrAfter } from "./time.js";
import { yaml } from "./yaml.js";

/** When each ticket was received, in order (a few in the evening). */
function receivedTimes(nTickets: number): { t: number; backlog: boolean }[] {
  const nBacklog = Math.round(nTickets * 0.01);
  const times: { t: number; backlog: boolean }[] = [];
  const lastDay = addDays(TODAY, -1);
  for (let i = 0; i < nTickets; i++) {
    const backlog = i < nBacklog;
    let day: string;
    if (backlog) day = addDays(lastDay, -int(0, 40));
    else {
      const u = rnd();
      const x = (-0.7 + Math.sqrt(0.49 + 1.2 * u)) / 0.6; // density growing from 0.7 to 1.3
      day = dayOf(dayMs(START) + Math.floor(x * (dayMs(lastDay) - dayMs(START) + DAY)));
    }
    let t: number;
    if (chance(0.05) && !backlog)
      t = at(day, 17, 40) + int(0, 300) * MIN; // an evening call
    else {
      if (chance(0.9) || backlog) day = onOrAfter(day);
      t = at(day, 8, 30) + int(0, 8 * 60 + 20) * MIN;
    }
    if (t >= NOW_MS - HOUR) t = at(lastDay, 8, 30) + int(0, 8 * 60) * MIN;
    times.push({ t, backlog });
  }
  return times.sort((a, b) => a.t - b.t);
}

/** What the bench takes from the tickets: who has how many, and an open ticket with the most contacts. */
export interface TicketsMade {
  ticketsOf: Map<Cust, number>;
  openSample?: { id: string; contacts: number };
}

function ticket(ledger: Ledger, c: Cust, R: number, backlog: boolean): Ticket {
  const tk = openTicket(ledger, c, R, backlog);
  const inbound = firstCall(ledger, tk);
  work(ledger, tk, inbound);
  tellSolution(ledger, tk);
  secondFollowup(ledger, tk);
  nextContact(ledger, tk);
  recordPast(tk);
  return tk;
}

export function writeTickets(
  files: StoreFiles,
  ledger: Ledger,
  customers: Cust[],
  scale: number,
  counts: Counts,
): TicketsMade {
  const made: TicketsMade = { ticketsOf: new Map() };
  for (const { t: R, backlog } of receivedTimes(Math.max(100, Math.round(DECADE.tickets * scale)))) {
    const c = customerAt(customers, R);
    c.tickets++;
    made.ticketsOf.set(c, (made.ticketsOf.get(c) ?? 0) + 1);
    const tk = ticket(ledger, c, R, backlog);
    const status = tk.rec.status as string;
    if (!["closed", "cancelled"].includes(status)) {
      counts.openTickets++;
      const n = tk.contacts.filter(Boolean).length;
      if (status !== "open" && (!made.openSample || n > made.openSample.contacts))
        made.openSample = { id: tk.id, contacts: n };
    }
    files.write(pathOf(tk.id), yaml(tk.rec));
    counts.tickets++;
  }
  return made;
}
