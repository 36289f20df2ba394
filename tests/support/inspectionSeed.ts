/**
 * The counter's small branch with what inspection tests need: a region inspector (9014 蒋平), the
 * default score sheet installed, answers with every item passed, and a stand-in picture.
 */
import { writeRecords } from '@/db/write'
import { ensureDefaultTemplate } from '@/db/repositories/inspection/templates'
import type { CapturedImage } from '@/db/repositories/inspection/visits'
import { templateItems, type ItemAnswer } from '@/domain/inspection/scoring'
import type { InspectionTemplate, Staff } from '@/domain/model/records'
import { seedCounterBranch, type CounterBranch } from './counterSeed'

export interface InspectionBranch extends CounterBranch {
  inspector: Staff
  template: InspectionTemplate
}

export async function seedInspectionBranch(): Promise<InspectionBranch> {
  const branch = await seedCounterBranch()
  const inspector = await writeRecords(['staff'], (w) => w.insert('staff', { branchId: null, staffNo: '9014', surname: '蒋', givenName: '平', roles: ['inspector'], pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 }))
  return { ...branch, inspector, template: await ensureDefaultTemplate() }
}

/** Every item of the template answered as passed (GRADE items at their best level). */
export function allPassed(template: InspectionTemplate): Record<string, ItemAnswer> {
  const answers: Record<string, ItemAnswer> = {}
  for (const { item } of templateItems(template)) answers[item.code] = item.rule === 'GRADE' ? { kind: 'level', levelIndex: 0, occurrences: [], fixedOnSpot: false, note: '' } : { kind: 'pass', note: '' }
  return answers
}

export const picture = (text: string): CapturedImage => ({ blob: new Blob([text], { type: 'image/jpeg' }), mimeType: 'image/jpeg', width: 1600, height: 1200 })
