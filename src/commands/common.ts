// Helpers every command shares (src/services holds them, each with its concern): finding the record
// a person meant, reading flags, asking for what is missing, and reporting what was written.
export * from "../services/ask.js";
export * from "../services/find-record.js";
export * from "../services/flags.js";
export * from "../services/output.js";
