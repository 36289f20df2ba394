/**
 * The region's inspection history for the demo: from the start of the previous quarter to today,
 * each half month's plans (the two inspectors, 12 outlets each, rotated), the visits of those plans
 * (every planned outlet visited in a past half month; some of them so far in the current one),
 * scored on the demo's template with a few deductions each (outlets differ in how well they serve),
 * signed by the inspector and, but for the last days', acknowledged by the outlet's head; the
 * corrective actions they raised, mostly verified, some still open and overdue; and the previous
 * quarter's red flags and penalties. Signatures are small SVG scribbles. Pure and deterministic;
 * every record carries `demo: 1`.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { Dice } from './dice'
import type { DemoRecord, HistoryInput, SeededRecord } from './generate'
import { halfMonth, halfMonthOf, nextHalfMonth, proposeRotation, type HalfMonthKey, type InspectionPlan as Plan } from '@/domain/inspection/plans'
import { templateItems, type ItemAnswer } from '@/domain/inspection/scoring'
import { visitSummary } from '@/domain/inspection/submission'
import { changeAction, raiseActions, type CorrectiveAction as Action } from '@/domain/inspection/corrective'
import { awardsOf, quarterStandings } from '@/domain/inspection/ranking'
import { DEFAULT_INSPECTION_RULES } from '@/domain/inspection/rules'
import { addDays, isWeekday, startOfBusinessDate, type BusinessDate } from '@/domain/time'
import { previousQuarter, quarterOf, quarterBounds } from '@/domain/quarters'

export const INSPECTION_TABLES = ['inspectionPlans', 'inspections', 'correctiveActions', 'attachments', 'inspectionAwards'] as const
export type InspectionTable = (typeof INSPECTION_TABLES)[number]
export type InspectionHistory = { [K in InspectionTable]: SeededRecord<K>[] }

export interface InspectionHistoryInput extends HistoryInput {
  branches: readonly Pick<DemoRecord<'branches'>, 'id' | 'code' | 'group'>[]
  staff: readonly Pick<DemoRecord<'staff'>, 'id' | 'staffNo' | 'surname' | 'givenName' | 'branchId' | 'roles'>[]
  template: DemoRecord<'inspectionTemplates'>
}

const DEMO = 1 as const
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const rules = DEFAULT_INSPECTION_RULES
/** Visits of the last days still wait for the outlet head's signature. */
const UNACKNOWLEDGED_DAYS = 3
const NOTES = ['工号牌未佩戴', '台面摆放私人物品', '宣传折页过期未撤', '未使用规范服务用语', '叫号后未起身迎接', '意见簿未放在显著位置', '客户等候时未主动引导'] as const
const FIXES = ['已组织晨会学习并整改', '已更换并拍照留存', '已清理并安排专人检查', '已在班前会点评'] as const

/** A few hand-drawn-looking strokes: the signature's picture. */
function signatureSvg(dice: Dice): string {
  let x = 20
  const points: string[] = []
  for (let i = 0; i < 14; i++) {
    x += dice.int(12, 30)
    points.push(`${x},${dice.int(20, 80)}`)
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="100"><rect width="100%" height="100%" fill="#fff"/><polyline points="${points.join(' ')}" fill="none" stroke="#1f2d3d" stroke-width="3" stroke-linejoin="round"/></svg>`
}

export function generateInspectionHistory(input: InspectionHistoryInput): InspectionHistory {
  const dice = new Dice(xoroshiro128plus(input.seed ^ 0x1a5e7))
  const ids = new Dice(xoroshiro128plus(input.seed ^ 0x1a5e8))
  const out: InspectionHistory = { inspectionPlans: [], inspections: [], correctiveActions: [], attachments: [], inspectionAwards: [] }
  const inspectors = input.staff.filter((s) => s.branchId === null && s.roles.includes('inspector')).sort((a, b) => a.staffNo.localeCompare(b.staffNo))
  const branches = [...input.branches].sort((a, b) => a.code.localeCompare(b.code))
  const staffOf = (branchId: string) => input.staff.filter((s) => s.branchId === branchId)
  const headOf = (branchId: string) => staffOf(branchId).find((s) => s.roles.includes('branch_head'))
  // How carefully each outlet serves: the chance that an item is found wanting.
  const slack = new Map(branches.map((b) => [b.id, dice.between(0.01, 0.07)]))
  const items = templateItems(input.template).map(({ item }) => item)
  const deductible = items.filter((item) => item.rule !== 'GRADE' && !item.photoRequired)
  const visitVeto = input.template.vetoes.find((v) => v.level === 'visit')

  // An acknowledged visit's pictures have long left the inspector's tablet in an exchange file; the last days' have not.
  const signature = (ownerId: string, at: number, person: { surname: string; givenName: string }, staffId: string | null, exported: boolean) => {
    const svg = signatureSvg(dice)
    const attachment: SeededRecord<'attachments'> = { id: ids.uuid(), demo: DEMO, ownerTable: 'inspections', ownerId, mimeType: 'image/svg+xml', blob: new Blob([svg], { type: 'image/svg+xml' }), width: 420, height: 100, exportedAt: exported ? at + 2 * HOUR : null }
    out.attachments.push(attachment)
    return { attachmentId: attachment.id, name: `${person.surname}${person.givenName}`, staffId, signedAt: at }
  }

  const answersFor = (branchId: string): Record<string, ItemAnswer> => {
    const answers: Record<string, ItemAnswer> = {}
    const people = staffOf(branchId)
    for (const item of items) {
      if (item.rule === 'GRADE') answers[item.code] = { kind: 'level', levelIndex: dice.chance(slack.get(branchId)! * 3) ? 1 : 0, occurrences: [], fixedOnSpot: false, note: '' }
      else if (item.allowNotApplicable && dice.chance(0.05)) answers[item.code] = { kind: 'not_applicable', note: '' }
      else answers[item.code] = { kind: 'pass', note: '' }
    }
    for (const item of deductible) {
      if (!dice.chance(slack.get(branchId)!)) continue
      const occurrences = Array.from({ length: item.rule === 'PER' ? dice.int(1, 2) : 1 }, () => ({ staffNo: people.length > 0 && dice.chance(0.6) ? dice.pick(people).staffNo : null, note: dice.pick(NOTES), photoIds: [] }))
      answers[item.code] = { kind: 'deduct', occurrences, fixedOnSpot: dice.chance(0.25), note: '' }
    }
    return answers
  }

  const from = quarterBounds(previousQuarter(quarterOf(input.today))).from
  let previousPlans: Plan[] = []
  let vetoGiven = false
  for (let key: HalfMonthKey = halfMonthOf(from); halfMonth(key).start <= input.today; key = nextHalfMonth(key)) {
    const period = halfMonth(key)
    const plans = proposeRotation(key, inspectors.map((i) => i.id), branches.map((b) => b.id), rules.branchesPerPlan, previousPlans)
    previousPlans = plans
    for (const plan of plans) {
      out.inspectionPlans.push({ ...plan, id: ids.uuid(), demo: DEMO })
      const inspector = inspectors.find((i) => i.id === plan.inspectorId)!
      for (const branchId of plan.branchIds) {
        const days: BusinessDate[] = []
        for (let d = period.start; d <= period.end && d < input.today; d = addDays(d, 1)) if (isWeekday(d)) days.push(d)
        if (days.length === 0 || (period.end >= input.today && dice.chance(0.4))) continue
        const date = dice.pick(days)
        const id = ids.uuid()
        const startedAt = startOfBusinessDate(date, input.zone) + dice.int(9 * 60 + 30, 15 * 60) * MINUTE
        const submittedAt = startedAt + dice.int(60, 120) * MINUTE
        const answers = answersFor(branchId)
        const head = headOf(branchId)
        const vetoes = !vetoGiven && visitVeto && quarterOf(date) !== quarterOf(input.today) && dice.chance(0.02) ? [{ vetoCode: visitVeto.code, finding: '柜员与客户发生争吵，经调阅录像核实', photoIds: [], witnesses: ['在场客户 王女士', '大堂经理'] }] : []
        if (vetoes.length > 0) vetoGiven = true
        const acknowledged = date < addDays(input.today, -UNACKNOWLEDGED_DAYS) && head !== undefined
        const summary = visitSummary(input.template, answers, vetoes)
        out.inspections.push({
          id, demo: DEMO, templateId: input.template.id, templateVersion: input.template.version, branchId, inspectorId: inspector.id, date, status: acknowledged ? 'acknowledged' : 'submitted', details: {},
          kind: dice.weighted([['on_site', 6], ['unannounced', 3], ['video', 1]]), halfMonth: key, observedWindows: [`${dice.int(1, 6)}号窗口`], observedStaffNos: [], context: { traffic: dice.pick(['high', 'normal', 'low'] as const), openCounters: dice.int(3, 8), team: [`${inspector.surname}${inspector.givenName}`], accompaniedBy: head ? `${head.surname}${head.givenName}` : '' },
          answers, vetoes, startedAt, submittedAt, summary,
          inspectorSignature: signature(id, submittedAt, inspector, inspector.id, acknowledged),
          acknowledgement: acknowledged && head ? { ...signature(id, submittedAt + 5 * MINUTE, head, head.id, true), role: 'branch_head' as const } : null,
          amends: null, amendReason: '',
        })
        const raised = raiseActions({ inspectionId: id, branchId, visitDate: date, inspector: inspector.staffNo, defaultOwner: head?.staffNo ?? '', dueDays: rules.correctiveDueDays, template: input.template, answers, confirmedVetoes: vetoes })
        for (const action of raised) out.correctiveActions.push({ ...settle(action, dice, inspector.staffNo, input.today), id: ids.uuid(), demo: DEMO })
      }
    }
  }

  // The previous quarter is over: its red flags and penalties are awarded.
  const last = previousQuarter(quarterOf(input.today))
  const results = out.inspections.map((v) => ({ visitId: v.id, branchId: v.branchId, date: v.date, status: v.status, amends: v.amends, submittedAt: v.submittedAt!, normalised: v.summary!.normalised, grade: v.summary!.grade, confirmedVetoes: v.summary!.confirmedVetoes }))
  const awardedAt = startOfBusinessDate(addDays(quarterBounds(last).to, 10), input.zone) + 10 * 60 * MINUTE
  for (const award of awardsOf(last, quarterStandings(last, branches.map((b) => ({ branchId: b.id, code: b.code, group: b.group })), results, [], rules))) {
    out.inspectionAwards.push({ ...award, id: ids.uuid(), demo: DEMO, awardedAt, awardedBy: inspectors[0]?.id ?? null })
  }
  return out
}

/** How far an action got by today: fixed on the spot stays verified; older ones fixed and verified, some fixed awaiting the re-check, the rest open (overdue once past due). */
function settle(action: Action, dice: Dice, inspectorNo: string, today: BusinessDate): Action {
  if (action.status !== 'open') return action
  const age = Math.round((Date.parse(today) - Date.parse(action.raisedOn)) / 86_400_000)
  const fixedOn = addDays(action.raisedOn, dice.int(1, 6))
  if (age < 3 || fixedOn >= today || dice.chance(0.12)) return action
  const fixed = changeAction(action, { to: 'fixed', on: fixedOn, by: action.owner, byInspector: false, via: 'manual', note: dice.pick(FIXES), photoIds: [] })
  if (!fixed.ok) return action
  const verifiedOn = addDays(fixedOn, dice.int(2, 10))
  if (verifiedOn >= today || dice.chance(0.15)) return fixed.action
  const verified = changeAction(fixed.action, { to: 'verified', on: verifiedOn, by: inspectorNo, byInspector: true, via: 'manual', note: '复核通过', photoIds: [] })
  return verified.ok ? verified.action : fixed.action
}
