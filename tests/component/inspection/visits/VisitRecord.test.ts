import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { picture, type InspectionBranch } from '../../../support/inspectionSeed'
import { amendInspection } from '@/db/repositories/inspection/visits'
import { database } from '@/db/connection'
import { i18n } from '@/i18n'
import SignaturePad from '@/components/inspection/capture/SignaturePad.vue'
import { draftVisit, freshVisitBranch, mountVisits, signature, submittedVisit } from './visitHarness'

let b: InspectionBranch
beforeEach(async () => {
  b = await freshVisitBranch()
})

const tap = (wrapper: VueWrapper, testid: string) => wrapper.get(`[data-testid="${testid}"]`).trigger('click')
const sign = async (wrapper: VueWrapper) => {
  wrapper.findComponent(SignaturePad).vm.$emit('signed', signature())
  await vi.waitFor(() => expect(wrapper.find('[data-testid="signature-done"]').exists()).toBe(true))
}
const visitsOf = async () => (await database().records('inspections').toArray()).sort((a, b) => a.createdAt - b.createdAt)

describe('a submitted visit', () => {
  it('is read back locked, with no way to change it in place', async () => {
    const visit = await submittedVisit(b)
    const { wrapper } = await mountVisits(`/inspection/visits/${visit.id}`, b.inspector, 'visit-record')
    expect(wrapper.find('[data-testid="visit-locked"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="visit-score"]').text()).toBe('99.0 分')
    expect(wrapper.get('[data-testid="visit-grade"]').text()).toBe('优秀')
    expect(wrapper.get('[data-testid="sheet-item-C1"]').text()).toContain('扣 1.0 分')
    expect(wrapper.get('[data-testid="sheet-item-C1"]').text()).toContain('未佩戴工号牌')
    // Nothing to score with: no item controls, no veto marks, no text fields on the answers.
    expect(wrapper.find('[data-testid="item-C1"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid$="-pass"], [data-testid$="-plus"], [data-testid^="veto-V"]')).toHaveLength(0)
    expect(wrapper.findAll('textarea, input')).toHaveLength(0)
    expect(wrapper.find('[data-testid="visit-review"]').exists()).toBe(false)
  })

  it('a draft is scored by its own inspector only; anyone else is told it is in progress', async () => {
    const draft = await draftVisit(b)
    const { wrapper } = await mountVisits(`/inspection/visits/${draft.id}`, b.head, 'visit-in-progress')
    expect(wrapper.text()).toContain('这次检查由蒋平打分，还没有提交；提交后才能查看。')
    expect(wrapper.find('[data-testid="visit-draft"]').exists()).toBe(false)
    const review = await mountVisits(`/inspection/visits/${draft.id}/submit`, b.head, 'visit-in-progress')
    expect(review.wrapper.find('[data-testid="visit-submit"]').exists()).toBe(false)
  })

  it('its review page no longer offers to submit', async () => {
    const visit = await submittedVisit(b)
    const { wrapper } = await mountVisits(`/inspection/visits/${visit.id}/submit`, b.inspector, 'visit-not-draft')
    expect(wrapper.text()).toContain('这次检查已经提交。')
    expect(wrapper.find('[data-testid="visit-submit"]').exists()).toBe(false)
  })

  it('the branch head signs for it on their own terminal, named and as head already', async () => {
    const visit = await submittedVisit(b)
    const { wrapper } = await mountVisits(`/inspection/visits/${visit.id}?ack=1`, b.head, 'visit-record')
    expect(wrapper.find('[data-testid="visit-amend"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="ack-role-branch_head"]').attributes('aria-checked')).toBe('true')
    expect((wrapper.get('[data-testid="ack-name"]').element as HTMLInputElement).value).toBe('赵建华')
    await tap(wrapper, 'ack-submit')
    expect(wrapper.get('[data-testid="ack-sign-error"]').text()).toBe('请先签名并点“确认签名”。')
    await sign(wrapper)
    await tap(wrapper, 'ack-submit')
    await vi.waitFor(async () => expect((await database().records('inspections').get(visit.id))?.status).toBe('acknowledged'))
    expect((await database().records('inspections').get(visit.id))?.acknowledgement).toMatchObject({ name: '赵建华', staffId: b.head.id, role: 'branch_head' })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="visit-status"]').text()).toBe('网点已确认'))
    expect(wrapper.find('[data-testid="visit-acknowledge"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="visit-ack-signature"]').text()).toContain('网点负责人：赵建华')
  })

  it('the duty manager signs on the inspector’s tablet at close-out, by name', async () => {
    const visit = await submittedVisit(b)
    const { wrapper } = await mountVisits(`/inspection/visits/${visit.id}`, b.inspector, 'visit-record')
    await tap(wrapper, 'visit-acknowledge')
    await tap(wrapper, 'ack-role-duty_manager')
    await wrapper.get('[data-testid="ack-name"]').setValue('')
    await sign(wrapper)
    await tap(wrapper, 'ack-submit')
    expect(wrapper.get('[data-testid="ack-name-error"]').text()).toBe('请填写签字人姓名。')
    await wrapper.get('[data-testid="ack-name"]').setValue('周婷')
    await tap(wrapper, 'ack-submit')
    await vi.waitFor(async () => expect((await database().records('inspections').get(visit.id))?.acknowledgement).toMatchObject({ name: '周婷', staffId: null, role: 'duty_manager' }))
  })

  it('an amendment needs its reason; it becomes a new visit naming the original, which stays as it was', async () => {
    const original = await submittedVisit(b)
    const { wrapper, router } = await mountVisits(`/inspection/visits/${original.id}`, b.inspector, 'visit-record')
    await tap(wrapper, 'visit-amend')
    expect(wrapper.find('[data-testid="amend-flow"]').exists()).toBe(true)
    await tap(wrapper, 'section-C')
    expect(wrapper.get('[data-testid="item-C1-status"]').text()).toBe('扣 1.0 分')
    await tap(wrapper, 'item-C1-minus')
    expect(wrapper.get('[data-testid="score-total"]').text()).toContain('100.0 / 100.0 分')
    await tap(wrapper, 'amend-next')
    await sign(wrapper)
    await tap(wrapper, 'amend-submit')
    expect(wrapper.get('[data-testid="amend-reason-error"]').text()).toBe('请写明更正原因。')
    expect(await visitsOf()).toHaveLength(1)

    await wrapper.get('[data-testid="amend-reason"]').setValue('复核录像，该员工已佩戴工号牌')
    await tap(wrapper, 'amend-submit')
    await vi.waitFor(async () => expect(await visitsOf()).toHaveLength(2))
    const [kept, amended] = await visitsOf()
    expect(kept).toMatchObject({ id: original.id, status: 'submitted', answers: original.answers })
    expect(amended).toMatchObject({ amends: original.id, amendReason: '复核录像，该员工已佩戴工号牌', status: 'submitted', summary: { normalised: 100 } })
    await vi.waitFor(() => expect(router.currentRoute.value.params.id).toBe(amended!.id))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="visit-amends"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="visit-amends"]').text()).toContain('更正原因：复核录像，该员工已佩戴工号牌')
  })

  it('once amended, it points to the correction and offers no second one', async () => {
    const original = await submittedVisit(b)
    await amendInspection(original.id, { answers: original.answers, vetoes: [], reason: '补记陪同人' }, { image: picture('sig'), name: '蒋平', staffId: b.inspector.id }, original.date)
    const { wrapper } = await mountVisits(`/inspection/visits/${original.id}`, b.inspector, 'visit-record')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="visit-amended-by"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="visit-amend"]').exists()).toBe(false)
  })

  it('reads in English', async () => {
    const visit = await submittedVisit(b)
    const { wrapper } = await mountVisits(`/inspection/visits/${visit.id}`, b.inspector, 'visit-record')
    i18n.global.locale.value = 'en'
    try {
      await wrapper.vm.$nextTick()
      expect(wrapper.get('[data-testid="visit-status"]').text()).toBe('Submitted, awaiting the branch')
      expect(wrapper.get('[data-testid="visit-locked"]').text()).toBe('Submitted, locked')
      expect(wrapper.get('[data-testid="visit-acknowledge"]').text()).toBe('Outlet signs to acknowledge')
      expect(wrapper.get('[data-testid="visit-amend"]').text()).toBe('Correct')
      expect(wrapper.get('[data-testid="sheet-item-C1"]').text()).toContain('−1.0 pts')
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })
})
