/**
 * The inspection branch with one submitted visit ten days ago (its actions a few days overdue):
 * C4 lost twice naming 9005, D1 (ALL) naming nobody (owned by the head 9001), C1 fixed on the spot.
 */
import { allPassed, picture, seedInspectionBranch, type InspectionBranch } from '../../../support/inspectionSeed'
import { today } from '../../../support/counterSeed'
import { saveDraft, startInspection, submitInspection } from '@/db/repositories/inspection/visits'
import { database } from '@/db/connection'
import type { CorrectiveAction, Inspection } from '@/domain/model/records'
import { addDays } from '@/domain/time'
import { vi } from 'vitest'

export interface ActionsBranch extends InspectionBranch {
  visit: Inspection
  visitDate: string
  action: (code: string) => Promise<CorrectiveAction>
}

export async function seedActionsBranch(): Promise<ActionsBranch> {
  const b = await seedInspectionBranch()
  const visitDate = addDays(today, -10)
  const started = await startInspection({ templateId: b.template.id, branchId: b.branchId, inspectorId: b.inspector.id, date: visitDate, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
  await saveDraft(
    started.id,
    {
      ...allPassed(b.template),
      C4: { kind: 'deduct', occurrences: [{ staffNo: '9005', note: '玩手机', photoIds: [] }, { staffNo: '9005', note: '闲聊', photoIds: [] }], fixedOnSpot: false, note: '' },
      D1: { kind: 'deduct', occurrences: [{ staffNo: null, note: '晚开门 5 分钟', photoIds: [] }], fixedOnSpot: false, note: '' },
      C1: { kind: 'deduct', occurrences: [{ staffNo: '9011', note: '未佩戴工号牌', photoIds: [] }], fixedOnSpot: true, note: '' },
    },
    [],
  )
  const visit = await submitInspection(started.id, { image: picture('signature'), name: '蒋平', staffId: b.inspector.id }, visitDate)
  const action = async (code: string) => (await database().records('correctiveActions').where('inspectionId').equals(visit.id).toArray()).find((a) => a.code === code)!
  return { ...b, visit, visitDate, action }
}

/** jsdom makes no object URLs: photos on screen get a stand-in address each. */
export function stubPictureUrls(): void {
  let made = 0
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => `blob:photo-${++made}`), revokeObjectURL: vi.fn() }))
}
