import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, shallowRef } from 'vue'
import type { VueWrapper } from '@vue/test-utils'
import { mountWithApp } from '../../../support/mount'
import { type InspectionBranch } from '../../../support/inspectionSeed'
import { templateItems, type ItemAnswer } from '@/domain/inspection/scoring'
import type { TemplateItem } from '@/domain/model/records'
import ItemCard from '@/components/inspection/scoring/ItemCard.vue'
import PhotoInput from '@/components/inspection/capture/PhotoInput.vue'
import type { AttachPhoto } from '@/components/inspection/scoring/scoringTypes'
import { freshVisitBranch } from './visitHarness'

let b: InspectionBranch
beforeEach(async () => {
  b = await freshVisitBranch()
})

const itemOf = (code: string): TemplateItem => templateItems(b.template).find(({ item }) => item.code === code)!.item

/** One card answered as the inspector taps it; `answer()` is what the visit would hold. */
async function card(code: string, options: { attach?: AttachPhoto; start?: ItemAnswer } = {}) {
  const attach = options.attach ?? vi.fn(async () => 'photo-1')
  const answer = shallowRef<ItemAnswer | undefined>(options.start)
  const Harness = defineComponent({
    setup: () => () => h(ItemCard, { item: itemOf(code), answer: answer.value, observedStaffNos: ['9005'], attach, onChange: (next: ItemAnswer) => (answer.value = next) }),
  })
  const { wrapper } = await mountWithApp(Harness, { staff: b.inspector })
  return { wrapper, answer: () => answer.value }
}

const tap = (wrapper: VueWrapper, testid: string) => wrapper.get(`[data-testid="${testid}"]`).trigger('click')
const status = (wrapper: VueWrapper, code: string) => wrapper.get(`[data-testid="item-${code}-status"]`).text()

describe('an item card', () => {
  it('PER: each tap of + is one more occurrence at its points, capped at the item’s max; − back to none is a pass', async () => {
    const { wrapper, answer } = await card('C1') // 3 pts, 1 per person
    expect(status(wrapper, 'C1')).toBe('未检查')
    expect(wrapper.text()).toContain('每处扣 1.0 分，扣完为止')
    for (let i = 0; i < 4; i++) await tap(wrapper, 'item-C1-plus')
    expect(answer()).toMatchObject({ kind: 'deduct', occurrences: [{}, {}, {}, {}] })
    expect(wrapper.get('[data-testid="item-C1-count"]').text()).toBe('发现 4 处')
    expect(status(wrapper, 'C1')).toBe('扣 3.0 分')
    for (let i = 0; i < 4; i++) await tap(wrapper, 'item-C1-minus')
    expect(answer()).toEqual({ kind: 'pass', note: '' })
    expect(status(wrapper, 'C1')).toBe('合格')
  })

  it('PER: an occurrence names the person from the staff observed, or one typed, with a note', async () => {
    const { wrapper, answer } = await card('C1')
    await tap(wrapper, 'item-C1-plus')
    await tap(wrapper, 'item-C1-occurrence-1-staff-9005')
    await wrapper.get('[data-testid="item-C1-occurrence-1-note"]').setValue('工号牌未佩戴')
    expect(answer()).toMatchObject({ kind: 'deduct', occurrences: [{ staffNo: '9005', note: '工号牌未佩戴', photoIds: [] }] })
    await wrapper.get('[data-testid="item-C1-occurrence-1-staff-input"]').setValue('9006')
    await wrapper.get('[data-testid="item-C1-occurrence-1-staff-input"]').trigger('change')
    expect(answer()).toMatchObject({ occurrences: [{ staffNo: '9006', note: '工号牌未佩戴' }] })
  })

  it('ALL: 不合格 is one occurrence losing the whole item; 合格 keeps it', async () => {
    const { wrapper, answer } = await card('D1') // 2 pts, ALL
    expect(wrapper.find('[data-testid="item-D1-plus"]').exists()).toBe(false)
    await tap(wrapper, 'item-D1-fail')
    expect(answer()).toMatchObject({ kind: 'deduct', occurrences: [{ staffNo: null }] })
    expect(status(wrapper, 'D1')).toBe('扣 2.0 分')
    await tap(wrapper, 'item-D1-pass')
    expect(answer()).toEqual({ kind: 'pass', note: '' })
  })

  it('GRADE: the levels are chips with their points; a lower level may be 当场整改', async () => {
    const { wrapper, answer } = await card('H3') // 3 / 1.5 / 0
    expect(wrapper.get('[data-testid="item-H3-level-1"]').text()).toContain('1.5 分')
    await tap(wrapper, 'item-H3-level-1')
    expect(answer()).toMatchObject({ kind: 'level', levelIndex: 1 })
    expect(status(wrapper, 'H3')).toBe('扣 1.5 分')
    await wrapper.get('[data-testid="item-H3-fixed"]').trigger('click')
    expect(answer()).toMatchObject({ kind: 'level', levelIndex: 1, fixedOnSpot: true })
    await tap(wrapper, 'item-H3-level-0')
    expect(answer()).toMatchObject({ kind: 'level', levelIndex: 0, fixedOnSpot: false, occurrences: [] })
    expect(status(wrapper, 'H3')).toBe('合格')
  })

  it('N/A only where the item allows it; an answered item takes a note', async () => {
    const allowed = await card('A3')
    await tap(allowed.wrapper, 'item-A3-na')
    expect(allowed.answer()).toEqual({ kind: 'not_applicable', note: '' })
    await allowed.wrapper.get('[data-testid="item-A3-note"]').setValue('网点无外部显示屏')
    expect(allowed.answer()).toEqual({ kind: 'not_applicable', note: '网点无外部显示屏' })
    const refused = await card('A1')
    expect(refused.wrapper.find('[data-testid="item-A1-na"]').exists()).toBe(false)
  })

  it('an item needing photo evidence says so in red until the deduction has its photo', async () => {
    const attach = vi.fn(async () => 'photo-1')
    const { wrapper, answer } = await card('A1', { attach })
    expect(wrapper.text()).toContain('扣分须拍照')
    await tap(wrapper, 'item-A1-pass')
    expect(wrapper.find('[data-testid="item-A1-photo-missing"]').exists()).toBe(false)
    await tap(wrapper, 'item-A1-plus')
    expect(wrapper.get('[data-testid="item-A1-photo-missing"]').text()).toBe('此项扣分必须拍照取证，还没有照片。')
    const photo = { blob: new Blob(['jpeg'], { type: 'image/jpeg' }), mimeType: 'image/jpeg', width: 1600, height: 1200 }
    wrapper.get('[data-testid="item-A1-photo"]').findComponent(PhotoInput).vm.$emit('captured', photo)
    await vi.waitFor(() => expect(answer()).toMatchObject({ occurrences: [{ photoIds: ['photo-1'] }] }))
    expect(attach).toHaveBeenCalledWith(photo)
    expect(wrapper.find('[data-testid="item-A1-photo-missing"]').exists()).toBe(false)
  })
})
