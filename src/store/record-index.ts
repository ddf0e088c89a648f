// The derived index lives in ./index/ (record-index.ts there says how it works); this path keeps its public API.
export { RecordIndex, FULL_STAT_FILES, fullStatLimit, type GitAhead } from "./index/record-index.js";
