import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { database } from '@/db/connection'
import ComplaintForm from '@/views/lobby/complaints/ComplaintForm.vue'
import { i18n } from '@/i18n'

describe('the complaint form', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('says next to each field what is missing, and saves nothing', async () => {
    const { wrapper } = await mountWithApp(ComplaintForm, { roles: ['lobby_manager'], route: '/admin', props: { visitId: null, clientId: null } })
    expect(wrapper.text()).not.toContain('请填写投诉内容')
    await wrapper.get('[data-testid="complaint-save"]').trigger('click')
    await flushPromises()
    // element-plus shows each field's message after its own 100 ms debounce: wait for both.
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('请填写投诉内容')
      expect(wrapper.text()).toContain('请选择责任人')
    })
    expect(wrapper.emitted('saved')).toBeUndefined()
    expect(await database().records('complaints').count()).toBe(0)
  })

  it('clears a message once the field is filled in', async () => {
    const { wrapper } = await mountWithApp(ComplaintForm, { roles: ['lobby_manager'], route: '/admin', props: { visitId: null, clientId: null } })
    await wrapper.get('[data-testid="complaint-save"]').trigger('click')
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('请填写投诉内容')
      expect(wrapper.text()).toContain('请选择责任人')
    })
    await wrapper.get('textarea[data-testid="complaint-what"]').setValue('等候四十分钟无人引导')
    await vi.waitFor(() => expect(wrapper.text()).not.toContain('请填写投诉内容'))
    expect(wrapper.text()).toContain('请选择责任人')
  })

  it('resets the deadline to the severity’s default and shows the due date', async () => {
    const { wrapper } = await mountWithApp(ComplaintForm, { roles: ['lobby_manager'], route: '/admin', props: { visitId: null, clientId: null } })
    await wrapper.get('[data-testid="complaint-severity-high"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="complaint-severity-high"]').attributes('aria-checked')).toBe('true')
    expect((wrapper.get('[data-testid="complaint-days"] input').element as HTMLInputElement).value).toBe('1')
    expect(wrapper.get('[data-testid="complaint-due"]').text()).toMatch(/期限：\d{4}-\d{2}-\d{2} 周. \d{2}:\d{2}/)
  })

  it('reads in English after the language switch', async () => {
    const { wrapper } = await mountWithApp(ComplaintForm, { roles: ['lobby_manager'], route: '/admin', props: { visitId: null, clientId: null } })
    i18n.global.locale.value = 'en'
    await wrapper.get('[data-testid="complaint-save"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('Describe the complaint')
      expect(wrapper.text()).toContain('Choose who handles it')
    })
    i18n.global.locale.value = 'zh-CN'
  })
})
