import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import DueView from '@/views/wealth/care/DueView.vue'
import { i18n } from '@/i18n'
import { birthdayKey, seedCareBranch } from './seed'

describe('the due list', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('shows a manager their client due with the occasion, the channel and one tap to log it; logging takes it off', async () => {
    const { wang, chen } = await seedCareBranch()
    const { wrapper } = await mountWithApp(DueView, { staff: wang })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="due-${chen.id}"]`).exists()).toBe(true))
    const row = wrapper.get(`[data-testid="due-${chen.id}"]`)
    expect(row.text()).toContain('陈女士')
    expect(row.text()).toContain('钻石贵宾')
    expect(row.get(`[data-testid="due-item-${birthdayKey}"]`).text()).toMatch(/生日祝福/)
    expect(wrapper.get('[data-testid="due-filter-soon"]').text()).toBe('本周到期 1')

    await row.get(`[data-testid="log-contact-${chen.id}"]`).trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="log-save"]')).not.toBeNull())
    await flushPromises()
    ;(document.body.querySelector('[data-testid="log-save"]') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="due-${chen.id}"]`).exists()).toBe(false), { timeout: 3000 })
    expect(wrapper.get('[data-testid="due-empty"]').text()).toContain('本周没有待维护的客户')
  })

  it('shows the branch head compliance per manager, and opens a manager’s list', async () => {
    const { head, wang, chen } = await seedCareBranch()
    const { wrapper, router } = await mountWithApp(DueView, { staff: head })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="compliance-${wang.id}"]`).exists()).toBe(true))
    const card = wrapper.get(`[data-testid="compliance-${wang.id}"]`)
    expect(card.text()).toContain('王芳')
    expect(card.get('[data-testid="compliance-share"]').text()).toBe('100%')
    await card.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.query.manager).toBe(wang.id))
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="due-${chen.id}"]`).exists()).toBe(true))
    expect(wrapper.text()).toContain('王芳 的待办')
  })

  it('reads in English', async () => {
    const { wang, chen } = await seedCareBranch()
    i18n.global.locale.value = 'en'
    try {
      const { wrapper } = await mountWithApp(DueView, { staff: wang })
      i18n.global.locale.value = 'en'
      await vi.waitFor(() => expect(wrapper.find(`[data-testid="due-${chen.id}"]`).exists()).toBe(true))
      expect(wrapper.text()).toContain('Ms Chen')
      expect(wrapper.text()).toContain('Birthday wishes')
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })
})
