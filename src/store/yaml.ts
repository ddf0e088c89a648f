// Safe YAML in, deterministic YAML out, and edits that leave untouched lines byte-for-byte.
// The parts, in yaml/: problems.ts (limits, problems, safe quotes, UTF-8, merge markers),
// tokens.ts (the shape from the lexer, before any tree), parse.ts (one record file parsed and
// checked), write.ts (canonical text, and edits that keep a hand-edited file's layout).
export { parseYaml, locate, type Parsed } from "./yaml/parse.js";
export {
  cap,
  capMessage,
  conflictMarkers,
  decodeUtf8,
  excerpt,
  invalidUtf8At,
  MAX_DEPTH,
  MAX_FILE_BYTES,
  MAX_ITEMS,
  MAX_LINES,
  position,
  type Problem,
} from "./yaml/problems.js";
export { stringifyRecord, updateYamlText, yaml11Ambiguous } from "./yaml/write.js";
