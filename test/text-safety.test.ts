// Hostile text (issue 11, "Files" and "Output"), the rules and filters themselves (the fast tier): what the
// schema says of control characters and lengths, and what reaches a terminal or a report. On real stores,
// through the CLI: files.test.ts.
import { describe, expect, it } from "vitest";
import { customerSchema, ticketSchema } from "../src/domain/schema.js";
import { oneLine, safe, terminalSafe } from "../src/format/text.js";
import { cell, md, mermaidText } from "../src/report/render.js";
import { MINGYUAN } from "./fixtures.js";

describe("control characters in one-line fields", () => {
  it("the schema says which rule, for one-line and multi-line fields, with the length caps", () => {
    const created = "2026-11-01T09:00:00+08:00";
    const issue = (v: unknown) => {
      const r = customerSchema.safeParse(v);
      return r.success ? "ok" : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    };
    expect(issue({ name: "a", created, contacts: [{ name: "张伟", title: "科长\u0007" }] })).toBe(
      "contacts.0.title: must not hold control characters: it holds U+0007 at character 3",
    );
    expect(issue({ name: "a", created, tags: ["vip\u2029"] })).toBe("ok"); // trimmed away at the end
    expect(issue({ name: "a", created, tags: ["v\u2029ip"] })).toBe(
      "tags.0: must be one line: it holds a line break (U+2029) at character 2",
    );
    expect(issue({ name: "a", created, contacts: [{ name: "张伟", phones: ["021\u001b5555"] }] })).toBe(
      "contacts.0.phones.0: must not hold control characters: it holds U+001B at character 4",
    );
    expect(issue({ name: "x".repeat(501), created })).toBe("name: is too long: at most 500 characters on one line");
    expect(issue({ name: "x".repeat(500), created })).toBe("ok");
    expect(issue({ name: "a", created, note: "line 1\n\tline 2" })).toBe("ok");
    expect(issue({ name: "a", created, note: "line 1\r\nline 2" })).toBe(
      "note: must not hold control characters other than line breaks and tabs: it holds U+000D at character 7",
    );
    expect(issue({ name: "a", created, note: "a\u0000" })).toBe(
      "note: must not hold control characters other than line breaks and tabs: it holds U+0000 at character 2",
    );
    expect(issue({ name: "a", created, note: "x".repeat(10_001) })).toBe(
      "note: is too long: at most 10,000 characters",
    );
    const ticket = {
      customer: MINGYUAN,
      received: created,
      filed: created,
      channel: "phone",
      kind: "repair",
      status: "open",
    };
    expect(ticketSchema.safeParse({ ...ticket, problem: "跳闸\n有异响\t两次" }).success).toBe(true);
    expect(ticketSchema.safeParse({ ...ticket, problem: "跳闸\u001b[2J" }).success).toBe(false);
    expect(ticketSchema.safeParse({ ...ticket, problem: "x", assignee: "王芳\n李强" }).success).toBe(false);
  });
});

describe("what reaches the terminal", () => {
  it("safe() shows controls, bidi, zero-width characters and separators as code points, never raw", () => {
    const raw =
      "a\u202eb\u2066c\u2069\u200ed\u200f\u061ce\u200bf\u200c\u200dg\ufeffh\u2060i\u2028j\u2029k\u001bl\u009bm\u007fn\u0000o\rp";
    expect(safe(raw)).toBe(
      "a\\u202eb\\u2066c\\u2069\\u200ed\\u200f\\u061ce\\u200bf\\u200c\\u200dg\\ufeffh\\u2060i\\u2028j\\u2029k\\u001bl\\u009bm\\u007fn\\u0000o\\u000dp",
    );
    expect(safe("上海\n\tAcme — ok")).toBe("上海\n\tAcme — ok");
    expect(oneLine("a\u2028b\nc\u202e")).toBe("a\\u2028b ⏎ c\\u202e");
    // the form is a JSON escape: shown inside a JSON string, it reads back as the character
    expect(JSON.parse(safe(JSON.stringify({ name: "a\u202eb" })))).toEqual({ name: "a\u202eb" });
  });

  it("the terminal guard in io.ts keeps aftercare's own colours and escapes everything else", () => {
    expect(terminalSafe("\u001b[31moverdue\u001b[39m Acme\u202e\u001b]8;;http://x\u0007")).toBe(
      "\u001b[31moverdue\u001b[39m Acme\\u202e\\u001b]8;;http://x\\u0007",
    );
    expect(terminalSafe("上海 — ok\n\t")).toBe("上海 — ok\n\t");
  });
});

describe("what reaches a report", () => {
  it("the filters: cell, md and mermaid", () => {
    expect(cell("<img src=x onerror=alert(1)>|a\r\nb\u202e")).toBe(
      "&lt;img src=x onerror=alert(1)&gt;\\|a<br>b\\\\u202e",
    );
    expect(md("**<b>x</b>** \u2066")).toBe("\\*\\*&lt;b&gt;x&lt;/b&gt;\\*\\* \\\\u2066");
    expect(mermaidText('a"<b>\u202e;#c')).toBe("a  b    c");
  });
});
