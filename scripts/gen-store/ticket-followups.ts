// After the work: the second follow-up in days 7–14 after the first (R-FOLLOWUP-2), and the next
// contact planned when closing and carried out on its date (R-NEXT-SERVICE); a few late, a very
// few never made (half of those waived by the supervisor).
import type { Ledger } from "./contacts.js";
import { chance, int, pick, rnd, workTime } from "./random.js";
import { say, type Ticket } from "./ticket.js";
import { addDays, addWorkingDays, dayOf, isWorking } from "./time.js";
import { FU2_EN, FU2_ZH, TOPICS_EN, TOPICS_ZH } from "./words.js";

export function secondFollowup(ledger: Ledger, tk: Ticket): void {
  if (tk.fu1 === undefined) return;
  const first = dayOf(tk.fu1);
  const u = rnd();
  if (u < 0.0015) {
    if (chance(0.5)) ledger.waive(`R-FOLLOWUP-2:${tk.id}`, workTime(addDays(first, int(16, 25))), tk.en);
    return;
  }
  let day = addDays(first, u < 0.02 ? int(15, 19) : int(7, 14));
  for (let k = 0; k < 3 && !isWorking(day) && u >= 0.02; k++) day = addDays(first, int(7, 14));
  const sat = chance(0.7) ? pick([3, 4, 4, 5, 5, 5]) : undefined;
  // two moments of the day drawn: the call's and the one whose staff makes it (as the store was made)
  say(ledger, tk, workTime(day), {
    direction: "out",
    purpose: "followup",
    staff: tk.staffAt(workTime(day)),
    person: tk.c.person,
    summary: pick(tk.en ? FU2_EN : FU2_ZH),
    satisfaction: sat,
  });
}

export function nextContact(ledger: Ledger, tk: Ticket): void {
  if (tk.closed === undefined) return;
  const { en, c } = tk;
  const date = addWorkingDays(dayOf(tk.closed), int(40, 260));
  const plan = { date, topic: pick(en ? TOPICS_EN : TOPICS_ZH), at: tk.closed };
  tk.plan = plan;
  const u = rnd();
  if (u < 0.001) {
    if (chance(0.5)) ledger.waive(`R-NEXT-SERVICE:${tk.id}:1`, workTime(addDays(date, int(3, 10))), en);
    return;
  }
  const when = workTime(u < 0.011 ? addDays(date, int(1, 7)) : date);
  say(ledger, tk, when, {
    direction: "out",
    purpose: chance(0.7) ? "reminder" : "followup",
    staff: tk.staffAt(when),
    person: c.person,
    plan: tk.id,
    summary: en ? `${plan.topic}: talked to ${c.person}` : `${plan.topic}：已与${c.person}沟通`,
  });
}
