// A ticket's life as the regulation asks (docs/rules.md): the customer's call, then escalated
// within a working day when not solved at once (R-ESC-1DAY), dispatched within four working hours
// or scheduled and the customer told (R-DISPATCH), the first follow-up before the technician
// arrives, the solution told the same day. A small share is late. Every draw in the order of the
// original generator: the store must not change.
import type { Ledger } from "./contacts.js";
import { chance, int, pick, workTime } from "./random.js";
import { techniciansOn } from "./staff.js";
import { escalate, say, type Ticket } from "./ticket.js";
import { addWorkingDays, addWorkingMinutes, at, DAY, dayOf, hhmm, MIN, NOW_MS } from "./time.js";
import { FIXES_EN, FIXES_ZH, PREP_EN, PREP_ZH, REASONS_EN, REASONS_ZH } from "./words.js";

/** The first call: the customer rings (a quarter of the tickets by phone are logged as calls). */
export function firstCall(ledger: Ledger, tk: Ticket): boolean {
  const { kind, en, c, problem } = tk;
  const inbound = tk.channel === "phone" && (kind === "consult" || kind === "complaint" || chance(0.12));
  if (inbound)
    say(ledger, tk, tk.received, {
      direction: "in",
      purpose: kind === "consult" ? "consult" : "complaint",
      staff: tk.staffAt(tk.received),
      person: c.person,
      summary: en ? `${c.person} called: ${problem}` : `${c.person}来电：${problem}`,
      told: kind === "consult" ? true : undefined,
      complaints: kind === "complaint" ? [problem] : undefined,
      requests: kind !== "complaint" && chance(0.2) ? [en ? "Quote for a spare unit" : "提供备用机组报价"] : undefined,
    });
  return inbound;
}

/** Cancelled, answered on the spot, studied by engineering, or worked on site. */
export function work(ledger: Ledger, tk: Ticket, inbound: boolean): void {
  const R = tk.received;
  if (!tk.backlog && chance(0.005) && R < NOW_MS - 5 * DAY) {
    tk.cancelled = addWorkingMinutes(R, int(20, 200));
  } else if (tk.kind === "consult" && (!chance(0.1) || !inbound)) {
    // answered on the spot (the first call told the customer)
    tk.resolution = R + int(5, 40) * MIN;
  } else if (tk.kind === "consult" || (tk.kind === "complaint" && chance(0.5))) {
    // studied, escalated, answered on a later working day
    escalate(tk, 30, 300);
    const escalation = tk.escalation!;
    tk.resolution = workTime(addWorkingDays(dayOf(Math.max(escalation, R)), int(0, 2)), 10, 16);
    if (tk.resolution <= escalation) tk.resolution = escalation + int(30, 90) * MIN;
  } else onSite(ledger, tk);
}

/** A visit scheduled and the customer told why (waiting for parts, …): when it is dispatched. */
function schedule(ledger: Ledger, tk: Ticket): number {
  const { en, c } = tk;
  const sAt = addWorkingMinutes(tk.received, int(20, 200));
  const date = addWorkingDays(dayOf(sAt), tk.backlog ? int(1, 28) : int(1, 10));
  const reason = pick(en ? REASONS_EN : REASONS_ZH);
  tk.schedule = { at: sAt, date, reason };
  say(ledger, tk, sAt + int(3, 30) * MIN, {
    direction: "out",
    purpose: "notice",
    staff: tk.staffAt(sAt),
    person: c.person,
    summary: en ? `Told the customer: ${reason}; visit planned on ${date}` : `告知客户：${reason}，安排 ${date} 上门`,
  });
  escalate(tk, 30, 400);
  return at(date, 7, 30) + int(0, 90) * MIN;
}

/** Work on site: dispatched within four working hours, or scheduled and the customer told. */
function onSite(ledger: Ledger, tk: Ticket): void {
  const { en, c, kind } = tk;
  const scheduled =
    tk.backlog || (kind === "install" && chance(0.6)) || (kind === "maintenance" && chance(0.5)) || chance(0.04);
  const D = scheduled ? schedule(ledger, tk) : addWorkingMinutes(tk.received, int(15, 200));
  const depart = D + int(10, 45) * MIN;
  const arrive = depart + int(20, 150) * MIN;
  const tech = pick(techniciansOn(dayOf(D)));
  const dispatch: NonNullable<Ticket["dispatch"]> = { at: D, technician: tech, depart, arrive };
  tk.dispatch = dispatch;
  const fu1Late = chance(0.01);
  const fu1 = fu1Late ? arrive + int(20, 120) * MIN : D + int(2, Math.max(3, (depart - D) / MIN)) * MIN;
  tk.fu1 = fu1;
  const prep = pick(en ? PREP_EN : PREP_ZH);
  say(ledger, tk, fu1, {
    direction: "out",
    purpose: "followup",
    staff: tk.staffAt(fu1),
    person: c.person,
    summary: en
      ? `Told ${c.person} that ${tech} leaves at ${hhmm(depart)} and arrives about ${hhmm(arrive)}; please have ${prep} ready`
      : `告知${tech} ${hhmm(depart)} 出发，约 ${hhmm(arrive)} 到达；请准备${prep}`,
  });
  if (!fu1Late && chance(0.4)) dispatch.arrived = Math.max(arrive + int(-10, 20) * MIN, fu1 + MIN);
  if (!tk.escalation && chance(0.15)) escalate(tk, 30, 400);
  solveOnSite(tk, arrive);
}

/** Solved on the visit, or later when escalated (the recent open ones: not yet). */
function solveOnSite(tk: Ticket, arrive: number): void {
  if (tk.escalation) {
    tk.resolution = workTime(addWorkingDays(dayOf(arrive), tk.backlog ? int(8, 30) : int(0, 3)), 10, 16);
    if (tk.resolution <= arrive) tk.resolution = arrive + int(30, 120) * MIN;
  } else {
    tk.resolution = arrive + int(40, 200) * MIN;
    // not solved within the working day after receipt: it should have been escalated
    if (dayOf(tk.resolution) > addWorkingDays(dayOf(tk.received), 1)) escalate(tk, 60, 300);
  }
  if (tk.backlog && tk.resolution < NOW_MS + DAY) tk.resolution = NOW_MS + int(1, 20) * DAY;
}

/** The solution, told the same day when escalated (a letter for a few complaints); then closed. */
export function tellSolution(ledger: Ledger, tk: Ticket): void {
  const resolution = tk.resolution;
  if (resolution === undefined) return;
  const { en, kind, c } = tk;
  ledger.stat(resolution).resolved += resolution < NOW_MS ? 1 : 0;
  const fix =
    kind === "consult"
      ? en
        ? "Sent the information asked for"
        : "已答复客户，发送相关资料"
      : pick(en ? FIXES_EN : FIXES_ZH);
  tk.solution = fix;
  if (tk.escalation !== undefined) {
    const tell = resolution + int(10, 90) * MIN;
    if (kind === "complaint" && chance(0.3))
      say(ledger, tk, tell, {
        channel: "letter",
        direction: "out",
        purpose: "followup",
        staff: tk.staffAt(tell),
        letter: {
          kind: "reply",
          subject: en ? `Our answer to your complaint: ${tk.eq}` : `关于${tk.eq}投诉的处理答复`,
        },
        summary: fix,
      });
    else
      say(ledger, tk, tell, {
        direction: "out",
        purpose: "followup",
        staff: tk.staffAt(tell),
        person: c.person,
        summary: en ? `Told the customer the solution: ${fix}` : `告知处理结果：${fix}`,
      });
  }
  const closed = workTime(addWorkingDays(dayOf(resolution), chance(0.4) ? 0 : int(1, 3)));
  tk.closed = closed <= resolution ? resolution + int(10, 120) * MIN : closed;
}
