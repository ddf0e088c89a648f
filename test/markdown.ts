// Reports must be Markdown a real parser reads as intended: tables are tables.
import { marked, type Token, type Tokens } from "marked";
import { expect } from "vitest";

/** Every line that looks like a table row is in a table the parser found, with the header's cell count. */
export function checkMarkdown(text: string): void {
  const tokens = marked.lexer(text);
  const tables: Tokens.Table[] = [];
  const walk = (ts: Token[]) =>
    ts.forEach((t) =>
      t.type === "table" ? tables.push(t as Tokens.Table) : "tokens" in t && t.tokens && walk(t.tokens),
    );
  walk(tokens);
  const inTables = tables.reduce((n, t) => n + 2 + t.rows.length, 0);
  const pipeLines = text.split("\n").filter((l) => l.startsWith("|")).length;
  expect(inTables, "every |-line is part of a parsed table").toBe(pipeLines);
  for (const t of tables) for (const row of t.rows) expect(row.length).toBe(t.header.length);
}
