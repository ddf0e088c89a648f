// The events: a spring free-service campaign and a December gathering each year, for the
// "年度合同" and "vip" customers; each customer phoned at the latest two weeks ahead
// (R-EVENT-NOTICE), and a letter after.
import type { Counts } from "./config.js";
import type { Ledger } from "./contacts.js";
import type { Cust } from "./customers.js";
import { pathOf, type StoreFiles } from "./files.js";
import { chance, int, newId, workTime } from "./random.js";
import { CLERK, present } from "./staff.js";
import { addDays, dayOf, dt, HOUR, NOW_MS, onOrAfter, onOrBefore } from "./time.js";
import { yaml } from "./yaml.js";

interface EventPlan {
  date: string;
  kind: "free-service" | "gathering";
  tag: string;
  owner: string;
  title: string;
}

/** The year's two events (both dates drawn before either is made). */
function eventsOf(y: number): EventPlan[] {
  return [
    {
      date: onOrAfter(`${y}-03-${int(10, 20)}`),
      kind: "free-service",
      tag: "年度合同",
      owner: "王芳",
      title: `${y} 年春季免费检修活动`,
    },
    {
      date: onOrAfter(`${y}-12-${int(10, 18)}`),
      kind: "gathering",
      tag: "vip",
      owner: "陈静",
      title: `${y} 年度客户答谢会`,
    },
  ];
}

/** The invitation of customer `c`: a call in the week or so before the deadline (a few late), a letter after. */
function invite(ledger: Ledger, ev: EventPlan, id: string, created: number, c: Cust): void {
  const deadline = addDays(ev.date, -14);
  // a customer filed after the event was created: when filed
  const from = Math.max(created + HOUR, c.created + HOUR);
  const call = Math.max(
    from,
    workTime(chance(0.03) ? addDays(deadline, int(1, 5)) : onOrBefore(addDays(deadline, -int(0, 10)))),
  );
  const staff = present(ev.owner, dayOf(call)) ? ev.owner : CLERK;
  const k = ledger.contact(call, c, {
    event: id,
    direction: "out",
    purpose: "notice",
    staff,
    person: c.person,
    summary: c.en ? `Invited ${c.person} to ${ev.title} on ${ev.date}` : `邀请${c.person}参加 ${ev.date} ${ev.title}`,
  });
  if (!k) return;
  const letterAt = workTime(addDays(dayOf(call), int(0, 2)));
  if (dayOf(letterAt) < ev.date)
    ledger.contact(letterAt, c, {
      event: id,
      channel: "letter",
      direction: "out",
      purpose: "notice",
      staff,
      letter: { kind: "invitation", subject: ev.title },
      summary: c.en ? "Invitation mailed" : "邀请函已寄出",
    });
}

function writeEvent(files: StoreFiles, ledger: Ledger, customers: Cust[], ev: EventPlan): boolean {
  const created = workTime(addDays(ev.date, -int(35, 45)));
  if (created >= NOW_MS) return false;
  const id = newId("E", created);
  files.write(
    pathOf(id),
    yaml({
      title: ev.title,
      date: ev.date,
      kind: ev.kind,
      audience: `tag:${ev.tag}`,
      owner: ev.owner,
      note: ev.kind === "gathering" ? "上海浦东香格里拉，14:00–17:00" : undefined,
      created: dt(created),
    }),
  );
  for (const c of customers)
    if (c.tags.includes(ev.tag) && dayOf(c.created) <= ev.date) invite(ledger, ev, id, created, c);
  return true;
}

export function writeEvents(files: StoreFiles, ledger: Ledger, customers: Cust[], counts: Counts): void {
  for (let y = 2017; y <= 2026; y++)
    for (const ev of eventsOf(y)) if (writeEvent(files, ledger, customers, ev)) counts.events++;
}
