// Where output goes. Data to stdout, messages to stderr; tests capture both and can pretend to be
// a terminal or a pipe.
import { Chalk, type ChalkInstance } from "chalk";
import { terminalSafe } from "./format/text.js";

export interface IO {
  out(text: string): void;
  err(text: string): void;
  /** stdout is a terminal (tables, colour). */
  readonly isTTY: boolean;
  /** a person can answer prompts (stdin and stdout are terminals, input not disabled). */
  readonly interactive: boolean;
  readonly color: ChalkInstance;
  readonly columns: number;
}

export function processIO(opts: { color: boolean; input: boolean }): IO {
  const isTTY = Boolean(process.stdout.isTTY);
  const useColor = opts.color && isTTY && !process.env.NO_COLOR && process.env.TERM !== "dumb";
  return {
    // messages, and whatever a terminal shows, never carry a raw control, bidi or zero-width character
    out: (t) => process.stdout.write(isTTY ? terminalSafe(t) : t),
    err: (t) => process.stderr.write(terminalSafe(t)),
    isTTY,
    interactive: opts.input && isTTY && Boolean(process.stdin.isTTY) && !process.env.CI,
    color: new Chalk({ level: useColor ? 1 : 0 }),
    columns: process.stdout.columns || 100,
  };
}

export interface TestIO extends IO {
  stdout: () => string;
  stderr: () => string;
}

export function testIO(opts: { tty?: boolean; color?: boolean } = {}): TestIO {
  let o = "";
  let e = "";
  return {
    out: (t) => void (o += opts.tty ? terminalSafe(t) : t),
    err: (t) => void (e += terminalSafe(t)),
    isTTY: Boolean(opts.tty),
    interactive: false,
    color: new Chalk({ level: opts.color ? 1 : 0 }),
    columns: 100,
    stdout: () => o,
    stderr: () => e,
  };
}
