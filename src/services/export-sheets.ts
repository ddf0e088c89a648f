// The sheets of aftercare export: customers, tickets, contacts and duties as columns of real
// types with headings in the user's language. A customer sheet is read back by `import customers`
// field for field (lists one item a line, a second contact in "contact 2" columns).
import type { Duty } from "../domain/duties/index.js";
import { storedDay } from "../domain/kpi.js";
import type { Contact, Customer, Ticket } from "../domain/schema.js";
import { estimateTotals } from "../domain/shop.js";
import type { MessageKey } from "../i18n.js";
import type { Column, ColumnType, Sheet, Value } from "../store/tabular.js";

type Say = (k: MessageKey, p?: Record<string, string | number>) => string;

/** What every sheet needs: the words, the wall clock, the customers' names, the currency and zone. */
export interface SheetWords {
  say: Say;
  w: (at: string | undefined) => string | undefined;
  names: Map<string, string>;
  currency: string;
  tz: string;
}

type Spec = [key: MessageKey, type: ColumnType, params?: Record<string, string | number>];
const columnsOf = (say: Say, specs: Spec[]): Column[] => specs.map(([k, type, p]) => ({ heading: say(k, p), type }));

/** Several values in one cell, one a line: a line break is the one separator no one-line value holds. */
const lines = (xs: (string | undefined)[] | undefined) =>
  (xs ?? []).filter((x): x is string => Boolean(x)).join("\n") || undefined;
/** An item with parts (equipment, a vehicle) as "name | model | serial": a | inside a part is written \| */
export const parts = (xs: (string | undefined)[]) => {
  const out = xs.map((x) => (x ?? "").replace(/\|/g, "\\|"));
  while (out.length > 1 && !out[out.length - 1]) out.pop();
  return out.join(" | ");
};

/** The customer sheet: the first contact in its own columns, each further one in "contact 2", "phones 2"… */
export function customerSheet(
  list: { id: string; value: Customer }[],
  say: (k: MessageKey, p?: Record<string, string | number>) => string,
  w: (at: string | undefined) => string | undefined,
): Sheet {
  const most = Math.max(1, ...list.map((c) => c.value.contacts?.length ?? 0));
  const contactCols: Column[] = [];
  for (let n = 1; n <= most; n++)
    for (const [k, type] of [
      ["x.contact", "text"],
      ["x.title", "text"],
      ["x.phones", "phone"],
      ["x.email", "text"],
    ] as const)
      contactCols.push({ heading: n === 1 ? say(k) : say("x.numbered", { heading: say(k), n }), type });
  return {
    name: "customers",
    columns: [
      { heading: say("x.id"), type: "id" },
      { heading: say("x.name"), type: "text" },
      { heading: say("x.address"), type: "text" },
      ...contactCols,
      { heading: say("x.tags"), type: "text" },
      { heading: say("x.equipment"), type: "text" },
      { heading: say("x.vehicles"), type: "text" },
      { heading: say("x.note"), type: "text" },
      { heading: say("x.created"), type: "datetime" },
    ],
    rows: list.map(({ id, value: c }) => {
      const people: Value[] = [];
      for (let n = 0; n < most; n++) {
        const p = c.contacts?.[n];
        people.push(p?.name, p?.title, lines(p?.phones), p?.email);
      }
      return [
        id,
        c.name,
        c.address,
        ...people,
        lines(c.tags),
        lines(c.equipment?.map((e) => parts([e.name, e.model, e.serial, e.installed]))),
        lines(c.vehicles?.map((v) => parts([v.plate, v.model, v.vin]))),
        c.note,
        w(c.created),
      ];
    }),
  };
}

/** The promised completion: the latest revision (C-PROMISE), else the hand-over's. */
function promised(k: Ticket): string | undefined {
  return k.promises?.length ? k.promises[k.promises.length - 1]!.promise : k.handover?.promise;
}

/** The estimate's total in cents: labour and parts of every line. */
function estimateTotal(k: Ticket): number | undefined {
  return k.estimate ? estimateTotals(k.estimate).total : undefined;
}

/** The ticket sheet: one row a ticket, its steps' moments on the company's wall clock. */
// eslint-disable-next-line max-lines-per-function -- a table: a heading and a value for each of the sheet's 28 columns, in its order
export function ticketSheet(list: { id: string; value: Ticket }[], wd: SheetWords): Sheet {
  const { w, names } = wd;
  const money = { currency: wd.currency };
  return {
    name: "tickets",
    columns: columnsOf(wd.say, [
      ["x.id", "id"],
      ["x.customer", "id"],
      ["x.customerName", "text"],
      ["x.kind", "text"],
      ["x.channel", "text"],
      ["x.received", "datetime"],
      ["x.filed", "datetime"],
      ["x.problem", "text"],
      ["x.request", "text"],
      ["x.status", "text"],
      ["x.assignee", "text"],
      ["x.escalated", "datetime"],
      ["x.escalatedTo", "text"],
      ["x.dispatched", "datetime"],
      ["x.technician", "text"],
      ["x.depart", "datetime"],
      ["x.arrive", "datetime"],
      ["x.resolved", "datetime"],
      ["x.solution", "text"],
      ["x.closed", "datetime"],
      ["x.cancelled", "datetime"],
      ["x.plate", "text"],
      ["x.odometer", "int"],
      ["x.promised", "datetime"],
      ["x.estimate", "money", money],
      ["x.bill", "money", money],
      ["x.paid", "money", money],
      ["x.delivered", "datetime"],
    ]),
    rows: list.map(({ id, value: k }) => [
      id,
      k.customer,
      names.get(k.customer),
      k.kind,
      k.channel,
      w(k.received),
      w(k.filed),
      k.problem,
      k.request,
      k.status,
      k.assignee,
      w(k.escalation?.at),
      k.escalation?.to,
      w(k.dispatch?.at),
      k.dispatch?.technician,
      w(k.dispatch?.depart),
      w(k.dispatch?.arrive),
      w(k.resolution?.at),
      k.resolution?.note,
      w(k.closed),
      w(k.cancelled?.at),
      k.intake?.plate,
      k.intake?.odometer,
      w(promised(k)),
      estimateTotal(k),
      k.ready?.bill,
      k.delivery?.paid,
      w(k.delivery?.at),
    ]),
  };
}

/** The contact sheet: a letter is sent on a day, a call happens at a time: the day and the time in two columns. */
export function contactSheet(list: { id: string; value: Contact }[], wd: SheetWords): Sheet {
  const { w, names } = wd;
  return {
    name: "contacts",
    columns: columnsOf(wd.say, [
      ["x.id", "id"],
      ["x.date", "date"],
      ["x.time", "time"],
      ["x.customer", "id"],
      ["x.customerName", "text"],
      ["x.ticket", "id"],
      ["x.event", "id"],
      ["x.via", "text"],
      ["x.direction", "text"],
      ["x.purpose", "text"],
      ["x.staff", "text"],
      ["x.person", "text"],
      ["x.summary", "text"],
      ["x.requests", "text"],
      ["x.complaints", "text"],
      ["x.satisfaction", "int"],
      ["x.nextDate", "date"],
      ["x.nextTopic", "text"],
      ["x.letterKind", "text"],
      ["x.letterSubject", "text"],
    ]),
    // a letter is sent on a day, a call happens at a time: the day and the time in two columns, each of one kind
    rows: list.map(({ id, value: c }) => {
      const at = w(c.at)!;
      return [
        id,
        at.slice(0, 10),
        at.length > 10 ? at.slice(11, 16) : undefined,
        c.customer,
        names.get(c.customer),
        c.ticket,
        c.event,
        c.channel,
        c.direction,
        c.purpose,
        c.staff,
        c.person,
        c.summary,
        lines(c.requests),
        lines(c.complaints),
        c.satisfaction,
        c.next?.date,
        c.next?.topic,
        c.letter?.kind,
        c.letter?.subject,
      ];
    }),
  };
}

/** The duty sheet: one row a duty, as the rules engine judged it. */
export function dutySheet(list: Duty[], wd: SheetWords): Sheet {
  const { w, names, tz } = wd;
  return {
    name: "duties",
    columns: columnsOf(wd.say, [
      ["x.key", "id"],
      ["x.rule", "text"],
      ["x.state", "text"],
      ["x.earliest", "date"],
      ["x.due", "date"],
      ["x.dueAt", "datetime"],
      ["x.assignee", "text"],
      ["x.owner", "text"],
      ["x.customer", "id"],
      ["x.customerName", "text"],
      ["x.record", "id"],
      ["x.todo", "text"],
      ["x.doneOn", "date"],
      ["x.daysLate", "int"],
    ]),
    rows: list.map((d) => [
      d.key,
      d.rule,
      d.state,
      d.earliest,
      d.due,
      w(d.dueAt),
      d.assignee,
      d.owner,
      d.customer,
      names.get(d.customer ?? ""),
      d.ticket ?? d.source,
      d.topic,
      d.done ? storedDay(d.done.at, tz) : undefined,
      d.daysLate,
    ]),
  };
}
