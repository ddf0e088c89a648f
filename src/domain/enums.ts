// The fixed vocabularies of the records, without the schema library (the CLI declares its
// choices from these at start-up).
export const ROLES = ["clerk", "technician", "supervisor", "engineering"] as const;
export const LOCALES = ["zh-CN", "en"] as const;
/** How a request comes in: the built-in ones; a store adds its own under `channels:` in aftercare.yaml. */
export const CHANNELS = ["phone", "fax", "visit", "email", "web", "wechat", "sms"] as const;
/** The name of a channel a store adds (douyin, hotline-2): lower-case letters, digits and hyphens. */
export const CHANNEL_NAME_RE = /^[a-z][a-z0-9-]{0,31}$/;
export const TICKET_KINDS = ["repair", "install", "maintenance", "consult", "complaint", "shop"] as const;
export const TICKET_STATUSES = [
  "open",
  "escalated",
  "dispatched",
  "onsite",
  "workshop",
  "ready",
  "resolved",
  "closed",
  "cancelled",
] as const;
export const SUPPLIERS = ["us", "customer"] as const;
export const GRADES = ["genuine", "aftermarket"] as const;
export const ESTIMATE_MODES = ["system", "symptom", "item"] as const;
export const VIA = ["phone", "in-person", "sms"] as const;
export const CONTACT_CHANNELS = ["call", "letter", "visit"] as const;
export const DIRECTIONS = ["in", "out"] as const;
export const PURPOSES = ["followup", "consult", "complaint", "notice", "reminder", "other"] as const;
export const LETTER_KINDS = ["notice", "invitation", "reply"] as const;
export const EVENT_KINDS = ["gathering", "discount", "free-service"] as const;
