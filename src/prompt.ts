// Questions for a person at the terminal, when a command is missing values. Never asked with
// --no-input, in a pipe or under cron. Tests inject scripted answers.

export interface Choice<T = string> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  /** `validate` may be async: a date typed as people write it is read by a parser loaded on first use */
  input(q: {
    message: string;
    default?: string;
    required?: boolean;
    validate?: (v: string) => true | string | Promise<true | string>;
  }): Promise<string>;
  select<T>(q: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  /** type to narrow the list, as in a search box */
  search<T>(q: { message: string; source: (term: string | undefined) => Promise<Choice<T>[]> }): Promise<T>;
}

/** @inquirer/prompts, loaded only when a question is asked. */
export const inquirer: Prompter = {
  async input(q) {
    const { input } = await import("@inquirer/prompts");
    return input({ message: q.message, default: q.default, required: q.required, validate: q.validate });
  },
  async select(q) {
    const { select } = await import("@inquirer/prompts");
    return select({ message: q.message, choices: q.choices, default: q.default, pageSize: 12 });
  },
  async search(q) {
    const { search } = await import("@inquirer/prompts");
    return search({ message: q.message, source: (term) => q.source(term), pageSize: 10 });
  },
};

/** An answer given in advance: what is typed, or the choice picked (by its value or name); undefined takes the default. */
export type ScriptedAnswer = string | number | boolean | undefined;

/** Answers given in advance, in order; for tests and scripted sessions. */
export function scripted(answers: ScriptedAnswer[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (!answers.length) throw new Error(`no scripted answer for: ${message}`);
    return answers.shift();
  };
  return {
    asked,
    input: async (q) => {
      const a = next(q.message);
      const v = a === undefined || a === "" ? (q.default ?? "") : String(a);
      // an answer the terminal would refuse is refused here too, with the same words
      const ok = q.validate ? await q.validate(v) : true;
      if (ok !== true) throw new Error(`scripted answer "${v}" refused for: ${q.message}: ${ok}`);
      return v;
    },
    // nothing to wait for; a Promise as the terminal's, and what is thrown is its rejection
    select: <T>(q: { message: string; choices: Choice<T>[]; default?: T }) =>
      new Promise<T>((done) => {
        const a = next(q.message);
        if (a === undefined) return done(q.default as T);
        const c = q.choices.find((x) => x.value === a || x.name === a);
        if (!c) throw new Error(`scripted answer ${String(a)} is not a choice for: ${q.message}`);
        done(c.value);
      }),
    search: async <T>(q: { message: string; source: (term: string | undefined) => Promise<Choice<T>[]> }) => {
      const a = String(next(q.message));
      const found = await q.source(a);
      if (!found.length) throw new Error(`scripted search "${a}" found nothing for: ${q.message}`);
      return found[0]!.value;
    },
  };
}
