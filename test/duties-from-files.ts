// Every duty as the rules engine finds it over every record file that reads: what the derived
// index's kept duties are compared with (test/index-duties.test.ts, test/rebuild.test.ts).
import { recordDuties, type FoundDuty, type Rec } from "../src/domain/duties/index.js";
import type { RecordKind } from "../src/domain/ids.js";
import type { RecordOf } from "../src/domain/schema.js";
import { engineSettings } from "../src/store/calendar-source.js";
import type { Store } from "../src/store/store.js";

export async function dutiesFromFiles(store: Store, now: Date): Promise<FoundDuty[]> {
  const recs = async <K extends RecordKind>(k: K): Promise<Rec<RecordOf[K]>[]> =>
    (await store.all(k, () => {})).map((l) => ({ id: l.id, value: l.value }));
  return recordDuties({
    settings: await engineSettings(store),
    customers: await recs("customer"),
    tickets: await recs("ticket"),
    contacts: await recs("contact"),
    events: await recs("event"),
    reports: [],
    waivers: [],
    now,
  }).found;
}
