/**
 * What the plans and rankings screens read beyond the lead's repository: a half month's finished
 * visits, when each outlet was last inspected, the awards as recorded, a quarter's period vetoes
 * with their evidence; and entering a period veto together with its evidence photo.
 */
import type { Inspection, InspectionAward, PeriodVeto } from '@/domain/model/records'
import { DONE_STATUSES, halfMonth, type HalfMonthKey } from '@/domain/inspection/plans'
import { vetoProblems, type VetoFinding, type VetoProblem } from '@/domain/inspection/vetoes'
import type { BusinessDate } from '@/domain/time'
import type { QuarterKey } from '@/domain/quarters'
import { database } from '../../connection'
import { writeRecords } from '../../write'
import { activeTemplates } from './templates'
import type { CapturedImage } from './visits'

const live = <T extends { deleted: number }>(rows: T[]) => rows.filter((r) => r.deleted === 0)
const isDone = (visit: Inspection) => DONE_STATUSES.includes(visit.status)

/** The submitted and acknowledged visits of a half month, by anyone. */
export async function halfMonthVisits(key: HalfMonthKey): Promise<Inspection[]> {
  const { start, end } = halfMonth(key)
  return live(await database().records('inspections').where('date').between(start, end, true, true).toArray()).filter(isDone)
}

/** The day each outlet was last inspected (a submitted or acknowledged visit); outlets never inspected are absent. */
export async function lastInspectedOn(): Promise<Map<string, BusinessDate>> {
  const last = new Map<string, BusinessDate>()
  await database()
    .records('inspections')
    .each((visit) => {
      if (visit.deleted !== 0 || !isDone(visit)) return
      const held = last.get(visit.branchId)
      if (held === undefined || visit.date > held) last.set(visit.branchId, visit.date)
    })
  return last
}

/** A quarter's red flags and penalties as they were awarded; empty while the quarter is not awarded. */
export async function quarterAwards(quarter: QuarterKey): Promise<InspectionAward[]> {
  return live(await database().records('inspectionAwards').where('quarter').equals(quarter).toArray())
}

/** Every quarter's awards, the oldest quarter first: who held the red flag when, and the penalties. */
export async function awardHistory(): Promise<InspectionAward[]> {
  return live(await database().records('inspectionAwards').orderBy('quarter').toArray())
}

/** The period vetoes entered for a quarter, the latest first. */
export async function quarterPeriodVetoes(quarter: QuarterKey): Promise<PeriodVeto[]> {
  return live(await database().records('periodVetoes').where('quarter').equals(quarter).toArray()).sort((a, b) => b.createdAt - a.createdAt)
}

/** Why a period veto was not entered: what the finding lacks, or the quarter is already awarded. */
export type PeriodVetoRefusal = VetoProblem | 'quarter_awarded'

export class PeriodVetoRefusedError extends Error {
  constructor(readonly problems: PeriodVetoRefusal[]) {
    super(`The period veto was not entered: ${problems.join(', ')}`)
    this.name = 'PeriodVetoRefusedError'
  }
}

export interface NewPeriodVeto {
  vetoCode: string
  finding: string
  witnesses: string[]
  branchId: string
  quarter: QuarterKey
  /** The inspector entering it (staff id). */
  enteredBy: string
}

/**
 * Enters a period veto (一票否决, such as a verified complaint that reached the media) against an
 * outlet and a quarter with its evidence photo, both in one transaction: the photo becomes an
 * attachment of the veto. Refused, with nothing written, when the active sheet's period vetoes do
 * not confirm it or the quarter's awards are already recorded (they would no longer match).
 */
export async function enterPeriodVetoWithEvidence(input: NewPeriodVeto, photo: CapturedImage): Promise<PeriodVeto> {
  const vetoId = crypto.randomUUID()
  const photoId = crypto.randomUUID()
  const finding: VetoFinding = { vetoCode: input.vetoCode, finding: input.finding.trim(), photoIds: [photoId], witnesses: input.witnesses.map((w) => w.trim()).filter((w) => w !== '') }
  return writeRecords(['periodVetoes', 'attachments', 'inspectionTemplates', 'inspectionAwards'], async (w) => {
    const [template] = await activeTemplates()
    const problems: PeriodVetoRefusal[] = template ? vetoProblems(finding, template, 'period') : ['unknown_veto']
    if ((await database().records('inspectionAwards').where('quarter').equals(input.quarter).count()) > 0) problems.push('quarter_awarded')
    if (problems.length > 0) throw new PeriodVetoRefusedError(problems)
    await w.insert('attachments', { id: photoId, ownerTable: 'periodVetoes', ownerId: vetoId, ...photo, exportedAt: null })
    return w.insert('periodVetoes', { id: vetoId, ...finding, branchId: input.branchId, quarter: input.quarter, enteredBy: input.enteredBy }, { action: 'periodVeto.enter' })
  })
}
