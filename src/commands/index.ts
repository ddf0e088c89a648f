// Every command, in the order --help lists them: each noun's flags module registers its words and
// flags (CONTRIBUTING.md, "Where things live"). Only light modules are imported here (registry.ts).
import type { Command } from "commander";
import { registerCalendar } from "./calendar.flags.js";
import { registerCheck } from "./check.flags.js";
import { registerCompletion } from "./completion.flags.js";
import { registerContacts } from "./contact/flags.js";
import { registerCustomer } from "./customer/flags.js";
import { registerDoctor } from "./doctor.flags.js";
import { registerDue } from "./due.flags.js";
import { registerDuty } from "./duty.flags.js";
import { registerEvent } from "./event.flags.js";
import { registerExport } from "./export.flags.js";
import { registerHistory } from "./history.flags.js";
import { registerHolidays } from "./holidays.flags.js";
import { registerImport } from "./import.flags.js";
import { registerInit } from "./init.flags.js";
import { registerMergeDriver } from "./merge-driver.flags.js";
import { registerReindex } from "./reindex.flags.js";
import { registerReport } from "./report.flags.js";
import { withHelpTexts, type Runner, type Say } from "./registry.js";
import { registerStaff } from "./staff.flags.js";
import { registerSync } from "./sync.flags.js";
import { registerTicket } from "./ticket/flags.js";

const NOUNS = [
  registerInit,
  registerStaff,
  registerCustomer,
  registerTicket,
  registerContacts, // call, letter, contact
  registerCheck,
  registerReindex,
  registerDoctor,
  registerSync, // sync, resolve, pre-push
  registerHistory, // history, undo, redo
  registerImport,
  registerExport,
  registerCalendar,
  registerCompletion, // completion, __complete, __ids
  registerMergeDriver,
  registerReport,
  registerDuty,
  registerDue, // due, overdue
  registerHolidays,
  registerEvent,
];

export function registerCommands(program: Command, runner: Runner, say: Say): void {
  for (const register of NOUNS) register(program, runner);
  withHelpTexts(program, say);
}
