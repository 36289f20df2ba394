/**
 * Reads for the corrective actions, the re-check, what the visits show and the branch head's
 * tiles. An action is shown with the visit that raised it and the item or veto as that visit's
 * template version words it (a later version may have reworded or dropped it).
 */
import type { CorrectiveAction, Inspection, InspectionTemplate, TemplateItem } from '@/domain/model/records'
import { effectiveVisits } from '@/domain/inspection/ranking'
import { recheckItems } from '@/domain/inspection/corrective'
import { templateItems } from '@/domain/inspection/scoring'
import type { BusinessDate } from '@/domain/time'
import type { QuarterKey } from '@/domain/quarters'
import type { BranchStanding } from '@/domain/inspection/ranking'
import { database } from '../../connection'
import { quarterRanking } from './ranking'

type TemplateVeto = InspectionTemplate['vetoes'][number]
export type ActionStatus = CorrectiveAction['status']

/** An action with what it is about: its visit, and its item or veto in the visit's template version. */
export interface ActionEntry {
  action: CorrectiveAction
  visit: Pick<Inspection, 'id' | 'date' | 'branchId' | 'templateId' | 'inspectorId'>
  item: TemplateItem | null
  veto: TemplateVeto | null
}

const live = <T extends { deleted: number }>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined && r.deleted === 0)

/** Templates by id, each read once. */
async function templatesOf(ids: Iterable<string>): Promise<Map<string, InspectionTemplate>> {
  const unique = [...new Set(ids)]
  const found = live(await database().records('inspectionTemplates').bulkGet(unique))
  return new Map(found.map((t) => [t.id, t]))
}

async function withVisits(actions: CorrectiveAction[]): Promise<ActionEntry[]> {
  const visits = live(await database().records('inspections').bulkGet([...new Set(actions.map((a) => a.inspectionId))]))
  const visitById = new Map(visits.map((v) => [v.id, v]))
  const templates = await templatesOf(visits.map((v) => v.templateId))
  return actions.flatMap((action) => {
    const visit = visitById.get(action.inspectionId)
    if (!visit) return []
    const template = templates.get(visit.templateId)
    const item = action.source === 'item' ? (templateItems(template ?? { sections: [] }).find((i) => i.item.code === action.code)?.item ?? null) : null
    const veto = action.source === 'veto' ? (template?.vetoes.find((v) => v.code === action.code) ?? null) : null
    return [{ action, visit: { id: visit.id, date: visit.date, branchId: visit.branchId, templateId: visit.templateId, inspectorId: visit.inspectorId }, item, veto }]
  })
}

/** Actions of the given statuses at the given outlets, by the [branchId+status] index, oldest due first. */
export async function actionsAt(branchIds: readonly string[], statuses: readonly ActionStatus[]): Promise<ActionEntry[]> {
  const keys = branchIds.flatMap((b) => statuses.map((s) => [b, s]))
  if (keys.length === 0) return []
  const rows = live(await database().records('correctiveActions').where('[branchId+status]').anyOf(keys).toArray())
  rows.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.raisedOn.localeCompare(b.raisedOn) || a.code.localeCompare(b.code))
  return withVisits(rows)
}

/** An action with the visit's answers and vetoes, to show the deduction as it was scored. */
export interface ActionDetail extends ActionEntry {
  answers: Inspection['answers']
  vetoes: Inspection['vetoes']
}

/** One action with its visit and the deduction as scored; undefined when it does not exist. */
export async function actionDetail(actionId: string): Promise<ActionDetail | undefined> {
  const action = await database().records('correctiveActions').get(actionId)
  if (!action || action.deleted !== 0) return undefined
  const [entry] = await withVisits([action])
  const visit = await database().records('inspections').get(action.inspectionId)
  if (!entry || !visit) return undefined
  return { ...entry, answers: visit.answers, vetoes: visit.vetoes }
}

/** What a re-check needs: the visit, its template version, its actions and the items to re-check. */
export interface RecheckContext {
  visit: Inspection
  template: InspectionTemplate
  actions: CorrectiveAction[]
  itemCodes: string[]
}

export async function recheckContext(inspectionId: string): Promise<RecheckContext | undefined> {
  const visit = await database().records('inspections').get(inspectionId)
  if (!visit || visit.deleted !== 0 || visit.status === 'draft') return undefined
  const template = await database().records('inspectionTemplates').get(visit.templateId)
  if (!template) return undefined
  const actions = live(await database().records('correctiveActions').where('inspectionId').equals(inspectionId).toArray())
  return { visit, template, actions, itemCodes: recheckItems(template, actions) }
}

/** Submitted visits with their template version. */
export interface ScoredVisit {
  visit: Inspection
  template: InspectionTemplate
}

/**
 * The visits that count between two days (both included), by the date index: submitted or
 * acknowledged, each amended visit replaced by its latest amendment.
 */
export async function visitsBetween(from: BusinessDate, to: BusinessDate): Promise<ScoredVisit[]> {
  const rows = (await database().records('inspections').where('date').between(from, to, true, true).toArray()).filter((v) => v.deleted === 0 && v.status !== 'draft' && v.summary !== null)
  const counted = new Set(
    effectiveVisits(
      rows.map((v) => ({ visitId: v.id, branchId: v.branchId, date: v.date, status: v.status, amends: v.amends, submittedAt: v.submittedAt ?? 0, normalised: v.summary?.normalised ?? 0, grade: v.summary?.grade ?? 'fail', confirmedVetoes: v.summary?.confirmedVetoes ?? 0 })),
    ).map((v) => v.visitId),
  )
  const templates = await templatesOf(rows.map((v) => v.templateId))
  return rows
    .filter((v) => counted.has(v.id))
    .flatMap((visit) => {
      const template = templates.get(visit.templateId)
      return template ? [{ visit, template }] : []
    })
    .sort((a, b) => a.visit.date.localeCompare(b.visit.date))
}

/** An outlet's latest counted visit (submitted or acknowledged; of amendments the latest), by the [branchId+date] index. */
export async function latestVisit(branchId: string): Promise<Inspection | undefined> {
  const rows = await database().records('inspections').where('[branchId+date]').between([branchId, ''], [branchId, '\uffff']).reverse().toArray()
  const done = rows.filter((v) => v.deleted === 0 && v.status !== 'draft' && v.summary !== null)
  const amended = new Set(done.map((v) => v.amends).filter((id): id is string => id !== null))
  return done.filter((v) => !amended.has(v.id)).sort((a, b) => b.date.localeCompare(a.date) || (b.submittedAt ?? 0) - (a.submittedAt ?? 0))[0]
}

/** An outlet's standing in each quarter, with how many outlets of its group were ranked. */
export interface QuarterStanding {
  quarter: QuarterKey
  standing: BranchStanding | null
  rankedInGroup: number
}

export async function standingsOf(branchId: string, quarters: readonly QuarterKey[]): Promise<QuarterStanding[]> {
  return Promise.all(
    quarters.map(async (quarter) => {
      const ranking = await quarterRanking(quarter)
      const standing = ranking.find((s) => s.branchId === branchId) ?? null
      return { quarter, standing, rankedInGroup: standing ? ranking.filter((s) => s.ranked && s.group === standing.group).length : 0 }
    }),
  )
}
