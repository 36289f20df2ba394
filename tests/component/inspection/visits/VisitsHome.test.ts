import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { today } from '../../../support/counterSeed'
import { type InspectionBranch } from '../../../support/inspectionSeed'
import { database } from '@/db/connection'
import { savePlan } from '@/db/repositories/inspection/ranking'
import { halfMonthOf } from '@/domain/inspection/plans'
import { draftVisit, freshVisitBranch, mountVisits, submittedVisit } from './visitHarness'

let b: InspectionBranch
beforeEach(async () => {
  b = await freshVisitBranch()
})

const tap = (wrapper: VueWrapper, testid: string) => wrapper.get(`[data-testid="${testid}"]`).trigger('click')

describe('the visits’ landing page', () => {
  it('an inspector: the draft to resume, the planned outlet not yet begun, and the visit awaiting the outlet’s signature', async () => {
    await savePlan(b.inspector.id, halfMonthOf(today), [b.branchId, b.otherBranchId])
    const draft = await draftVisit(b)
    const { wrapper } = await mountVisits('/inspection', b.inspector, 'visits-home')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="visit-draft-${draft.id}"]`).exists()).toBe(true))
    expect(wrapper.get(`[data-testid="visit-draft-${draft.id}"]`).text()).toContain('城东支行')
    // The draft's outlet counts as begun; the other planned one is offered.
    expect(wrapper.find('[data-testid="plan-branch-BJ001"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="plan-branch-BJ002"]').text()).toContain('江北支行')
    expect(wrapper.find('[data-testid="visit-start"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="visits-awaiting-none"]').exists()).toBe(true)
  })

  it('an inspector starts a planned visit: the outlet comes from the plan, the rest is chosen, then scoring begins', async () => {
    await savePlan(b.inspector.id, halfMonthOf(today), [b.otherBranchId])
    const { wrapper, router } = await mountVisits('/inspection', b.inspector, 'visits-home')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="plan-branch-BJ002"]').exists()).toBe(true))
    await tap(wrapper, 'plan-branch-BJ002')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="visit-branch-chosen"]').exists()).toBe(true), 10_000)
    expect(wrapper.get('[data-testid="visit-branch-chosen"]').text()).toContain('江北支行')
    await tap(wrapper, 'visit-branch-change')
    await wrapper.get('[data-testid="visit-branch-search"]').setValue('城东')
    expect(wrapper.find('[data-testid="visit-branch-BJ002"]').exists()).toBe(false)
    await tap(wrapper, 'visit-branch-BJ001')
    await tap(wrapper, 'visit-kind-unannounced')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="visit-staff-9005"]').exists()).toBe(true))
    await tap(wrapper, 'visit-staff-9005')
    await tap(wrapper, 'visit-traffic-high')
    await tap(wrapper, 'visit-begin')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="visit-draft"]').exists()).toBe(true), 10_000)
    const [visit] = await database().records('inspections').toArray()
    expect(visit).toMatchObject({ branchId: b.branchId, inspectorId: b.inspector.id, kind: 'unannounced', status: 'draft', observedStaffNos: ['9005'], templateId: b.template.id, date: today, context: { traffic: 'high', accompaniedBy: '赵建华' } })
    expect(router.currentRoute.value.params.id).toBe(visit!.id)
  })

  it('a branch head: the visit awaiting their signature with a big 确认签字, and their outlet’s visits with score and grade', async () => {
    const visit = await submittedVisit(b)
    const { wrapper, router } = await mountVisits('/inspection', b.head, 'visits-home')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="visit-ack-${visit.id}"]`).exists()).toBe(true))
    expect(wrapper.find('[data-testid="visit-start"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="visits-planned"]').exists()).toBe(false)
    expect(wrapper.get(`[data-testid="visit-row-${visit.id}"]`).text()).toContain('99.0 分')
    expect(wrapper.get(`[data-testid="visit-row-${visit.id}"]`).text()).toContain('优秀')
    await tap(wrapper, `visit-ack-${visit.id}`)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="ack-form"]').exists()).toBe(true), 10_000)
    expect(router.currentRoute.value.query.ack).toBe('1')
  })
})
