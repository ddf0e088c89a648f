// The fixed vocabularies of the records, without the schema library (the CLI declares its
// choices from these at start-up).
export const ROLES = ["clerk", "technician", "supervisor", "engineering"] as const;
export const LOCALES = ["zh-CN", "en"] as const;
export const CHANNELS = ["phone", "fax", "visit", "email", "web"] as const;
export const TICKET_KINDS = ["repair", "install", "maintenance", "consult", "complaint", "shop"] as const;
export const TICKET_STATUSES = ["open", "escalated", "dispatched", "onsite", "workshop", "ready", "resolved", "closed", "cancelled"] as const;
export const SUPPLIERS = ["us", "customer"] as const;
export const GRADES = ["genuine", "aftermarket"] as const;
export const ESTIMATE_MODES = ["system", "symptom", "item"] as const;
export const VIA = ["phone", "in-person", "sms"] as const;
export const CONTACT_CHANNELS = ["call", "letter", "visit"] as const;
export const DIRECTIONS = ["in", "out"] as const;
export const PURPOSES = ["followup", "consult", "complaint", "notice", "reminder", "other"] as const;
export const LETTER_KINDS = ["notice", "invitation", "reply"] as const;
export const EVENT_KINDS = ["gathering", "discount", "free-service"] as const;
