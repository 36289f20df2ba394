import { beforeEach, describe, expect, it, vi } from 'vitest'
import { RouterView } from 'vue-router'
import { freshDatabase } from '../../../support/db'
import { today } from '../../../support/counterSeed'
import { allPassed, seedInspectionBranch, type InspectionBranch } from '../../../support/inspectionSeed'
import { mountWithApp } from '../../../support/mount'
import { startInspection } from '@/db/repositories/inspection/visits'
import { useInspectionStore } from '@/stores/inspection'
import type { Inspection } from '@/domain/model/records'
import type { ScorecardRecord } from '@/stores/inspectionSettings'
import ScorecardSheet from '@/components/inspection/scorecard/ScorecardSheet.vue'

let b: InspectionBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedInspectionBranch()
})

/** A submitted visit as stored: A1 deducted twice (one naming 9005, fixed on the spot), A3 not applicable, H3 rated 基本满意, V1 confirmed. */
function submitted(fields: Partial<Inspection> = {}): Inspection {
  const answers = {
    ...allPassed(b.template),
    A1: { kind: 'deduct' as const, occurrences: [{ staffNo: '9005', note: '营业时间牌破损', photoIds: ['p1'] }, { staffNo: null, note: '门楣灯不亮', photoIds: [] }], fixedOnSpot: true, note: '' },
    A3: { kind: 'not_applicable' as const, note: '网点无外部显示屏' },
    H3: { kind: 'level' as const, levelIndex: 1, occurrences: [], fixedOnSpot: false, note: '' },
  }
  return {
    id: '00000000-0000-4000-8000-000000000001', createdAt: 1, updatedAt: 1, deviceId: 'd', hlc: '1', deleted: 0,
    templateId: b.template.id, templateVersion: 1, branchId: b.branchId, inspectorId: b.inspector.id, date: '2026-12-01', status: 'acknowledged', details: {}, kind: 'unannounced', halfMonth: '2026-12-H1',
    observedWindows: ['1号窗口', '3号窗口'], observedStaffNos: ['9005'], context: { traffic: 'high', openCounters: 4, team: ['蒋平', '沈洁'], accompaniedBy: '赵建华' },
    answers, vetoes: [{ vetoCode: 'V1', finding: '柜员与客户争吵', photoIds: [], witnesses: ['王先生'] }], startedAt: 1, submittedAt: Date.parse('2026-12-01T03:00:00Z'),
    summary: { earned: 94.5, applicableMax: 98, normalised: 96.428571, grade: 'fail', gradeByPoints: 'excellent', confirmedVetoes: 1, answeredCount: 42, itemCount: 42 },
    inspectorSignature: { attachmentId: '00000000-0000-4000-8000-0000000000a1', name: '蒋平', staffId: b.inspector.id, signedAt: Date.parse('2026-12-01T03:00:00Z') },
    acknowledgement: null, amends: null, amendReason: '',
    ...fields,
  }
}

async function sheet(record: ScorecardRecord, outletSignatureUrl: string | null = null) {
  const mounted = await mountWithApp(ScorecardSheet, { staff: b.inspector, props: { record, inspectorSignatureUrl: 'blob:inspector', outletSignatureUrl } })
  await useInspectionStore().refresh()
  return mounted.wrapper
}

describe('the printable scorecard', () => {
  it('lays a visit out like the paper form: header, each item with its points, deductions and who, totals, grade, vetoes, signatures', async () => {
    const wrapper = await sheet({ inspection: submitted(), template: b.template, inspectorSignature: null, outletSignature: null, amended: null })
    await vi.waitFor(() => expect(wrapper.text()).toContain('城东支行'))
    expect(wrapper.text()).toContain('暗访')
    expect(wrapper.text()).toContain('蒋平、沈洁')
    expect(wrapper.text()).toContain('客流较多')
    const a1 = wrapper.get('[data-testid="scorecard-item-A1"]').findAll('td').map((td) => td.text())
    expect(a1).toEqual(['A1', expect.stringContaining('门楣标牌'), '3', '2', '1', '周婷（9005）：营业时间牌破损门楣灯不亮当场整改'])
    expect(wrapper.get('[data-testid="scorecard-item-A3"]').findAll('td').map((td) => td.text()).slice(3)).toEqual(['不适用', '—', '网点无外部显示屏'])
    expect(wrapper.get('[data-testid="scorecard-item-H3"]').findAll('td').at(5)?.text()).toBe('评为“基本满意”')
    expect(wrapper.get('[data-testid="scorecard-total"]').text()).toBe('得分 94.5 / 98.0 分')
    expect(wrapper.get('[data-testid="scorecard-normalised"]').text()).toBe('96.4 分')
    expect(wrapper.get('[data-testid="scorecard-grade"]').text()).toBe('不合格（一票否决；按分数为优秀）')
    expect(wrapper.get('[data-testid="scorecard-vetoes"]').text()).toContain('V1 与客户争吵、辱骂或发生肢体冲突')
    expect(wrapper.get('[data-testid="scorecard-vetoes"]').text()).toContain('证人：王先生')
    expect(wrapper.get('[data-testid="scorecard-inspector-signature"] img').attributes('src')).toBe('blob:inspector')
    expect(wrapper.get('[data-testid="scorecard-outlet-signature"]').text()).toContain('（网点尚未签字确认）')
  })

  it('an amendment says which sheet it corrects and why; the outlet’s signature shows with its role', async () => {
    const original = submitted()
    const amendment = submitted({ id: '00000000-0000-4000-8000-000000000002', amends: original.id, amendReason: '漏记门前杂物一处', acknowledgement: { attachmentId: '00000000-0000-4000-8000-0000000000a2', name: '赵建华', staffId: b.head.id, signedAt: 3, role: 'duty_manager' } })
    const wrapper = await sheet({ inspection: amendment, template: b.template, inspectorSignature: null, outletSignature: null, amended: original }, 'blob:outlet')
    expect(wrapper.get('[data-testid="scorecard-amends"]').text()).toBe('本表为更正表，更正 2026-12-01 提交的计分表。更正原因：漏记门前杂物一处')
    expect(wrapper.get('[data-testid="scorecard-outlet-signature"]').text()).toContain('网点负责人签字（值班经理）')
    expect(wrapper.get('[data-testid="scorecard-outlet-signature"] img').attributes('src')).toBe('blob:outlet')
  })

  it('a draft has no scorecard: the page says so instead of printing', async () => {
    const draft = await startInspection({ templateId: b.template.id, branchId: b.branchId, inspectorId: b.inspector.id, date: today, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
    const { wrapper } = await mountWithApp(RouterView, { route: `/inspection/visits/${draft.id}/scorecard`, staff: b.inspector })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="scorecard-not-found"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="scorecard-print"]').exists()).toBe(false)
  })
})
