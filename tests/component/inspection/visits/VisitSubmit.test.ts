import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { allPassed, type InspectionBranch } from '../../../support/inspectionSeed'
import { database } from '@/db/connection'
import SignaturePad from '@/components/inspection/capture/SignaturePad.vue'
import { draftVisit, freshVisitBranch, mountVisits, signature } from './visitHarness'

let b: InspectionBranch
beforeEach(async () => {
  b = await freshVisitBranch()
})

const submitButton = (wrapper: VueWrapper) => wrapper.get('[data-testid="visit-submit"]')

describe('review and submit', () => {
  it('lists what blocks submission, each a tap away from its item; submit stays disabled until none remain', async () => {
    const answers = allPassed(b.template)
    delete answers.B2
    delete answers.E3
    answers.A1 = { kind: 'deduct', occurrences: [{ staffNo: null, note: '', photoIds: [] }], fixedOnSpot: false, note: '' }
    const visit = await draftVisit(b, answers, [{ vetoCode: 'V3', finding: '', photoIds: [], witnesses: [] }])
    const { wrapper, router } = await mountVisits(`/inspection/visits/${visit.id}/submit`, b.inspector, 'visit-submit-page')

    const blockers = wrapper.get('[data-testid="blockers-list"]')
    expect(blockers.text()).toContain('服务设施与信息公示：1 项未检查')
    expect(blockers.find('[data-testid="blocker-unanswered-B2"]').exists()).toBe(true)
    expect(blockers.find('[data-testid="blocker-unanswered-E3"]').exists()).toBe(true)
    expect(blockers.get('[data-testid="blocker-missingPhoto-A1"]').text()).toContain('A1 扣分缺少照片')
    expect(blockers.get('[data-testid="blocker-veto-V3"]').text()).toContain('否决项 V3 缺少事实或证据')
    expect(submitButton(wrapper).attributes('disabled')).toBeDefined()

    await blockers.get('[data-testid="blocker-unanswered-E3"]').trigger('click')
    // The scorer's screen may still be loading (a lazy route) the first time.
    await vi.waitFor(() => expect(wrapper.find('[data-testid="visit-draft"]').exists()).toBe(true), 10_000)
    expect(router.currentRoute.value.name).toBe('inspection-visit')
    expect(wrapper.get('[data-testid="section-E"]').attributes('aria-current')).toBe('step')
    expect(wrapper.find('[data-testid="item-E3"]').exists()).toBe(true)
  })

  it('submits with the inspector’s signature, then the visit opens read-only and locked', async () => {
    const visit = await draftVisit(b, { ...allPassed(b.template), C1: { kind: 'deduct', occurrences: [{ staffNo: '9005', note: '未佩戴工号牌', photoIds: [] }], fixedOnSpot: false, note: '' } })
    const { wrapper, router } = await mountVisits(`/inspection/visits/${visit.id}/submit`, b.inspector, 'visit-submit-page')
    expect(wrapper.get('[data-testid="blockers-none"]').text()).toContain('所有项目都已检查')
    expect(wrapper.get('[data-testid="sheet-item-C1"]').text()).toContain('扣 1.0 分')
    expect(wrapper.get('[data-testid="score-total"]').text()).toContain('99.0 / 100.0 分')

    await submitButton(wrapper).trigger('click')
    expect(wrapper.get('[data-testid="submit-sign-error"]').text()).toBe('请先签名并点“确认签名”。')
    expect((await database().records('inspections').get(visit.id))?.status).toBe('draft')

    wrapper.findComponent(SignaturePad).vm.$emit('signed', signature())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="signature-done"]').exists()).toBe(true))
    await submitButton(wrapper).trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="visit-record"]').exists()).toBe(true), 10_000)
    expect(router.currentRoute.value.name).toBe('inspection-visit')
    const stored = (await database().records('inspections').get(visit.id))!
    expect(stored).toMatchObject({ status: 'submitted', summary: { normalised: 99, grade: 'excellent' }, inspectorSignature: { name: '蒋平', staffId: b.inspector.id } })
    expect(wrapper.get('[data-testid="visit-status"]').text()).toBe('已提交，待网点确认')
    expect(wrapper.find('[data-testid="visit-locked"]').exists()).toBe(true)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="visit-action-C1"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="visit-action-C1"]').text()).toContain('9005')
    expect(wrapper.get('[data-testid="visit-action-C1"]').text()).toContain('待整改')
    expect(localStorage.getItem('lobbydesk.inspection.positions')).toBe('{}')
  })
})
