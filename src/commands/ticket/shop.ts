// What the reception desk's verbs share (regulation part C: a vehicle from appointment to delivery,
// on a ticket of kind shop): ticket intake | estimate | handover | promise | extra | answer | progress | ready | deliver.
import { EXIT, refusal } from "../../errors.js";
import { parseMoney } from "../../domain/shop.js";

/** An amount typed in units ("1280.00") as cents, or a usage error. */
export const money = (value: string | undefined, flag: string): number | undefined => {
  if (value === undefined) return undefined;
  const c = parseMoney(value);
  if (c === undefined) throw refusal("rf.amount", { flag, value }, EXIT.usage);
  return c;
};
