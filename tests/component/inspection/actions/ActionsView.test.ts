import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { RouterView } from 'vue-router'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { picture } from '../../../support/inspectionSeed'
import { database } from '@/db/connection'
import { i18n } from '@/i18n'
import { changeCorrectiveAction } from '@/db/repositories/inspection/actions'
import PhotoInput from '@/components/inspection/capture/PhotoInput.vue'
import { seedActionsBranch, stubPictureUrls, type ActionsBranch } from './seed'

const body = () => document.body
const inBody = (testid: string) => body().querySelector(`[data-testid="${testid}"]`) as HTMLElement | null
const click = (testid: string) => inBody(testid)!.click()
async function type(testid: string, text: string): Promise<void> {
  const field = body().querySelector(`[data-testid="${testid}"] textarea, textarea[data-testid="${testid}"]`) as HTMLTextAreaElement
  field.value = text
  field.dispatchEvent(new Event('input'))
  await flushPromises()
}

let b: ActionsBranch
beforeEach(async () => {
  await freshDatabase()
  stubPictureUrls()
  b = await seedActionsBranch()
})

describe('the branch head’s corrective actions', () => {
  it('lists the outlet’s overdue actions first, red with the days overdue, each with its visit, owner and due date; verified ones behind the filter', async () => {
    const c4 = await b.action('C4')
    const c1 = await b.action('C1')
    const { wrapper } = await mountWithApp(RouterView, { staff: b.head, route: '/inspection/actions' })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="action-row-${c4.id}"]`).exists()).toBe(true))
    const overdue = wrapper.get('[data-testid="actions-overdue"]')
    expect(overdue.text()).toContain('已逾期 2')
    const row = wrapper.get(`[data-testid="action-row-${c4.id}"]`)
    expect(row.text()).toContain('营业时间不玩手机')
    expect(row.text()).toContain('逾期 3 天')
    expect(row.text()).toContain('责任人：周婷（9005）')
    expect(row.text()).toContain(`${b.visitDate} 检查`)
    expect(wrapper.find(`[data-testid="action-row-${c1.id}"]`).exists()).toBe(false)

    await wrapper.get('[data-testid="actions-filter-verified"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="action-row-${c1.id}"]`).exists()).toBe(true))
    expect(wrapper.get(`[data-testid="action-row-${c1.id}"]`).text()).toContain('当场整改')
  })

  it('marks an action fixed only with evidence: refused in words without it, then with a note and a photo stored beside the change', async () => {
    const c4 = await b.action('C4')
    const { wrapper } = await mountWithApp(RouterView, { staff: b.head, route: '/inspection/actions' })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="action-row-${c4.id}"]`).exists()).toBe(true))
    await wrapper.get(`[data-testid="action-row-${c4.id}"]`).trigger('click')
    await vi.waitFor(() => expect(inBody('action-panel')).not.toBeNull())
    expect(inBody('action-scored')!.textContent).toContain('扣 2.0 分（满分 3.0 分）')
    expect(inBody('action-scored')!.textContent).toContain('闲聊')
    expect(inBody('action-verify')).toBeNull()
    expect(inBody('action-visit-link')?.getAttribute('href')).toBe(`/inspection/visits/${b.visit.id}`)

    click('action-fix')
    await flushPromises()
    click('action-fix-save')
    await vi.waitFor(() => expect(inBody('action-failure')?.textContent).toContain('请写明整改情况或拍一张整改后的照片'))
    expect((await database().records('correctiveActions').get(c4.id))?.status).toBe('open')

    await type('action-fix-note', '已在晨会上点评并签订承诺')
    wrapper.findComponent(PhotoInput).vm.$emit('captured', picture('after'))
    await flushPromises()
    click('action-fix-save')
    await vi.waitFor(async () => expect((await database().records('correctiveActions').get(c4.id))?.status).toBe('fixed'))
    const event = (await database().records('correctiveActions').get(c4.id))!.timeline.at(-1)!
    expect(event).toMatchObject({ status: 'fixed', by: '9001', note: '已在晨会上点评并签订承诺', photoIds: [expect.any(String)] })
    expect((await database().records('attachments').get(event.photoIds[0]!))?.ownerTable).toBe('correctiveActions')
    await vi.waitFor(() => expect(inBody('action-timeline')!.textContent).toContain('已整改'))
    await vi.waitFor(() => expect(wrapper.get('[data-testid="actions-fixed"]').text()).toContain('已整改，待复核 1'))
  })
})

describe('in English', () => {
  it('a row says how late the action is and who owns it', async () => {
    const c4 = await b.action('C4')
    const { wrapper } = await mountWithApp(RouterView, { staff: b.head, route: '/inspection/actions' })
    i18n.global.locale.value = 'en'
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="action-row-${c4.id}"]`).exists()).toBe(true))
    const row = wrapper.get(`[data-testid="action-row-${c4.id}"]`)
    await vi.waitFor(() => expect(row.text()).toContain('3 days overdue'))
    expect(row.text()).toContain('Owner: 周婷 (9005)')
    expect(row.text()).toContain(`Visit ${b.visitDate}`)
    expect(wrapper.get('[data-testid="actions-overdue"]').text()).toContain('Overdue 2')
  })
})

describe('the inspector’s corrective actions', () => {
  it('groups every outlet’s overdue and fixed actions by outlet, offers the visit’s re-check, and sends a fix back only with a reason', async () => {
    const d1 = await b.action('D1')
    await changeCorrectiveAction(d1.id, { to: 'fixed', on: b.visitDate, by: '9001', byInspector: false, via: 'manual', note: '已调整开门时间', photoIds: [] })
    const { wrapper } = await mountWithApp(RouterView, { staff: b.inspector, route: '/inspection/actions' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="actions-outlet-BJ001"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="actions-outlet-BJ001"]').text()).toContain('城东支行')
    expect(wrapper.find('[data-testid="actions-filter-verified"]').exists()).toBe(false)
    expect(wrapper.find(`[data-testid="recheck-open-${b.visit.id}"]`).exists()).toBe(true)
    expect(wrapper.get('[data-testid="actions-rechecks"]').text()).toContain('2 项待复查')

    await wrapper.get(`[data-testid="action-row-${d1.id}"]`).trigger('click')
    await vi.waitFor(() => expect(inBody('action-reopen')).not.toBeNull())
    click('action-reopen')
    await vi.waitFor(() => expect(inBody('action-failure')?.textContent).toContain('退回整改时请写明原因'))
    await type('action-reopen-reason', '现场查看仍晚开门')
    click('action-reopen')
    await vi.waitFor(async () => expect((await database().records('correctiveActions').get(d1.id))?.status).toBe('open'))
    expect((await database().records('correctiveActions').get(d1.id))?.timeline.at(-1)).toMatchObject({ by: '9014', note: '现场查看仍晚开门', via: 'manual' })

    click('action-verify')
    await vi.waitFor(async () => expect((await database().records('correctiveActions').get(d1.id))?.status).toBe('verified'))
    await vi.waitFor(() => expect(inBody('action-done')).not.toBeNull())
  })
})
