import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { today } from '../../../support/counterSeed'
import { seedInspectionBranch, type InspectionBranch } from '../../../support/inspectionSeed'
import { inBody, mountPrepared, submittedVisit, textOf } from './rankingHarness'
import PlansView from '@/views/inspection/ranking/PlansView.vue'
import PlanEditor from '@/components/inspection/plans/PlanEditor.vue'
import { setClock, writeRecords } from '@/db/write'
import { amendInspection } from '@/db/repositories/inspection/visits'
import { allPassed, picture } from '../../../support/inspectionSeed'
import { i18n } from '@/i18n'
import { plansOf, savePlan } from '@/db/repositories/inspection/ranking'
import { halfMonth, halfMonthOf, previousHalfMonth } from '@/domain/inspection/plans'
import type { Staff } from '@/domain/model/records'

let b: InspectionBranch
let shen: Staff
const key = halfMonthOf(today)
beforeEach(async () => {
  await freshDatabase()
  b = await seedInspectionBranch()
  shen = await writeRecords(['staff'], (w) => w.insert('staff', { branchId: null, staffNo: '9015', surname: '沈', givenName: '洁', roles: ['inspector'], pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 }))
})

describe('the half-month plans', () => {
  it('shows each executive’s plan with done and due outlets, the score of a done one, and the outlets nobody has inspected', async () => {
    await savePlan(b.inspector.id, key, [b.branchId, b.otherBranchId])
    await submittedVisit(b, b.branchId, today, 2)
    const mounted = await mountPrepared(PlansView, b.inspector, 'plan-progress-9014')
    const mine = mounted.wrapper.get('[data-testid="plan-progress-9014"]')
    expect(mine.get('[data-testid="plan-count-done"]').text()).toBe('已检查 1')
    expect(mine.get('[data-testid="plan-count-due"]').text()).toBe('待检查 1')
    expect(mine.get('[data-testid="plan-outlet-BJ001"]').text()).toContain('已检查')
    expect(mine.get('[data-testid="plan-outlet-BJ001"]').text()).toContain('98.0 分 · 优秀')
    expect(mine.get('[data-testid="plan-outlet-BJ002"]').text()).toContain('待检查')
    expect(mine.text()).toContain('我的计划')
    expect(mine.find('[data-testid="plan-edit"]').text()).toBe('调整计划')
    expect(textOf(mounted, 'plan-progress-9015')).toContain('尚未制定本半月计划')
    expect(mounted.wrapper.find('[data-testid="plan-progress-9015"] [data-testid="plan-edit"]').exists()).toBe(false)
    const uninspected = mounted.wrapper.get('[data-testid="uninspected-list"]')
    expect(uninspected.find('[data-testid="uninspected-BJ002"]').text()).toContain('江北支行')
    expect(uninspected.find('[data-testid="uninspected-BJ001"]').exists()).toBe(false)
    expect(uninspected.text()).toContain('潜力网点')
  })

  it('an executive fills their plan by 建议轮换, sees how far it is from the rules’ number, and confirms saving it off target', async () => {
    const mounted = await mountPrepared(PlansView, b.inspector, 'plan-progress-9014')
    expect(textOf(mounted, 'plan-progress-9014')).toContain('您还没有制定这个半月的计划')
    await mounted.wrapper.get('[data-testid="plan-edit"]').trigger('click')
    await vi.waitFor(() => expect(mounted.wrapper.findComponent(PlanEditor).find('[data-testid="plan-count"]').exists()).toBe(true))
    const editor = mounted.wrapper.findComponent(PlanEditor)
    expect(editor.get('[data-testid="plan-count"]').text()).toContain('已选 0 / 12 家')
    expect(editor.get('[data-testid="plan-save"]').attributes('disabled')).toBeDefined()
    expect(editor.get('[data-testid="plan-branch-BJ001"]').text()).toContain('从未检查')

    await editor.get('[data-testid="plan-propose"]').trigger('click')
    await vi.waitFor(() => expect(editor.get('[data-testid="plan-count"]').text()).toContain('已选 2 / 12 家'))
    expect(editor.get('[data-testid="plan-count"]').text()).toContain('还差 10 家')
    expect(editor.get('[data-testid="plan-branch-BJ002"]').attributes('aria-checked')).toBe('true')
    await editor.get('[data-testid="plan-branch-BJ002"]').trigger('click')
    expect(editor.get('[data-testid="plan-count"]').text()).toContain('已选 1 / 12 家')

    await editor.get('[data-testid="plan-save"]').trigger('click')
    await vi.waitFor(() => expect(inBody('plan-save-confirm')).not.toBeNull())
    expect(inBody('confirm-dialog')?.textContent).toContain('您选了 1 家网点，少于规定的 12 家')
    inBody('plan-save-confirm')!.click()
    await vi.waitFor(async () => expect((await plansOf(key)).map((p) => p.branchIds)).toEqual([[b.branchId]]))
    await flushPromises()
    await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="plan-progress-9014"] [data-testid="plan-outlet-BJ001"]').exists()).toBe(true))
  })

  it('suggests the outlets a colleague has not planned yet', async () => {
    await savePlan(shen.id, key, [b.otherBranchId])
    const mounted = await mountPrepared(PlansView, b.inspector, 'plan-progress-9014')
    await mounted.wrapper.get('[data-testid="plan-edit"]').trigger('click')
    await vi.waitFor(() => expect(mounted.wrapper.findComponent(PlanEditor).find('[data-testid="plan-propose"]').exists()).toBe(true))
    const editor = mounted.wrapper.findComponent(PlanEditor)
    expect(editor.get('[data-testid="plan-branch-BJ002"]').text()).toContain('已在沈洁的计划中')
    await editor.get('[data-testid="plan-propose"]').trigger('click')
    await vi.waitFor(() => expect(editor.get('[data-testid="plan-branch-BJ001"]').attributes('aria-checked')).toBe('true'))
    expect(editor.get('[data-testid="plan-branch-BJ002"]').attributes('aria-checked')).toBe('true')
  })

  it('shows an amended visit’s corrected score', async () => {
    await savePlan(b.inspector.id, key, [b.branchId])
    const original = await submittedVisit(b, b.branchId, today, 2)
    // The amendment is submitted later: of a visit's amendments, the latest stands.
    setClock(() => Date.now() + 60_000)
    try {
      await amendInspection(original.id, { answers: allPassed(b.template), vetoes: [], reason: '复核录像，未见玩手机' }, { image: picture('signature'), name: '蒋平', staffId: b.inspector.id }, today)
    } finally {
      setClock(() => Date.now())
    }
    const mounted = await mountPrepared(PlansView, b.inspector, 'plan-outlet-BJ001')
    expect(textOf(mounted, 'plan-outlet-BJ001')).toContain('100.0 分 · 优秀')
    expect(textOf(mounted, 'plan-count-done')).toBe('已检查 1')
  })

  it('reads in English', async () => {
    await savePlan(b.inspector.id, key, [b.branchId, b.otherBranchId])
    const mounted = await mountPrepared(PlansView, b.inspector, 'plan-progress-9014')
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(textOf(mounted, 'plan-count-due')).toBe('Due 2')
    expect(textOf(mounted, 'plan-progress-9014')).toContain('2 outlets planned (12 required)')
    expect(mounted.wrapper.get('[data-testid="plan-edit"]').text()).toBe('Change plan')
    expect(textOf(mounted, 'uninspected-list')).toContain('Outlets nobody has inspected in')
    i18n.global.locale.value = 'zh-CN'
  })

  it('a past half month is read only, its unvisited outlets overdue', async () => {
    const before = previousHalfMonth(key)
    await savePlan(b.inspector.id, before, [b.otherBranchId])
    await submittedVisit(b, b.branchId, halfMonth(before).end)
    const mounted = await mountPrepared(PlansView, b.inspector, 'plan-progress-9014')
    await mounted.wrapper.get('[data-testid="plan-half-prev"]').trigger('click')
    await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="plan-outlet-BJ002"]').exists()).toBe(true))
    expect(textOf(mounted, 'plan-outlet-BJ002')).toContain('已逾期')
    expect(textOf(mounted, 'plan-count-overdue')).toBe('已逾期 1')
    expect(mounted.wrapper.find('[data-testid="plan-edit"]').exists()).toBe(false)
    expect(mounted.wrapper.find('[data-testid="uninspected-BJ001"]').exists()).toBe(false)
    expect(mounted.wrapper.find('[data-testid="uninspected-BJ002"]').exists()).toBe(true)
    await mounted.wrapper.get('[data-testid="plan-half-current"]').trigger('click')
    await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="plan-edit"]').exists()).toBe(true))
  })

  it('a branch head reads who comes to their outlet and cannot change a plan', async () => {
    await savePlan(b.inspector.id, key, [b.branchId])
    await savePlan(shen.id, key, [b.otherBranchId])
    const mounted = await mountPrepared(PlansView, b.head, 'plan-progress-9014')
    expect(textOf(mounted, 'plan-home')).toMatch(/^\d{4} 年 \d{1,2} 月[上下]半月蒋平计划检查本网点：待检查$/)
    expect(mounted.wrapper.find('[data-testid="plan-edit"]').exists()).toBe(false)
    expect(mounted.wrapper.get('[data-testid="plan-outlet-BJ001"]').classes()).toContain('is-home')
    expect(mounted.wrapper.get('[data-testid="plan-outlet-BJ001"]').text()).toContain('本网点')
  })
})
