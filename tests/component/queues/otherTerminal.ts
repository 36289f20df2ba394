/** Another terminal's steps, stored as the replicator stores what arrives from the hub. */
import { database } from '@/db/connection'
import type { Arrival } from '@/db/sync/replicator'
import { encodeHlc } from '@/domain/hlc'
import type { ServicePoint, VisitEvent } from '@/domain/model/records'

export const OTHER_TERMINAL = 'counter-3-tablet'

/** Another terminal's call of the visit at `point`, a second before now (so the arrival must be earlier still). */
export async function callFromAnotherTerminal(visitId: string, point: ServicePoint): Promise<Arrival> {
  const visit = (await database().records('visits').get(visitId))!
  const at = Date.now() - 1_000
  const record: VisitEvent = {
    id: crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
    deviceId: OTHER_TERMINAL,
    hlc: encodeHlc({ wallMs: at, counter: 0 }, OTHER_TERMINAL),
    deleted: 0,
    visitId,
    branchId: visit.branchId,
    businessDate: visit.businessDate,
    at,
    kind: 'called',
    data: { lane: 'normal' },
    servicePointId: point.id,
    staffId: null,
  }
  await database().records('visitEvents').put(record)
  return { table: 'visitEvents', record, isNew: true }
}

/** The replicator where synchronisation goes through the sync store: any call to it fails the test loudly. */
export function replicatorNotToBeCalled(): Record<string, () => never> {
  const refuse = (name: string) => (): never => {
    throw new Error(`Unexpected call to the replicator's ${name}`)
  }
  return Object.fromEntries(['startSync', 'stopSync', 'syncRunning', 'currentSyncStatus', 'syncNow', 'isOnHub', 'downloadBranch'].map((name) => [name, refuse(name)]))
}
