// @vitest-environment node
// Node rather than jsdom: the signatures are Blobs, and valibot checks they are Node's.
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { DEMO_SEED, generateDemoBranch } from '@/db/demo/generate'
import { generateInspectionHistory, INSPECTION_TABLES } from '@/db/demo/inspectionHistory'
import { RECORD_SCHEMAS } from '@/domain/model/records'
import { halfMonth } from '@/domain/inspection/plans'
import { visitSummary } from '@/domain/inspection/submission'
import { overdueActions } from '@/domain/inspection/corrective'
import { startOfBusinessDate } from '@/domain/time'
import { previousQuarter, quarterOf } from '@/domain/quarters'

const TODAY = '2026-11-25' // a Wednesday
const ZONE = 'Asia/Shanghai'
const NOW = startOfBusinessDate(TODAY, ZONE) + (10 * 60 + 40) * 60_000
const demo = generateDemoBranch(TODAY, ZONE)
const template = demo.records.inspectionTemplates[0]!
const input = { branchId: demo.ownBranchId, today: TODAY, zone: ZONE, nowMs: NOW, seed: DEMO_SEED, branches: demo.records.branches, staff: demo.records.staff, template }
const history = generateInspectionHistory(input)

describe('the demo inspection history', () => {
  it('is deterministic for the same input and seed', () => {
    const again = generateInspectionHistory(input)
    expect(again.inspections).toEqual(history.inspections)
    expect(again.correctiveActions).toEqual(history.correctiveActions)
  })

  it('makes records that validate against their table schemas once stamped, all demo, unique ids', () => {
    const stamp = { createdAt: 0, updatedAt: 0, deviceId: 'test-device', hlc: '0000000000000-0000-test-device', deleted: 0 }
    const ids = INSPECTION_TABLES.flatMap((table) =>
      history[table].map((record) => {
        const result = v.safeParse(RECORD_SCHEMAS[table], { ...record, ...stamp })
        expect(result.success, `${table} ${record.id}: ${JSON.stringify(result.issues?.[0])}`).toBe(true)
        expect(record.demo).toBe(1)
        return record.id
      }),
    )
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('plans 12 outlets per inspector per half month, and visits only planned outlets within their half month, never after now', () => {
    expect(history.inspectionPlans.every((p) => p.branchIds.length === 12)).toBe(true)
    for (const visit of history.inspections) {
      const plan = history.inspectionPlans.find((p) => p.inspectorId === visit.inspectorId && p.halfMonth === visit.halfMonth)
      expect(plan?.branchIds).toContain(visit.branchId)
      const period = halfMonth(visit.halfMonth as never)
      expect(visit.date >= period.start && visit.date <= period.end).toBe(true)
      expect(visit.submittedAt!).toBeLessThan(NOW)
    }
  })

  it('keeps each visit’s figures as its answers give them, with the inspector’s signature, and the last days’ visits unacknowledged', () => {
    for (const visit of history.inspections) {
      expect(visit.summary).toEqual(visitSummary(template, visit.answers, visit.vetoes))
      expect(history.attachments.some((a) => a.id === visit.inspectorSignature?.attachmentId)).toBe(true)
    }
    expect(history.inspections.some((v) => v.status === 'submitted')).toBe(true)
    expect(history.inspections.some((v) => v.status === 'acknowledged')).toBe(true)
  })

  it('leaves some corrective actions open and overdue, most verified', () => {
    expect(overdueActions(history.correctiveActions, TODAY).length).toBeGreaterThan(0)
    expect(history.correctiveActions.filter((a) => a.status === 'verified').length).toBeGreaterThan(history.correctiveActions.length / 2)
  })

  it('awards the previous quarter’s red flags and penalties, and nothing for the quarter still running', () => {
    expect(history.inspectionAwards.some((a) => a.outcome === 'red_flag' && a.quarter === previousQuarter(quarterOf(TODAY)))).toBe(true)
    expect(history.inspectionAwards.every((a) => a.quarter === previousQuarter(quarterOf(TODAY)))).toBe(true)
  })
})
