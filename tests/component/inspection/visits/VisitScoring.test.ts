import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { allPassed, type InspectionBranch } from '../../../support/inspectionSeed'
import { database } from '@/db/connection'
import { i18n } from '@/i18n'
import { StorageError } from '@/db/errors'
import { useInspectionVisitsStore } from '@/stores/inspectionVisits'
import { draftVisit, freshVisitBranch, mountVisits } from './visitHarness'

let b: InspectionBranch
beforeEach(async () => {
  b = await freshVisitBranch()
})

const tap = (wrapper: VueWrapper, testid: string) => wrapper.get(`[data-testid="${testid}"]`).trigger('click')
const text = (wrapper: VueWrapper, testid: string) => wrapper.get(`[data-testid="${testid}"]`).text()
/** Waits until the draft is saved, so no write is left running when the test ends. */
const settled = (wrapper: VueWrapper) => vi.waitFor(() => expect(text(wrapper, 'save-state')).toContain('已保存'))
const stored = async (id: string) => (await database().records('inspections').get(id))!

describe('scoring a draft', () => {
  it('keeps the running total and grade in sight as items are answered, and saves each change', async () => {
    const visit = await draftVisit(b)
    const { wrapper } = await mountVisits(`/inspection/visits/${visit.id}`, b.inspector, 'visit-draft')
    expect(text(wrapper, 'score-total')).toContain('100.0 / 100.0 分')
    expect(text(wrapper, 'score-grade')).toBe('优秀')
    expect(text(wrapper, 'score-answered')).toBe('已检 0/42 项')

    await tap(wrapper, 'section-C')
    for (let i = 0; i < 3; i++) await tap(wrapper, 'item-C1-plus')
    await tap(wrapper, 'item-C4-plus')
    await tap(wrapper, 'item-C4-plus')
    expect(text(wrapper, 'score-total')).toContain('95.0 / 100.0 分')
    expect(text(wrapper, 'score-grade')).toBe('优秀')
    await tap(wrapper, 'item-C2-plus')
    expect(text(wrapper, 'score-total')).toContain('94.5 / 100.0 分')
    expect(text(wrapper, 'score-grade')).toBe('良好')
    expect(text(wrapper, 'score-answered')).toBe('已检 3/42 项')
    expect(text(wrapper, 'section-C')).toContain('3/5')

    await vi.waitFor(async () => expect((await stored(visit.id)).answers).toMatchObject({ C1: { kind: 'deduct' }, C2: { kind: 'deduct' }, C4: { kind: 'deduct' } }))
    await settled(wrapper)
  })

  it('N/A takes the item out of the maximum: the score is rescaled to 100; the end of a section leads to the next', async () => {
    const visit = await draftVisit(b)
    const { wrapper } = await mountVisits(`/inspection/visits/${visit.id}`, b.inspector, 'visit-draft')
    await tap(wrapper, 'item-A3-na')
    expect(text(wrapper, 'score-total')).toContain('98.0 / 98.0 分')
    await tap(wrapper, 'item-A1-plus')
    expect(text(wrapper, 'score-total')).toContain('97.0 / 98.0 分')
    expect(text(wrapper, 'score-total')).toContain('折算 98.9 / 100')
    expect(text(wrapper, 'section-next')).toContain('下一部分：服务设施与信息公示')
    await tap(wrapper, 'section-next')
    expect(wrapper.get('[data-testid="section-B"]').attributes('aria-current')).toBe('step')
    await settled(wrapper)
  })

  it('an interrupted visit resumes exactly where it stopped: its answers, its vetoes and the section it was in', async () => {
    const visit = await draftVisit(b)
    const first = await mountVisits(`/inspection/visits/${visit.id}`, b.inspector, 'visit-draft')
    await tap(first.wrapper, 'section-E')
    await tap(first.wrapper, 'item-E2-plus')
    await tap(first.wrapper, 'section-vetoes')
    await tap(first.wrapper, 'veto-V2')
    await first.wrapper.get('[data-testid="veto-V2-finding"]').setValue('客户现金被拒收')
    await tap(first.wrapper, 'section-E')
    await tap(first.wrapper, 'item-E4-pass')
    await vi.waitFor(async () => expect((await stored(visit.id)).answers.E4).toEqual({ kind: 'pass', note: '' }))
    first.wrapper.unmount()

    const again = await mountVisits(`/inspection/visits/${visit.id}`, b.inspector, 'visit-draft')
    expect(again.wrapper.get('[data-testid="section-E"]').attributes('aria-current')).toBe('step')
    expect(text(again.wrapper, 'item-E2-status')).toBe('扣 1.0 分')
    expect(text(again.wrapper, 'item-E4-status')).toBe('合格')
    await tap(again.wrapper, 'section-vetoes')
    expect((again.wrapper.get('[data-testid="veto-V2-finding"]').element as HTMLTextAreaElement).value).toBe('客户现金被拒收')
    expect(JSON.parse(localStorage.getItem('lobbydesk.inspection.positions')!)).toEqual({ [visit.id]: { section: 'vetoes', item: null } })
  })

  it('a veto turns the visit 不合格 whatever its points once it has its finding and evidence', async () => {
    const visit = await draftVisit(b, allPassed(b.template))
    const { wrapper } = await mountVisits(`/inspection/visits/${visit.id}`, b.inspector, 'visit-draft')
    await tap(wrapper, 'section-vetoes')
    await tap(wrapper, 'veto-V1')
    expect(text(wrapper, 'veto-V1-problems')).toContain('还没有写明事实经过。')
    expect(text(wrapper, 'veto-V1-problems')).toContain('还需要一张照片或一位证人。')
    expect(text(wrapper, 'score-grade')).toBe('优秀')
    await wrapper.get('[data-testid="veto-V1-finding"]').setValue('柜员与客户在 2 号窗口争吵')
    expect(text(wrapper, 'score-grade')).toBe('优秀')
    await wrapper.get('[data-testid="veto-V1-witness-input"]').setValue('客户王先生')
    await tap(wrapper, 'veto-V1-witness-add')
    expect(wrapper.find('[data-testid="veto-V1-problems"]').exists()).toBe(false)
    expect(text(wrapper, 'score-total')).toContain('100.0 / 100.0 分')
    expect(text(wrapper, 'score-grade')).toBe('一票否决：不合格（按分数为优秀）')
    await vi.waitFor(async () => expect((await stored(visit.id)).vetoes).toEqual([{ vetoCode: 'V1', finding: '柜员与客户在 2 号窗口争吵', photoIds: [], witnesses: ['客户王先生'] }]))

    // Withdrawing a veto with its finding written asks first.
    await tap(wrapper, 'veto-V1')
    const confirm = document.body.querySelector('[data-testid="veto-V1-unmark-confirm"]') as HTMLElement
    confirm.click()
    await vi.waitFor(() => expect(text(wrapper, 'score-grade')).toBe('优秀'))
    await vi.waitFor(async () => expect((await stored(visit.id)).vetoes).toEqual([]))
  })

  it('a failed save says so, keeps the answers and saves them on retry', async () => {
    const visit = await draftVisit(b)
    const { wrapper } = await mountVisits(`/inspection/visits/${visit.id}`, b.inspector, 'visit-draft')
    const store = useInspectionVisitsStore()
    const save = store.saveAnswers
    const failing = vi.spyOn(store, 'saveAnswers').mockRejectedValueOnce(new StorageError('full'))
    await tap(wrapper, 'item-A2-plus')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="save-failed"]').exists()).toBe(true))
    expect(text(wrapper, 'save-failed')).toContain('保存失败，答案仍在本平板上。')
    expect(text(wrapper, 'save-failed')).toContain(i18n.global.t('storage.error.full'))
    expect((await stored(visit.id)).answers).toEqual({})
    failing.mockImplementation(save)
    await tap(wrapper, 'save-retry')
    await vi.waitFor(async () => expect((await stored(visit.id)).answers.A2).toMatchObject({ kind: 'deduct' }))
    expect(text(wrapper, 'save-state')).toContain('已保存')
  })

  it('reads in English', async () => {
    const visit = await draftVisit(b)
    const { wrapper } = await mountVisits(`/inspection/visits/${visit.id}`, b.inspector, 'visit-draft')
    i18n.global.locale.value = 'en'
    try {
      await wrapper.vm.$nextTick()
      expect(text(wrapper, 'section-vetoes')).toContain('Veto items')
      expect(wrapper.get('[data-testid="item-A1"]').text()).toContain('1.0 pts off per occurrence, down to zero')
      await tap(wrapper, 'item-A1-plus')
      expect(text(wrapper, 'item-A1-photo-missing')).toBe('A deduction on this item needs a photo as evidence; none taken yet.')
      expect(text(wrapper, 'score-grade')).toBe('Excellent')
      expect(text(wrapper, 'visit-review')).toBe('Done, review and submit')
      await vi.waitFor(() => expect(text(wrapper, 'save-state')).toContain('Saved'))
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })
})
