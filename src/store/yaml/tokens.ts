// The shape of a record file from the lexer's tokens, before any tree is built.
import { CST, Lexer } from "yaml";
import type { MessageKey } from "../../i18n.js";
import { MAX_DEPTH, MAX_ITEMS, MAX_LINES, MAX_PROPS, offsetPosition, said, type Problem } from "./problems.js";

const MARKERS = new Set(["\u0002", "\u0018", "\u001f"]); // the lexer's doc-mode, flow-error-end and scalar marks: no source text

/** Why a file's shape is refused, by kind: each message says what a record never is. */
const SHAPE_MESSAGES: Record<string, [MessageKey, number?]> = {
  deep: ["pr.tooDeep", MAX_DEPTH],
  many: ["pr.tooMany", MAX_ITEMS],
  long: ["pr.tooLong", MAX_LINES],
  props: ["pr.tooManyProps", MAX_PROPS],
  directive: ["pr.directive"],
  documents: ["pr.oneDocument"],
};

/** The walk over the tokens so far: open block collections, flow depth, counts. */
class Shape {
  readonly stack: { indent: number; seq: boolean }[] = [];
  flow = 0;
  entry = -1; // column of the first token of the current block entry, -1 before it
  entryAt = 0; // and its offset
  items = 0;
  lines = 0;
  props = 0;
  docs = 0;
  content = false; // a token other than space, comment or newline has been seen

  constructor(readonly src: string) {}

  problem(kind: "deep" | "many" | "long" | "props" | "directive" | "documents", at: number): Problem {
    const [key, max] = SHAPE_MESSAGES[kind]!;
    return { ...offsetPosition(this.src, at), ...said(key, max === undefined ? {} : { max }) };
  }

  /** A block collection entry at column `c`; true when that nests too deep. */
  open(c: number, seq: boolean): boolean {
    const stack = this.stack;
    while (stack.length && stack[stack.length - 1]!.indent > c) stack.pop();
    let top = stack[stack.length - 1];
    // a map's next key ends a sequence written at the key's own indentation
    if (!seq && top && top.indent === c && top.seq) {
      stack.pop();
      top = stack[stack.length - 1];
    }
    if (!(top && top.indent === c && top.seq === seq)) stack.push({ indent: c, seq });
    return stack.length > MAX_DEPTH;
  }

  /** The current block entry starts here unless it has started already. */
  enter(start: number, at: number): void {
    if (this.flow === 0 && this.entry < 0) [this.entry, this.entryAt] = [start, at];
  }

  /** One more item; the problem when there are too many. */
  item(at: number): Problem | undefined {
    return ++this.items > MAX_ITEMS ? this.problem("many", at) : undefined;
  }

  /** One token of type `type`, text `tok`, at column `start` and offset `at`: a problem, or undefined. */
  step(type: string, tok: string, start: number, at: number): Problem | undefined {
    switch (type) {
      case "newline":
        this.entry = -1;
        return ++this.lines > MAX_LINES ? this.problem("long", at) : undefined;
      case "comment":
        return ++this.lines > MAX_LINES ? this.problem("long", at) : undefined;
      case "space":
      case "byte-order-mark":
        return undefined;
      case "tag":
      case "anchor":
      case "alias":
        if (++this.props > MAX_PROPS) return this.problem("props", at);
        this.enter(start, at);
        return undefined;
      case "directive-line":
        return this.problem("directive", at);
      case "doc-start":
      case "doc-end":
        // one document: a '---' may open the file, nothing may follow the document
        if (type === "doc-end" || this.content || ++this.docs > 1) return this.problem("documents", at);
        this.stack.length = 0;
        this.flow = 0;
        this.entry = -1;
        return undefined;
      case "flow-seq-start":
      case "flow-map-start":
        this.enter(start, at);
        if (this.stack.length + ++this.flow > MAX_DEPTH) return this.problem("deep", at);
        return this.item(at);
      case "flow-seq-end":
      case "flow-map-end": {
        // a closing bracket with no opening one is a parse error each: bounded like items
        const many = this.flow === 0 ? this.item(at) : undefined;
        this.flow = Math.max(0, this.flow - 1);
        return many;
      }
      case "comma":
        return this.item(at);
      case "seq-item-ind":
      case "explicit-key-ind":
        if (++this.items > MAX_ITEMS) return this.problem("many", at);
        if (this.flow === 0) {
          if (this.open(start, tok === "-")) return this.problem("deep", at);
          this.entry = -1;
        }
        return undefined;
      case "map-value-ind":
        if (++this.items > MAX_ITEMS) return this.problem("many", at);
        if (this.flow === 0 && this.open(this.entry >= 0 ? this.entry : start, false))
          return this.problem("deep", this.entry >= 0 ? this.entryAt : at);
        return undefined;
      default:
        this.enter(start, at);
        return undefined;
    }
  }
}

/** Token types that are not content: before the first content a '---' may open the document. */
const NO_CONTENT = new Set(["newline", "space", "comment", "byte-order-mark", "doc-start"]);

/**
 * Depth, size and shape limits from the token stream, before any tree is built: the lexer knows
 * what is quoted, a block scalar or a comment (no apostrophe fools it), costs a few ms per 100 KB
 * and never recurses, while composing a tree 5,000 block sequences deep exhausts the process.
 * Block depth comes from the columns of `-`, `?` and `key:`; flow depth from the brackets.
 */
export function tokenProblem(src: string): Problem | undefined {
  const shape = new Shape(src);
  let offset = 0;
  let col = 0;
  let scalar = false; // the token after the scalar mark is a plain scalar or block scalar body, whatever it starts with
  for (const tok of new Lexer().lex(src)) {
    if (MARKERS.has(tok)) {
      scalar = tok === "\u001f";
      continue;
    }
    const start = col;
    const at = offset;
    offset += tok.length;
    const nl = tok.lastIndexOf("\n");
    col = nl >= 0 ? tok.length - nl - 1 : col + tok.length;
    const type = scalar ? "scalar" : CST.tokenType(tok);
    scalar = false;
    if (!NO_CONTENT.has(type ?? "")) shape.content = true;
    const problem = shape.step(type ?? "", tok, start, at);
    if (problem) return problem;
    if (nl >= 0 && nl === tok.length - 1) shape.entry = -1; // a block scalar's body ends its line
  }
  return undefined;
}
