// The rules engine's duties in words: what each asks and why a contact did not count, from the
// catalogue in the locale shown (issue 13, item 1). The engine gives data (src/domain/duties/topics.ts);
// nothing else words a duty.
import type { Duty, Judged, Reason, Task, Topic, Unmet } from "../domain/duties/index.js";
import type { Translator } from "../i18n.js";

/** A moment's wall clock in the store's zone: "2026-11-02 15:00" (moments are written in that zone). */
const clock = (moment: string): string => moment.slice(0, 16).replace("T", " ");

/** What a duty asks, as the list and the show pages say it. */
export function topicText(about: Topic, say: Translator): string {
  switch (about.what) {
    case "file":
      return say.t("duty.file", { channel: say.word(about.channel) });
    case "followup1": {
      const times =
        (about.depart ? say.t("duty.leaves", { time: clock(about.depart) }) : "") +
        (about.arrive ? say.t("duty.arrives", { time: clock(about.arrive) }) : "");
      return say.t("duty.followup1", { technician: about.technician, times });
    }
    case "followup1Shop":
      return say.t("duty.followup1Shop");
    case "followup2":
      return say.t("duty.followup2", { date: about.first });
    case "planNext":
      return say.t("duty.planNext", { id: about.ticket });
    case "plan":
      return about.text;
    case "eventCall":
      return say.t("duty.eventCall", { kind: say.word(about.kind), title: about.title, date: about.date });
    case "appointment":
      return say.t("duty.appointment", { time: clock(about.at) });
    case "extra":
      return say.t("duty.extra", {
        no: about.no,
        item: about.item,
        safety: about.safety ? say.t("duty.extraSafety") : "",
        effect: about.effect ? say.t("duty.extraEffect", { effect: about.effect }) : "",
      });
    case "progress":
      return say.t("duty.progress", { receiver: about.receiver, time: clock(about.promise) });
    case "ready":
      return say.t("duty.ready", { hours: about.hours, time: clock(about.promise) });
    default:
      return plainTopic(about, say);
  }
}

/** The topics whose parameters go into the sentence as they are. */
function plainTopic(
  about: Extract<
    Topic,
    { what: "escalate" | "answer" | "dispatch" | "dispatchTell" | "eventLetter" | "monthly" | "annual" }
  >,
  say: Translator,
): string {
  const { what, ...params } = about;
  return say.t(`duty.${what}`, params);
}

/** What a contact must do to count: "the solution". */
function taskText(task: Task, say: Translator): string {
  return task.task === "eventCall" ? say.t("what.eventCall", { title: task.title }) : say.t(`what.${task.task}`);
}

/** One reason a contact did not count. */
export function reasonText(r: Reason, say: Translator): string {
  const list = (xs: readonly string[]) => xs.map((x) => say.word(x)).join(" / ");
  switch (r.why) {
    case "used":
      return r.date === undefined
        ? say.t("why.used", { id: r.id, rule: r.rule })
        : say.t("why.usedPlan", { id: r.id, rule: r.rule, date: r.date });
    case "channel":
      return say.t("why.channel", { id: r.id, channel: say.word(r.channel), channels: list(r.channels) });
    case "inbound":
    case "inboundLetter":
      return say.t(`why.${r.why}`, { id: r.id, what: taskText(r.task, say) });
    case "purpose":
      return say.t("why.purpose", { id: r.id, purpose: say.word(r.purpose), purposes: list(r.purposes) });
    case "letterKind":
      return say.t("why.letterKind", { id: r.id, kind: say.word(r.kind), kinds: list(r.kinds) });
    case "earlyCheck":
      return say.t("why.earlyCheck", { at: clock(r.at), from: clock(r.from) });
    default: {
      const { why, ...params } = r;
      return say.t(`why.${why}`, params);
    }
  }
}

/** A record a duty looked at, with every reason it did not count in one line. */
export function unmetText(u: Unmet, say: Translator): string {
  return u.reasons.map((r) => reasonText(r, say)).join(say.t("why.sep"));
}

/**
 * A field worded when first read, then kept as a plain value: enumerable in its place, so --json,
 * a spread and structuredClone see it as any other field.
 */
function wordedWhenRead(out: Record<string, unknown>, key: string, word: () => unknown): void {
  const keep = (value: unknown) =>
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(out, key, {
    enumerable: true,
    configurable: true,
    get: () => (keep(word()), out[key]),
    set: keep,
  });
}

/**
 * A judged duty as people read it: its topic and reasons in words where the data stood (so --json
 * keeps its order of fields), every other field as it is. The reasons a duty's contacts did not
 * count are worded when something reads them (`due --explain`, show pages, --json): the morning
 * list judges a few hundred duties, each with up to dozens of them, and shows none.
 */
export function worded(d: Judged, say: Translator): Duty {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d))
    if (k === "about") out.topic = topicText(d.about, say);
    else if (k === "considered") {
      const considered = d.considered;
      wordedWhenRead(out, "considered", () => considered?.map((u) => ({ record: u.record, why: unmetText(u, say) })));
    } else out[k] = v;
  return out as unknown as Duty;
}

/** Judged duties worded, in their order. */
export function wordDuties(list: readonly Judged[], say: Translator): Duty[] {
  return list.map((d) => worded(d, say));
}
